"""Helpers for journeys through the Wagtail admin, shared by the editor's, reviewer's and approver's journeys.

The Vietnamese admin labels come from the project's catalogue of Wagtail's strings (locale_overrides/,
docs/glossary-vi.md); the patterns also accept the English labels, for an editor whose admin is in English.
"""

import re

from playwright.sync_api import expect

from tests.browser.conftest import DEMO_PASSWORD

ADMIN = {
    "password": re.compile(r"\b(Mật khẩu|Password)\b"),
    "sign_in": re.compile(r"^(Đăng nhập|Sign in)$"),
    "add_child": re.compile(r"^(Thêm trang con|Add child page)$"),
    "insert_block": re.compile(r"^(Chèn khối|Insert a block)$"),
    "explore": re.compile(r"^(Xem trang con|Explore)$"),
    "save_draft": re.compile(r"^(Lưu bản nháp|Save draft)$", re.IGNORECASE),
    "more_actions": re.compile(r"^(Thao tác khác|More actions)$"),
    # Playwright sends the pattern to the browser as /.../: a slash inside must be escaped.
    "toggle_preview": re.compile(r"^(Ẩn\/hiện xem trước|Toggle preview)$"),
    "preview_new_tab": re.compile(r"^(Xem trước trong thẻ mới|Preview in new tab)$"),
    # "Submit to %(workflow_name)s" reads "Gửi duyệt" (docs/glossary-vi.md).
    "submit": re.compile(r"^(Submit to |Gửi duyệt)"),
    "publish": re.compile(r"^(Xuất bản|Publish)$"),
    "actions_footer": re.compile(r"^(Thao tác \(chân trang\)|Actions \(footer\))$"),
    "actions": re.compile(r"^(Thao tác|Actions)$"),
    "approve": re.compile(r"^(Phê duyệt|Approve)$"),
    "approve_with_comment": re.compile(r"^(Phê duyệt kèm bình luận|Approve with comment)$"),
    "reject": re.compile(r"^(Yêu cầu chỉnh sửa|Request changes)$"),
    "comment": re.compile(r"^(Bình luận|Comment)"),
    "compare_previous": re.compile(r"^(So sánh với phiên bản trước|Compare with previous version)$"),
    "translate": re.compile(r"^(Dịch|Translate)$"),
    "translate_page": re.compile(r"^(Dịch trang này|Translate this page)$"),
}


def explore_children(title: str) -> re.Pattern:
    """The explorer's link into a page's children."""
    return re.compile(rf"^(Xem các trang con của|Explore child pages of) .{re.escape(title)}.$")


def log_in(page, username: str, password: str = DEMO_PASSWORD):
    page.goto("/admin/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label(ADMIN["password"]).fill(password)
    page.get_by_role("button", name=ADMIN["sign_in"]).click()
    expect(page.get_by_role("link", name="Trang tổng quan")).to_be_visible()


def insert_block(page, stream, label: str):
    """Append a block to a StreamField through its block chooser."""
    stream.get_by_role("button", name=ADMIN["insert_block"]).last.click()
    page.get_by_role("option", name=label, exact=True).click()


# Stable hooks into Wagtail's markup, independent of the labels (which the Vietnamese catalogues change).
FOOTER = "footer.footer"
AUTOSAVED = "#w-autosave-indicator[data-w-autosave-state-value='saved']"


def open_footer_menu(page):
    """Open the drop-down beside the footer's main action (submit, workflow actions, ...)."""
    page.locator(FOOTER).locator("[data-w-dropdown-target='toggle']").click()


def footer_button(page, name: str):
    """A footer action by its form name: "action-submit", "action-publish", ..."""
    return page.locator(FOOTER).locator(f"button[name='{name}']")


def workflow_action(page, action: str, with_comment: bool = False):
    """The edit page's workflow action button ("approve", "reject"); ``with_comment``: the one opening a dialog."""
    modal = "[data-workflow-action-modal-url]" if with_comment else ":not([data-workflow-action-modal-url])"
    return page.locator(FOOTER).locator(f"button[data-workflow-action-name='{action}']{modal}")


def dashboard_action(row, action: str, with_comment: bool = False):
    """A workflow action in a row of the dashboard's "awaiting your review" panel."""
    modal = "[data-launch-modal]" if with_comment else ":not([data-launch-modal])"
    return row.locator(f"button[data-workflow-action-url*='/{action}/']{modal}")


def decide_in_dialog(page, comment: str):
    """The workflow action dialog: write the comment and confirm."""
    dialog = page.get_by_role("dialog")
    dialog.locator("textarea[name='comment']").fill(comment)
    dialog.locator("[type='submit']").click()
    expect(dialog).to_be_hidden()
