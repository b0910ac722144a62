"""The built-in health checks (cms/operations/health.py explains how a feature adds its own)."""

import datetime
import functools
import importlib.metadata
import os
import platform
import shutil
import subprocess
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from cms.operations import records
from cms.operations.health import AMBER, GREEN, OFF, RED, HealthLine, register

SCHEDULER_LATE = datetime.timedelta(minutes=3)
SCHEDULER_STOPPED = datetime.timedelta(minutes=10)
# A scheduled item more than this past its time means the scheduler is not doing its work.
SCHEDULER_OVERDUE = datetime.timedelta(minutes=5)
BACKUP_LATE = datetime.timedelta(hours=26)
BACKUP_STALE = datetime.timedelta(hours=48)
DAY = datetime.timedelta(hours=24)
MEDIA_CACHE_KEY = "operations:media-usage"
MEDIA_CACHE_SECONDS = 600
# Cache backends private to one process: each gunicorn worker has its own copy.
PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}
OFFLINE_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}
PACKAGES = ["Django", "wagtail", "wagtail-localize", "djangorestframework", "psycopg", "django-redis", "gunicorn"]


def when(moment) -> str:
    """Time and age of ``moment``, e.g. "18:05 01-12-2026 (3 phút trước)", in the active language."""
    return _("%(time)s (%(ago)s)") % {
        "time": date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT"),
        "ago": ago(timezone.now() - moment),
    }


def ago(elapsed: datetime.timedelta) -> str:
    # Django's own timesince() has no Vietnamese translation ("3 minutes"); these strings are ours.
    minutes = int(elapsed.total_seconds() // 60)
    if minutes < 1:
        return _("vừa xong")
    if minutes < 120:
        return ngettext("%(count)d phút trước", "%(count)d phút trước", minutes) % {"count": minutes}
    hours = minutes // 60
    if hours < 48:
        return ngettext("%(count)d giờ trước", "%(count)d giờ trước", hours) % {"count": hours}
    days = hours // 24
    return ngettext("%(count)d ngày trước", "%(count)d ngày trước", days) % {"count": days}


def scheduler_check() -> HealthLine:
    last = records.last(records.SCHEDULER)
    due = next_due_item()
    upcoming = (
        _("Việc sắp tới: %(action)s “%(title)s” lúc %(time)s.")
        % {"action": due[1], "title": due[2], "time": date_format(timezone.localtime(due[0]), "SHORT_DATETIME_FORMAT")}
        if due
        else _("Không có việc hẹn giờ nào đang chờ.")
    )
    start = _("Chạy `manage.py run_scheduler` (hoặc `run_scheduler --once` mỗi phút từ cron hay systemd).")
    if last is None:
        return HealthLine(RED, _("Bộ hẹn giờ chưa chạy lần nào.") + " " + upcoming, start)
    summary = _("Lần chạy cuối: %(when)s.") % {"when": when(last.at)} + " " + upcoming
    age = timezone.now() - last.at
    if not last.ok:
        error = last.detail.get("error", "")
        return HealthLine(
            RED,
            summary + " " + _("Lần chạy cuối bị lỗi: %(error)s") % {"error": error},
            _("Xem nhật ký của run_scheduler; nội dung hẹn giờ sẽ không được đăng hay gỡ đúng giờ."),
        )
    if age > SCHEDULER_STOPPED:
        return HealthLine(RED, summary, _("Bộ hẹn giờ đã dừng.") + " " + start)
    if due and timezone.now() - due[0] > SCHEDULER_OVERDUE:
        return HealthLine(RED, summary, _("Có việc đã quá giờ mà chưa được thực hiện.") + " " + start)
    if age > SCHEDULER_LATE:
        return HealthLine(AMBER, summary, _("Bộ hẹn giờ chạy chậm hơn mỗi phút; kiểm tra cron hoặc dịch vụ."))
    return HealthLine(GREEN, summary)


def next_due_item():
    """(time, action, title) of the next scheduled go-live or expiry, as ``publish_scheduled`` sees them."""
    from wagtail.models import DraftStateMixin, Page, Revision

    candidates = []
    revision = Revision.objects.filter(approved_go_live_at__isnull=False).order_by("approved_go_live_at").first()
    if revision is not None:
        candidates.append((revision.approved_go_live_at, _("đăng"), revision.object_str))
    for model in [Page, *(m for m in apps.get_models() if issubclass(m, DraftStateMixin) and not issubclass(m, Page))]:
        item = model.objects.filter(live=True, expire_at__isnull=False).order_by("expire_at").first()
        if item is not None:
            candidates.append((item.expire_at, _("gỡ (hết hạn)"), str(item)))
    return min(candidates, key=lambda candidate: candidate[0], default=None)


def search_index_check() -> HealthLine | None:
    if not apps.is_installed("search"):
        return None
    from search.documents import indexed_models
    from search.index import searchable_pages
    from search.models import SearchEntry

    indexed = SearchEntry.objects.values("page_id")
    missing = sum(searchable_pages(model).exclude(pk__in=indexed).count() for model in indexed_models())
    if missing:
        return HealthLine(
            RED,
            _("%(count)s trang đã đăng chưa có trong chỉ mục tìm kiếm.") % {"count": f"{missing:,}"},
            _("Chạy `manage.py rebuild_search_index`; người dân chưa tìm thấy các trang này."),
        )
    return HealthLine(GREEN, _("Mọi trang đã đăng đều có trong chỉ mục tìm kiếm."))


def backup_check() -> HealthLine:
    schedule = _("Chạy `manage.py backup` hằng đêm (cron) và chép bản sao lưu sang máy khác.")
    latest = records.last(records.BACKUP)
    if latest is None:
        return HealthLine(RED, _("Chưa có bản sao lưu nào."), schedule)
    if not latest.ok:
        return HealthLine(
            RED,
            _("Lần sao lưu %(when)s bị lỗi: %(error)s")
            % {"when": when(latest.at), "error": latest.detail.get("error")},
            _("Xem lỗi, sửa rồi chạy lại `manage.py backup`."),
        )
    path = latest.detail.get("path", "")
    summary = _("Bản sao lưu cuối: %(when)s, %(size)s, %(path)s.") % {
        "when": when(latest.at),
        "size": filesizeformat(latest.detail.get("size", 0)),
        "path": path,
    }
    verification = records.last(records.BACKUP_VERIFY)
    if verification is None or verification.at < latest.at or verification.detail.get("path") != path:
        return HealthLine(
            AMBER, summary + " " + _("Chưa được kiểm tra."), _("Chạy `manage.py backup` lại để kiểm tra.")
        )
    if not verification.ok:
        return HealthLine(
            RED,
            summary + " " + _("Không qua kiểm tra: %(error)s") % {"error": verification.detail.get("error")},
            _("Bản sao lưu này không dùng được để phục hồi. Chạy lại `manage.py backup` và kiểm tra ổ đĩa."),
        )
    summary += " " + _("Đã kiểm tra: khớp mã kiểm (checksum).")
    age = timezone.now() - latest.at
    if age > BACKUP_STALE:
        return HealthLine(RED, summary, _("Bản sao lưu đã quá 2 ngày.") + " " + schedule)
    if age > BACKUP_LATE:
        return HealthLine(AMBER, summary, _("Bản sao lưu đã hơn một ngày.") + " " + schedule)
    return HealthLine(GREEN, summary)


def mail_check() -> HealthLine:
    failures = records.count_since(records.MAIL_FAILURE, DAY)
    if failures:
        last = records.last(records.MAIL_FAILURE)
        return HealthLine(
            RED,
            _("%(count)d e-mail thông báo không gửi được trong 24 giờ qua; lần cuối %(when)s: %(error)s")
            % {"count": failures, "when": when(last.at), "error": last.detail.get("error", "")},
            _("Kiểm tra máy chủ thư (`EMAIL_HOST`, `EMAIL_PORT`, tài khoản). Dòng này xanh lại sau 24 giờ không lỗi."),
        )
    if settings.EMAIL_BACKEND in OFFLINE_EMAIL_BACKENDS:
        return HealthLine(
            AMBER,
            _("E-mail không được gửi đi: `EMAIL_BACKEND` chỉ in thư ra màn hình hoặc tệp."),
            _("Đặt `EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend` và `EMAIL_HOST`."),
        )
    return HealthLine(GREEN, _("Không có e-mail thông báo nào gửi lỗi trong 24 giờ qua."))


def media_usage(root: Path) -> tuple[int, int]:
    """(bytes, files) under ``root``; walked at most every 10 minutes (a large media folder takes seconds)."""
    usage = cache.get(MEDIA_CACHE_KEY)
    if usage is None:
        size = count = 0
        for folder, _dirs, files in os.walk(root):
            for name in files:
                try:
                    size += os.stat(os.path.join(folder, name)).st_size
                except OSError:  # removed while walking
                    continue
                count += 1
        usage = (size, count)
        cache.set(MEDIA_CACHE_KEY, usage, MEDIA_CACHE_SECONDS)
    return tuple(usage)


def media_check() -> HealthLine:
    backend = settings.STORAGES["default"]["BACKEND"]
    if backend != "django.core.files.storage.FileSystemStorage":
        bucket = getattr(settings, "AWS_STORAGE_BUCKET_NAME", "") or backend
        return HealthLine(GREEN, _("Tệp media lưu trên kho đối tượng (%(bucket)s).") % {"bucket": bucket})
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return HealthLine(GREEN, _("Chưa có tệp media nào (%(root)s).") % {"root": root})
    size, count = media_usage(root)
    disk = shutil.disk_usage(root)
    free_share = disk.free / disk.total if disk.total else 0
    summary = _("Media: %(size)s trong %(count)s tệp; ổ đĩa còn trống %(free)s (%(share)d%%).") % {
        "size": filesizeformat(size),
        "count": f"{count:,}",
        "free": filesizeformat(disk.free),
        "share": round(100 * free_share),
    }
    if free_share < 0.05:
        return HealthLine(RED, summary, _("Ổ đĩa sắp đầy: giải phóng chỗ hoặc chuyển media sang S3 ngay."))
    if free_share < 0.15:
        return HealthLine(AMBER, summary, _("Ổ đĩa còn ít chỗ: lên kế hoạch mở rộng hoặc chuyển media sang S3."))
    return HealthLine(GREEN, summary)


def database_check() -> HealthLine:
    names = []
    for alias in settings.DATABASES:
        connection = connections[alias]
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        except Exception as error:  # noqa: BLE001 - any failure means the database is unusable
            return HealthLine(
                RED,
                _("Không kết nối được cơ sở dữ liệu %(alias)s: %(error)s")
                % {"alias": alias, "error": error.__class__.__name__},
                _("Kiểm tra máy chủ cơ sở dữ liệu và `DATABASE_URL`."),
            )
        version = (
            ".".join(str(part) for part in connection.Database.sqlite_version_info)
            if (connection.vendor == "sqlite")
            else _postgres_version(connection)
        )
        # Not inside the f-string: xgettext (makemessages) cannot read a call there.
        role = " ({})".format(_("bản sao chỉ đọc")) if alias != "default" else ""
        names.append(f"{connection.display_name} {version}{role}")
    summary = ", ".join(names) + "."
    if connections["default"].vendor == "sqlite":
        return HealthLine(
            GREEN,
            summary + " " + _("SQLite nhúng: hợp với cổng nhỏ trên một máy."),
            _("Cổng lớn (hàng chục nghìn trang) hoặc nhiều máy chủ: chuyển sang PostgreSQL (`DATABASE_URL`)."),
        )
    return HealthLine(GREEN, summary)


def _postgres_version(connection) -> str:
    version = connection.pg_version if hasattr(connection, "pg_version") else 0
    return f"{version // 10000}.{version % 10000}" if version else ""


def cache_check() -> HealthLine:
    backend = settings.CACHES["default"]["BACKEND"]
    name = backend.rsplit(".", 1)[-1]
    try:
        cache.set("operations:health", "ok", 10)
        round_trip = cache.get("operations:health") == "ok"
    except Exception as error:  # noqa: BLE001 - an unreachable cache server raises its own errors
        return HealthLine(
            RED,
            _("Bộ nhớ đệm %(name)s không trả lời: %(error)s") % {"name": name, "error": error.__class__.__name__},
            _("Kiểm tra Redis và `REDIS_URL`."),
        )
    if not round_trip:
        return HealthLine(
            RED, _("Bộ nhớ đệm %(name)s không lưu được dữ liệu.") % {"name": name}, _("Kiểm tra Redis và `REDIS_URL`.")
        )
    if backend in PER_PROCESS_CACHES:
        return HealthLine(
            AMBER,
            _(
                "Bộ nhớ đệm %(name)s riêng cho từng tiến trình: thay đổi nội dung vẫn đến mọi tiến trình trong "
                "một giây (tệp dấu thế hệ dùng chung) và giới hạn truy cập được đếm trong cơ sở dữ liệu, nhưng "
                "chỉ trên một máy chủ."
            )
            % {"name": name},
            _("Với nhiều máy chủ, đặt `REDIS_URL` để dùng chung một bộ nhớ đệm."),
        )
    return HealthLine(GREEN, _("Bộ nhớ đệm %(name)s, dùng chung cho mọi tiến trình.") % {"name": name})


def migrations_check() -> HealthLine:
    executor = MigrationExecutor(connections["default"])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        names = ", ".join(f"{migration.app_label}.{migration.name}" for migration, _backwards in plan[:5])
        more = "…" if len(plan) > 5 else ""
        return HealthLine(
            RED,
            _("%(count)d migration chưa chạy: %(names)s%(more)s") % {"count": len(plan), "names": names, "more": more},
            _("Chạy `manage.py migrate` rồi khởi động lại máy chủ."),
        )
    return HealthLine(GREEN, _("Cơ sở dữ liệu khớp với phiên bản mã nguồn."))


@functools.cache
def code_version() -> str:
    """The git commit the code runs from (``PORTAL_VERSION`` wins when set, e.g. in an image without .git)."""
    if getattr(settings, "PORTAL_VERSION", None):
        return settings.PORTAL_VERSION
    try:
        result = subprocess.run(
            ["git", "describe", "--always", "--dirty"],  # noqa: S607 - git from PATH, fixed arguments
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return _("không rõ")
    return result.stdout.strip()


def versions_check() -> HealthLine:
    packages = []
    for package in PACKAGES:
        try:
            packages.append(f"{package} {importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            continue
    summary = _("Mã nguồn %(code)s; Python %(python)s; %(packages)s.") % {
        "code": code_version(),
        "python": platform.python_version(),
        "packages": ", ".join(packages),
    }
    return HealthLine(GREEN, summary)


def alerts_check() -> HealthLine:
    targets = [target for target in (settings.HEALTH_ALERT_EMAIL, settings.HEALTH_ALERT_WEBHOOK_URL) if target]
    if not targets:
        return HealthLine(
            OFF,
            _("Không ai được báo khi một dòng chuyển đỏ."),
            _("Đặt `HEALTH_ALERT_EMAIL` (và `HEALTH_ALERT_WEBHOOK_URL` nếu cần)."),
        )
    failures = records.count_since(records.ALERT_FAILURE, DAY)
    summary = _("Cảnh báo gửi tới %(targets)s.") % {"targets": ", ".join(targets)}
    if failures:
        last = records.last(records.ALERT_FAILURE)
        return HealthLine(
            RED,
            summary
            + " "
            + _("%(count)d lần gửi cảnh báo lỗi trong 24 giờ qua: %(error)s")
            % {"count": failures, "error": last.detail.get("error", "")},
            _("Kiểm tra máy chủ thư và địa chỉ webhook."),
        )
    return HealthLine(GREEN, summary)


def register_builtin_checks():
    """Display order of the admin page; a later feature's checks come after these."""
    register("scheduler", gettext_lazy("Bộ hẹn giờ đăng/gỡ bài"))(scheduler_check)
    register("search_index", gettext_lazy("Chỉ mục tìm kiếm"))(search_index_check)
    register("backup", gettext_lazy("Sao lưu"))(backup_check)
    register("mail", gettext_lazy("E-mail thông báo"))(mail_check)
    register("media", gettext_lazy("Dung lượng media"))(media_check)
    register("database", gettext_lazy("Cơ sở dữ liệu"))(database_check)
    register("cache", gettext_lazy("Bộ nhớ đệm"))(cache_check)
    register("migrations", gettext_lazy("Migration"))(migrations_check)
    register("versions", gettext_lazy("Phiên bản"))(versions_check)
    register("alerts", gettext_lazy("Cảnh báo"))(alerts_check)
