"""Personal data of citizens (Decree 13/2023/NĐ-CP): kept only as long as needed, erased on request."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cms.participation.models import Comment
from cms.participation.roles import MODERATORS
from tests.participation_helpers import draft_page

pytestmark = pytest.mark.django_db


def _comment(page, name, status=Comment.Status.APPROVED):
    return Comment.objects.create(
        page=page,
        name=name,
        contact=f"{name.split()[-1].lower()}@example.vn",
        show_name=True,
        text=f"Ý kiến của {name}.",
        status=status,
    )


def test_the_retention_command_erases_exactly_the_personal_data_due(home, settings, django_assert_max_num_queries):
    settings.PARTICIPATION_RETENTION_DAYS = 30
    long_closed = draft_page(home, slug="dong-lau", days_open=100, days_left=-31)
    just_closed = draft_page(home, slug="dong-gan-day", days_open=40, days_left=-29)
    still_open = draft_page(home, slug="dang-mo", days_left=3)
    due = [_comment(long_closed, "Lê Văn An"), _comment(long_closed, "Phạm Thị Bình", Comment.Status.SPAM)]
    kept = [_comment(just_closed, "Hoàng Văn Cường"), _comment(still_open, "Vũ Thị Dung", Comment.Status.PENDING)]
    out = io.StringIO()
    call_command("erase_expired_personal_data", stdout=out)
    assert "comments: 2, questions: 0 erased." in out.getvalue()
    for comment in due:
        comment.refresh_from_db()
        assert (comment.name, comment.contact, comment.show_name) == ("", "", False)
        assert comment.personal_data_erased_at is not None
        assert comment.text.startswith("Ý kiến của")  # the text stays: it is part of the drafting record
    for comment in kept:
        before = (comment.name, comment.contact, comment.text, comment.status)
        comment.refresh_from_db()
        assert (comment.name, comment.contact, comment.text, comment.status) == before
        assert comment.personal_data_erased_at is None
    # Running it again changes nothing (and costs one query per kind of item when nothing is due).
    with django_assert_max_num_queries(4):
        call_command("erase_expired_personal_data", verbosity=0)
    assert Comment.objects.filter(personal_data_erased_at__isnull=False).count() == 2


def test_the_erased_comment_stays_public_without_a_name(client, home, settings):
    settings.PARTICIPATION_RETENTION_DAYS = 0
    page = draft_page(home, slug="da-dong", days_open=30, days_left=-1)
    _comment(page, "Lê Văn An")
    assert "<strong>Lê Văn An</strong>" in client.get(page.url).content.decode()
    call_command("erase_expired_personal_data", verbosity=0)
    html = client.get(page.url).content.decode()
    assert "<strong>Lê Văn An</strong>" not in html and "Ý kiến của Lê Văn An." in html


def test_the_scheduler_erases_expired_personal_data(home, settings):
    settings.PARTICIPATION_RETENTION_DAYS = 0
    page = draft_page(home, slug="da-dong", days_open=30, days_left=-1)
    comment = _comment(page, "Lê Văn An")
    call_command("run_scheduler", "--once", stdout=io.StringIO())
    comment.refresh_from_db()
    assert comment.contact == "" and comment.personal_data_erased_at is not None


def test_a_moderator_finds_a_citizens_comments_and_erases_them_on_request(client, home, django_user_model):
    page = draft_page(home)
    mine = _comment(page, "Lê Văn An", Comment.Status.PENDING)
    other = _comment(page, "Phạm Thị Bình", Comment.Status.PENDING)
    moderator = django_user_model.objects.create_user("kiemduyet", password="x")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(moderator)
    found = client.get("/admin/snippets/participation/comment/?q=an@example.vn").content.decode()
    assert f"#{mine.pk} " in found and f"#{other.pk} " not in found
    response = client.post(f"/admin/bulk/participation/comment/erase_personal_data/?id={mine.pk}")
    assert response.status_code == 302
    mine.refresh_from_db()
    other.refresh_from_db()
    assert (mine.name, mine.contact) == ("", "")
    assert other.contact == "bình@example.vn"
    assert ModelLogEntry.objects.filter(action="participation.erase_personal_data", user=moderator).count() == 1
    assert timezone.now() - mine.personal_data_erased_at < datetime.timedelta(minutes=1)
