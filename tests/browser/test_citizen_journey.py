"""A citizen on a phone: home page, banner carousel by keyboard, an article, directives, search, print."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    PHONE,
    SEED_ARTICLE,
    assert_no_horizontal_scroll,
    new_context,
    open_menu,
    request_get,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def slide(carousel, number: int, total: int = 3):
    return carousel.get_by_role("group", name=f"{number} / {total}", include_hidden=True)


def test_citizen_reads_the_portal_on_a_phone(phone_page, screenshots):
    page = phone_page
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/vi/$"))
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    assert_no_horizontal_scroll(page)
    # The visitor counter in the home sidebar: four figures, this visit included.
    counter = page.get_by_role("region", name="Thống kê truy cập")
    counter.scroll_into_view_if_needed()
    for label in ("Đang online", "Hôm nay", "Trong tuần", "Tất cả"):
        expect(counter.get_by_role("listitem").filter(has_text=label)).to_have_text(re.compile(rf"^{label}: *[\d.]+$"))
    screenshots(page, "home")
    counter.screenshot(path=screenshots.folder / "visitor-counter-phone.png")

    # The banner carousel, by keyboard only: arrows move between slides, the pause button toggles rotation.
    carousel = page.get_by_role("region", name="Tin nổi bật")
    expect(slide(carousel, 1)).to_have_attribute("aria-hidden", "false")
    carousel.get_by_role("button", name="Ảnh trước").focus()
    page.keyboard.press("ArrowRight")
    expect(slide(carousel, 2)).to_have_attribute("aria-hidden", "false")
    expect(slide(carousel, 1)).to_have_attribute("aria-hidden", "true")
    expect(slide(carousel, 2)).to_be_visible()
    expect(slide(carousel, 1)).to_be_hidden()
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(slide(carousel, 3)).to_have_attribute("aria-hidden", "false")
    page.keyboard.press("Tab")
    pause = page.locator(":focus")
    expect(pause).to_have_accessible_name("Tạm dừng")
    expect(pause).to_have_attribute("aria-pressed", "false")
    page.keyboard.press("Enter")
    expect(pause).to_have_attribute("aria-pressed", "true")
    expect(pause).to_have_accessible_name("Tiếp tục chạy")
    expect(carousel.locator("[aria-live]")).to_have_attribute("aria-live", "polite")
    screenshots(page, "carousel-paused", full_page=False)
    page.keyboard.press("Space")
    expect(pause).to_have_attribute("aria-pressed", "false")
    expect(pause).to_have_accessible_name("Tạm dừng")
    expect(carousel.locator("[aria-live]")).to_have_attribute("aria-live", "off")

    # The seed article, from the home page's news list (the editor's new article is opened by the editorial journey).
    page.get_by_role("region", name="Tin tức - Sự kiện").get_by_role("link", name=SEED_ARTICLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SEED_ARTICLE)
    assert_no_horizontal_scroll(page)
    screenshots(page, "article")

    # To English with the language switcher (in the phone's menu), and back.
    open_menu(page)
    languages = page.get_by_role("navigation", name="Ngôn ngữ")
    languages.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert_no_horizontal_scroll(page)
    screenshots(page, "english")
    open_menu(page)
    languages = page.get_by_role("navigation", name="Language")
    expect(languages.get_by_role("link", name="English")).to_have_attribute("aria-current", "true")
    languages.get_by_role("link", name="Tiếng Việt").click()
    expect(page).to_have_url(re.compile(r"/vi/"))
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    if not page.url.endswith("/vi/"):
        expect(page.get_by_role("heading", level=1)).to_have_text(SEED_ARTICLE)

    # Printing the article: the site chrome is hidden, the article stays.
    page.emulate_media(media="print")
    expect(page.get_by_role("banner")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Điều hướng chính")).to_be_hidden()
    expect(page.get_by_role("contentinfo")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    screenshots(page, "article-print")
    page.emulate_media(media="screen")

    # The directives, filtered by type and year.
    open_menu(page)
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Chỉ đạo điều hành").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Chỉ đạo điều hành")
    table = page.get_by_role("table", name="Danh sách văn bản chỉ đạo điều hành")
    all_rows = table.locator("tbody tr").count()
    assert all_rows >= 5
    filters = page.get_by_role("form", name="Lọc văn bản")
    filters.get_by_label("Loại văn bản").select_option(label="Quyết định")
    filters.get_by_role("button", name="Lọc").click()
    expect(page).to_have_url(re.compile(r"[?&]document_type=quyet-dinh"))
    expect(table.locator("tbody tr")).not_to_have_count(all_rows)
    expect(table.get_by_role("link").first).to_be_visible()
    assert_no_horizontal_scroll(page)
    screenshots(page, "directives-filtered")
    filters.get_by_role("link", name="Bỏ lọc").click()
    expect(table.locator("tbody tr")).to_have_count(all_rows)

    # Search from the header's menu, typed without diacritics as on a phone keyboard.
    open_menu(page)
    search = page.get_by_role("search", name="Tìm kiếm")
    search.get_by_role("searchbox", name="Tìm kiếm").fill("moc chau")
    search.get_by_role("button", name="Tìm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tìm kiếm")
    results = page.get_by_role("list").filter(has=page.get_by_role("link", name=SEED_ARTICLE))
    expect(results.get_by_role("link", name=SEED_ARTICLE)).to_be_visible()
    assert_no_horizontal_scroll(page)
    screenshots(page, "search")

    # Back home, the counter box is there; the home page comes from the page cache, built up to
    # PAGE_CACHE_SECONDS ago (docs/operations.md), and the reader's page views are counted exactly: the
    # figures in the box are replaced by those the API gives now.
    open_menu(page)
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Trang chủ").click()
    # The cached page's box takes the figures of now from the API (visits-figures.js), not those it was built with.
    counter = page.get_by_role("region", name="Thống kê truy cập")
    expect(counter).to_have_attribute("data-visits-live", "")
    figures = request_get(page, page.url.split("/vi/")[0] + "/api/v2/visits/").json()
    assert figures["online"] >= 1 and figures["today"] >= 4 and figures["total"] >= 4, figures
    for label, name in (("Hôm nay", "today"), ("Tất cả", "total")):
        shown = counter.get_by_role("listitem").filter(has_text=label).locator("strong").inner_text()
        assert int(shown.replace(".", "")) == figures[name], (label, shown, figures)


def test_carousel_shows_the_first_slide_without_javascript(browser, moc_chau, screenshots):
    context = new_context(browser, moc_chau, PHONE, java_script_enabled=False)  # the slides are Mộc Châu's
    page = context.new_page()
    page.goto("/vi/")
    carousel = page.get_by_role("region", name="Tin nổi bật")
    expect(slide(carousel, 1)).to_be_visible()
    expect(slide(carousel, 2)).to_be_hidden()
    expect(carousel.get_by_role("button")).to_have_count(0)
    screenshots(page, "home-without-javascript", full_page=False)
    context.close()
