"""Helpers for journeys through the Wagtail admin, shared by the editor's, reviewer's and approver's journeys.

Wagtail 8 ships only a partial Vietnamese admin catalogue (about 135 strings), so many admin labels are still
English under the Vietnamese admin; the patterns accept both so they keep working as translations grow.
"""

import re

from playwright.sync_api import expect

from tests.browser.conftest import DEMO_PASSWORD

ADMIN = {
    "password": re.compile(r"\b(Mật khẩu|Password)\b"),
    "sign_in": re.compile(r"^(Đăng nhập|Sign in)$"),
    "add_child": re.compile(r"^(Thêm trang con|Add child page)$"),
    "insert_block": re.compile(r"^(Chèn khối|Insert a block)$"),
    "explore": re.compile(r"^(Khám phá|Explore)$"),
    "save_draft": re.compile(r"^(Lưu bản nháp|Save draft)$", re.IGNORECASE),
    "more_actions": re.compile(r"^(Thêm thao tác|More actions)$"),
    # Playwright sends the pattern to the browser as /.../: a slash inside must be escaped.
    "toggle_preview": re.compile(r"^(Bật\/tắt xem trước|Toggle preview)$"),
    "preview_new_tab": re.compile(r"^(Xem trước trong thẻ mới|Preview in new tab)$"),
    # Wagtail's Vietnamese catalogue renders "Submit to %(workflow_name)s" as "Thực hiện %(workflow_name)s".
    "submit": re.compile(r"^(Submit to |Thực hiện |Gửi )"),
    "publish": re.compile(r"^(Xuất bản|Publish)$"),
    "actions_footer": re.compile(r"^(Thao tác|Actions) \(footer\)$"),
    "actions": re.compile(r"^(Thao tác|Actions)$"),
    "approve": re.compile(r"^(Phê chuẩn|Approve)$"),
    "approve_with_comment": re.compile(r"^(Phê chuẩn với bình luận|Approve with comment)$"),
    "reject": re.compile(r"^(Yêu cầu thay đổi|Request changes)$"),
    "comment": re.compile(r"^(Bình luận|Comment)"),
    "compare_previous": re.compile(r"^(So sánh với phiên bản trước|Compare with previous version)$"),
    "translate": re.compile(r"^(Dịch|Translate)$"),
    "translate_page": re.compile(r"^(Dịch trang này|Translate this page)$"),
}


def explore_children(title: str) -> re.Pattern:
    """The explorer's link into a page's children."""
    return re.compile(rf"^(Khám phá các trang con của|Explore child pages of) .{re.escape(title)}.$")


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
