"""Test settings: fast hashing, in-memory cache, media in a temporary folder."""

import tempfile
from pathlib import Path

from settings.base import *  # noqa: F403

SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"},
    "throttle": THROTTLE_DATABASE_CACHE,
}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
VISITS_REDIS_URL = None  # the database store unless a test chooses Redis
VISITS_MODE = "middleware"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
PARTICIPATION_PRIVATE_ROOT = tempfile.mkdtemp(prefix="portal-test-private-")  # citizens' attachments
CONTENT_GENERATION_FILE = str(Path(MEDIA_ROOT) / "content-generation")  # this test run's own stamp
# The page cache's shared files, as on the embedded default (settings/base.py): this test run's own folder.
CACHES["pages"] = {
    "BACKEND": "cms.pagecache.store.PageFileCache",
    "LOCATION": str(Path(MEDIA_ROOT) / "page-cache"),
    "TIMEOUT": None,
    "OPTIONS": {"MAX_ENTRIES": 10_000},
}
PAGE_CACHE_ALIAS = "pages"
WAGTAILADMIN_BASE_URL = "http://testserver"
# django-axes needs a request in every authenticate() call, which Client.login() does not
# pass; tests/security/test_login_lockout.py turns it back on.
AXES_ENABLED = False

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file rather than memory: Django shares an in-memory SQLite connection between the test thread and the
    # browser journeys' live-server thread, and concurrent use of that one connection corrupts its
    # transaction state ("pop from empty list"). With a file each thread has its own connection.
    DATABASES["default"]["TEST"] = {"NAME": str(Path(MEDIA_ROOT) / "test-db.sqlite3")}
# No rate limit in tests (the throttling test sets one); schemathesis alone sends thousands of requests.
API_THROTTLE_ANON = None
# Webhooks may go to private and loopback addresses here: the webhook tests' receivers listen on
# 127.0.0.1 (tests/test_webhooks_network.py turns the guard back on).
WEBHOOK_ALLOW_PRIVATE_NETWORKS = True
