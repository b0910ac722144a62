"""Production: refuses to start without a secret, never DEBUG, static files via whitenoise."""

from django.core.exceptions import ImproperlyConfigured

from settings import env
from settings.base import *  # noqa: F403
from settings.base import STORAGES

DEBUG = False
if not env.get("SECRET_KEY"):
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production settings.")
SECRET_KEY = env.get("SECRET_KEY")

DATABASES = {"default": env.database_config(conn_max_age=env.get_int("CONN_MAX_AGE", 60))}

# Compressed files with content hashes in their names: safe to cache for a year.
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
