"""Drafts for public comment: the page, the comment form, moderation, the closing date, the summary report."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cms.participation.models import Comment
from cms.participation.roles import MODERATORS
from tests.participation_helpers import comment_data, draft_page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_forms")]


@pytest.fixture
def fast_forms(settings):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0
    settings.PARTICIPATION_CHALLENGE_MAX_NUMBER = 2000


@pytest.fixture
def draft(home):
    return draft_page(home, sections="Điều 1. Phạm vi điều chỉnh\nĐiều 5. Thời hạn trả lời")


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("kiemduyet", password="x")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


def test_an_open_draft_shows_its_period_and_the_comment_form(client, draft):
    response = client.get(draft.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Đang lấy ý kiến, còn 5 ngày" in html
    assert "Văn phòng HĐND và UBND huyện" in html
    assert 'name="text"' in html and "Điều 5. Thời hạn trả lời" in html
    assert "Dữ liệu cá nhân được xoá 180 ngày sau" in html
    # A one-off challenge and a CSRF token: no shared cache may keep the page.
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "Cache-Tag" not in response


def test_a_citizen_comments_and_sees_it_is_waiting_for_approval(client, draft):
    page_html = client.get(draft.url).content.decode()
    response = client.post(draft.url, comment_data(page_html, section="Điều 5. Thời hạn trả lời"), follow=True)
    assert "đang chờ duyệt" in response.content.decode()
    comment = Comment.objects.get()
    assert (comment.status, comment.section, comment.contact) == (
        "pending",
        "Điều 5. Thời hạn trả lời",
        "lan.nguyen@example.vn",
    )
    # Not public until approved.
    assert "Đề nghị bổ sung quy định" not in client.get(draft.url).content.decode()


def test_an_approved_comment_appears_with_the_name_only_when_the_citizen_agreed(client, draft):
    page_html = client.get(draft.url).content.decode()
    client.post(draft.url, comment_data(page_html, show_name="on"))
    page_html = client.get(draft.url).content.decode()
    client.post(draft.url, comment_data(page_html, name="Trần Văn Hùng", text="Nên rút ngắn thời hạn."))
    Comment.objects.update(status=Comment.Status.APPROVED)
    html = client.get(draft.url).content.decode()
    assert "Đề nghị bổ sung quy định" in html and "Nên rút ngắn thời hạn." in html
    assert "Nguyễn Thị Lan" in html
    assert "Trần Văn Hùng" not in html
    assert "lan.nguyen@example.vn" not in html


def test_the_form_is_gone_after_the_closing_time_and_a_late_comment_is_refused(client, draft):
    page_html = client.get(draft.url).content.decode()
    data = comment_data(page_html)
    with time_machine.travel(draft.closes_at + datetime.timedelta(minutes=1)):
        response = client.get(draft.url)
        html = response.content.decode()
        assert "Đã hết hạn lấy ý kiến" in html
        assert 'name="text"' not in html
        late = client.post(draft.url, data)
    assert late.status_code == 410
    assert Comment.objects.count() == 0


def test_the_summary_report_appears_only_after_closing(client, home):
    draft = draft_page(home, slug="du-thao-da-dong", days_open=40, days_left=-5)
    draft.summary_report = "<p>Đã tiếp thu 12 ý kiến, giải trình 3 ý kiến.</p>"
    draft.save_revision().publish()
    html = client.get(draft.url).content.decode()
    assert "Báo cáo tiếp thu, giải trình" in html and "Đã tiếp thu 12 ý kiến" in html
    assert 'name="text"' not in html


def test_comments_are_escaped(client, draft):
    page_html = client.get(draft.url).content.decode()
    client.post(
        draft.url,
        comment_data(
            page_html,
            text='<script>alert("x")</script><b>đậm</b>',
            show_name="on",
            name="<img src=x onerror=alert(1)>",
        ),
    )
    Comment.objects.update(status=Comment.Status.APPROVED)
    html = client.get(draft.url).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;đậm&lt;/b&gt;" in html


def test_a_resent_form_is_stored_once(client, draft):
    data = comment_data(client.get(draft.url).content.decode())
    for _ in range(3):
        assert client.post(draft.url, data).status_code == 302
    assert Comment.objects.count() == 1


def test_moderator_approves_from_the_queue_in_bulk(client, draft, moderator):
    for text in ("Ý kiến thứ nhất.", "Ý kiến thứ hai."):
        client.post(draft.url, comment_data(client.get(draft.url).content.decode(), text=text, show_name="on"))
    client.force_login(moderator)
    listing = client.get("/admin/snippets/participation/comment/?status=pending")
    assert listing.status_code == 200
    assert "lan.nguyen@example.vn" not in listing.content.decode()
    ids = list(Comment.objects.values_list("pk", flat=True))
    url = "/admin/bulk/participation/comment/approve_comments/?" + "&".join(f"id={pk}" for pk in ids)
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    assert set(Comment.objects.values_list("status", flat=True)) == {"approved"}
    assert Comment.objects.filter(moderated_by=moderator).count() == 2
    client.logout()
    html = client.get(draft.url).content.decode()
    assert "Ý kiến thứ nhất." in html and "Ý kiến thứ hai." in html


def test_opening_a_comment_records_who_saw_the_contact_details(client, draft, moderator):
    client.post(draft.url, comment_data(client.get(draft.url).content.decode()))
    comment = Comment.objects.get()
    client.force_login(moderator)
    response = client.get(f"/admin/snippets/participation/comment/edit/{comment.pk}/")
    assert "lan.nguyen@example.vn" in response.content.decode()
    entry = ModelLogEntry.objects.get(action="participation.view_contact")
    assert (entry.user, entry.object_id) == (moderator, str(comment.pk))


def test_an_editor_without_the_moderator_role_cannot_open_the_queue(client, draft, django_user_model):
    client.post(draft.url, comment_data(client.get(draft.url).content.decode()))
    user = django_user_model.objects.create_user("bientap", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get("/admin/snippets/participation/comment/")
    assert response.status_code in (302, 403)


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_the_drafting_unit_exports_comments(client, draft, moderator, extension):
    client.post(draft.url, comment_data(client.get(draft.url).content.decode()))
    client.force_login(moderator)
    response = client.get(f"/admin/snippets/participation/comment/?export={extension}")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if extension == "csv":
        assert "Đề nghị bổ sung quy định" in body.decode("utf-8-sig")
    else:
        assert body[:2] == b"PK"


def test_the_days_remaining_round_up(draft):
    assert draft.days_remaining(draft.closes_at - datetime.timedelta(hours=3)) == 1
    assert draft.days_remaining(draft.closes_at + datetime.timedelta(hours=3)) == 0
    assert not draft.is_open(draft.closes_at) and draft.is_open(timezone.now())
