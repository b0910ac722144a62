"""Citizens take part: a comment on an open draft, its moderation, and the form gone after the closing date; a
question asked from a phone, answered by staff, approved by the reviewer and the leader, found by its code. On the
demo's Mộc Châu portal (tests/demo_hosts.py), whose own staff (its groups and workflow) answer."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from cms.editorial import roles
from cms.participation import tracking
from cms.participation.demo import OPEN_DRAFT
from cms.participation.models import Comment, DraftPage, Question, QuestionAnswerPage
from cms.participation.roles import MODERATORS, QUESTION_HANDLERS
from cms.portals.provision import scoped_name
from tests.browser.admin import footer_button, log_in, open_footer_menu, workflow_action
from tests.browser.conftest import DEMO_PASSWORD, DESKTOP, PHONE, new_context, run_axe
from tests.browser.test_accessibility import BLOCKING

MOC_CHAU_NAME = "Phường Mộc Châu"
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DRAFT_URL = "/vi/lay-y-kien-du-thao/du-thao-quy-dinh-quan-ly-cho/"
TEXT = "Đề nghị bố trí khu vực riêng cho nông sản của bà con các bản, không thu phí trong năm đầu."


def test_a_citizen_comments_a_moderator_approves_and_the_form_closes_on_time(browser, portal, phone_page):
    moderator = get_user_model().objects.create_user("kiemduyet", password=DEMO_PASSWORD)
    moderator.groups.add(Group.objects.get(name=MODERATORS))

    page = phone_page
    page.goto(DRAFT_URL)
    expect(page.get_by_role("heading", level=1)).to_have_text(OPEN_DRAFT["title"])
    expect(page.get_by_text("Đang lấy ý kiến, còn")).to_be_visible()
    page.get_by_label("Họ và tên").fill("Hà Thị Mai")
    page.get_by_label("Thư điện tử hoặc số điện thoại").fill("mai.ha@example.vn")
    page.get_by_label("Phần của dự thảo góp ý").select_option("Điều 4. Bố trí ngành hàng")
    page.get_by_label("Nội dung góp ý").fill(TEXT)
    page.get_by_label("Đồng ý hiển thị họ tên").check()
    page.get_by_label("Tôi đồng ý để cơ quan xử lý dữ liệu cá nhân").check()
    # The browser solves the proof-of-work challenge by itself; the button waits for it.
    expect(page.get_by_text("Đã xác minh trình duyệt")).to_be_visible(timeout=60_000)
    page.wait_for_timeout(3000)  # a person takes longer than the minimum fill time
    page.get_by_role("button", name="Gửi ý kiến").click()
    expect(page.get_by_role("status")).to_contain_text("chờ duyệt")
    expect(page.get_by_text(TEXT)).to_have_count(0)
    assert Comment.objects.get(text=TEXT).status == Comment.Status.PENDING

    admin = new_context(browser, portal, DESKTOP).new_page()
    log_in(admin, "kiemduyet")
    admin.get_by_role("link", name="Kiểm duyệt góp ý").click()
    row = admin.get_by_role("row").filter(has_text="Điều 4. Bố trí ngành hàng")
    row.get_by_role("checkbox").check()
    admin.locator("[data-bulk-action-footer]").get_by_text("Duyệt", exact=True).click()
    admin.get_by_role("button", name="Đồng ý").click()
    expect(admin.get_by_text("Đã chuyển 1 ý kiến sang “Đã duyệt”.")).to_be_visible()

    page.goto(DRAFT_URL)
    expect(page.get_by_text(TEXT)).to_be_visible()
    expect(page.get_by_text("Hà Thị Mai")).to_be_visible()
    assert "mai.ha@example.vn" not in page.content()

    # The closing time passes: the page closes itself, no form any more.
    DraftPage.objects.filter(slug="du-thao-quy-dinh-quan-ly-cho").update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    page.goto(DRAFT_URL)
    expect(page.get_by_text("Đã hết hạn lấy ý kiến", exact=True)).to_be_visible()
    expect(page.get_by_label("Nội dung góp ý")).to_have_count(0)
    expect(page.get_by_text(TEXT)).to_be_visible()


def test_participation_pages_have_no_serious_accessibility_violations(browser, moc_chau):
    pages = {
        "draft-index": "/vi/lay-y-kien-du-thao/",
        "draft-open": DRAFT_URL,
        "draft-closed": "/vi/lay-y-kien-du-thao/du-thao-ke-hoach-du-lich-cong-dong/",
        "privacy-notice": "/vi/thong-bao-xu-ly-du-lieu-ca-nhan/",
        "questions": "/vi/hoi-dap/",
        "ask": "/vi/hoi-dap/gui-cau-hoi/",
        "track": "/vi/hoi-dap/tra-cuu/",
        "answer": "/vi/hoi-dap/thoi-han-cap-giay-chung-nhan-quyen-su-dung-dat-lan-dau/",
    }
    found = {}
    for size_name, size in (("phone", PHONE), ("desktop", DESKTOP)):
        # The public CSP forbids inline scripts; axe-core is injected as one, so the context bypasses CSP.
        context = new_context(browser, moc_chau, size, bypass_csp=True)
        page = context.new_page()
        for name, path in pages.items():
            assert page.goto(path).ok, path
            found[f"{name}-{size_name}"] = run_axe(page, f"participation-{name}-{size_name}")
        context.close()
    blocking = {page: {k: v for k, v in impacts.items() if k in BLOCKING} for page, impacts in found.items()}
    assert not any(blocking.values()), f"serious or critical axe violations (see test-artifacts/axe/): {blocking}"


QUESTION_SUBJECT = "Thời gian cấp giấy phép xây dựng nhà ở nông thôn"
QUESTION_TEXT = "Gia đình tôi ở xã Tân Lập muốn xây nhà hai tầng. Xin hỏi có cần xin giấy phép xây dựng không?"
ANSWER_TEXT = "Nhà ở riêng lẻ tại nông thôn không thuộc khu vực có quy hoạch được miễn giấy phép xây dựng."


def test_a_citizen_asks_staff_answer_the_leaders_approve_and_the_citizen_finds_the_answer(browser, portal, phone_page):
    handler = get_user_model().objects.create_user("tiepnhan", password=DEMO_PASSWORD)
    editors = scoped_name(roles.EDITORS.name, MOC_CHAU_NAME)  # the portal's editors (create_portal)
    handler.groups.add(Group.objects.get(name=QUESTION_HANDLERS), Group.objects.get(name=editors))

    # A citizen asks from a phone.
    page = phone_page
    page.goto("/vi/hoi-dap/")
    page.get_by_role("link", name="Gửi câu hỏi, phản ánh").first.click()
    page.get_by_label("Lĩnh vực").select_option("xay-dung")
    page.get_by_label("Tiêu đề").fill(QUESTION_SUBJECT)
    page.get_by_label("Nội dung câu hỏi, phản ánh").fill(QUESTION_TEXT)
    page.get_by_label("Họ và tên").fill("Lường Văn Pấng")
    page.get_by_label("Thư điện tử").fill("pang.luong@example.vn")
    page.get_by_label("Tôi đồng ý để cơ quan xử lý dữ liệu cá nhân").check()
    expect(page.get_by_text("Đã xác minh trình duyệt")).to_be_visible(timeout=60_000)
    page.wait_for_timeout(3000)  # a person takes longer than the minimum fill time
    page.get_by_role("button", name="Gửi câu hỏi").click()
    expect(page.get_by_role("status")).to_contain_text("Mã tra cứu của bạn")
    code = page.locator("[data-tracking-code]").inner_text()
    assert tracking.normalise(code)
    page.get_by_role("link", name="Tra cứu tình trạng bằng mã").first.click()
    page.get_by_label("Mã tra cứu").fill(code.lower())
    page.get_by_role("button", name="Tra cứu").click()
    expect(page.locator("[data-question-status]")).to_have_text("Mới tiếp nhận")

    # The question is assigned to the officer (only then are the citizen's contact details shown to them);
    # they open the queue, write the answer page and submit it for approval.
    Question.objects.filter(subject=QUESTION_SUBJECT).update(assigned_to=handler, status=Question.Status.ASSIGNED)
    staff = new_context(browser, portal, DESKTOP).new_page()
    log_in(staff, "tiepnhan")
    staff.get_by_role("link", name="Hỏi đáp, phản ánh").click()
    staff.get_by_role("link", name=re.compile(re.escape(QUESTION_SUBJECT))).first.click()
    expect(staff.get_by_text("pang.luong@example.vn")).to_be_visible()
    staff.get_by_role("link", name="Soạn trang trả lời").click()
    staff.get_by_role("button", name="Tạo trang trả lời").click()
    expect(staff).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    answer = staff.locator("[data-contentpath='answer'] [contenteditable='true']")
    answer.click()
    answer.press_sequentially(ANSWER_TEXT)
    staff.get_by_role("textbox", name="Đơn vị trả lời").click()  # Draftail writes its hidden input when it loses focus
    expect(staff.locator("input[name='answer']")).to_have_value(re.compile("Nhà ở riêng lẻ"))
    open_footer_menu(staff)
    footer_button(staff, "action-submit").click()
    expect(staff.get_by_role("status")).to_contain_text(QUESTION_SUBJECT)
    answer_page = QuestionAnswerPage.objects.get(title=QUESTION_SUBJECT)
    assert answer_page.workflow_in_progress and not answer_page.live

    # The portal's reviewer and leader (load_demo_content's accounts) approve from the edit page.
    for username in ("thamdinh.mocchau", "lanhdao.mocchau"):
        approver = new_context(browser, portal, DESKTOP).new_page()
        log_in(approver, username)
        approver.goto(f"/admin/pages/{answer_page.pk}/edit/")
        open_footer_menu(approver)
        workflow_action(approver, "approve").click()
        expect(approver).not_to_have_url(re.compile(r"/edit/$"))
    answer_page.refresh_from_db()
    assert answer_page.live
    assert any(message.to == ["pang.luong@example.vn"] for message in mail.outbox)

    # The citizen finds the answer by the tracking code; no contact detail anywhere on it.
    page.goto("/vi/hoi-dap/tra-cuu/")
    page.get_by_label("Mã tra cứu").fill(code)
    page.get_by_role("button", name="Tra cứu").click()
    expect(page.locator("[data-question-status]")).to_have_text("Đã đăng trả lời")
    page.get_by_role("link", name="Xem câu trả lời").click()
    expect(page.get_by_text(ANSWER_TEXT)).to_be_visible()
    assert "pang.luong@example.vn" not in page.content() and "Lường Văn Pấng" not in page.content()
    page.goto("/vi/hoi-dap/?q=giay+phep+xay+dung")
    expect(page.get_by_role("link", name=QUESTION_SUBJECT)).to_be_visible()
