"""The furniture citizens expect on every public page: a phone header with a menu, breadcrumbs, print and
share, related news, day/month/year dates and real contact data.

The browser checks (widths, axe, text size) are in tests/browser/test_page_furniture.py.
"""

import datetime
import re
from urllib.parse import quote

import pytest
from django.contrib.contenttypes.models import ContentType
from django.template import Context, Template
from django.test import RequestFactory
from wagtail.models import Locale, Site

from cms.core import dates, visibility
from cms.pages.models import ContentPage
from cms.templatetags import portal_tags
from news.models import NewsPage
from tests import factories

pytestmark = pytest.mark.django_db


def get(client, url, **params):
    return client.get(url, params, HTTP_ACCEPT_LANGUAGE="vi")


def add_page(parent, title, *, menu=True, live=True) -> ContentPage:
    page = ContentPage(title=title, show_in_menus=menu, live=live)
    parent.add_child(instance=page)
    return page


def render_menu(home, page=None) -> list[dict]:
    return portal_tags.menu_tree(Context({"request": RequestFactory().get("/vi/"), "page": page or home}), home)


# The phone header and its menu


def test_header_has_the_emblem_and_a_menu_toggle_that_works_with_and_without_javascript(client, home):
    html = get(client, home.url).content.decode()
    assert re.search(r'<img class="site-brand__emblem" src="/static/cms/img/emblem\.svg"[^>]* alt="">', html)
    button = re.search(r"<button[^>]*menu-toggle--button[^>]*>", html).group(0)
    assert 'aria-expanded="false"' in button and 'aria-controls="site-menu"' in button
    assert '<a class="menu-toggle menu-toggle--link" href="#site-menu">Danh mục</a>' in html
    assert 'id="site-menu"' in html


def test_menu_holds_three_levels_in_one_query_and_only_what_the_public_may_see(home, django_assert_num_queries):
    about = add_page(home, "Giới thiệu")
    units = add_page(about, "Cơ cấu tổ chức")
    for name in ("Văn phòng", "Phòng Nội vụ", "Phòng Tư pháp"):
        add_page(units, name)
    add_page(units, "Phòng nháp", live=False)
    hidden = add_page(home, "Không hiện trong menu", menu=False)
    add_page(hidden, "Con của mục ẩn")  # its parent is not in the menu, so neither is it
    add_page(add_page(add_page(units, "Phòng Tài chính"), "Tổ dự toán"), "Quá sâu")  # a fourth level: left out
    visibility.restricted_page_paths()  # warm the per-process caches (restricted sections, content types)
    ContentType.objects.get_for_model(ContentPage)
    first, second = RequestFactory().get("/vi/"), RequestFactory().get("/vi/")
    for request in (first, second):
        Site.find_for_request(request)
        request._wagtail_cached_site_root_paths = Site.get_site_root_paths()  # as every page view has them already
    with django_assert_num_queries(1):
        menu = portal_tags.menu_tree(Context({"request": first, "page": units}), home)
    with django_assert_num_queries(0):  # the next request: remembered until the content next changes
        assert portal_tags.menu_tree(Context({"request": second, "page": units}), home) == menu
    assert [item["title"] for item in menu] == ["Giới thiệu"]
    (units_node,) = menu[0]["children"]
    assert units_node["title"] == "Cơ cấu tổ chức" and units_node["current"] and menu[0]["in_trail"]
    assert [item["title"] for item in units_node["children"]] == [
        "Văn phòng",
        "Phòng Nội vụ",
        "Phòng Tư pháp",
        "Phòng Tài chính",
    ]
    assert all(not item["children"] for item in units_node["children"])


def test_menu_renders_submenus_as_disclosures_with_a_name(client, home):
    about = add_page(home, "Giới thiệu")
    add_page(about, "Lãnh đạo huyện")
    html = get(client, home.url).content.decode()
    assert '<details class="menu__sub" data-menu-sub>' in html
    assert "Mở các mục của “Giới thiệu”" in html
    assert ">Lãnh đạo huyện</a>" in html


# Breadcrumbs


def test_breadcrumbs_lead_from_home_to_the_article(client, news_index):
    article = factories.NewsPageFactory(parent=news_index, title="Tin về chè Mộc Châu")
    html = get(client, article.url).content.decode()
    nav = re.search(r'<nav class="breadcrumbs" aria-label="Đường dẫn điều hướng">.*?</nav>', html, re.S).group(0)
    steps = re.findall(r'itemprop="name"[^>]*>([^<]+)<', nav)
    assert steps == ["Trang chủ", news_index.title, "Tin về chè Mộc Châu"]
    assert '<span itemprop="name" aria-current="page">Tin về chè Mộc Châu</span>' in nav
    assert 'itemtype="https://schema.org/BreadcrumbList"' in nav
    assert f'href="{news_index.url}"' in html.split("</nav>", 3)[-1]  # the back link reuses the trail


def test_home_page_has_no_breadcrumbs_but_search_and_missing_pages_do(client, home):
    assert 'class="breadcrumbs"' not in get(client, home.url).content.decode()
    search = get(client, "/vi/search/").content.decode()
    assert re.search(r'aria-current="page">Tìm kiếm<', search)
    missing = get(client, "/vi/khong-co-trang-nay/")
    assert missing.status_code == 404
    assert 'aria-current="page">Không tìm thấy trang<' in missing.content.decode()


def test_breadcrumbs_skip_a_section_the_public_may_not_see(client, home):
    section = add_page(home, "Mục nháp", live=False)
    page = add_page(section, "Trang con")
    trail = Template(
        "{% load portal_tags %}{% breadcrumb_trail page as t %}{% for s in t %}{{ s.title }}|{% endfor %}"
    )
    request = RequestFactory().get(page.url_path, HTTP_HOST="localhost")
    assert trail.render(Context({"request": request, "page": page})) == "Trang chủ|Trang con|"


# Print and share


def test_articles_have_a_print_button_a_source_line_and_plain_share_links(client, news_index):
    article = factories.NewsPageFactory(parent=news_index)
    directive_index = factories.DirectiveIndexPageFactory(parent=news_index.get_parent())
    directive = factories.DirectivePageFactory(parent=directive_index)
    for page in (article, directive):
        html = get(client, page.url).content.decode()
        full_url = page.get_full_url()
        assert 'class="page-tools__print button button--quiet" data-print hidden>In trang</button>' in html
        assert f'<p class="print-source">Nguồn: {full_url} · Ngày in: <span data-print-date>' in html
        assert f'href="https://www.facebook.com/sharer/sharer.php?u={quote(full_url, safe="")}"' in html
        assert f"share_to_zalo?url={quote(full_url, safe='')}" in html
        # No third-party script anywhere: every script is ours.
        assert set(re.findall(r'<script src="([^"]+)"', html)) <= {
            "/static/cms/js/enhance.js",
            "/static/cms/js/site.js",
            "/static/cms/js/video-embed.js",
            "/static/cms/js/carousel.js",
        }


# Related news


def test_related_news_prefers_shared_tags_then_category_and_shows_only_public_articles(
    news_index, django_assert_num_queries
):
    article = factories.NewsPageFactory(parent=news_index, category="du-lich", date=datetime.date(2024, 7, 1))
    article.tags.add("chè", "du lịch")
    article.save_revision().publish()

    def news(title, category="kinh-te", tags=(), date=datetime.date(2024, 6, 1), **kwargs):
        page = factories.NewsPageFactory(parent=news_index, title=title, category=category, date=date, **kwargs)
        if tags:
            page.tags.add(*tags)
            page.save_revision().publish()
        return page

    news("Hai từ khóa chung", tags=("chè", "du lịch"), date=datetime.date(2023, 1, 1))
    news("Một từ khóa chung", tags=("chè",))
    news("Cùng chuyên mục", category="du-lich", date=datetime.date(2024, 5, 1))
    news("Không liên quan")
    news("Bản nháp cùng chuyên mục", category="du-lich", live=False)
    article = NewsPage.objects.get(pk=article.pk)
    article.related_articles()  # warm the per-process caches (restricted sections, hidden aliases)
    with django_assert_num_queries(2):  # the articles sharing a tag, then the newest of the category
        related = article.related_articles()
    assert [page.title for page in related] == ["Hai từ khóa chung", "Một từ khóa chung", "Cùng chuyên mục"]


def test_article_page_lists_related_news(client, news_index):
    article = factories.NewsPageFactory(parent=news_index, category="du-lich")
    factories.NewsPageFactory(parent=news_index, category="du-lich", title="Mùa hoa mận Mộc Châu")
    html = get(client, article.url).content.decode()
    assert '<h2 id="related-news-title" class="section-title">Tin liên quan</h2>' in html
    assert ">Mùa hoa mận Mộc Châu</a>" in html


# Dates typed day/month/year


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("01/07/2024", datetime.date(2024, 7, 1)),
        ("1/7/2024", datetime.date(2024, 7, 1)),
        ("2024-07-01", datetime.date(2024, 7, 1)),
    ],
)
def test_dates_are_read_day_first_or_iso(typed, expected):
    assert dates.parse_date(typed) == expected


@pytest.mark.parametrize("typed", ["31/02/2024", "07/01", "hôm qua", "01/07/0024", "2024-13-45", "1/7/2024abc"])
def test_impossible_dates_are_refused(typed):
    with pytest.raises(ValueError):
        dates.parse_date(typed)


def test_search_form_takes_day_month_year_and_explains_a_bad_date(client, news_index):
    factories.NewsPageFactory(parent=news_index, title="Mộc Châu tháng Bảy", date=datetime.date(2024, 7, 1))
    factories.NewsPageFactory(parent=news_index, title="Mộc Châu tháng Ba", date=datetime.date(2024, 3, 1))
    response = get(client, "/vi/search/", q="moc chau", date_from="01/06/2024", date_to="31/07/2024")
    assert [result.entry.title for result in response.context["search_results"]] == ["Mộc Châu tháng Bảy"]
    html = response.content.decode()
    assert 'name="date_from"' in html and 'value="01/06/2024"' in html and 'placeholder="dd/mm/yyyy"' in html
    assert 'type="date"' not in html

    response = get(client, "/vi/search/", q="moc chau", date_from="31/02/2024")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ngày không hợp lệ: “31/02/2024”. Nhập theo dạng ngày/tháng/năm, ví dụ 01/07/2024." in html
    assert 'value="31/02/2024"' in html  # what was typed stays in the box to be corrected
    assert len(response.context["search_results"]) == 2

    response = get(client, "/vi/search/", q="moc chau", date_from="31/07/2024", date_to="01/06/2024")
    assert "“Đến ngày” không được sớm hơn “Từ ngày”" in response.content.decode()


def test_search_dates_in_english_are_day_first_too(client, news_index, locales):
    response = client.get("/en/search/", {"q": "moc chau", "date_from": "31/02/2024"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Invalid date: “31/02/2024”. Enter day/month/year, e.g. 01/07/2024." in response.content.decode()


# Demo contact data


def test_demo_footer_has_real_contact_details(client, demo_content):
    html = get(client, "/vi/").content.decode()
    footer = html.split('<footer class="site-footer">', 1)[1]
    assert "xxx" not in footer.lower()
    phone = re.search(r"Điện thoại: ([0-9 ]+)", footer).group(1).strip()
    assert re.fullmatch(r"0212 \d{4} \d{3}", phone)  # Sơn La's area code, a 7-digit landline
    assert Locale.objects.filter(language_code="en").exists()
