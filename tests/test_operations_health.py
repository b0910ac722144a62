"""The operator's view: each health line turns red when its condition breaks and green again when fixed;
the detailed JSON needs the token; alerts send one message per change, not one a minute."""

import datetime
import io
import json
import tarfile
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.migrations.recorder import MigrationRecorder
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision

from cms.editorial.workflow.scheduler import publish_scheduled_once
from cms.operations import alerts, health, records
from cms.operations.backup import BackupError, create_backup, verify_archive
from cms.operations.health import AMBER, GREEN, OFF, RED, HealthLine
from cms.operations.models import AlertState
from search.models import SearchEntry
from tests import factories
from tests.workflow_helpers import as_user, edit_page

pytestmark = pytest.mark.django_db


def line(key: str) -> HealthLine:
    [found] = [line for line in health.run_checks() if line.key == key]
    return found


def test_scheduler_line_is_red_until_it_runs_red_when_it_stops_and_green_when_it_runs_again():
    assert line("scheduler").status == RED
    publish_scheduled_once()
    assert line("scheduler").status == GREEN
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=5)):
        assert line("scheduler").status == AMBER
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=11)):
        stopped = line("scheduler")
        assert stopped.status == RED and "run_scheduler" in stopped.advice
        publish_scheduled_once()
        assert line("scheduler").status == GREEN


def test_scheduler_line_shows_the_next_item_and_turns_red_when_it_is_overdue(news_index):
    page = factories.NewsPageFactory(parent=news_index, title="Tin hẹn giờ")
    revision = page.save_revision()
    publish_scheduled_once()
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=timezone.now() + datetime.timedelta(hours=1))
    waiting = line("scheduler")
    assert waiting.status == GREEN and "Tin hẹn giờ" in waiting.summary
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1, minutes=6)):
        # The scheduler "ran" a minute ago but the item is six minutes overdue: it is not doing its work.
        records.record(records.SCHEDULER)
        assert line("scheduler").status == RED
        publish_scheduled_once()
        assert line("scheduler").status == GREEN


def test_a_failed_scheduler_run_is_red(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database is locked")

    monkeypatch.setattr("cms.editorial.workflow.scheduler.call_command", broken)
    with pytest.raises(RuntimeError):
        publish_scheduled_once()
    failed = line("scheduler")
    assert failed.status == RED and "database is locked" in failed.summary


def test_search_index_line_is_red_when_a_published_page_is_not_indexed_and_green_after_a_rebuild(news_index):
    factories.NewsPageFactory.create_batch(2, parent=news_index)
    assert line("search_index").status == GREEN
    SearchEntry.objects.all().delete()
    behind = line("search_index")
    assert behind.status == RED and behind.summary.startswith("2 trang") and "rebuild_search_index" in behind.advice
    call_command("rebuild_search_index", "--quiet")
    assert line("search_index").status == GREEN


def test_backup_line_is_red_without_a_backup_and_green_after_one(tmp_path):
    assert line("backup").status == RED
    call_command("backup", "--output", str(tmp_path / "a.tar.gz"), "--quiet")
    good = line("backup")
    assert good.status == GREEN and "a.tar.gz" in good.summary and "checksum" in good.summary
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=30)):
        assert line("backup").status == AMBER
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=49)):
        assert line("backup").status == RED


def test_backup_line_is_red_when_the_archive_fails_its_check_and_green_after_a_good_one(tmp_path, monkeypatch):
    def damaged_backup(output, stdout=None):
        manifest = create_backup(output, stdout)
        data = bytearray(output.read_bytes())
        data[len(data) // 2] ^= 0xFF  # one flipped byte inside the compressed stream
        output.write_bytes(bytes(data))
        return manifest

    monkeypatch.setattr("cms.operations.management.commands.backup.create_backup", damaged_backup)
    with pytest.raises(CommandError, match="failed its check"):
        call_command("backup", "--output", str(tmp_path / "bad.tar.gz"), "--quiet")
    failed = line("backup")
    assert failed.status == RED and "Không qua kiểm tra" in failed.summary
    monkeypatch.undo()
    call_command("backup", "--output", str(tmp_path / "good.tar.gz"), "--quiet")
    assert line("backup").status == GREEN


def test_a_backup_that_crashes_is_red(tmp_path, monkeypatch):
    def full_disk(output, stdout=None):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("cms.operations.management.commands.backup.create_backup", full_disk)
    with pytest.raises(OSError):
        call_command("backup", "--output", str(tmp_path / "x.tar.gz"), "--quiet")
    failed = line("backup")
    assert failed.status == RED and "No space left" in failed.summary


def test_archive_check_names_a_missing_member(tmp_path):
    archive = tmp_path / "portal.tar.gz"
    create_backup(archive)
    assert verify_archive(archive)["rows"]  # every model's rows checked
    trimmed = tmp_path / "trimmed.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(trimmed, "w:gz") as target:
        member = source.getmember("manifest.json")
        target.addfile(member, source.extractfile(member))
    with pytest.raises(BackupError, match=r"data\.json does not match"):
        verify_archive(trimmed)


def test_a_damaged_archive_fails_its_check_wherever_the_damage_is(tmp_path):
    # A flipped byte can break the tar layout, a checksum or the gzip stream itself (zlib.error, which
    # tarfile does not wrap): each must be a BackupError, never a crash of the backup command. A flip that
    # leaves every checksum right (in the gzip header's file name, say) is no damage and passes.
    archive = tmp_path / "portal.tar.gz"
    create_backup(archive)
    data = archive.read_bytes()
    damaged = tmp_path / "damaged.tar.gz"
    refused = 0
    positions = range(0, len(data), max(1, len(data) // 24))
    for position in positions:
        flipped = bytearray(data)
        flipped[position] ^= 0xFF
        damaged.write_bytes(bytes(flipped))
        try:
            verify_archive(damaged)
        except BackupError:
            refused += 1
    assert refused >= len(positions) - 2
    damaged.write_bytes(data[: len(data) // 2])  # cut short, as by a full disk
    with pytest.raises(BackupError):
        verify_archive(damaged)


class BrokenSMTP:
    """An e-mail backend whose server refuses every message."""

    def __init__(self, *args, **kwargs):
        pass

    def open(self):
        return True

    def close(self):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError(111, "Connection refused")


def test_mail_line_is_red_after_a_notification_email_fails_and_green_a_day_later(client, staff, news_index, settings):
    assert line("mail").status == GREEN
    settings.EMAIL_BACKEND = "tests.test_operations_health.BrokenSMTP"
    draft = factories.NewsPageFactory(parent=news_index, live=False, owner=staff.editor, title="Tin gửi duyệt")
    draft.save_revision(user=staff.editor)
    edit_page(as_user(client, staff.editor), draft, "submit")
    failed = line("mail")
    assert failed.status == RED and "Connection refused" in failed.summary and "EMAIL_HOST" in failed.advice
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=25)):
        assert line("mail").status == GREEN


def test_mail_line_warns_when_mail_only_goes_to_the_console(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    assert line("mail").status == AMBER


def test_migrations_line_is_red_while_a_migration_is_not_applied():
    assert line("migrations").status == GREEN
    applied = MigrationRecorder.Migration.objects.filter(app="operations", name="0001_initial")
    applied.delete()
    pending = line("migrations")
    assert pending.status == RED and "operations.0001_initial" in pending.summary and "migrate" in pending.advice


def test_cache_line_warns_that_a_local_memory_cache_is_not_shared_by_workers():
    cache_line = line("cache")
    assert cache_line.status == AMBER and "REDIS_URL" in cache_line.advice


def test_media_database_and_versions_lines_describe_the_installation():
    assert line("media").status == GREEN
    assert "SQLite" in line("database").summary or "PostgreSQL" in line("database").summary
    versions = line("versions").summary
    assert "Django 5.2" in versions and "wagtail 8" in versions


def test_a_feature_added_later_plugs_in_its_own_line():
    """A feature's line appears only when its app registers one, and it can turn red (cms/webhooks does)."""
    keys = [line.key for line in health.run_checks()]
    assert "webhooks" in keys and "example_feature" not in keys
    failures = {"count": 3}

    @health.register("example_feature", "Tính năng ví dụ")
    def webhooks_check():
        if failures["count"]:
            return HealthLine(RED, f"{failures['count']} lần gửi lỗi", "Kiểm tra địa chỉ nhận.")
        return HealthLine(GREEN, "Không có lỗi")

    try:
        assert line("example_feature").status == RED
        failures["count"] = 0
        assert line("example_feature").status == GREEN
    finally:
        health.unregister("example_feature")


def test_a_check_that_crashes_is_a_red_line_not_an_error_page(admin_client):
    @health.register("broken", "Hỏng thử")
    def broken():
        raise ZeroDivisionError

    try:
        assert line("broken").status == RED
        assert admin_client.get(reverse("operations_health")).status_code == 200
    finally:
        health.unregister("broken")


def test_administrator_sees_the_health_page_with_vietnamese_lines(admin_client):
    response = admin_client.get(reverse("operations_health"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tình trạng hệ thống" in html and "Bộ hẹn giờ đăng/gỡ bài" in html and "Chỉ mục tìm kiếm" in html
    assert "Cần làm" in html and "<code>manage.py backup</code>" in html
    menu = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("operations_health") in menu


def test_editors_cannot_see_the_health_page(client, staff):
    as_user(client, staff.site_admin)
    assert client.get(reverse("operations_health")).status_code in {302, 403}
    assert reverse("operations_health") not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_detailed_health_json_is_refused_without_the_token(client, settings):
    settings.HEALTH_TOKEN = None
    assert client.get("/healthz?detail=1", HTTP_AUTHORIZATION="Bearer anything").status_code == 403
    settings.HEALTH_TOKEN = "s3cret-token-for-monitoring"
    assert client.get("/healthz?detail=1").status_code == 403
    assert client.get("/healthz?detail=1", HTTP_AUTHORIZATION="Bearer wrong").status_code == 403
    assert client.get("/healthz?detail=1&token=s3cret-token-for-monitoring").status_code == 403
    response = client.get("/healthz?detail=1", HTTP_AUTHORIZATION="Bearer s3cret-token-for-monitoring")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == RED  # the scheduler never ran
    by_key = {check["key"]: check for check in body["checks"]}
    assert by_key["scheduler"]["status"] == RED and by_key["scheduler"]["label"] == "Bộ hẹn giờ đăng/gỡ bài"


def test_plain_healthz_stays_cheap(client, django_assert_max_num_queries):
    # The first request after the sites change reads them once (cms/core/sites.py); every later one does not.
    client.get("/healthz")
    with django_assert_max_num_queries(1):
        response = client.get("/healthz")
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_health_page_query_count_is_bounded(admin_client, news_index, django_assert_max_num_queries):
    factories.NewsPageFactory.create_batch(5, parent=news_index)
    admin_client.get(reverse("operations_health"))
    with django_assert_max_num_queries(40):
        assert admin_client.get(reverse("operations_health")).status_code == 200


def test_one_alert_when_a_line_turns_red_and_one_when_it_recovers(settings):
    settings.HEALTH_ALERT_EMAIL = "it@example.vn"
    alerts.evaluate()
    [alert] = mail.outbox
    assert alert.to == ["it@example.vn"] and "Bộ hẹn giờ đăng/gỡ bài" in alert.subject
    assert "run_scheduler" in alert.body and "/admin/health/" in alert.body
    for _minute in range(3):
        alerts.evaluate()
    assert len(mail.outbox) == 1  # still red: no new message
    publish_scheduled_once()
    alerts.evaluate()
    assert len(mail.outbox) == 2 and "trở lại bình thường" in mail.outbox[1].subject
    assert AlertState.objects.get(key="scheduler").status == "ok"


def test_no_recovery_message_when_turned_off(settings):
    settings.HEALTH_ALERT_EMAIL = "it@example.vn"
    settings.HEALTH_ALERT_RECOVERY = False
    alerts.evaluate()
    publish_scheduled_once()
    alerts.evaluate()
    assert len(mail.outbox) == 1


def test_no_alerts_and_an_off_line_without_an_address(settings):
    settings.HEALTH_ALERT_EMAIL = None
    assert alerts.evaluate() == {"red": [], "recovered": []}
    assert mail.outbox == [] and line("alerts").status == OFF


def test_the_scheduler_command_sends_the_alerts(settings, tmp_path):
    settings.HEALTH_ALERT_EMAIL = "it@example.vn"
    call_command("run_scheduler", "--once", stdout=io.StringIO())
    # The scheduler just ran, so only the lines still broken are reported (no backup yet).
    [alert] = mail.outbox
    assert "Sao lưu" in alert.subject and "Bộ hẹn giờ" not in alert.subject


def test_alert_webhook_receives_the_red_lines(settings):
    received = []

    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self):
            received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.handle_request, daemon=True)
    thread.start()
    settings.HEALTH_ALERT_WEBHOOK_URL = f"http://127.0.0.1:{server.server_port}/hook"
    try:
        alerts.evaluate()
        thread.join(5)
    finally:
        server.server_close()
    [payload] = received
    assert "scheduler" in {item["key"] for item in payload["red"]}


def test_an_alert_that_cannot_be_delivered_shows_on_the_alerts_line(settings):
    settings.HEALTH_ALERT_WEBHOOK_URL = "http://127.0.0.1:9/unreachable"
    alerts.evaluate()
    failed = line("alerts")
    assert failed.status == RED and "1 lần gửi cảnh báo lỗi" in failed.summary


def test_health_lines_read_in_english_for_an_english_admin():
    from django.utils import translation

    with translation.override("en"):
        scheduler = line("scheduler")
        assert str(scheduler.label) == "Publishing scheduler"
        assert scheduler.summary == "The scheduler has never run. Nothing is scheduled."
        publish_scheduled_once()
        assert line("scheduler").summary.startswith("Last run: ") and "(just now)" in line("scheduler").summary
