"""A commune's staff see and reach only their portal in the admin's overviews and reports, in wagtail-localize's
snippet views, and in the statistics their pages show; the sites' lookups survive publishing.

Driven with the demo portals (the demo province portal and its communes, ``load_demo_portals``) and their
real groups (``setup_roles``, ``create_portal``).
"""

import time

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, Site
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.models import Translation, TranslationSource

from cms.core import cache, sites
from cms.editorial.workflow.setup import setup_workflows
from cms.portals.models import Portal
from cms.statistics.models import Statistic
from home.models import BannerSlide
from news.models import NewsIndexPage, NewsPage
from tests import factories
from tests.workflow_helpers import page_form

pytestmark = pytest.mark.django_db

VANHO = "vanho.localhost"


def user(username: str):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def communes(demo_portals):
    """Vân Hồ's and the province's statistic and banner slide, a Vân Hồ article, the province's first article."""
    vanho = Portal.objects.get(hostname=VANHO)
    province_news = NewsPage.objects.live().exclude(path__startswith=vanho.home.path[: sites.HOME_PATH_LENGTH])
    return {
        "vanho": vanho,
        "vanho_statistic": factories.StatisticFactory(label="Số liệu của xã Vân Hồ", site=vanho.site),
        "province_statistic": factories.StatisticFactory(label="Số liệu của tỉnh"),
        "vanho_slide": factories.BannerSlideFactory(title="Ảnh banner của xã Vân Hồ", site=vanho.site),
        "province_slide": factories.BannerSlideFactory(title="Ảnh banner của tỉnh"),
        "vanho_article": NewsPage.objects.child_of(NewsIndexPage.objects.child_of(vanho.home).get()).get(),
        "province_article": province_news.order_by("pk").first(),
    }


def html(response) -> str:
    assert response.status_code == 200, response.status_code
    if response["Content-Type"].startswith("application/json"):
        return response.json().get("html", response.content.decode())
    return response.content.decode()


def refused(response) -> bool:
    """Wagtail's permission-denied answer: a redirect to the dashboard (or 403 for JSON/API clients)."""
    return response.status_code == 403 or (response.status_code == 302 and "/login/" not in response["Location"])


def test_the_snippets_overview_counts_the_user_portal_rows_only(client, communes, settings):
    # Here every snippet model has its own menu item, so the overview lists none (and answers "no permission");
    # an installation that lists them all there (Wagtail's setting) must not count other portals' rows.
    settings.WAGTAILSNIPPETS_MENU_SHOW_ALL = True
    client.force_login(user("bientap.vanho"))
    response = client.get(reverse("wagtailsnippets:index"))
    counts = {entry["model"]: entry["count"] for entry in response.context["view"].snippet_types}
    assert counts[Statistic] == 1 and counts[BannerSlide] == 1
    client.force_login(user("admin"))
    response = client.get(reverse("wagtailsnippets:index"))
    counts = {entry["model"]: entry["count"] for entry in response.context["view"].snippet_types}
    assert counts[Statistic] == Statistic.objects.count() > 1


def test_translating_another_portal_snippet_is_refused(client, communes):
    province, own = communes["province_statistic"], communes["vanho_statistic"]
    english = Locale.objects.get(language_code="en")
    source, _created = TranslationSource.get_or_create_from_instance(province)
    translation = Translation.objects.create(source=source, target_locale=english)
    client.force_login(user("bientap.vanho"))
    before = Statistic.objects.count()
    submit = reverse("wagtail_localize:submit_snippet_translation", args=["cms", "statistic", province.pk])
    assert refused(client.get(submit))
    assert refused(client.post(submit, {"locales": [english.pk]}))
    assert Statistic.objects.count() == before
    assert (
        client.get(
            reverse("wagtail_localize:submit_snippet_translation", args=["cms", "statistic", own.pk])
        ).status_code
        == 200
    )
    for name in ("download_pofile", "stop_translation", "machine_translate"):
        assert refused(client.post(reverse(f"wagtail_localize:{name}", args=[translation.pk]))), name
    translation.refresh_from_db()
    assert translation.enabled
    assert refused(client.get(reverse("wagtail_localize:update_translations", args=[source.pk])))
    # The translation editor's snippet listing and the translations report keep to the portal.
    listing = client.get(reverse("wagtail_localize:snippets_api_listing", args=["cms", "statistic"])).content.decode()
    assert "Số liệu của xã Vân Hồ" in listing and "Số liệu của tỉnh" not in listing
    detail = reverse("wagtail_localize:snippets_api_detail", args=["cms", "statistic", province.pk])
    assert client.get(detail, follow=True).status_code == 404
    report = html(client.get(reverse("wagtail_localize:translations_report")))
    assert "Số liệu của tỉnh" not in report


def test_workflow_and_locked_pages_reports_show_the_user_portals_rows_only(client, communes):
    setup_workflows()  # the province's workflow for its snippets (the communes' come with create_portal)
    province_editor, vanho_editor, vanho_leader = user("editor"), user("bientap.vanho"), user("lanhdao.vanho")
    for slide, submitter in ((communes["province_slide"], province_editor), (communes["vanho_slide"], vanho_editor)):
        slide.save_revision(user=submitter)
        slide.get_workflow().start(slide, submitter)
    province_article, vanho_article = communes["province_article"], communes["vanho_article"]
    province_article.locked, province_article.locked_by = True, user("approver")
    province_article.save(update_fields=["locked", "locked_by"])
    vanho_article.locked, vanho_article.locked_by = True, vanho_leader
    vanho_article.save(update_fields=["locked", "locked_by"])

    client.force_login(vanho_leader)
    for name in ("wagtailadmin_reports:workflow", "wagtailadmin_reports:workflow_tasks"):
        response = client.get(reverse(name))
        report = html(response)
        assert "Ảnh banner của xã Vân Hồ" in report, name
        assert "Ảnh banner của tỉnh" not in report, name
        offered = filter_choices(response)
        assert {str(workflow) for workflow in offered["workflow"]} == {"Duyệt tin bài – Xã Vân Hồ"}, name
    assert list(filter_choices(client.get(reverse("wagtailadmin_reports:workflow")))["requested_by"]) == [vanho_editor]
    response = client.get(reverse("wagtailadmin_reports:site_history"))
    assert "Ảnh banner của xã Vân Hồ" in html(response) and "Ảnh banner của tỉnh" not in html(response)
    assert list(filter_choices(response)["user"]) == [vanho_editor]  # not every portal's staff
    response = client.get(reverse("wagtailadmin_reports:locked_pages"))
    assert vanho_article.title in html(response) and province_article.title not in html(response)
    assert list(filter_choices(response)["locked_by"]) == [vanho_leader]  # not the province's approver
    # The province's administrator sees every portal's rows.
    client.force_login(user("admin"))
    report = html(client.get(reverse("wagtailadmin_reports:workflow")))
    assert "Ảnh banner của xã Vân Hồ" in report and "Ảnh banner của tỉnh" in report


def filter_choices(response) -> dict:
    """The report's filters' choices (querysets), by filter name."""
    fields = response.context["view"].filters.form.fields
    return {name: field.queryset for name, field in fields.items() if hasattr(field, "queryset")}


def statistics_body(statistic) -> dict:
    chosen = {"count": 1, "0-value": statistic.pk, "0-deleted": "", "0-order": 0}
    return nested_form_data({"body": streamfield([("statistics", {"heading": "Số liệu", "statistics": chosen})])})


def test_a_statistic_of_another_portal_is_refused_in_a_page_body(client, communes):
    article = communes["vanho_article"]
    client.force_login(user("bientap.vanho"))
    data = page_form(client, article)
    for key in [key for key in data if key.startswith("body-")]:
        del data[key]
    revisions = article.revisions.count()
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        {**data, **statistics_body(communes["province_statistic"])},
    )
    assert response.status_code == 200
    assert "Số liệu của tỉnh" in str(response.context["form"].errors["body"])
    assert article.revisions.count() == revisions
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]), {**data, **statistics_body(communes["vanho_statistic"])}
    )
    assert response.status_code == 302
    assert article.revisions.count() == revisions + 1


def test_a_page_never_shows_another_portal_statistic(client, communes, settings):
    settings.PAGE_CACHE_ENABLED = False
    settings.API_CACHE_SECONDS = 0
    article = communes["vanho_article"]
    article.body = [
        (
            "statistics",
            {"heading": "Số liệu", "statistics": [communes["province_statistic"], communes["vanho_statistic"]]},
        )
    ]
    article.save_revision().publish()
    page = client.get(article.get_url_parts()[2], HTTP_HOST=VANHO).content.decode()
    assert "Số liệu của xã Vân Hồ" in page and "Số liệu của tỉnh" not in page
    api = client.get(f"/api/v2/pages/{article.pk}/", HTTP_HOST=VANHO).content.decode()
    assert "Số liệu của xã Vân Hồ" in api and "Số liệu của tỉnh" not in api


def queries(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured)


def test_publishing_leaves_the_portal_lookups_remembered(communes):
    request = RequestFactory().get("/", HTTP_HOST=VANHO)

    def lookups():
        assert sites.site_id_for_request(request) == communes["vanho"].site_id
        assert sites.site_id_of_path(communes["vanho_article"].path) == communes["vanho"].site_id
        sites.portal_names()

    assert queries(lookups) == 4  # the host table, the trees (sites, homes), the names
    assert queries(lookups) == 0
    communes["vanho_article"].save_revision().publish()
    assert queries(lookups) == 0
    # A Site change renews the sites stamp; so does another process's (the stamp file holds it).
    site = Site.objects.get(hostname=VANHO)
    site.site_name = "Xã Vân Hồ (mới)"
    site.save()
    assert queries(lookups) == 4
    assert sites.portal_names()[communes["vanho"].home.path] == "Xã Vân Hồ (mới)"
    cache._write_file(cache._stamp_file(cache.SITES_FILE_SUFFIX), time.time() + 60)
    assert queries(lookups) == 4
