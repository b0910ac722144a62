"""The admin in Vietnamese: each demo role walks its screens and no English word shows.

A word-list detector reads every visible text node and the placeholder, aria-label, title, alt and button values
of visible elements; a string fails when it holds a word from ENGLISH_WORDS (common words of the admin's English,
leaving out those that are also Vietnamese syllables written without marks: "in", "to", "an", "con", "menu", ...).
What editors wrote stays out of it: the English translations of the demo content (page titles, banner slides,
translated segments) are removed before the words are read, and so are the time-zone names.
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail_localize.models import StringTranslation

from home.models import BannerSlide
from news.models import NewsIndexPage, NewsPage
from tests.browser.admin import ADMIN, log_in
from tests.browser.conftest import DESKTOP, new_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WORDS_OF_THE_ENGLISH_ADMIN = """
    the and or of for with your you this that these those are is was were been has have had not all any some
    most add edit delete save draft publish published unpublish unpublished submit submitted approve approved
    reject rejected request requested changes change review awaiting recent edits insert block blocks compare
    previous version versions promote report reports help moderation just now ago minute minutes hour hours day
    days week weeks month months year years settings setting snippet snippets image images document documents
    user users group groups account dashboard explorer explore history preview live status title content choose
    select selected cancel close upload uploaded file files collection collections tag tags filter filters sort
    order date time name password language languages translation translations translate translated locale
    locales sync workflow workflows task tasks comment comments lock locked unlock unlocked move copy alias site
    sites redirect redirects item items loading error errors warning success back next first last results result
    there matches match sorry welcome guide heading paragraph link links page pages sign log out profile
    notifications theme default view show hide toggle actions action more main search find type types create
    created updated update owner author edited editing by from into on at yes none other total count used usage
    progress cancelled required optional field fields form forms value values enter please must should can
    cannot will would here what which who when where how why about above below left right full width height size
    decorative focal point private public privacy restriction restrictions shared login permission permissions
    role roles administrator active inactive enable enabled disable disabled keyboard shortcuts sidebar minimap
    panel panels checks issues metrics words reading readability subpage subpages child children parent root
    homepage expiry schedule scheduled unscheduled current latest earliest oldest newest saving saved publishing
    autosave retry reload refresh drag duplicate split expand collapse character characters clear reset apply
"""
ENGLISH_WORDS = frozenset(WORDS_OF_THE_ENGLISH_ADMIN.split())
# Reviewed: proper names that may show as they are; "None" is Python's None that Wagtail prints where a value is
# missing (the page search's result count, the aging pages report's empty user), in every language.
ALLOWED = ("Wagtail", "English", "Tiếng Việt", "None")
WORD = re.compile(r"[^\W\d_]+")
# Addresses, paths and code names (the page types report names each type "news.newspage") are not language.
NOT_WORDS = re.compile(r"\S+@\S+|https?://\S+|/\S*|\b[a-z_]+\.[a-z_]+\b")

# Visible text nodes and the accessible strings of visible elements, but not what editors wrote: the segments of
# a translation (English content), the time-zone names of the account page, the values of form fields.
COLLECT = """
() => {
  const skip = 'script, style, noscript, template, svg, select[name*="time_zone"], .DraftEditor-root,'
    + ' [contenteditable="true"]';
  const seen = (el) => el.checkVisibility({visibilityProperty: true});
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue.trim();
    const el = node.parentElement;
    if (text && el && !el.closest(skip) && seen(el)) found.push(['text', text]);
  }
  const attributes = ['placeholder', 'aria-label', 'title', 'alt', 'aria-description'];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest(skip) || !seen(el)) continue;
    for (const name of attributes) {
      const value = (el.getAttribute(name) || '').trim();
      if (value) found.push([name, value]);
    }
    if (el.matches('input[type=submit], input[type=button]') && el.value) found.push(['value', el.value]);
  }
  return found;
}
"""


def english_in(strings, content: list[str]) -> list[str]:
    found = []
    for kind, text in strings:
        plain = NOT_WORDS.sub(" ", text)
        for written in content:
            plain = plain.replace(written, " ")
        for name in ALLOWED:
            plain = plain.replace(name, " ")
        words = {word.lower() for word in WORD.findall(plain)}
        if words & ENGLISH_WORDS:
            found.append(f"{kind}: {text[:120]!r}")
    return found


class Walk:
    """Collects, per screen, the English strings a role meets."""

    def __init__(self, role: str, content: list[str]):
        self.role = role
        self.content = content
        self.findings: dict[str, list[str]] = {}
        self.screens = 0

    def scan(self, page, screen: str):
        self.screens += 1
        english = sorted(set(english_in(page.evaluate(COLLECT), self.content)))
        if english:
            self.findings[f"{self.role} / {screen} ({page.url})"] = english

    def visit(self, page, screen: str, url: str):
        response = page.goto(url)
        assert response.ok, f"{url} answered {response.status}"
        self.scan(page, screen)


def close_dialog(page):
    # Chooser modals (Bootstrap-style, "Đóng") and Wagtail's dialogs ("Đóng hộp thoại").
    page.locator("[data-dismiss=modal]:visible, .w-dialog__close-button:visible").first.click()
    expect(page.get_by_role("dialog")).to_have_count(0)


@pytest.fixture
def screens(portal):
    """The objects the screens show: an article in review (two revisions), its English translation, media."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Site

    editor = get_user_model().objects.get(username="editor")
    # The province's (the default site's, the demo "editor"'s); the Mộc Châu portal has its own staff.
    province = Site.objects.get(is_default_site=True).root_page
    article = NewsPage.objects.descendant_of(province).filter(locale__language_code="vi").order_by("pk").first()
    article.save_revision(user=editor)
    article.lead = f"{article.lead} (bản sửa)"
    article.save_revision(user=editor)
    article.get_workflow().start(article, editor)
    english = NewsPage.objects.filter(locale__language_code="en", translation_key=article.translation_key).first()
    english = english or NewsPage.objects.filter(locale__language_code="en").first()
    written = [*Page.objects.filter(locale__language_code="en").values_list("title", flat=True)]
    for slide in BannerSlide.objects.filter(locale__language_code="en"):
        written += [slide.title, getattr(slide, "caption", "") or ""]
    written += StringTranslation.objects.values_list("data", flat=True)
    return {
        "content": sorted({text.strip() for text in written if text and len(text.strip()) > 3}, key=len, reverse=True),
        "article": article,
        "english": english,
        "index": NewsIndexPage.objects.child_of(province).get(),
        "home": Page.objects.get(pk=article.get_parent().get_parent().pk),
        "image": get_image_model().objects.first(),
        "document": get_document_model().objects.first(),
        "slide": BannerSlide.objects.filter(locale__language_code="vi").first(),
    }


def role_screens(screens) -> dict[str, list[tuple[str, str]]]:
    """What each role walks: every screen once at least, the ones a role's menus differ on for each."""
    every = common_screens(screens)
    named = dict(every)
    pick = lambda *names: [(name, named[name]) for name in names]  # noqa: E731
    return {
        # Not the snippets index nor the locked pages report: an editor may not open them.
        "editor": [screen for screen in every if screen[0] not in ("snippets", "report-locked")],
        "reviewer": pick("dashboard", "explorer", "history", "compare", "workflow-history", "report-workflow"),
        "approver": pick("dashboard", "explorer-home", "snippet-listing", "report-locked", "report-site-history"),
        "admin": [
            *pick("dashboard", "snippets", "snippet-editor", "image-editor", "document-editor", "translation-editor"),
            *pick("account"),
            *ADMIN_SCREENS,
        ],
    }


def common_screens(screens) -> list[tuple[str, str]]:
    article = screens["article"]
    slide = screens["slide"]
    return [
        ("dashboard", "/admin/"),
        ("explorer", f"/admin/pages/{screens['index'].pk}/"),
        ("explorer-home", f"/admin/pages/{screens['home'].pk}/"),
        ("page-search", "/admin/pages/search/?q=M%E1%BB%99c"),
        ("history", reverse("wagtailadmin_pages:history", args=[article.pk])),
        ("compare", reverse("wagtailadmin_pages:revisions_compare", args=[article.pk, "earliest", "latest"])),
        ("workflow-history", reverse("wagtailadmin_pages:workflow_history", args=[article.pk])),
        ("snippets", "/admin/snippets/"),
        ("snippet-listing", reverse(slide.snippet_viewset.get_url_name("list"))),
        ("snippet-editor", reverse(slide.snippet_viewset.get_url_name("edit"), args=[slide.pk])),
        ("images", "/admin/images/"),
        ("image-editor", reverse("wagtailimages:edit", args=[screens["image"].pk])),
        ("documents", "/admin/documents/"),
        ("document-editor", reverse("wagtaildocs:edit", args=[screens["document"].pk])),
        ("translation-editor", f"/admin/pages/{screens['english'].pk}/edit/"),
        ("report-locked", "/admin/reports/locked/"),
        ("report-workflow", "/admin/reports/workflow/"),
        ("report-site-history", "/admin/reports/site-history/"),
        ("report-aging", "/admin/reports/aging-pages/"),
        ("account", "/admin/account/"),
    ]


ADMIN_SCREENS = [
    ("users", "/admin/users/"),
    ("user-add", "/admin/users/new/"),
    ("groups", "/admin/groups/"),
    ("group-add", "/admin/groups/new/"),
    ("sites", "/admin/sites/"),
    ("locales", "/admin/locales/"),
    ("collections", "/admin/collections/"),
    ("redirects", "/admin/redirects/"),
    ("workflows", "/admin/workflows/list/"),
    ("workflow-tasks", "/admin/workflows/tasks/index/"),
    ("report-page-types", "/admin/reports/page-types-usage/"),
]


def open_chooser(page, walk: Walk, button):
    button.click()
    expect(page.get_by_role("dialog")).to_be_visible()
    walk.scan(page, f"chooser from {button}")
    close_dialog(page)


def editor_opens_every_block_and_chooser(page, walk: Walk, index):
    """A new article: every kind of block inserted, every chooser opened, the actions menu with "Gửi duyệt"."""
    page.goto(reverse("wagtailadmin_pages:add", args=["news", "newspage", index.pk]))
    walk.scan(page, "page-editor-new")
    body = page.get_by_role("region", name="Nội dung")
    body.get_by_role("button", name=ADMIN["insert_block"]).last.click()
    options = page.get_by_role("listbox").get_by_role("option")
    names = [options.nth(n).inner_text().strip() for n in range(options.count())]
    walk.scan(page, "block-chooser")
    page.keyboard.press("Escape")
    assert len(names) >= 9, names
    for name in names:
        body.get_by_role("button", name=ADMIN["insert_block"]).last.click()
        page.get_by_role("listbox").get_by_role("option", name=name, exact=True).click()
    walk.scan(page, "page-editor-every-block")
    # The statistics block's snippet chooser: its button and its dialog.
    for chooser in ("Chọn một hình ảnh", "Chọn một tài liệu", "Chọn một trang", "Chọn Số liệu thống kê"):
        open_chooser(page, walk, page.get_by_role("button", name=chooser, exact=True).first)
    for panel in ("Ẩn/hiện trạng thái", "Ẩn/hiện kiểm tra", "Ẩn/hiện bình luận"):
        page.get_by_role("button", name=panel).first.click()
        walk.scan(page, f"side panel {panel}")
    footer = page.get_by_role("navigation", name=ADMIN["actions_footer"])
    footer.get_by_role("button", name=ADMIN["more_actions"]).click()
    expect(footer.get_by_role("button", name=ADMIN["submit"])).to_be_visible()
    walk.scan(page, "actions-menu")


def reviewer_opens_the_workflow_menus(page, walk: Walk, article):
    """The article in review: the dashboard's row menu, the edit page's workflow actions and their dialogs."""
    page.goto("/admin/")
    row = page.locator("#awaiting-review-section").get_by_role("row").filter(has_text=article.title)
    row.get_by_role("button", name=ADMIN["actions"]).click()
    walk.scan(page, "dashboard-review-menu")
    row.get_by_role("button", name=ADMIN["approve_with_comment"]).click()
    expect(page.get_by_role("dialog")).to_be_visible()
    walk.scan(page, "approve-with-comment-dialog")
    close_dialog(page)
    page.goto(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    walk.scan(page, "page-editor-in-review")
    footer = page.get_by_role("navigation", name=ADMIN["actions_footer"])
    footer.get_by_role("button", name=ADMIN["more_actions"]).click()
    expect(footer.get_by_role("button", name=ADMIN["approve"])).to_be_visible()
    walk.scan(page, "workflow-actions-menu")
    footer.get_by_role("button", name=ADMIN["reject"]).click()
    expect(page.get_by_role("dialog")).to_be_visible()
    walk.scan(page, "request-changes-dialog")
    close_dialog(page)


def test_every_admin_screen_of_every_role_reads_in_vietnamese(browser, portal, screens):
    login = new_context(browser, portal, DESKTOP).new_page()
    walks = [Walk("anonymous", screens["content"])]
    walks[0].visit(login, "login", "/admin/login/")
    walks[0].visit(login, "password-reset", "/admin/password_reset/")
    for role in ("editor", "reviewer", "approver", "admin"):
        page = new_context(browser, portal, DESKTOP).new_page()
        walk = Walk(role, screens["content"])
        walks.append(walk)
        log_in(page, role)
        try:
            for screen, url in role_screens(screens)[role]:
                walk.visit(page, screen, url)
            if role == "editor":
                editor_opens_every_block_and_chooser(page, walk, screens["index"])
            if role == "reviewer":
                reviewer_opens_the_workflow_menus(page, walk, screens["article"])
        finally:
            print(walk.role, walk.findings)
        page.context.close()
    findings = {screen: strings for walk in walks for screen, strings in walk.findings.items()}
    print(f"{sum(walk.screens for walk in walks)} screens read")
    assert findings == {}, "English in the Vietnamese admin:\n" + "\n".join(
        f"{screen}:\n  " + "\n  ".join(strings) for screen, strings in findings.items()
    )


def test_the_detector_flags_english_and_passes_vietnamese_names_and_content():
    assert english_in([("text", "Save draft"), ("aria-label", "Actions")], []) == [
        "text: 'Save draft'",
        "aria-label: 'Actions'",
    ]
    assert english_in([("value", "IN MODERATION")], []) == ["value: 'IN MODERATION'"]
    vietnamese = [("text", "Lưu bản nháp"), ("text", "In đậm"), ("title", "Trang tổng quan Wagtail")]
    names = [("text", "vanphong@mocchau.example.vn"), ("text", "news.newspage"), ("text", "English")]
    content = [("text", "Sửa 'Targets for 2025'")]
    assert english_in(vietnamese + names + content, ["Targets for 2025"]) == []
