"""Browser fixtures: one headless Debian Chromium per session, the live server with the demo portal, screenshots, axe.

Playwright drives /usr/bin/chromium (Debian's package, never a downloaded browser). Its sync API runs an asyncio
loop in the test thread, so Django's async-safety check is switched off while the browser is open: the ORM calls
made by the test thread (fixtures, flushes) are synchronous and safe. With that loop running, Django's
connections become context-local, so the test thread gets new connection objects: see ``browser``.
"""

import io
import json
import os
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
PROJECT_DIR = Path(__file__).resolve().parents[2]
SCREENSHOTS = PROJECT_DIR / "test-artifacts" / "screenshots"
AXE_REPORTS = PROJECT_DIR / "test-artifacts" / "axe"
FAILURES = PROJECT_DIR / "test-artifacts" / "failures"
AXE_JS = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
# Real browsers' user agents: the visitor counter leaves "HeadlessChrome" out as a bot.
USER_AGENTS = {
    "phone": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Mobile Safari/537.36",
    "desktop": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
}
DEMO_PASSWORD = "demo-Pass-2024"  # the same as tests/conftest.py's demo_content fixture
SEED_ARTICLE = "Mộc Châu sơ kết việc thực hiện dân chủ ở cơ sở 6 tháng đầu năm"


# The longest journeys, longest first, with their call's seconds in a CI pass (SQLite, `--durations`, a loaded
# machine: only the order matters). Journeys not named here come after them, in their usual order.
LONGEST_JOURNEYS = {
    "test_every_public_page_fits_every_width_and_passes_axe": 286,
    "test_article_is_written_reviewed_approved_and_published": 106,
    "test_every_admin_screen_of_every_role_reads_in_vietnamese": 100,
    "test_commune_article_is_approved_by_the_commune_and_live_on_its_portal_only": 64,
    "test_a_citizen_asks_staff_answer_the_leaders_approve_and_the_citizen_finds_the_answer": 40,
    "test_public_pages_have_no_serious_accessibility_violations": 26,
    "test_participation_pages_have_no_serious_accessibility_violations": 25,
    "test_changes_requested_from_the_edit_page_reach_the_editor_and_from_the_dashboard_too": 24,
    "test_section_pages_fit_a_phone_and_pass_axe": 23,
    "test_phone_menu_by_keyboard_holds_a_ministry_sized_menu": 22,
    "test_banner_slide_is_approved_from_its_edit_page_then_the_dashboard_and_changes_are_requested": 18,
    "test_citizen_reads_the_portal_on_a_phone": 16,
    "test_a_citizen_comments_a_moderator_approves_and_the_form_closes_on_time": 16,
    "test_phone_menu_opens_without_javascript": 15,
}


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run the browser journeys last: they are the slowest, and their flushes must not precede other tests.
    Among them the longest go first: under xdist they end a pass, and each process is handed its next few tests
    ahead, so a long journey handed out last would keep one process busy while the other has nothing left."""

    def order(item):
        if item.get_closest_marker("browser") is None:
            return (0, 0)
        return (1, -LONGEST_JOURNEYS.get(item.originalname, 0))

    items.sort(key=order)


def _unavailable(message: str):
    """Fail in CI, where the browser journeys are part of the contract; skip on a developer's machine."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser(django_db_setup):
    """One headless Chromium for the whole session."""
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing: install Debian's package with `apt-get install chromium`.")
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed: run `make install` (requirements-dev.txt pins it).")
    # Two shared cores in CI: give assertions more than Playwright's default 5 s before they fail.
    expect.set_options(timeout=10_000)
    from django.db import connections

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # The database snapshot that serialized_rollback restores lives on the connection objects made before the loop.
    snapshots = {
        connection.alias: connection._test_serialized_contents
        for connection in connections.all()
        if hasattr(connection, "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        for alias, snapshot in snapshots.items():
            connections[alias]._test_serialized_contents = snapshot
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()
        # Close this context's connections so the test database can be dropped afterwards.
        connections.close_all()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def portal(browser, live_server, demo_content):
    """The demo portal served by the live server, with the "Duyệt tin bài" workflow as `make run` sets it up.

    The admin runs with Wagtail's defaults, autosave included (every 500 ms after a change), as editors get it.
    """
    from django.core.management import call_command

    call_command("setup_roles", stdout=io.StringIO())
    return live_server.url


@pytest.fixture
def moc_chau(portal):
    """The demo's "Phường Mộc Châu" portal on the live server (its port; Chromium resolves ``*.localhost`` to the
    loopback address): the seed article, slides, Decree 42 sections, gallery, questions (tests/demo_hosts.py).
    ``portal`` is the province's, on the default site."""
    from tests.demo_hosts import MOC_CHAU

    return f"http://{MOC_CHAU}:{urlsplit(portal).port}"


_open_contexts = []


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.browser_failed = report.failed
    return report


@pytest.fixture(autouse=True)
def _screenshot_on_failure(request):
    """When a journey fails, keep a picture of every page it had open, for the CI log's reader."""
    yield
    if getattr(request.node, "browser_failed", False):
        FAILURES.mkdir(parents=True, exist_ok=True)
        for n, page in enumerate(p for context in _open_contexts for p in context.pages):
            try:
                page.screenshot(path=FAILURES / f"{request.node.name}-{n}.png", full_page=True)
            except Exception as error:  # noqa: BLE001 - a closed page must not hide the real failure
                print(f"no failure screenshot of {page.url}: {error}")
    for context in _open_contexts:
        context.close()
    _open_contexts.clear()


def _serve_media(route):
    """Serve uploaded media from MEDIA_ROOT: the app only serves it itself when DEBUG is on."""
    from django.conf import settings

    relative = route.request.url.split(settings.MEDIA_URL, 1)[1].split("?", 1)[0]
    path = (Path(settings.MEDIA_ROOT) / relative).resolve()
    if not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve()) or not path.is_file():
        route.fulfill(status=404)
        return
    route.fulfill(path=str(path))


def new_context(browser, base_url: str, viewport: dict, **options):
    """A browser context on the live server that speaks Vietnamese and gets media files."""
    from django.conf import settings

    phone = viewport == PHONE
    context = browser.new_context(
        base_url=base_url,
        viewport=viewport,
        locale="vi-VN",
        is_mobile=phone,
        has_touch=phone,
        **{"user_agent": USER_AGENTS["phone" if phone else "desktop"], **options},
    )
    context.set_default_timeout(15_000)
    _open_contexts.append(context)
    context.route(re.compile(re.escape(base_url + settings.MEDIA_URL) + ".*"), _serve_media)
    return context


def request_get(page, url: str, **options):
    """``page.request.get(url)`` (``url`` absolute or relative to the page) through the loopback address for a
    ``*.localhost`` host: Playwright's API requests resolve names in Node, where those may not resolve (Chromium
    resolves them itself); the Host header still names the portal."""
    parts = urlsplit(urljoin(page.url, url))
    if parts.hostname and parts.hostname.endswith(".localhost"):
        options["headers"] = {**options.get("headers", {}), "Host": parts.netloc}
        parts = parts._replace(netloc=f"127.0.0.1:{parts.port}")
    return page.request.get(urlunsplit(parts), **options)


@pytest.fixture
def phone_page(browser, moc_chau):
    """A page in a phone-sized context on the Mộc Châu portal; closed after the test, with the other contexts."""
    return new_context(browser, moc_chau, PHONE).new_page()


@pytest.fixture
def desktop_page(browser, moc_chau):
    return new_context(browser, moc_chau, DESKTOP).new_page()


class Screenshots:
    """Numbered screenshots of a journey's steps, each at phone and desktop sizes."""

    def __init__(self, journey: str):
        self.folder = SCREENSHOTS / journey
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in self.folder.glob("*.png"):
            old.unlink(missing_ok=True)  # two suites (SQLite, PostgreSQL) may share the folder
        self.step = 0

    def __call__(self, page, name: str, sizes=(("phone", PHONE), ("desktop", DESKTOP)), full_page: bool = True):
        self.step += 1
        original = page.viewport_size
        for label, size in sizes:
            if size != page.viewport_size:
                page.set_viewport_size(size)
            page.screenshot(path=self.folder / f"{self.step:02d}-{name}-{label}.png", full_page=full_page)
        if page.viewport_size != original:
            page.set_viewport_size(original)


@pytest.fixture
def screenshots(request):
    return Screenshots(request.node.name.removeprefix("test_").replace("[", "-").rstrip("]"))


def assert_no_horizontal_scroll(page):
    """Nothing on the page is wider than the viewport (a phone reader never scrolls sideways)."""
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} is {overflow}px wider than the {page.viewport_size['width']}px viewport"


WIDE_LAYOUT = 960  # px: site.css's 60rem breakpoint, where the menu is always open


def open_menu(page):
    """Open the site menu as a phone reader does ("Danh mục"); on a wide screen it is always open."""
    from playwright.sync_api import expect

    if page.viewport_size["width"] >= WIDE_LAYOUT:
        return
    toggle = page.locator(".menu-toggle--button")
    expect(toggle).to_be_visible()  # site.js (deferred) shows it once it can work it
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")


def run_axe(page, name: str) -> dict[str, list[str]]:
    """Run axe-core on the page; write the report to test-artifacts/axe/ and return rule ids by impact."""
    if not AXE_JS.exists():
        _unavailable(f"{AXE_JS} is missing: run `make test` (it runs `npm ci` in tests/browser/axe).")
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    AXE_REPORTS.mkdir(parents=True, exist_ok=True)
    report = {"url": result["url"], "axe": result["testEngine"]["version"], "violations": result["violations"]}
    (AXE_REPORTS / f"{name}.json").write_text(json.dumps(report, ensure_ascii=False, indent=2))
    by_impact: dict[str, list[str]] = {}
    for violation in result["violations"]:
        by_impact.setdefault(violation["impact"] or "unknown", []).append(violation["id"])
    return by_impact
