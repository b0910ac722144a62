"""The directive register and the pages API take the same filters, read by one parser (news.filters)."""

import datetime

import pytest

from news.filters import DirectiveFilters
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def directives(directive_index):
    rows = [
        ("1/QĐ-UBND", "quyet-dinh", "UBND huyện", datetime.date(2023, 5, 2), None),
        ("2/CT-UBND", "chi-thi", "UBND huyện", datetime.date(2024, 2, 10), None),
        ("3/KH-UBND", "ke-hoach", "Sở Y tế", datetime.date(2024, 8, 20), datetime.date(2024, 9, 1)),
    ]
    for number, kind, agency, issued, expiry in rows:
        factories.DirectivePageFactory(
            parent=directive_index,
            title=f"Văn bản {number}",
            number=number,
            document_type=kind,
            issuing_agency=agency,
            issue_date=issued,
            effective_date=issued,
            expiry_date=expiry,
        )
    return directive_index


SAME_FILTERS = [
    ({"year": "2024"}, {"2/CT-UBND", "3/KH-UBND"}),
    ({"issued_from": "2024-01-01"}, {"2/CT-UBND", "3/KH-UBND"}),
    ({"issued_to": "2024-02-10"}, {"1/QĐ-UBND", "2/CT-UBND"}),
    ({"issued_from": "2024-01-01", "issued_to": "2024-06-30"}, {"2/CT-UBND"}),
    ({"document_type": "chi-thi"}, {"2/CT-UBND"}),
    ({"issuing_agency": "Sở Y tế"}, {"3/KH-UBND"}),
    ({"status": "expired"}, {"3/KH-UBND"}),
    ({"year": "2024", "status": "in-force"}, {"2/CT-UBND"}),
]


@pytest.mark.parametrize(("params", "expected"), SAME_FILTERS)
def test_register_and_api_answer_the_same_filters_alike(client_vi, directives, params, expected):
    register = client_vi.get(directives.url, params)
    assert {page.number for page in register.context["directives"]} == expected
    api = client_vi.get("/api/v2/pages/", {"type": "news.DirectivePage", "fields": "number", **params})
    assert api.status_code == 200, api.content
    assert {item["number"] for item in api.json()["items"]} == expected


def test_register_reads_dates_as_people_type_them_and_shows_them_back(client_vi, directives):
    response = client_vi.get(directives.url, {"issued_from": "01/01/2024", "issued_to": "30/06/2024"})
    assert [page.number for page in response.context["directives"]] == ["2/CT-UBND"]
    html = response.content.decode()
    assert 'name="issued_from"' in html and 'value="01/01/2024"' in html and 'value="30/06/2024"' in html


@pytest.mark.parametrize(
    "params", [{"year": "abc"}, {"issued_from": "hôm qua"}, {"status": "x"}, {"document_type": "x"}]
)
def test_a_bad_value_is_ignored_and_named_on_the_register_and_refused_by_the_api(client_vi, directives, params):
    register = client_vi.get(directives.url, params)
    assert register.status_code == 200
    assert register.context["directives"].paginator.count == 3
    assert register.context["ignored"] == list(params)
    assert "Bộ lọc bị bỏ qua" in register.content.decode()
    api = client_vi.get("/api/v2/pages/", {"type": "news.DirectivePage", **params})
    assert api.status_code == 400 and api.json()["parameter"] == next(iter(params))


def test_one_parser_the_api_takes_iso_dates_only_and_type_is_the_page_type_there():
    register = DirectiveFilters.parse({"issued_from": "01/02/2024", "type": "chi-thi"}, register=True)
    assert register.values == {"issued_from": datetime.date(2024, 2, 1), "document_type": "chi-thi"}
    api = DirectiveFilters.parse({"issued_from": "01/02/2024", "type": "news.DirectivePage"})
    assert api.values == {} and list(api.errors) == ["issued_from"]
    assert DirectiveFilters.parse({"field": "y-te"}).values == {"sector": "y-te"}
    assert list(DirectiveFilters.parse({"year": "1899"}).errors) == ["year"]
    assert list(DirectiveFilters.parse({"issuing_agency": "x" * 256}).errors) == ["issuing_agency"]
    assert DirectiveFilters.parse({"issuing_agency": "UBND\x00 huyện"}).values == {"issuing_agency": "UBND huyện"}


def test_the_three_registers_share_the_filter_form_and_the_listing(client_vi, directives):
    from cms.core.pages import RegisterPage
    from cms.disclosures.models import DisclosureIndexPage
    from cms.procedures.models import ProcedureIndexPage
    from news.models import DirectiveIndexPage

    registers = (DirectiveIndexPage, ProcedureIndexPage, DisclosureIndexPage)
    assert all(issubclass(model, RegisterPage) for model in registers)
    response = client_vi.get(directives.url)
    used = {template.name for template in response.templates}
    includes = {"filter_select.html", "filter_date.html", "filter_actions.html"}
    assert {f"cms/includes/{name}" for name in includes} <= used
