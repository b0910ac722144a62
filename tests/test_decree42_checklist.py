"""Decree 42/2022/NĐ-CP checklist on the demo portal that has every section (the Mộc Châu ward's, on its own host:
tests/demo_hosts.py): each item a state portal must publish is reachable from the home page within two clicks, is in
the API, and (organisation and contacts) is in English under /en/.

Every item of the issue is built; a new one joins ``ITEMS``."""

import re
from urllib.parse import urlsplit

import pytest

from tests.demo_hosts import MOC_CHAU
from tests.test_api_openapi import conforms

pytestmark = pytest.mark.django_db

# (Decree 42 item, Vietnamese address, API page type)
ITEMS = [
    ("Giới thiệu: chức năng, nhiệm vụ, quyền hạn", "/vi/gioi-thieu/chuc-nang-nhiem-vu/", "pages.ContentPage"),
    ("Cơ cấu tổ chức, sơ đồ tổ chức", "/vi/co-cau-to-chuc/", "organisation.OrganisationPage"),
    ("Lãnh đạo, cán bộ đầu mối và liên hệ", "/vi/co-cau-to-chuc/lanh-dao-ubnd-phuong/", "organisation.UnitPage"),
    ("Đơn vị trực thuộc và liên hệ", "/vi/co-cau-to-chuc/phong-van-hoa-xa-hoi/", "organisation.UnitPage"),
    ("Văn bản quy phạm, chỉ đạo điều hành", "/vi/chi-dao-dieu-hanh/", "news.DirectivePage"),
    ("Tin tức, sự kiện", "/vi/tin-tuc/", "news.NewsPage"),
    ("Thủ tục hành chính, dịch vụ công trực tuyến", "/vi/thu-tuc-hanh-chinh/", "procedures.ProcedurePage"),
    ("Công khai ngân sách, đầu tư công, đấu thầu, kế hoạch, khoa học", "/vi/cong-khai/", "disclosures.DisclosurePage"),
    ("Lịch công tác của lãnh đạo", "/vi/lich-cong-tac/", "schedule.ScheduleEntryPage"),
    ("Liên kết website cơ quan nhà nước", "/vi/lien-ket-website/", "weblinks.WebLinkPage"),
    ("Thư viện ảnh, video", "/vi/thu-vien-anh/", "gallery.AlbumPage"),
]
ENGLISH = [
    ("Organisation chart", "/en/organisation/"),
    ("Leadership and official contacts", "/en/organisation/leadership/"),
    ("A unit and its contacts", "/en/organisation/culture-and-society/"),
    ("Functions and tasks", "/en/about/functions-and-tasks/"),
    ("Directives register", "/en/directives/"),
    ("Work schedule", "/en/work-schedule/"),
]

LINK = re.compile(r'<a [^>]*href="([^"#?]+)"')


@pytest.fixture
def demo(demo_content, locales, client):
    """The demo's Mộc Châu portal (tests/conftest.py), with every configured locale: the client asks its host."""
    client.defaults["HTTP_HOST"] = MOC_CHAU


def links(client, url) -> set[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    return {urlsplit(href).path for href in LINK.findall(response.content.decode())}


def within_two_clicks(client, home: str) -> set[str]:
    first = links(client, home)
    reached = set(first)
    for url in sorted(first):
        if url.startswith(home) and url != home and "/api/" not in url and not url.startswith("/admin"):
            reached |= links(client, url)
    return reached


def test_each_decree_42_item_is_two_clicks_from_the_home_page_and_in_the_api(client, demo):
    reached = within_two_clicks(client, "/vi/")
    missing = [item for item, url, _type in ITEMS if url not in reached]
    assert missing == []
    for item, url, page_type in ITEMS:
        assert client.get(url).status_code == 200, item
        listing = client.get("/api/v2/pages/", {"type": page_type, "locale": "vi"}).json()
        assert listing["meta"]["total_count"] >= 1, item
    # Links to other state agencies are also in the footer of every page (Decree 42 asks for them site-wide).
    footer = client.get("/vi/tin-tuc/").content.decode().split('<footer class="site-footer">')[1]
    assert 'href="https://dichvucong.gov.vn" target="_blank" rel="noopener noreferrer"' in footer


def test_organisation_and_contacts_are_in_english_two_clicks_from_the_english_home(client, demo):
    reached = within_two_clicks(client, "/en/")
    assert [item for item, url in ENGLISH if url not in reached] == []
    html = client.get("/en/organisation/leadership/").content.decode()
    assert "Chairman of the Ward People&#x27;s Committee" in html and "0212 3866 168" in html
    assert "cvphong.mocchau@sonla.gov.vn" in html
    listing = client.get("/api/v2/pages/", {"type": "organisation.UnitPage", "locale": "en"}).json()
    assert listing["meta"]["total_count"] == 6
    # The English register is not empty: the main directives are translated.
    register = client.get("/en/directives/").content.decode()
    assert "Issues the plan to implement the Law on Grassroots Democracy" in register and "1234/QĐ-UBND" in register
    listing = client.get("/api/v2/pages/", {"type": "news.DirectivePage", "locale": "en"}).json()
    assert listing["meta"]["total_count"] >= 4


def test_the_new_page_types_answer_as_the_openapi_document_says(client, demo):
    document = client.get("/api/v2/schema/").json()
    page_types = (
        "organisation.OrganisationPage",
        "organisation.UnitPage",
        "procedures.ProcedurePage",
        "schedule.ScheduleIndexPage",
        "schedule.ScheduleEntryPage",
        "weblinks.WebLinkPage",
        "gallery.GalleryIndexPage",
        "gallery.AlbumPage",
    )
    for page_type in page_types:
        component = page_type.replace(".", "_")
        for item in client.get("/api/v2/pages/", {"type": page_type, "fields": "*"}).json()["items"]:
            conforms(document, f"{component}Summary", item)  # a listing item: api17's summary schema
            conforms(document, component, client.get(f"/api/v2/pages/{item['id']}/").json())
    first = client.get("/api/v2/pages/", {"type": "disclosures.DisclosurePage"}).json()["items"][0]
    conforms(document, "disclosures_DisclosurePage", client.get(f"/api/v2/pages/{first['id']}/").json())
