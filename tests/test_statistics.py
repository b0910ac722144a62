"""Statistics: editors manage figures once as snippets, approvers publish them, pages and the API show them."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import GroupApprovalTask, Locale, Workflow, WorkflowContentType, WorkflowTask

from cms.body import BodyBlock
from cms.editorial.roles import APPROVERS, EDITORS, setup_roles
from cms.statistics.models import Statistic
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def english():
    return Locale.objects.get_or_create(language_code="en")[0]


def user_in(role, username):
    user = get_user_model().objects.create_user(username=username, password="x" * 12)
    user.groups.add(setup_roles()[role.name])
    return user


def test_statistic_shows_part_of_total_with_percentage():
    statistic = factories.StatisticFactory.build(value=93, total=180)
    with translation.override("vi"):
        assert statistic.display_value == "93/180"
    assert statistic.percentage == Decimal("51.7")


def test_percentage_statistic_reads_as_percent_and_large_numbers_are_grouped():
    assert factories.StatisticFactory.build(value=100, total=None, unit="%").display_value == "100%"
    with translation.override("vi"):
        assert factories.StatisticFactory.build(value=Decimal("1234.50"), total=None).display_value == "1.234,5"
    with translation.override("en"):
        assert factories.StatisticFactory.build(value=Decimal("1234.50"), total=None).display_value == "1,234.5"


def test_value_cannot_exceed_total():
    statistic = factories.StatisticFactory.build(value=200, total=180)
    with pytest.raises(ValidationError) as error:
        statistic.full_clean()
    assert "value" in error.value.message_dict


def test_same_label_and_date_is_unique_per_language(english):
    original = factories.StatisticFactory(label="Bản, tiểu khu")
    duplicate = factories.StatisticFactory.build(label="Bản, tiểu khu")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "label" in error.value.message_dict
    translation_copy = original.copy_for_translation(english)
    translation_copy.full_clean()  # the same label in another language is fine


def test_editor_creates_a_draft_statistic_and_cannot_publish_it(client):
    client.force_login(user_in(EDITORS, "editor"))
    url = reverse("wagtailsnippets_cms_statistic:add") + "?locale=vi"
    form = {
        "label": "Cơ quan còn phải ban hành quy chế",
        "value": "10",
        "total": "83",
        "unit": "cơ quan",
        "reference_date": "2024-06-30",
        "source": "Ban chỉ đạo",
    }
    assert client.get(url).status_code == 200
    response = client.post(url, {**form, "action-publish": "action-publish"})
    assert response.status_code == 302
    statistic = Statistic.objects.get(label=form["label"])
    assert statistic.live is False
    assert statistic.latest_revision is not None


def test_approver_cannot_publish_a_statistic_without_the_workflow(client):
    """Approvers publish by approving the workflow's last step, never with a direct publish."""
    setup_roles()
    statistic = factories.StatisticFactory(live=False, label="Mô hình Dân vận khéo", value=75, total=None)
    statistic.save_revision()
    client.force_login(user_in(APPROVERS, "approver"))
    url = reverse("wagtailsnippets_cms_statistic:edit", args=[statistic.pk])
    form = {"label": statistic.label, "value": "75", "total": "", "unit": "mô hình", "reference_date": "2024-06-30"}
    client.post(url, {**form, "source": "", "action-publish": "action-publish"})
    statistic.refresh_from_db()
    assert statistic.live is False


def test_admin_listing_searches_and_filters_statistics(client):
    factories.StatisticFactory(label="Bản, tiểu khu còn phải xây dựng hương ước")
    factories.StatisticFactory(label="Doanh nghiệp còn phải ban hành quy chế")
    client.force_login(user_in(EDITORS, "editor"))
    url = reverse("wagtailsnippets_cms_statistic:list")
    html = client.get(url, {"q": "hương ước"}).content.decode()
    assert "Bản, tiểu khu còn phải xây dựng hương ước" in html
    assert "Doanh nghiệp còn phải ban hành quy chế" not in html
    assert client.get(url, {"live": "true", "locale": "vi"}).status_code == 200
    chooser = client.get(reverse("wagtailsnippetchoosers_cms_statistic:choose"), {"q": "hương ước"})
    assert chooser.status_code == 200


def test_duplicate_statistic_is_a_form_error_not_a_crash(client):
    factories.StatisticFactory(label="Cơ quan", reference_date=datetime.date(2024, 6, 30))
    client.force_login(user_in(EDITORS, "editor"))
    url = reverse("wagtailsnippets_cms_statistic:add") + "?locale=vi"
    form = {"label": "Cơ quan", "value": "10", "total": "83", "unit": "", "reference_date": "2024-06-30", "source": ""}
    response = client.post(url, form)
    assert response.status_code == 200
    assert "Đã có số liệu cùng nội dung và ngày trong ngôn ngữ này." in response.content.decode()
    assert Statistic.objects.filter(label="Cơ quan").count() == 1


def test_statistic_goes_through_the_approval_workflow():
    approvers = setup_roles()[APPROVERS.name]
    editor = user_in(EDITORS, "editor")
    approver = user_in(APPROVERS, "approver")
    workflow = Workflow.objects.create(name="Phê duyệt số liệu")
    task = GroupApprovalTask.objects.create(name="Lãnh đạo duyệt")
    task.groups.add(approvers)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowContentType.objects.create(workflow=workflow, content_type=ContentType.objects.get_for_model(Statistic))

    statistic = factories.StatisticFactory(live=False)
    statistic.save_revision(user=editor)
    statistic.get_workflow().start(statistic, editor)
    assert statistic.workflow_in_progress
    assert not statistic.live

    task_state = statistic.current_workflow_task_state
    task_state.task.specific.on_action(task_state, approver, "approve")
    statistic.refresh_from_db()
    assert statistic.live
    assert not statistic.workflow_in_progress


def test_translated_statistic_is_shown_in_the_pages_language(english):
    vi = factories.StatisticFactory(label="Bản, tiểu khu còn phải xây dựng hương ước")
    en = vi.copy_for_translation(english)
    en.label = "Villages still to adopt their community rules"
    en.save()
    en.save_revision().publish()
    block = BodyBlock().child_blocks["statistics"]
    value = block.to_python({"heading": "", "statistics": [vi.pk]})
    vi_page = factories.home_page()
    en_page = vi_page.copy_for_translation(english)

    assert "Villages still to adopt" in block.render(value, {"page": en_page})
    assert "Bản, tiểu khu còn phải" in block.render(value, {"page": vi_page})
    api = block.get_api_representation(value, {"page": en_page})
    assert api["statistics"][0]["label"] == "Villages still to adopt their community rules"
    assert api["statistics"][0]["locale"] == "en"


def test_admin_preview_of_a_translated_page_shows_the_translation(english):
    vi = factories.StatisticFactory(label="Doanh nghiệp")
    en = vi.copy_for_translation(english)
    en.label = "Enterprises"
    en.save()
    en.save_revision().publish()
    block = BodyBlock().child_blocks["statistics"]
    value = block.normalize({"heading": "", "statistics": [vi]})  # as the page editor's form gives it
    assert "Enterprises" in block.render(value, {"page": factories.home_page().copy_for_translation(english)})


def test_untranslated_statistic_falls_back_to_the_chosen_one_only_when_configured(english):
    vi = factories.StatisticFactory()
    block = BodyBlock().child_blocks["statistics"]
    value = block.to_python({"heading": "", "statistics": [vi.pk]})
    en_page = factories.home_page().copy_for_translation(english)
    with override_settings(PORTAL_SNIPPET_FALLBACK_TO_DEFAULT=True):
        assert block.get_api_representation(value, {"page": en_page})["statistics"][0]["id"] == vi.pk
    with override_settings(PORTAL_SNIPPET_FALLBACK_TO_DEFAULT=False):
        assert block.get_api_representation(value, {"page": en_page})["statistics"] == []


def test_draft_translation_is_not_shown(english):
    vi = factories.StatisticFactory(label="Số liệu tiếng Việt")
    en = vi.copy_for_translation(english)
    en.label = "Unpublished English"
    en.live = False
    en.save()
    block = BodyBlock().child_blocks["statistics"]
    value = block.to_python({"heading": "", "statistics": [vi.pk]})
    en_page = factories.home_page().copy_for_translation(english)
    assert "Unpublished English" not in block.render(value, {"page": en_page})
    with override_settings(PORTAL_SNIPPET_FALLBACK_TO_DEFAULT=True):
        html = block.render(value, {"page": en_page})
    assert "Unpublished English" not in html and "Số liệu tiếng Việt" in html


def test_statistics_api_lists_published_statistics_only(client):
    published = factories.StatisticFactory(label="Đã xuất bản")
    factories.StatisticFactory(label="Bản nháp", live=False)
    factories.StatisticFactory(label="Hết hạn", expire_at=timezone.now() - datetime.timedelta(minutes=1))
    response = client.get("/api/v2/statistics/")
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["total_count"] == 1
    item = data["items"][0]
    assert item == {
        "id": published.pk,
        "label": "Đã xuất bản",
        "value": 93,
        "total": 180,
        "unit": "bản, tiểu khu",
        "percentage": 51.7,
        "display_value": "93/180",
        "display_text": "93/180 bản, tiểu khu",
        "reference_date": "2024-06-30",
        "source": "Ban chỉ đạo thực hiện dân chủ ở cơ sở huyện",
        "locale": "vi",
    }
    assert client.get(f"/api/v2/statistics/{published.pk}/").json()["label"] == "Đã xuất bản"
    draft = Statistic.objects.get(label="Bản nháp")
    # LocaleMiddleware turns every 404 outside i18n_patterns into a redirect to /vi/...; that page is a 404 too.
    response = client.get(f"/api/v2/statistics/{draft.pk}/", follow=True)
    assert response.status_code == 404
    assert "Bản nháp" not in response.content.decode()


def test_statistics_api_filters_by_locale(client, english):
    vi = factories.StatisticFactory()
    en = vi.copy_for_translation(english)
    en.save()
    en.save_revision().publish()
    items = client.get("/api/v2/statistics/", {"locale": "en"}).json()["items"]
    assert [item["locale"] for item in items] == ["en"]
    assert client.get("/api/v2/statistics/").json()["meta"]["total_count"] == 2


@pytest.mark.parametrize("params", [{"locale": "xx"}, {"colour": "red"}, {"limit": "-1"}])
def test_statistics_api_rejects_bad_input_with_a_message(client, params):
    factories.StatisticFactory()
    response = client.get("/api/v2/statistics/", params)
    assert response.status_code == 400
    assert response.json()["message"]


def test_statistics_api_refuses_a_locale_with_control_characters(client, db):
    """Found by schemathesis on PostgreSQL: a NUL in ?locale= reached the database and answered 500."""
    response = client.get("/api/v2/statistics/", {"locale": "\x00vi"})
    assert response.status_code == 400
    assert "locale" in response.json()["message"]


def test_a_percentage_statistic_does_not_repeat_its_unit(client, db):
    from tests import factories

    statistic = factories.StatisticFactory(value=100, total=None, unit="%")
    statistic.save_revision().publish()
    [item] = [i for i in client.get("/api/v2/statistics/").json()["items"] if i["id"] == statistic.pk]
    assert (item["display_value"], item["unit"], item["display_text"]) == ("100", "%", "100%")
