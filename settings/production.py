"""Production: refuses to start without a secret, never DEBUG, HTTPS only, static files via whitenoise."""

from django.core.exceptions import ImproperlyConfigured

from settings import env
from settings.base import *  # noqa: F403
from settings.base import STORAGES, TRUSTED_PROXY_COUNT

DEBUG = False
if not env.get("SECRET_KEY"):
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production settings.")
SECRET_KEY = env.get("SECRET_KEY")

DATABASES = env.databases(conn_max_age=env.get_int("CONN_MAX_AGE", 60))

# Compressed files with content hashes in their names: safe to cache for a year.
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}

# HTTPS only. Behind a TLS-terminating proxy, set TRUSTED_PROXY_COUNT so that Django
# believes its X-Forwarded-Proto; the proxy must overwrite that header from clients.
# https://docs.djangoproject.com/en/5.2/ref/settings/#secure-proxy-ssl-header
SECURE_SSL_REDIRECT = env.get_bool("SECURE_SSL_REDIRECT", True)
if TRUSTED_PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.get_int("SECURE_HSTS_SECONDS", 365 * 24 * 60 * 60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.get_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env.get_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
