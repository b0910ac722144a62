"""Scheduled go-live and expiry, and the lock that keeps two runners from publishing one revision twice."""

import datetime
import io
import threading
import time
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision

from cms.editorial.workflow import scheduler
from home.models import BannerSlide
from tests import factories
from tests.workflow_helpers import as_user, edit_page, make_staff, page_workflow_action

HOUR = datetime.timedelta(hours=1)


def later(delta=2 * HOUR):
    """Pretend the clock moved forward: Wagtail and publish_scheduled read django.utils.timezone.now()."""
    return mock.patch("django.utils.timezone.now", return_value=timezone.now() + delta)


def run_scheduler_once() -> str:
    out = io.StringIO()
    call_command("run_scheduler", once=True, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_approved_article_with_future_go_live_publishes_at_that_time(client, home, news_index):
    staff = make_staff()
    page = factories.NewsPageFactory(parent=news_index, live=False, owner=staff.editor)
    page.save_revision(user=staff.editor)
    go_live = timezone.localtime(timezone.now() + HOUR).strftime("%Y-%m-%d %H:%M")
    edit_page(as_user(client, staff.editor), page, "submit", go_live_at=go_live)
    page_workflow_action(as_user(client, staff.reviewer), page, "approve")
    page_workflow_action(as_user(client, staff.approver), page, "approve")

    page.refresh_from_db()
    assert not page.live
    assert Revision.objects.filter(object_id=str(page.pk), approved_go_live_at__isnull=False).exists()
    assert "done" in run_scheduler_once()
    page.refresh_from_db()
    assert not page.live

    with later():
        run_scheduler_once()
    page.refresh_from_db()
    assert page.live
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").count() == 1


@pytest.mark.django_db
def test_expired_article_and_banner_slide_are_taken_down(client, home, news_index):
    page = factories.NewsPageFactory(parent=news_index, expire_at=timezone.now() + HOUR, title="Tin hết hạn")
    slide = factories.BannerSlideFactory(expire_at=timezone.now() + HOUR, title="Banner hết hạn")
    with later():
        run_scheduler_once()
    page.refresh_from_db()
    slide.refresh_from_db()
    assert (page.live, page.expired) == (False, True)
    assert (slide.live, slide.expired) == (False, True)
    html = client.get("/vi/", HTTP_HOST="localhost").content.decode()
    assert "Banner hết hạn" not in html
    assert "Tin hết hạn" not in html
    assert BannerSlide.objects.live_in(home.locale, slide.site_id).count() == 0


@pytest.mark.django_db
def test_second_runner_skips_while_the_first_holds_the_file_lock():
    if connection.vendor == "postgresql":
        pytest.skip("SQLite path only: PostgreSQL advisory locks are re-entrant in one session (threaded test below)")
    with scheduler.scheduler_lock() as held:
        assert held
        assert scheduler.publish_scheduled_once() is False
    assert scheduler.publish_scheduled_once() is True


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Needs PostgreSQL: SQLite's in-memory test database cannot be shared by two connections",
)
# serialized_rollback: the flush after this test must not re-create content types with new ids (post_migrate),
# or later serialized-rollback tests (browser journeys) collide with them on reload.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_runners_publish_a_scheduled_revision_once(rewarm_content_types, news_index):
    page = factories.NewsPageFactory(parent=news_index, live=False)
    revision = page.save_revision()
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=timezone.now() - HOUR)

    original_publish = Revision.publish

    def slow_publish(self, *args, **kwargs):
        time.sleep(0.5)  # widen the window in which the other runner tries
        return original_publish(self, *args, **kwargs)

    barrier = threading.Barrier(2)
    results = []

    def runner():
        try:
            barrier.wait()
            results.append(scheduler.publish_scheduled_once())
        finally:
            connection.close()

    with mock.patch.object(Revision, "publish", slow_publish):
        threads = [threading.Thread(target=runner) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert sorted(results) == [False, True]
    page.refresh_from_db()
    assert page.live
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").count() == 1
