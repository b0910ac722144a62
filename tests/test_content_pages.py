"""A plain content page ("Giới thiệu"): one model and one template in cms/pages, and the public site, the API,
its OpenAPI document, the search, the sitemap and the menu pick it up without a change anywhere else."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.pages.models import ContentPage
from home.models import HomePage
from news.models import NewsIndexPage
from tests import factories

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def content_page(parent, title, slug, intro="", text="", publish=True) -> ContentPage:
    body = [("paragraph", RichText(f"<p>{text}</p>"))]
    page = ContentPage(title=title, slug=slug, intro=intro, body=body, live=publish)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


@pytest.fixture
def about(home):
    page = content_page(
        home,
        "Giới thiệu",
        "gioi-thieu",
        intro="Khái quát về huyện Mộc Châu.",
        text="Mộc Châu là huyện vùng cao có những đồi chè xanh mướt.",
    )
    content_page(page, "Chức năng nhiệm vụ", "chuc-nang-nhiem-vu", text="Ủy ban nhân dân huyện quản lý nhà nước.")
    return page


def test_reader_sees_the_about_page_with_its_sub_pages_and_it_is_in_the_menu(client, about):
    response = client.get("/vi/gioi-thieu/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Giới thiệu</h1>" in html
    assert "Khái quát về huyện Mộc Châu." in html
    assert "đồi chè xanh mướt" in html
    assert '<a href="/vi/gioi-thieu/chuc-nang-nhiem-vu/">Chức năng nhiệm vụ</a>' in html
    # New content pages appear in the site menu by default.
    assert client.get("/vi/").content.decode().count('href="/vi/gioi-thieu/"') >= 1
    assert client.get("/vi/gioi-thieu/chuc-nang-nhiem-vu/").status_code == 200


def test_a_restricted_sub_page_is_not_listed(client, about):
    hidden = content_page(about, "Nội bộ", "noi-bo")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    content_page(about, "Bản nháp", "ban-nhap", publish=False)
    html = client.get("/vi/gioi-thieu/").content.decode()
    assert "Nội bộ" not in html
    assert "Bản nháp" not in html


def test_api_lists_content_pages_with_their_intro_and_shows_the_body_in_detail(client, about):
    listing = client.get("/api/v2/pages/", {"type": "pages.ContentPage"}).json()
    assert [item["title"] for item in listing["items"]] == ["Giới thiệu", "Chức năng nhiệm vụ"]
    assert listing["items"][0]["intro"] == "Khái quát về huyện Mộc Châu."
    assert listing["items"][0]["meta"]["type"] == "pages.ContentPage"
    detail = client.get(f"/api/v2/pages/{about.pk}/").json()
    assert detail["intro"] == "Khái quát về huyện Mộc Châu."
    assert detail["body"][0]["type"] == "paragraph"
    assert "đồi chè xanh mướt" in detail["body"][0]["value"]


def test_openapi_document_types_the_content_page(client):
    document = client.get("/api/v2/schema/").json()
    schema = document["components"]["schemas"]["pages_ContentPage"]
    properties = schema["allOf"][-1]["properties"] if "allOf" in schema else schema["properties"]
    assert {"intro", "body"} <= properties.keys()


def test_citizen_finds_the_about_page_in_the_search(client, about):
    body = client.get("/api/v2/search/", {"q": "doi che"}).json()
    assert [item["title"] for item in body["items"]] == ["Giới thiệu"]
    assert body["items"][0]["type"] == "pages.ContentPage"
    body = client.get("/api/v2/search/", {"q": "quan ly nha nuoc", "type": "page"}).json()
    assert [item["title"] for item in body["items"]] == ["Chức năng nhiệm vụ"]
    html = client.get("/vi/search/", {"q": "đồi chè"}).content.decode()
    assert "Giới thiệu" in html


def test_sitemap_lists_the_content_pages(client, about):
    response = client.get("/sitemap.xml", HTTP_HOST="localhost")
    locations = [node.text for node in ET.fromstring(response.content).iter(f"{SITEMAP}loc")]  # noqa: S314
    assert "http://localhost/vi/gioi-thieu/" in locations
    assert "http://localhost/vi/gioi-thieu/chuc-nang-nhiem-vu/" in locations


class ContentPageRulesTests(WagtailPageTestCase):
    def test_content_pages_live_under_the_home_page_and_under_each_other(self):
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})
        self.assertCanCreateAt(HomePage, ContentPage)
        self.assertCanCreateAt(ContentPage, ContentPage)
        self.assertCanNotCreateAt(NewsIndexPage, ContentPage)
        self.assertCanNotCreateAt(Page, ContentPage)

    def test_editor_creates_a_content_page_in_the_admin(self):
        self.login()
        home = factories.home_page()
        self.assertCanCreate(
            home,
            ContentPage,
            nested_form_data(
                {
                    "title": "Cơ cấu tổ chức",
                    "slug": "co-cau-to-chuc",
                    "intro": "Các phòng, ban chuyên môn.",
                    "body": streamfield([("paragraph", rich_text("<p>Văn phòng HĐND và UBND huyện</p>"))]),
                }
            ),
        )
