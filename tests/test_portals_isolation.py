"""Two portals in one installation: the host decides what the public sees; editors see their own portal."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from cms.editorial import roles
from cms.editorial.workflow.setup import setup_workflows
from cms.portals.models import Portal
from news.models import NewsIndexPage, NewsPage
from tests import factories
from tests.demo_snapshot import session_snapshot
from tests.workflow_helpers import make_user

pytestmark = pytest.mark.django_db

VANHO = "vanho.localhost"


def create_portal(name: str, hostname: str) -> Portal:
    call_command("create_portal", "--name", name, "--hostname", hostname, stdout=io.StringIO())
    return Portal.objects.get(hostname=hostname)


def _build_two_portals():
    """The province (its locales and news section) and Vân Hồ with its groups and workflow, an article each."""
    call_command("sync_locales", stdout=io.StringIO())
    news_index = factories.NewsIndexPageFactory(parent=factories.home_page())
    roles.setup_roles()
    setup_workflows()
    vanho = create_portal("Xã Vân Hồ", VANHO)
    factories.NewsPageFactory(parent=news_index, title="Tin của tỉnh")
    factories.NewsPageFactory(parent=NewsIndexPage.objects.child_of(vanho.home).get(), title="Tin của xã Vân Hồ")


two_portals_snapshot = session_snapshot(_build_two_portals)


@pytest.fixture
def two_portals(db, two_portals_snapshot):
    two_portals_snapshot.restore()
    return {
        "vanho": Portal.objects.get(hostname=VANHO),
        "province_article": NewsPage.objects.get(title="Tin của tỉnh"),
        "vanho_article": NewsPage.objects.get(title="Tin của xã Vân Hồ"),
    }


def test_each_host_shows_its_own_portal_on_the_home_page(client, two_portals):
    province = client.get("/vi/").content.decode()
    commune = client.get("/vi/", HTTP_HOST=VANHO).content.decode()
    assert "Tin của tỉnh" in province and "Tin của xã Vân Hồ" not in province
    assert "Tin của xã Vân Hồ" in commune and "Tin của tỉnh" not in commune
    assert "Cổng thông tin điện tử Xã Vân Hồ" in commune  # its own name from its portal settings


def test_an_article_is_served_on_its_own_portal_only(client, two_portals):
    article = two_portals["vanho_article"]
    url = article.get_url_parts()[2]
    assert client.get(url, HTTP_HOST=VANHO).status_code == 200
    assert client.get(url).status_code == 404


def test_rss_lists_the_portal_news_only(client, two_portals):
    commune = client.get("/vi/rss/", HTTP_HOST=VANHO).content.decode()
    assert "Tin của xã Vân Hồ" in commune and "Tin của tỉnh" not in commune


def titles(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["items"]}


def test_the_api_on_a_portal_host_serves_that_portal(client, two_portals):
    listing = "/api/v2/pages/?type=news.NewsPage"
    assert titles(client.get(listing, HTTP_HOST=VANHO)) == {"Tin của xã Vân Hồ"}
    assert titles(client.get(listing)) == {"Tin của tỉnh"}
    article = two_portals["vanho_article"]
    assert client.get(f"/api/v2/pages/{article.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{article.pk}/", HTTP_HOST=VANHO).status_code == 200


def test_one_api_host_serves_any_portal_with_the_site_parameter(client, two_portals):
    assert titles(client.get(f"/api/v2/pages/?type=news.NewsPage&site={VANHO}")) == {"Tin của xã Vân Hồ"}
    response = client.get("/api/v2/pages/?site=nowhere.localhost")
    assert response.status_code == 400
    assert response.json()["message"]


def test_commune_editor_cannot_open_the_province_pages(client, two_portals):
    editor = make_user("bientap_vanho", "Biên tập viên – Xã Vân Hồ")
    client.force_login(editor)
    province_article = two_portals["province_article"]
    assert client.get(f"/admin/pages/{two_portals['vanho_article'].pk}/edit/").status_code == 200
    # A crafted edit URL of another portal's page is refused, as is adding a page there.
    assert client.get(f"/admin/pages/{province_article.pk}/edit/").status_code in (302, 403)
    assert client.get(f"/admin/pages/add/news/newspage/{province_article.get_parent().pk}/").status_code in (302, 403)
    explorer = client.get(f"/admin/pages/{province_article.get_parent().pk}/").content.decode()
    assert "Tin của tỉnh" not in explorer
    search = client.get("/admin/pages/search/?q=Tin").content.decode()
    assert "Tin của xã Vân Hồ" in search and "Tin của tỉnh" not in search
    chooser = admin_html(client.get("/admin/choose-page/search/?q=Tin"))
    assert "Tin của xã Vân Hồ" in chooser and "Tin của tỉnh" not in chooser


def test_commune_editor_sees_only_the_portal_images_and_documents(client, two_portals):
    vanho = two_portals["vanho"]
    factories.ImageFactory(title="Ảnh của tỉnh")
    factories.ImageFactory(title="Ảnh của xã", collection=vanho.collection)
    factories.DocumentFactory(title="Văn bản của tỉnh")
    factories.DocumentFactory(title="Văn bản của xã", collection=vanho.collection)
    client.force_login(make_user("bientap_vanho", "Biên tập viên – Xã Vân Hồ"))
    for url in ("/admin/images/", "/admin/images/chooser/"):
        html = admin_html(client.get(url))
        assert "Ảnh của xã" in html and "Ảnh của tỉnh" not in html, url
    for url in ("/admin/documents/", "/admin/documents/chooser/"):
        html = admin_html(client.get(url))
        assert "Văn bản của xã" in html and "Văn bản của tỉnh" not in html, url


def test_the_api_lists_each_portal_its_own_images_and_documents(client, two_portals, settings):
    settings.API_CACHE_SECONDS = 0
    vanho = two_portals["vanho"]
    province_image = factories.ImageFactory(title="Ảnh của tỉnh")
    factories.ImageFactory(title="Ảnh của xã", collection=vanho.collection)
    factories.DocumentFactory(title="Văn bản của tỉnh")
    factories.DocumentFactory(title="Văn bản của xã", collection=vanho.collection)
    for endpoint, province, commune in (
        ("images", "Ảnh của tỉnh", "Ảnh của xã"),
        ("documents", "Văn bản của tỉnh", "Văn bản của xã"),
    ):
        listing = f"/api/v2/{endpoint}/?fields=title"
        assert commune in titles(client.get(listing, HTTP_HOST=VANHO))
        assert province not in titles(client.get(listing, HTTP_HOST=VANHO))
        assert province in titles(client.get(listing)) and commune not in titles(client.get(listing))
        assert commune in titles(client.get(f"{listing}&site={VANHO}"))
        assert commune not in titles(client.get(f"{listing}&search=xa", HTTP_HOST="localhost"))
        unknown = client.get(f"{listing}&site=nowhere.localhost")
        assert unknown.status_code == 400 and unknown.json()["parameter"] == "site"
    # A commune's article may show the province's image: its detail URL answers on the commune's host too.
    assert client.get(f"/api/v2/images/{province_image.pk}/", HTTP_HOST=VANHO).status_code == 200
    # Once the portal is archived, its media are nobody's to list.
    call_command("retire_portal", "--hostname", VANHO, "--archive", stdout=io.StringIO())
    assert "Ảnh của xã" not in titles(client.get("/api/v2/images/"))


def admin_html(response) -> str:
    """An admin page's HTML, or a chooser's (Wagtail's modal views answer JSON with the HTML inside)."""
    assert response.status_code == 200
    if response["Content-Type"].startswith("application/json"):
        return response.json()["html"]
    return response.content.decode()


def test_page_and_api_queries_do_not_grow_with_portals(client, two_portals, settings):
    settings.API_CACHE_SECONDS = 0  # measure the work, not the server-side caches
    settings.PAGE_CACHE_ENABLED = False
    listing = two_portals["province_article"].get_parent().url
    before = {url: _queries(client, url) for url in ("/vi/", listing, "/api/v2/pages/?type=news.NewsPage")}
    for n in range(3):
        create_portal(f"Xã Thử {n}", f"thu{n}.localhost")
    assert Page.objects.filter(depth=2).count() >= 8
    after = {url: _queries(client, url) for url in before}
    assert after == before


def _queries(client, url) -> int:
    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries)


def test_the_province_home_shows_news_the_communes_shared_upward(client, two_portals):
    vanho_news = NewsIndexPage.objects.child_of(two_portals["vanho"].home).get()
    factories.NewsPageFactory(parent=vanho_news, title="Tin xã đưa lên tỉnh", share_with_province=True)
    province = client.get("/vi/").content.decode()
    assert "Tin từ các xã, phường" in province
    assert "Tin xã đưa lên tỉnh" in province and "Xã Vân Hồ" in province
    assert "Tin của xã Vân Hồ" not in province  # not shared
    commune = client.get("/vi/", HTTP_HOST=VANHO).content.decode()
    assert "Tin từ các xã, phường" not in commune


def test_commune_editor_cannot_reach_the_province_snippets(client, two_portals):
    slide = factories.BannerSlideFactory(title="Ảnh banner của tỉnh")
    client.force_login(make_user("bientap_vanho", "Biên tập viên – Xã Vân Hồ"))
    assert "Ảnh banner của tỉnh" not in admin_html(client.get("/admin/snippets/home/bannerslide/"))
    assert client.get(f"/admin/snippets/home/bannerslide/edit/{slide.pk}/").status_code in (302, 403)
    response = client.post(f"/admin/snippets/home/bannerslide/edit/{slide.pk}/", {"title": "Đã bị sửa"})
    assert response.status_code in (302, 403)
    slide.refresh_from_db()
    assert slide.title == "Ảnh banner của tỉnh"


def test_related_news_stay_on_the_article_portal(client, two_portals):
    vanho_news = NewsIndexPage.objects.child_of(two_portals["vanho"].home).get()
    article = two_portals["vanho_article"]
    neighbour = factories.NewsPageFactory(
        parent=vanho_news, title="Tin cùng chuyên mục của xã", category=article.category
    )
    factories.NewsPageFactory(
        parent=two_portals["province_article"].get_parent(),
        title="Tin cùng chuyên mục của tỉnh",
        category=article.category,
    )
    assert [related.title for related in article.related_articles()] == [neighbour.title]
