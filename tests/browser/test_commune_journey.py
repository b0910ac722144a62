"""A commune portal's article, from its editor to its reviewer and leader, live on the commune's host only.

The commune's staff work on the commune's host (``vanho.localhost`` on the live server's port: Chromium resolves
``*.localhost`` to the loopback address); nobody of the commune sees or reaches the province's content, and
another commune's editor does not see theirs. Buttons are found by Wagtail's data attributes and form names.
"""

import io
import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from cms.portals.models import Portal
from news.models import NewsIndexPage, NewsPage
from tests.browser.admin import AUTOSAVED, footer_button, log_in, open_footer_menu, workflow_action
from tests.browser.conftest import DESKTOP, PHONE, SEED_ARTICLE, new_context
from tests.workflow_helpers import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "pw-123456789"  # tests.workflow_helpers.make_user's
TITLE = "Xã Vân Hồ ra quân làm đường giao thông nông thôn"
PROVINCE_ARTICLE = "Sơn La vận hành chính quyền địa phương hai cấp từ ngày 1/7/2025"  # cms/demo/province.py


def create_commune(name: str, hostname: str, port: int) -> Portal:
    call_command("create_portal", "--name", name, "--hostname", hostname, "--port", str(port), stdout=io.StringIO())
    return Portal.objects.get(hostname=hostname)


def signed_in(browser, base_url: str, username: str):
    page = new_context(browser, base_url, DESKTOP).new_page()
    log_in(page, username, PASSWORD)
    return page


def moderation_row(page, title: str):
    queue = page.locator("#awaiting-review-section")
    return queue.get_by_role("row").filter(has=page.get_by_role("link", name=title, exact=True))


def cannot_reach(page, article_pk: int, title: str):
    """A crafted edit URL is refused (back to the dashboard), and the admin search does not list the page."""
    page.goto(f"/admin/pages/{article_pk}/edit/")
    expect(page).not_to_have_url(re.compile(rf"/admin/pages/{article_pk}/edit/"))
    page.goto(f"/admin/pages/search/?q={title.split()[0]}")
    expect(page.get_by_role("link", name=title, exact=True)).to_have_count(0)


def test_commune_article_is_approved_by_the_commune_and_live_on_its_portal_only(browser, portal, screenshots):
    port = urlsplit(portal).port
    vanho = create_commune("Xã Vân Hồ", "vanho.localhost", port)
    create_commune("Xã Đoàn Kết", "doanket.localhost", port)
    for username, role in (("bientap_vanho", "Biên tập viên"), ("thamdinh_vanho", "Thẩm định")):
        make_user(username, f"{role} – Xã Vân Hồ")
    make_user("lanhdao_vanho", "Lãnh đạo phê duyệt – Xã Vân Hồ")
    make_user("bientap_doanket", "Biên tập viên – Xã Đoàn Kết")
    vanho_url = f"http://vanho.localhost:{port}"
    news_index = NewsIndexPage.objects.child_of(vanho.home).get()

    # The commune's editor drafts in the commune's news section and submits.
    editor = signed_in(browser, vanho_url, "bientap_vanho")
    editor.goto(f"/admin/pages/add/news/newspage/{news_index.pk}/")
    editor.get_by_role("textbox", name="Tiêu đề*").press_sequentially(TITLE, delay=40)
    expect(editor).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    editor.get_by_role("textbox", name="Tóm tắt*").fill("Người dân góp công, góp đất mở rộng 3 km đường bản.")
    editor.get_by_label("Chuyên mục*").select_option(index=1)
    expect(editor.locator(AUTOSAVED)).to_be_attached()
    open_footer_menu(editor)
    footer_button(editor, "action-submit").click()
    expect(editor.get_by_role("status")).to_contain_text(TITLE)
    screenshots(editor, "commune-editor-submitted")
    article = NewsPage.objects.get(title=TITLE)
    assert article.current_workflow_task.name == "Thẩm định nội dung – Xã Vân Hồ"

    # Nor the province's article, nor another portal's (the demo's Mộc Châu ward has the seed article): not
    # reachable by a crafted URL, not in the admin search.
    province_article = NewsPage.objects.get(title=PROVINCE_ARTICLE, locale__language_code="vi")
    cannot_reach(editor, province_article.pk, PROVINCE_ARTICLE)
    moc_chau_article = NewsPage.objects.get(title=SEED_ARTICLE, locale__language_code="vi")
    cannot_reach(editor, moc_chau_article.pk, SEED_ARTICLE)

    # The commune's reviewer, then its leader, approve from the edit page's action menu.
    for username in ("thamdinh_vanho", "lanhdao_vanho"):
        decider = signed_in(browser, vanho_url, username)
        moderation_row(decider, TITLE).get_by_role("link", name=TITLE, exact=True).click()
        expect(decider).to_have_url(re.compile(rf"/admin/pages/{article.pk}/edit/"))
        open_footer_menu(decider)
        workflow_action(decider, "approve").click()
        expect(decider).not_to_have_url(re.compile(r"/edit/"))
    expect(decider.get_by_role("status")).to_contain_text(f"vanho.localhost:{port}/vi/")
    screenshots(decider, "commune-leader-published")
    article.refresh_from_db()
    assert article.live and not article.workflow_in_progress

    # Live on the commune's host, not on the province's.
    path = urlsplit(article.get_url_parts()[2]).path
    citizen = new_context(browser, vanho_url, PHONE).new_page()
    citizen.goto(path)
    expect(citizen.get_by_role("heading", level=1)).to_have_text(TITLE)
    screenshots(citizen, "commune-article")
    province = new_context(browser, portal, PHONE).new_page()
    assert province.goto(path).status == 404
    province.goto("/vi/")
    expect(province.get_by_text(TITLE)).to_have_count(0)

    # Another commune's editor neither sees nor reaches it.
    cannot_reach(signed_in(browser, f"http://doanket.localhost:{port}", "bientap_doanket"), article.pk, TITLE)
