"""Banner slides and statistics belong to one portal: its editors manage them, its pages and API show them."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Site

from cms.editorial import roles
from cms.editorial.workflow.setup import setup_workflows
from cms.portals.models import Portal
from cms.statistics.models import Statistic
from home.models import BannerSlide
from tests import factories
from tests.demo_snapshot import session_snapshot
from tests.workflow_helpers import as_user, edit_snippet, make_user, snippet_form, snippet_url, snippet_workflow_action

pytestmark = pytest.mark.django_db

VANHO = "vanho.localhost"
EDITOR = "Biên tập viên – Xã Vân Hồ"


def _build_portals():
    """The locales, roles and workflows, Vân Hồ, and a banner slide and a statistic for each portal."""
    call_command("sync_locales", stdout=io.StringIO())
    roles.setup_roles()
    setup_workflows()
    call_command("create_portal", "--name", "Xã Vân Hồ", "--hostname", VANHO, stdout=io.StringIO())
    vanho = Portal.objects.get(hostname=VANHO)
    factories.BannerSlideFactory(title="Ảnh banner của tỉnh")
    factories.BannerSlideFactory(title="Ảnh banner của xã", site=vanho.site)
    factories.StatisticFactory(label="Số liệu của tỉnh")
    factories.StatisticFactory(label="Số liệu của xã", site=vanho.site)


portals_snapshot = session_snapshot(_build_portals)


@pytest.fixture
def portals(db, portals_snapshot):
    portals_snapshot.restore()
    return {
        "vanho": Portal.objects.get(hostname=VANHO),
        "province_slide": BannerSlide.objects.get(title="Ảnh banner của tỉnh"),
        "vanho_slide": BannerSlide.objects.get(title="Ảnh banner của xã"),
        "province_statistic": Statistic.objects.get(label="Số liệu của tỉnh"),
        "vanho_statistic": Statistic.objects.get(label="Số liệu của xã"),
        "province_site": Site.objects.get(is_default_site=True),
    }


def html_of(response) -> str:
    assert response.status_code == 200, response.status_code
    if response["Content-Type"].startswith("application/json"):
        return response.json()["html"]
    return response.content.decode()


def test_a_snippet_made_without_a_portal_belongs_to_the_default_site(portals):
    assert portals["province_slide"].site == portals["province_site"]
    assert portals["province_statistic"].site == portals["province_site"]


def test_commune_editor_lists_and_chooses_only_the_portal_snippets(client, portals):
    as_user(client, make_user("bientap_vanho", EDITOR))
    slides = html_of(client.get(snippet_url("list")))
    assert "Ảnh banner của xã" in slides and "Ảnh banner của tỉnh" not in slides
    statistics = html_of(client.get(reverse("wagtailsnippets_cms_statistic:list")))
    assert "Số liệu của xã" in statistics and "Số liệu của tỉnh" not in statistics
    for url in (
        reverse("wagtailsnippetchoosers_cms_statistic:choose"),
        reverse("wagtailsnippetchoosers_cms_statistic:choose_results"),
    ):
        chooser = html_of(client.get(url, {"q": "Số liệu"}))
        assert "Số liệu của xã" in chooser and "Số liệu của tỉnh" not in chooser, url
    chosen = reverse("wagtailsnippetchoosers_cms_statistic:chosen", args=[portals["province_statistic"].pk])
    assert client.get(chosen, follow=True).status_code == 404
    chosen = reverse("wagtailsnippetchoosers_cms_statistic:chosen", args=[portals["vanho_statistic"].pk])
    assert client.get(chosen, follow=True).status_code == 200


def test_a_crafted_url_to_another_portal_snippet_is_refused(client, portals):
    as_user(client, make_user("bientap_vanho", EDITOR))
    slide = portals["province_slide"]
    assert client.get(snippet_url("edit", portals["vanho_slide"].pk)).status_code == 200
    for name in ("edit", "delete", "usage", "history", "copy", "lock", "unlock", "unpublish", "workflow_history"):
        url = snippet_url(name, slide.pk)
        assert client.get(url).status_code in (302, 403), name
        assert client.post(url, {"title": "Đã bị sửa"}).status_code in (302, 403), name
    slide.refresh_from_db()
    assert slide.title == "Ảnh banner của tỉnh" and slide.locked is False
    statistic = portals["province_statistic"]
    url = reverse("wagtailsnippets_cms_statistic:edit", args=[statistic.pk])
    assert client.post(url, {"label": "Đã bị sửa"}).status_code in (302, 403)
    statistic.refresh_from_db()
    assert statistic.label == "Số liệu của tỉnh"


def test_commune_editor_edits_the_portal_slide_and_cannot_move_it_to_another_portal(client, portals):
    as_user(client, make_user("bientap_vanho", EDITOR))
    slide = portals["vanho_slide"]
    response = edit_snippet(client, slide, title="Ảnh banner mới của xã", site=str(portals["province_site"].pk))
    assert response.status_code == 302, html_of(response)
    slide.refresh_from_db()
    assert slide.latest_revision.as_object().title == "Ảnh banner mới của xã"
    assert slide.latest_revision.as_object().site_id == portals["vanho"].site_id


def test_commune_editor_adds_a_statistic_to_the_portal_whatever_the_form_says(client, portals):
    as_user(client, make_user("bientap_vanho", EDITOR))
    add = reverse("wagtailsnippets_cms_statistic:add")
    form = html_of(client.get(add))
    assert "Xã Vân Hồ" in form
    data = {
        "label": "Số liệu của tỉnh",  # the province has one with this label and date: no clash across portals
        "value": "5",
        "total": "10",
        "unit": "bản",
        "reference_date": "2024-06-30",
        "source": "",
        "site": str(portals["province_site"].pk),
    }
    response = client.post(add, data)
    assert response.status_code == 302, html_of(response)
    created = factories.Statistic.objects.filter(label="Số liệu của tỉnh").exclude(pk=portals["province_statistic"].pk)
    assert [row.site_id for row in created] == [portals["vanho"].site_id]


def test_a_commune_slide_goes_through_the_commune_workflow(client, portals):
    editor = make_user("bientap_vanho", EDITOR)
    reviewer = make_user("thamdinh_vanho", "Thẩm định – Xã Vân Hồ")
    approver = make_user("lanhdao_vanho", "Lãnh đạo phê duyệt – Xã Vân Hồ")
    slide = factories.BannerSlideFactory(title="Ảnh chờ duyệt", site=portals["vanho"].site, live=False)
    assert slide.get_workflow().name == "Duyệt tin bài – Xã Vân Hồ"
    assert portals["province_slide"].get_workflow().name == "Duyệt tin bài"
    response = edit_snippet(as_user(client, editor), slide, "submit")
    assert response.status_code == 302
    snippet_workflow_action(as_user(client, reviewer), slide, "approve")
    snippet_workflow_action(as_user(client, approver), slide, "approve")
    slide.refresh_from_db()
    assert slide.live
    # The province's reviewers are not on this workflow; nor is another portal's editor able to open it.
    assert snippet_form(as_user(client, reviewer), slide)


def test_each_portal_home_shows_its_own_slides(client, portals):
    province = client.get("/vi/").content.decode()
    commune = client.get("/vi/", HTTP_HOST=VANHO).content.decode()
    assert "Ảnh banner của tỉnh" in province and "Ảnh banner của xã" not in province
    assert "Ảnh banner của xã" in commune and "Ảnh banner của tỉnh" not in commune


def labels(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {item["label"] for item in response.json()["items"]}


def test_the_statistics_api_serves_each_portal_its_own(client, portals, settings):
    settings.API_CACHE_SECONDS = 0
    assert labels(client.get("/api/v2/statistics/")) == {"Số liệu của tỉnh"}
    assert labels(client.get("/api/v2/statistics/", HTTP_HOST=VANHO)) == {"Số liệu của xã"}
    assert labels(client.get(f"/api/v2/statistics/?site={VANHO}")) == {"Số liệu của xã"}
    assert client.get("/api/v2/statistics/?site=nowhere.localhost").status_code == 400
    province_statistic = portals["province_statistic"]
    assert client.get(f"/api/v2/statistics/{province_statistic.pk}/", HTTP_HOST=VANHO).status_code == 404


def test_an_archived_portal_slides_show_nowhere(client, portals):
    call_command("retire_portal", "--hostname", VANHO, "--archive", stdout=io.StringIO())
    slide = BannerSlide.objects.get(pk=portals["vanho_slide"].pk)
    assert slide.site_id is None
    assert "Ảnh banner của xã" not in client.get("/vi/").content.decode()
