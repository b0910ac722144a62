"""The editorial path in the admin: the editor writes and submits, the reviewer and the approver decide; then live."""

import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from playwright.sync_api import expect
from wagtail_localize.models import StringTranslation, Translation

from cms.editorial.workflow.setup import STEPS
from home.models import HomePage
from news.models import DirectiveIndexPage, NewsPage
from tests.browser.admin import (
    ADMIN,
    AUTOSAVED,
    dashboard_action,
    decide_in_dialog,
    explore_children,
    footer_button,
    insert_block,
    log_in,
    open_footer_menu,
    workflow_action,
)
from tests.browser.conftest import DESKTOP, PHONE, assert_no_horizontal_scroll, new_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Huyện Mộc Châu triển khai chuyển đổi số năm 2025"
LINK_TEXT = "văn bản chỉ đạo điều hành"
ENGLISH_SEGMENTS = {
    "Mục tiêu năm 2025": "Targets for 2025",
    "Kế hoạch chi tiết được đăng tại mục": "The detailed plan is published under",
}
ENGLISH_TITLE = "Moc Chau district rolls out digital transformation in 2025"
ENGLISH_SLUG = "moc-chau-digital-transformation-2025"
STATISTIC = "Hồ sơ thủ tục hành chính cấp xã nộp trực tuyến"  # a figure of the demo's province (its own portal's)
SLUG = "huyen-moc-chau-trien-khai-chuyen-doi-so-nam-2025"


def province_home() -> HomePage:
    """The province's home (the default site's), where the demo's "editor", "reviewer" and "approver" work; the
    demo's Mộc Châu portal has its own staff (tests/demo_hosts.py)."""
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page.specific


def editor_writes_and_submits(browser, portal, screenshots):
    """Journey 1: the editor writes an article (heading, linked paragraph, image, statistics) and submits it.

    Autosave is on, as Wagtail ships it: the editor never presses "Lưu bản nháp"; autosave creates the page.
    """
    context = new_context(browser, portal, DESKTOP)
    page = context.new_page()
    log_in(page, "editor")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    screenshots(page, "dashboard")

    # The news section, from the home page's explorer.
    page.goto(f"/admin/pages/{province_home().pk}/")
    page.get_by_role("link", name=explore_children("Tin tức - Sự kiện")).click()
    page.get_by_role("link", name=ADMIN["add_child"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mới: Tin bài")

    # Typed at a person's pace: Wagtail starts watching the form two seconds after it opens, and autosave
    # creates the page half a second after the first change it sees, while the title is still half typed.
    page.get_by_role("textbox", name="Tiêu đề*").press_sequentially(TITLE, delay=80)
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    # The slug field's live preview (Promote tab) shows the server's transliteration, not Wagtail's "huyn-mc-...".
    expect(page.locator("input[name='slug']")).to_have_value(SLUG)
    page.get_by_role("textbox", name="Tóm tắt*").fill(
        "Huyện đặt mục tiêu 100% hồ sơ thủ tục hành chính được tiếp nhận trực tuyến."
    )
    page.get_by_label("Chuyên mục*").select_option(label="Cải cách hành chính")
    body = page.get_by_role("region", name="Nội dung")

    insert_block(page, body, "Tiêu đề mục")
    body.get_by_role("region", name=re.compile("^Tiêu đề mục")).get_by_role("textbox", name="Tiêu đề*").fill(
        "Mục tiêu năm 2025"
    )

    # A paragraph whose last words link to the directive index, chosen with Draftail's page chooser.
    insert_block(page, body, "Đoạn văn")
    paragraph = body.get_by_role("region", name=re.compile("^Đoạn văn")).get_by_role("textbox")
    paragraph.click()
    page.keyboard.type(f"Kế hoạch chi tiết được đăng tại mục {LINK_TEXT}")
    for _ in LINK_TEXT:
        page.keyboard.press("Shift+ArrowLeft")
    page.get_by_role("button", name=re.compile(r"^(Liên kết|Link)\b")).click()
    chooser = page.get_by_role("dialog")
    expect(chooser.get_by_role("heading", level=1)).to_contain_text("Chọn một trang")
    chooser.get_by_role("row", name=re.compile("^Trang chủ")).get_by_role("link", name=ADMIN["explore"]).click()
    chooser.get_by_role("link", name="Chỉ đạo điều hành", exact=True).click()
    expect(chooser).to_be_hidden()
    expect(paragraph.locator("a[href='/vi/chi-dao-dieu-hanh/']")).to_have_text(LINK_TEXT)

    insert_block(page, body, "Ảnh")
    body.get_by_role("region", name=re.compile("^Ảnh")).get_by_role("button", name="Chọn một hình ảnh").click()
    chooser = page.get_by_role("dialog")
    expect(chooser.get_by_role("heading", level=1)).to_have_text("Chọn một hình ảnh")
    chooser.get_by_role("link", name=re.compile("^Đồi chè xanh hình trái tim")).click()
    expect(chooser).to_be_hidden()
    screenshots(page, "article-form")

    expect(page.locator(AUTOSAVED)).to_be_attached()
    article = NewsPage.objects.get(title=TITLE)
    assert article.get_latest_revision_as_object().slug == SLUG
    assert not article.live
    # The indicator may stand from an earlier autosave: wait for the one that carries the chosen image.
    for _ in range(40):
        draft = NewsPage.objects.get(pk=article.pk).get_latest_revision_as_object()
        if len(draft.body) == 3:
            break
        page.wait_for_timeout(250)
    assert [block.block_type for block in draft.body] == ["heading", "paragraph", "image"]
    assert (
        f'linktype="page" id="{DirectiveIndexPage.objects.child_of(province_home()).get().pk}"'
        in draft.body[1].value.source
    )
    screenshots(page, "draft-saved")

    # The preview: the side panel, then the same preview in its own tab.
    page.get_by_role("button", name=ADMIN["toggle_preview"]).click()
    with context.expect_page() as new_tab:
        page.get_by_role("link", name=ADMIN["preview_new_tab"]).click()
    preview = new_tab.value
    expect(preview.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(preview.get_by_role("heading", level=2, name="Mục tiêu năm 2025")).to_be_visible()
    # With several portals Wagtail writes a rich text page link as the page's full URL (its Site's host and port).
    register_url = DirectiveIndexPage.objects.child_of(province_home()).get().url
    assert register_url.endswith("/vi/chi-dao-dieu-hanh/")
    expect(preview.get_by_role("link", name=LINK_TEXT)).to_have_attribute("href", register_url)
    expect(preview.get_by_role("img", name=re.compile("^Đồi chè xanh hình trái tim"))).to_be_visible()
    screenshots(preview, "preview")
    preview.close()

    # A statistics block with an existing demo figure, chosen through the snippet chooser, after the draft:
    # the approver later compares the submitted revision with this draft.
    insert_block(page, body, "Số liệu thống kê")
    statistics = body.get_by_role("region", name=re.compile("^Số liệu thống kê"))
    statistics.get_by_role("textbox", name="Tiêu đề nhóm số liệu").fill("Kết quả 6 tháng")
    statistics.get_by_role("button", name="Chọn Số liệu thống kê", exact=True).click()
    chooser = page.get_by_role("dialog")
    chooser.get_by_role("link", name=STATISTIC).click()
    expect(chooser).to_be_hidden()
    expect(statistics).to_contain_text(STATISTIC)
    screenshots(page, "statistics-block")

    # The editor may submit for moderation but has no publish action.
    expect(page.locator(AUTOSAVED)).to_be_attached()
    open_footer_menu(page)
    expect(footer_button(page, "action-publish")).to_have_count(0)
    submit = footer_button(page, "action-submit")
    screenshots(page, "actions-menu", sizes=(("desktop", DESKTOP),), full_page=False)
    expect(submit).to_have_count(1)
    submit.click()
    expect(page.get_by_role("status")).to_contain_text(TITLE)
    article.refresh_from_db()
    assert article.workflow_in_progress
    assert not article.live
    screenshots(page, "submitted")
    draft = article.get_latest_revision_as_object()
    assert [block.block_type for block in draft.body] == ["heading", "paragraph", "image", "statistics"]
    assert [statistic.label for statistic in draft.body[3].value["statistics"]] == [STATISTIC]
    return context, article


def current_task_name(article) -> str:
    article.refresh_from_db()
    return article.current_workflow_task.name


def moderation_row(page, title: str):
    """The article's row in the dashboard's "Awaiting your review" panel (Wagtail's id for it)."""
    queue = page.locator("#awaiting-review-section")
    return queue.get_by_role("row").filter(has=page.get_by_role("link", name=title, exact=True))


def decision_evidence(page, article) -> dict:
    """What a failed decision left behind, for the CI log's reader: where the browser went, what it was told."""
    return {
        "url": page.url,
        "messages": page.locator(".messages").all_inner_texts(),
        "revisions_by": list(article.revisions.order_by("created_at").values_list("user__username", flat=True)),
        "task_states": list(
            article.current_workflow_state.task_states.values_list("task__name", "status", "finished_by__username")
        ),
    }


def editor_cannot_approve(context, article):
    """Journey 2, first half: no decision buttons for the submitter, and a crafted approval is refused."""
    page = context.pages[0]
    page.goto(f"/admin/pages/{article.pk}/edit/")
    for name in ("approve", "approve_with_comment", "reject"):
        expect(page.get_by_role("button", name=ADMIN[name])).to_have_count(0)
    page.goto("/admin/")
    expect(moderation_row(page, TITLE)).to_have_count(0)

    # The approval the reviewer's button would send, posted with the editor's session and CSRF token.
    task_state = article.current_workflow_state.current_task_state
    token = page.locator("input[name=csrfmiddlewaretoken]").first.input_value()
    response = page.request.post(
        reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk]),
        form={"csrfmiddlewaretoken": token, "comment": "Tự phê duyệt"},
        headers={"Referer": page.url},
        max_redirects=0,
    )
    # Wagtail's admin answers a PermissionDenied with a redirect to the dashboard (403 would do as well).
    assert response.status == 403 or (
        response.status == 302 and response.headers["location"] == reverse("wagtailadmin_home")
    ), (response.status, response.headers)
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"
    assert current_task_name(article) == STEPS[0][0]


def test_article_is_written_reviewed_approved_and_published(browser, portal, screenshots):
    editor, article = editor_writes_and_submits(browser, portal, screenshots)
    assert current_task_name(article) == STEPS[0][0]
    editor_cannot_approve(editor, article)

    # Journey 2: the reviewer opens the article from "awaiting your review" and approves step one from the edit
    # page's action menu, with a comment. Wagtail saves the unchanged form first: no revision in their name.
    revisions = article.revisions.count()
    reviewer = new_context(browser, portal, DESKTOP).new_page()
    log_in(reviewer, "reviewer")
    row = moderation_row(reviewer, TITLE)
    expect(row).to_be_visible()
    screenshots(reviewer, "reviewer-dashboard")
    row.get_by_role("link", name=TITLE, exact=True).click()
    expect(reviewer).to_have_url(re.compile(rf"/admin/pages/{article.pk}/edit/"))
    open_footer_menu(reviewer)
    workflow_action(reviewer, "approve", with_comment=True).click()
    screenshots(reviewer, "reviewer-comment", sizes=(("desktop", DESKTOP),), full_page=False)
    decide_in_dialog(reviewer, "Nội dung chính xác, đề nghị lãnh đạo duyệt.")
    expect(reviewer).not_to_have_url(re.compile(r"/edit/"))
    assert current_task_name(article) == STEPS[1][0], decision_evidence(reviewer, article)
    assert article.current_workflow_state.task_states.get(task__name=STEPS[0][0]).comment.startswith("Nội dung")
    assert article.revisions.count() == revisions
    assert not article.live

    # Journey 3: the approver approves from the edit page too; the article goes live and the approver is told
    # where, in a message that stays on the next screen.
    approver = new_context(browser, portal, DESKTOP).new_page()
    log_in(approver, "approver")
    moderation_row(approver, TITLE).get_by_role("link", name=TITLE, exact=True).click()
    open_footer_menu(approver)
    workflow_action(approver, "approve").click()
    expect(approver.get_by_role("status")).to_contain_text(f"/vi/tin-tuc/{SLUG}/")
    screenshots(approver, "approver-published")
    article.refresh_from_db()
    assert article.live
    assert not article.workflow_in_progress
    assert article.revisions.count() == revisions

    # Live on the site and in the API.
    citizen = new_context(browser, portal, PHONE).new_page()
    # The slug the admin's JavaScript made from the Vietnamese title ("huyn-mc-chau-...") was transliterated.
    assert article.slug == SLUG
    path = f"/vi/tin-tuc/{article.slug}/"
    citizen.goto(path)
    expect(citizen.get_by_role("heading", level=1)).to_have_text(TITLE)
    register_url = DirectiveIndexPage.objects.child_of(province_home()).get().url  # absolute: several portals
    expect(citizen.get_by_role("link", name=LINK_TEXT)).to_have_attribute("href", register_url)
    expect(citizen.locator(".block-statistics")).to_contain_text(STATISTIC)
    assert_no_horizontal_scroll(citizen)
    screenshots(citizen, "published-article")
    # find/ routes below the locale's home page: the path without the /vi language prefix.
    # Its redirect is absolute on WAGTAILAPI_BASE_URL (not the live server's port): follow the path by hand.
    found = citizen.request.get(f"/api/v2/pages/find/?html_path={path.removeprefix('/vi')}", max_redirects=0)
    assert found.status == 302, found.status
    assert urlsplit(found.headers["location"]).path == f"/api/v2/pages/{article.pk}/"
    detail = citizen.request.get(f"/api/v2/pages/{article.pk}/").json()
    assert detail["title"] == TITLE
    assert detail["meta"]["type"] == "news.NewsPage"
    assert [block["type"] for block in detail["body"]] == ["heading", "paragraph", "image", "statistics"]
    # One search for the API too (pages/?search= answers 400 naming it).
    listing = citizen.request.get("/api/v2/search/", params={"q": "chuyển đổi số"})
    assert TITLE in [item["title"] for item in listing.json()["items"]]

    # Journey 4, the part main supports: the editor uses "Translate" (wagtail-localize) and translates two segments.
    page = editor.pages[0]
    page.goto(f"/admin/pages/{article.pk}/edit/")
    page.locator("header").get_by_role("button", name=ADMIN["actions"]).first.click()
    page.get_by_role("link", name=ADMIN["translate_page"]).click()
    page.get_by_label("English").check()
    page.locator("input[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    english = NewsPage.objects.get(translation_key=article.translation_key, locale__language_code="en")
    assert not english.live
    for source, translation in ENGLISH_SEGMENTS.items():
        segment = page.get_by_role("listitem").filter(has_text=source).last
        segment.get_by_role("button", name=ADMIN["translate"]).click()
        segment.get_by_role("textbox").fill(translation)
        segment.get_by_role("button", name=re.compile(r"^(Lưu|Save)$")).click()
        expect(segment).to_contain_text(translation)
    screenshots(page, "translation-editor")
    translated = StringTranslation.objects.filter(locale__language_code="en").values_list("data", flat=True)
    assert set(ENGLISH_SEGMENTS.values()) <= set(translated)
    assert not english.live

    # Journey 4, second half. The remaining segments arrive as a translator's PO file ("⋯" → Upload PO does this).
    translation = Translation.objects.get(source__object_id=article.translation_key, target_locale=english.locale)
    po = translation.export_po()
    for entry in po:
        if not entry.msgstr and not entry.obsolete:
            entry.msgstr = (
                ENGLISH_SLUG
                if entry.msgctxt == "slug"
                else ENGLISH_TITLE
                if entry.msgctxt == "title"
                else (f"[EN] {entry.msgid}")
            )
    translation.import_po(po)
    # The editor submits the translation to the same workflow from the translation editor's bar.
    page.reload()
    page.get_by_role("link", name="Gửi duyệt bản dịch").first.click()
    page.get_by_role("button", name="Gửi duyệt").click()
    expect(page.locator("[data-portal-translation-review]").first).to_contain_text("Bản dịch đang chờ duyệt")
    screenshots(page, "translation-submitted")
    english.refresh_from_db()
    assert english.workflow_in_progress and not english.live
    assert citizen.goto(f"/en/news/{ENGLISH_SLUG}/").status == 404

    for reviewer_name in ("reviewer", "approver"):
        decider = new_context(browser, portal, DESKTOP).new_page()
        log_in(decider, reviewer_name)
        # From the dashboard this time (Wagtail's "awaiting your review" row menu).
        row = moderation_row(decider, ENGLISH_TITLE)
        row.locator("[data-w-dropdown-target='toggle']").click()
        dashboard_action(row, "approve").click()
        expect(moderation_row(decider, ENGLISH_TITLE)).to_have_count(0)
    english.refresh_from_db()
    assert english.live

    citizen.goto(f"/en/news/{ENGLISH_SLUG}/")
    expect(citizen.get_by_role("heading", level=1)).to_have_text(ENGLISH_TITLE)
    expect(citizen.locator("html")).to_have_attribute("lang", "en")
    screenshots(citizen, "published-translation")
    listing = citizen.request.get("/api/v2/pages/", params={"type": "news.NewsPage", "locale": "en"}).json()
    assert ENGLISH_TITLE in [item["title"] for item in listing["items"]]
