"""The editor writes a news article in the admin: heading, internal link, image; a draft, a preview, a submission."""

import re

import pytest
from playwright.sync_api import expect

from home.models import HomePage
from news.models import DirectiveIndexPage, NewsPage
from tests.browser.admin import ADMIN, explore_children, insert_block, log_in
from tests.browser.conftest import DESKTOP, new_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Huyện Mộc Châu triển khai chuyển đổi số năm 2025"
LINK_TEXT = "văn bản chỉ đạo điều hành"


def test_editor_writes_a_news_article_and_submits_it(browser, portal, screenshots):
    context = new_context(browser, portal, DESKTOP)
    page = context.new_page()
    log_in(page, "editor")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    screenshots(page, "dashboard")

    # The news section, from the home page's explorer.
    page.goto(f"/admin/pages/{HomePage.objects.get(locale__language_code='vi').pk}/")
    page.get_by_role("link", name=explore_children("Tin tức - Sự kiện")).click()
    page.get_by_role("link", name=ADMIN["add_child"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mới: Tin bài")

    page.get_by_role("textbox", name="Tiêu đề*").fill(TITLE)
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
    # Phase 2: a statistics block here, once the statistics issue lands.
    screenshots(page, "article-form")

    page.get_by_role("button", name=ADMIN["save_draft"]).click()
    expect(page.get_by_role("status")).to_contain_text(TITLE)
    article = NewsPage.objects.get(title=TITLE)
    assert not article.live
    draft = article.get_latest_revision_as_object()
    assert [block.block_type for block in draft.body] == ["heading", "paragraph", "image"]
    assert (
        f'linktype="page" id="{DirectiveIndexPage.objects.get(locale__language_code="vi").pk}"'
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
    expect(preview.get_by_role("link", name=LINK_TEXT)).to_have_attribute("href", "/vi/chi-dao-dieu-hanh/")
    expect(preview.get_by_role("img", name=re.compile("^Đồi chè xanh hình trái tim"))).to_be_visible()
    screenshots(preview, "preview")
    preview.close()

    # The editor may submit for moderation but has no publish action.
    footer = page.get_by_role("navigation", name=ADMIN["actions_footer"])
    footer.get_by_role("button", name=ADMIN["more_actions"]).click()
    expect(page.get_by_role("button", name=ADMIN["publish"])).to_have_count(0)
    submit = footer.get_by_role("button", name=ADMIN["submit"])
    screenshots(page, "actions-menu", sizes=(("desktop", DESKTOP),), full_page=False)
    if submit.count():
        submit.click()
        expect(page.get_by_role("status")).to_contain_text(TITLE)
        article.refresh_from_db()
        assert article.workflow_in_progress
        assert not article.live
        screenshots(page, "submitted")
    # Phase 2: the reviewer and approver journeys continue from this submission.
    context.close()
