"""Directive records: date validation in the editor and the status derived from the dates."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from news.choices import DirectiveStatus
from tests import factories

# Building a page looks up its content type, so even unsaved pages need the database.
pytestmark = pytest.mark.django_db


def directive(**dates):
    defaults = {"issue_date": datetime.date(2024, 1, 10), "effective_date": datetime.date(2024, 1, 15)}
    return factories.DirectivePageFactory.build(**{**defaults, **dates})


def test_effective_date_before_issue_date_is_a_validation_error():
    page = directive(issue_date=datetime.date(2024, 2, 1), effective_date=datetime.date(2024, 1, 1))
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "effective_date" in error.value.message_dict


def test_expiry_before_effective_date_is_a_validation_error():
    page = directive(expiry_date=datetime.date(2024, 1, 1))
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "expiry_date" in error.value.message_dict


def test_effective_on_issue_date_is_valid():
    directive(effective_date=datetime.date(2024, 1, 10)).clean()


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (datetime.date(2024, 1, 14), DirectiveStatus.NOT_YET_IN_FORCE),
        (datetime.date(2024, 1, 15), DirectiveStatus.IN_FORCE),
        (datetime.date(2024, 6, 30), DirectiveStatus.IN_FORCE),
        (datetime.date(2024, 7, 1), DirectiveStatus.EXPIRED),
    ],
)
def test_status_follows_the_dates(on, expected):
    page = directive(expiry_date=datetime.date(2024, 6, 30))
    assert page.get_status(on) == expected


def test_directive_without_expiry_stays_in_force():
    assert directive().get_status(datetime.date(2099, 1, 1)) == DirectiveStatus.IN_FORCE


def test_admin_shows_a_form_error_and_keeps_the_input(admin_client, directive_index):
    url = reverse("wagtailadmin_pages:add", args=("news", "directivepage", directive_index.pk))
    response = admin_client.post(
        url,
        {
            "title": "Quyết định sai ngày",
            "slug": "quyet-dinh-sai-ngay",
            "number": "99/QĐ-UBND",
            "document_type": "quyet-dinh",
            "issuing_agency": "UBND huyện",
            "sector": "hanh-chinh",
            "signer_name": "Nguyễn Văn An",
            "issue_date": "2024-03-01",
            "effective_date": "2024-02-01",
            "summary": "Trích yếu giữ nguyên",
            "attachments-TOTAL_FORMS": "0",
            "attachments-INITIAL_FORMS": "0",
            "attachments-MIN_NUM_FORMS": "0",
            "attachments-MAX_NUM_FORMS": "1000",
            "body-count": "0",
        },
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Ngày có hiệu lực không được trước ngày ban hành." in content
    assert "Trích yếu giữ nguyên" in content
    assert not directive_index.get_children().exists()


def test_register_count_facets_and_search_agencies_follow_publishing(client_vi, directive_index):
    """The register's count and filter options, and the search page's agencies, are remembered per content
    generation: publishing a directive must show up in all of them at once."""

    def publish(number, agency):
        page = factories.DirectivePageFactory(
            parent=directive_index,
            title=f"Quyết định {number}",
            number=f"{number}/QĐ-UBND",
            document_type="quyet-dinh",
            issuing_agency=agency,
            live=False,
        )
        page.save_revision().publish()

    for number in range(10):
        publish(number, "UBND huyện")
    first = client_vi.get(directive_index.url, {"type": "quyet-dinh"})
    assert first.context["directives"].paginator.num_pages == 1
    assert list(first.context["agencies"]) == ["UBND huyện"]
    assert list(client_vi.get("/vi/search/", {"q": "quyet dinh"}).context["agencies"]) == ["UBND huyện"]

    publish(10, "Sở Y tế")
    second = client_vi.get(directive_index.url, {"type": "quyet-dinh"})
    assert second.context["directives"].paginator.count == 11
    assert second.context["directives"].paginator.num_pages == 2
    assert set(second.context["agencies"]) == {"UBND huyện", "Sở Y tế"}
    assert set(client_vi.get("/vi/search/", {"q": "quyet dinh"}).context["agencies"]) == {"UBND huyện", "Sở Y tế"}


def test_register_filters_use_the_api_and_search_names_and_old_links_still_work(client_vi, directive_index):
    for number, (kind, agency) in enumerate([("quyet-dinh", "UBND huyện"), ("cong-van", "Sở Y tế")]):
        factories.DirectivePageFactory(
            parent=directive_index,
            title=f"Văn bản {number}",
            number=f"{number}/UBND",
            document_type=kind,
            issuing_agency=agency,
        )

    def titles(params):
        response = client_vi.get(directive_index.url, params)
        return [page.title for page in response.context["directives"]], response.context["filters"]

    assert titles({"document_type": "cong-van"}) == (["Văn bản 1"], {"document_type": "cong-van"})
    assert titles({"issuing_agency": "UBND huyện"}) == (["Văn bản 0"], {"issuing_agency": "UBND huyện"})
    # The register's first parameter names, in links shared before the rename.
    assert titles({"type": "cong-van"}) == (["Văn bản 1"], {"document_type": "cong-van"})
    assert titles({"agency": "UBND huyện"}) == (["Văn bản 0"], {"issuing_agency": "UBND huyện"})
    html = client_vi.get(directive_index.url, {"document_type": "cong-van"}).content.decode()
    assert 'name="document_type"' in html and 'name="issuing_agency"' in html
