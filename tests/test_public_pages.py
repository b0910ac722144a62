"""The public site as a citizen sees it: every page type renders, filters never error."""

import re

import pytest
from wagtail.models import Page, Site

from news.models import DirectiveIndexPage, DirectivePage, NewsIndexPage, NewsPage
from tests import factories
from tests.demo_hosts import MOC_CHAU, host_and_path, moc_chau_home

pytestmark = pytest.mark.django_db


def get(client, url, host="localhost", **params):
    return client.get(url, params, HTTP_HOST=host, HTTP_ACCEPT_LANGUAGE="vi")


def test_root_redirects_to_the_vietnamese_site(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 302
    assert response["Location"] == "/vi/"


def test_root_redirects_to_vietnamese_for_unknown_languages(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de")
    assert response["Location"] == "/vi/"


class TestWithDemoContent:
    @pytest.fixture(autouse=True)
    def _demo(self, demo_content):
        pass

    def test_home_page_shows_banner_news_directives_and_login(self, client):
        # The former district's content is on the Mộc Châu portal (tests/demo_hosts.py).
        response = get(client, "/vi/", MOC_CHAU)
        assert response.status_code == 200
        html = response.content.decode()
        assert html.count("data-carousel-slide") == 3
        assert "Mộc Châu sơ kết việc thực hiện dân chủ ở cơ sở 6 tháng đầu năm" in html
        assert "Thông tin chỉ đạo điều hành" in html
        assert "1234/QĐ-UBND" in html
        assert 'href="/admin/"' in html
        assert '<html lang="vi"' in html
        assert 'class="skip-link" href="#main"' in html

    def test_seed_article_opens_at_its_own_url(self, client):
        article = NewsPage.objects.get(title__startswith="Mộc Châu sơ kết")
        path = "/vi/tin-tuc/moc-chau-so-ket-viec-thuc-hien-dan-chu-o-co-so-6-thang-dau-nam/"
        assert article.url == f"http://{MOC_CHAU}{path}"
        html = get(client, path, MOC_CHAU).content.decode()
        assert "Phạm Thị Nhung" in html
        assert "93" in html and "180" in html
        assert "01/7/2024" in html

    @pytest.mark.parametrize("model", [NewsIndexPage, NewsPage, DirectiveIndexPage, DirectivePage])
    def test_every_page_type_renders_with_demo_content(self, client, model):
        pages = model.objects.live()
        assert {host_and_path(page)[0] for page in pages} == {"localhost", MOC_CHAU}  # the province and the ward
        for page in pages:
            host, path = host_and_path(page)
            response = get(client, path, host)
            assert response.status_code == 200, page.url

    def test_news_index_lists_newest_first(self, client):
        for home in (Site.objects.get(is_default_site=True).root_page, moc_chau_home()):  # the province, the ward
            index = NewsIndexPage.objects.child_of(home).get()
            host, path = host_and_path(index)
            html = get(client, path, host).content.decode()
            titles = [a.title for a in NewsPage.objects.child_of(index).order_by("-date")]
            assert len(titles) >= 3
            positions = [html.index(title) for title in titles]
            assert positions == sorted(positions)

    def test_directive_index_filters_by_type_agency_and_year(self, client):
        index = host_and_path(DirectiveIndexPage.objects.child_of(moc_chau_home()).get())[1]
        html = get(client, index, MOC_CHAU, type="chi-thi").content.decode()
        assert "05/CT-UBND" in html and "1234/QĐ-UBND" not in html
        html = get(client, index, MOC_CHAU, agency="Huyện ủy Mộc Châu").content.decode()
        assert "15/NQ-HU" in html and "05/CT-UBND" not in html
        html = get(client, index, MOC_CHAU, year="2024", type="quyet-dinh").content.decode()
        assert "1234/QĐ-UBND" in html and "87/KH-UBND" not in html

    @pytest.mark.parametrize(
        "params",
        [
            {"type": "khong-co"},
            {"year": "abc"},
            {"year": "99999999999999999999"},
            {"page": "-1"},
            {"page": "99999"},
            {"agency": "x" * 5000},
            {"type": "<script>alert(1)</script>"},
        ],
    )
    def test_bad_filter_values_never_error(self, client, params):
        index = host_and_path(DirectiveIndexPage.objects.child_of(moc_chau_home()).get())[1]
        response = get(client, index, MOC_CHAU, **params)
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in response.content.decode()

    def test_directive_page_shows_metadata_and_attachment(self, client):
        page = DirectivePage.objects.get(number="05/CT-UBND", locale__language_code="vi")
        html = get(client, host_and_path(page)[1], MOC_CHAU).content.decode()
        for text in ["05/CT-UBND", "Chỉ thị", "UBND huyện Mộc Châu", "Nguyễn Văn An", "Hết hiệu lực", "20/5/2024"]:
            assert text in html
        assert re.search(r'href="/documents/\d+/[^"]+\.pdf" download', html)

    def test_attachment_downloads(self, client):
        # The demo has this directive in Vietnamese and English (news/demo.py).
        directive = DirectivePage.objects.get(number="1234/QĐ-UBND", locale__language_code="vi")
        attachment = directive.attachments.get()
        response = client.get(attachment.document.url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")

    def test_pages_use_no_external_assets(self, client):
        html = get(client, "/vi/").content.decode()
        # Assets: what the page loads (src, <link href>); links to other agencies' sites (footer) are not assets.
        for url in re.findall(r'src="([^"]+)"|<link [^>]*href="([^"]+)"', html):
            url = url[0] or url[1]
            if url.startswith(("http://", "https://", "//")):
                assert url.startswith("http://localhost"), url

    def test_print_stylesheet_is_linked(self, client):
        assert 'media="print"' in get(client, "/vi/").content.decode()


def test_pages_render_with_minimal_content(client, news_index, directive_index):
    article = factories.NewsPageFactory(parent=news_index, body=[])
    directive = factories.DirectivePageFactory(parent=directive_index, expiry_date=None)
    for page in [factories.home_page(), news_index, article, directive_index, directive]:
        response = get(client, page.url)
        assert response.status_code == 200, page.url


def test_unpublished_pages_are_not_served_or_listed(client, news_index):
    draft = factories.NewsPageFactory(parent=news_index, title="Bản nháp bí mật", live=False)
    assert get(client, Page.objects.get(pk=draft.pk).get_url() or "/vi/tin-tuc-0/").status_code == 404
    assert "Bản nháp bí mật" not in get(client, news_index.url).content.decode()
    assert "Bản nháp bí mật" not in get(client, "/vi/").content.decode()


def test_unknown_page_shows_a_friendly_404(client):
    response = get(client, "/vi/khong-ton-tai/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
