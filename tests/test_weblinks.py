"""Web links to other state agencies (liên kết website): a page per portal grouped by category, and the footer;
links open in a new window without giving it the portal's window; hidden pages show nothing anywhere."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.test.utils import WagtailPageTestCase

from cms.weblinks.models import WebLink, WebLinkPage
from home.models import HomePage
from tests import factories
from tests.test_api_openapi import conforms

pytestmark = pytest.mark.django_db


def links_page(parent, slug="lien-ket-website", publish=True, links=None):
    page = WebLinkPage(title="Liên kết website", slug=slug, live=publish)
    page.links = [
        WebLink(category=category, title=title, url=url, show_in_footer=footer, locale=parent.locale)
        for category, title, url, footer in links
        or [
            ("tinh", "Cổng thông tin tỉnh Sơn La", "https://sonla.gov.vn", True),
            ("quoc-gia", "Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn", True),
            ("trung-uong", "Bộ Nội vụ", "https://moha.gov.vn", False),
            ("quoc-gia", "Cổng Thông tin điện tử Chính phủ", "https://chinhphu.vn", False),
        ]
    ]
    return factories.add_page(parent, page, publish)


@pytest.fixture
def weblinks(home):
    return links_page(home)


def test_links_are_grouped_by_category_in_the_categories_order(client, weblinks):
    html = client.get("/vi/lien-ket-website/").content.decode()
    headings = ["Cổng thông tin quốc gia", "Bộ, ngành trung ương", "Tỉnh và các sở, ngành"]
    assert [html.index(f">{heading}</h2>") for heading in headings] == sorted(
        html.index(f">{heading}</h2>") for heading in headings
    )
    assert "Liên kết khác</h2>" not in html  # an empty group is left out
    national = html[html.index(">Cổng thông tin quốc gia</h2>") : html.index(">Bộ, ngành trung ương</h2>")]
    assert "Cổng Dịch vụ công quốc gia" in national and "Cổng Thông tin điện tử Chính phủ" in national


def test_external_links_open_safely(client, weblinks):
    html = client.get("/vi/lien-ket-website/").content.decode()
    assert html.count('href="https://') >= 4
    for anchor in html.split('href="https://')[1:]:
        tag = anchor[: anchor.index(">")]
        assert 'rel="noopener noreferrer"' in tag, tag


def test_footer_of_every_page_shows_the_chosen_links(client, weblinks, news_index):
    html = client.get(news_index.url).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert "Cổng thông tin tỉnh Sơn La" in footer and "Cổng Dịch vụ công quốc gia" in footer
    assert "Bộ Nội vụ" not in footer  # not marked for the footer
    assert 'href="/vi/lien-ket-website/"' in footer
    assert 'target="_blank" rel="noopener noreferrer"' in footer


def test_a_hidden_links_page_shows_nothing_in_the_footer_or_the_api(client, home, news_index):
    draft = links_page(home, publish=False)
    assert "Cổng thông tin tỉnh Sơn La" not in client.get(news_index.url).content.decode()
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
    draft.save_revision().publish()
    PageViewRestriction.objects.create(page=draft, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert "Cổng thông tin tỉnh Sơn La" not in client.get(news_index.url).content.decode()
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


def test_footer_follows_a_change_at_once(client, weblinks, news_index):
    client.get(news_index.url)
    page = WebLinkPage.objects.get(pk=weblinks.pk)
    page.links = [WebLink(category="khac", title="Trang mới", url="https://example.gov.vn", show_in_footer=True)]
    page.save_revision().publish()
    footer = client.get(news_index.url).content.decode().split('<footer class="site-footer">')[1]
    assert "Trang mới" in footer and "Cổng thông tin tỉnh Sơn La" not in footer


def test_each_portal_has_its_own_links(client, weblinks):
    other_home = HomePage(title="Xã Chiềng Sơn", slug="chieng-son")
    Page.get_first_root_node().add_child(instance=other_home)
    other_home.save_revision().publish()
    Site.objects.create(hostname="chiengson.example.vn", port=80, root_page=other_home, site_name="Chiềng Sơn")
    links_page(other_home, links=[("tinh", "Liên kết của xã", "https://sonla.gov.vn/xa", True)])
    html = client.get("/vi/", HTTP_HOST="chiengson.example.vn").content.decode()
    footer = html.split('<footer class="site-footer">')[1]
    assert "Liên kết của xã" in footer and "Cổng Dịch vụ công quốc gia" not in footer


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.vn/", "data:text/html,x", "//evil.example"])
def test_only_web_addresses_are_accepted(weblinks, url):
    link = WebLink(page=weblinks, category="khac", title="x", url=url, locale=weblinks.locale)
    with pytest.raises(ValidationError):
        link.full_clean(exclude=["translation_key"])


def test_api_types_the_links(client, weblinks):
    document = client.get("/api/v2/schema/").json()
    detail = client.get(f"/api/v2/pages/{weblinks.pk}/").json()
    assert detail["links"][0] == {
        "category": {"code": "tinh", "label": "Tỉnh và các sở, ngành"},
        "title": "Cổng thông tin tỉnh Sơn La",
        "url": "https://sonla.gov.vn",
        "show_in_footer": True,
    }
    conforms(document, "weblinks_WebLinkPage", detail)


def test_english_links_page_translates_names_and_keeps_addresses(client, locales, weblinks):
    factories.translate(factories.home_page(), "en", {"title": "Home", "slug": "home"})
    texts = {"title": "Web links", "slug": "web-links", "segments": {"Bộ Nội vụ": "Ministry of Home Affairs"}}
    factories.translate(weblinks, "en", texts)
    html = client.get("/en/web-links/").content.decode()
    assert "Ministry of Home Affairs" in html and 'href="https://moha.gov.vn"' in html
    assert "Ministries and central agencies" in html


def test_footer_costs_no_query_once_remembered(client, weblinks, news_index, django_assert_num_queries):
    from cms.core.sites import request_portal_paths
    from cms.weblinks.models import footer_links

    request = client.get(news_index.url).wsgi_request
    paths = request_portal_paths(request)
    footer_links(paths, "vi")
    with django_assert_num_queries(0):
        assert footer_links(paths, "vi")[0]["links"][0]["title"] == "Cổng thông tin tỉnh Sơn La"


class WebLinkRulesTests(WagtailPageTestCase):
    def test_one_links_page_under_a_home(self):
        self.assertCanCreateAt(HomePage, WebLinkPage)
        self.assertCanNotCreateAt(Page, WebLinkPage)
        self.assertCanNotCreateAt(WebLinkPage, WebLinkPage)
