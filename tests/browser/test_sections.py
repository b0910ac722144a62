"""The Decree 42 sections added last (work schedule, web links, photo and video albums, the directive register's
search) of the demo's Mộc Châu portal (tests/demo_hosts.py) as a phone reader meets them at 390×844 (the video
album at 320 too): no sideways scroll, axe clean, screenshots; the week navigation and the gallery by a reader
without JavaScript."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, SCREENSHOTS, new_context, request_get, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def section_pages() -> dict[str, str]:
    from cms.gallery.models import AlbumPage
    from cms.schedule.models import ScheduleEntryPage
    from tests.demo_hosts import host_and_path

    entry = ScheduleEntryPage.objects.filter(locale__language_code="vi").order_by("date", "start_time").last()
    album = AlbumPage.objects.filter(locale__language_code="vi").order_by("pk").first()
    video_album = AlbumPage.objects.get(slug="video-buoi-sang-doi-che")
    return {
        "schedule": "/vi/lich-cong-tac/",
        "schedule-entry": host_and_path(entry)[1],
        "schedule-en": "/en/work-schedule/",
        "web-links": "/vi/lien-ket-website/",
        "gallery": "/vi/thu-vien-anh/",
        "album": host_and_path(album)[1],
        "video-album": host_and_path(video_album)[1],
        "register-search": "/vi/chi-dao-dieu-hanh/?q=dan+chu&issued_from=01/01/2024",
        "register-bad-date": "/vi/chi-dao-dieu-hanh/?issued_to=31/02/2024",
        "register-en": "/en/directives/",
    }


def test_section_pages_fit_a_phone_and_pass_axe(browser, moc_chau):
    folder = SCREENSHOTS / "sections"
    folder.mkdir(parents=True, exist_ok=True)
    context = new_context(browser, moc_chau, PHONE, bypass_csp=True)  # axe is injected as an inline script
    page = context.new_page()
    problems = []
    for name, path in section_pages().items():
        response = page.goto(path)
        assert response.status == 200, path
        overflow = page.evaluate("() => document.scrollingElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            problems.append(f"{name} scrolls sideways by {overflow}px")
        impacts = run_axe(page, f"sections-{name}-390")
        blocking = {impact: rules for impact, rules in impacts.items() if impact in ("serious", "critical")}
        if blocking:
            problems.append(f"{name}: axe {blocking}")
        page.screenshot(path=folder / f"{name}-390.png", full_page=True)
    assert not problems, "\n".join(problems)
    # The demo's album photos are lazily loaded: below the fold they wait for the reader to scroll.
    page.goto(section_pages()["album"])
    assert page.locator(".gallery img").first.get_attribute("loading") == "lazy"
    # The video album at 320 px: nothing sideways; YouTube's player only once the reader presses play.
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(section_pages()["video-album"])
    assert page.evaluate("() => document.scrollingElement.scrollWidth - window.innerWidth") <= 0
    page.screenshot(path=folder / "video-album-320.png", full_page=True)
    assert page.locator("iframe").count() == 0
    page.locator("[data-video-play]").click()
    assert "youtube-nocookie.com/embed/" in page.locator(".video-embed__frame iframe").get_attribute("src")


def test_week_navigation_and_gallery_work_without_javascript(browser, moc_chau):
    context = new_context(browser, moc_chau, PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto("/vi/lich-cong-tac/")
    this_week = page.locator(".week-nav__title").inner_text()
    page.get_by_role("link", name="Tuần sau").click()
    expect(page.locator(".week-nav__title")).not_to_have_text(this_week)
    page.get_by_role("link", name="Tuần này").click()
    expect(page.locator(".week-nav__title")).to_have_text(this_week)
    page.get_by_label("Xem tuần có ngày").fill("31/02/2024")
    page.get_by_role("button", name="Xem").click()
    expect(page.get_by_role("alert")).to_contain_text("Ngày không hợp lệ")
    page.screenshot(path=SCREENSHOTS / "sections" / "schedule-bad-week-390.png", full_page=True)
    # The feed link answers with a calendar.
    feed = request_get(page, page.locator(".schedule-calendar a").get_attribute("href"))
    assert feed.status == 200 and feed.headers["content-type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in feed.body()

    page.goto("/vi/thu-vien-anh/")
    page.locator(".album-card__title a", has_text="Đồi chè trái tim").click()  # a photo album
    first = page.locator(".gallery__link").first
    href = first.get_attribute("href")
    first.click()  # a plain link to the large picture: no script needed
    page.wait_for_url(f"**{href}")
    assert page.evaluate("() => document.images[0].naturalWidth") > 480
