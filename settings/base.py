"""Settings true in every environment. See settings/env.py for the variables read."""

from django.utils.translation import gettext_lazy as _

from settings import env

BASE_DIR = env.BASE_DIR
PROJECT_DIR = BASE_DIR / "cms"

SECRET_KEY = env.get("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env.get_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms",
    "home",
    "news",
    "search",
    "cms.workflow",
    "cms.visits",
    "cms.api",
    "wagtail.api.v2",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales (wagtail-localize installation docs)
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.security.PortalCSPMiddleware",
    "cms.api.middleware.ApiQueryStringLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.api.middleware.ApiAwareLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.visits.middleware.VisitCounterMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.portal",
                "cms.visits.context_processors.visit_stats",
            ],
        },
    },
]

DATABASES = env.databases()
# Anonymous GET/HEAD reads go to DATABASE_REPLICA_URL when it is set; the primary does the rest.
DATABASE_ROUTERS = ["cms.db_router.ReplicaRouter"]
if "replica" in DATABASES:
    MIDDLEWARE.insert(1, "cms.db_router.ReplicaMiddleware")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.get("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        },
        # Wagtail looks renditions up here before the database (one GET instead of a query per image).
        "renditions": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal:renditions",
            "TIMEOUT": 7 * 24 * 60 * 60,
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        },
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "portal"}}

# Visitor counter (cms.visits): Redis when REDIS_URL is set, the database otherwise. "beacon" counts
# through POST /api/v2/visits/beacon/ instead of the middleware, for HTML cached by a CDN.
VISITS_REDIS_URL = REDIS_URL
VISITS_MODE = env.get("VISITS_MODE", "middleware")
VISITS_CLIENT_IP_HEADER = env.get("VISITS_CLIENT_IP_HEADER")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation. The first language is the default (Vietnamese); adding a
# language is a change to PORTAL_LANGUAGES plus `manage.py sync_locales`.
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English", "fr": "Français", "zh-hans": "中文", "lo": "ພາສາລາວ"}
PORTAL_LANGUAGE_CODES = env.get_list("PORTAL_LANGUAGES", "vi,en")
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [(code, LANGUAGE_NAMES.get(code, code)) for code in PORTAL_LANGUAGE_CODES]
LANGUAGE_CODE = PORTAL_LANGUAGE_CODES[0]
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
# Where a translatable snippet (banner slide, statistic) has no live version in the page's
# language, show the default-language one instead (cms/i18n.py).
PORTAL_SNIPPET_FALLBACK_TO_DEFAULT = env.get_bool("PORTAL_SNIPPET_FALLBACK_TO_DEFAULT", False)
# Machine translation stays off: no WAGTAILLOCALIZE_MACHINE_TRANSLATOR is configured.
# wagtail-localize otherwise publishes a new translation (still in the source language) at once when
# its source is live, even for an editor without publish rights; a translation starts as a draft.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["cms.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = env.get("MEDIA_ROOT", str(BASE_DIR / "media"))
MEDIA_URL = env.get("MEDIA_URL", "/media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Media on S3-compatible object storage (AWS S3, MinIO, Ceph, Viettel/FPT object storage) when a bucket is
# named; django-storages reads the rest of its AWS_* settings below. Static files stay with whitenoise.
AWS_STORAGE_BUCKET_NAME = env.get("AWS_STORAGE_BUCKET_NAME") or env.get("S3_BUCKET")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = env.get("AWS_S3_ENDPOINT_URL")
    AWS_S3_REGION_NAME = env.get("AWS_S3_REGION_NAME")
    AWS_ACCESS_KEY_ID = env.get("AWS_ACCESS_KEY_ID")  # unset: the instance role / boto3's own lookup
    AWS_SECRET_ACCESS_KEY = env.get("AWS_SECRET_ACCESS_KEY")
    AWS_S3_CUSTOM_DOMAIN = env.get("AWS_S3_CUSTOM_DOMAIN")  # a CDN in front of the bucket
    AWS_LOCATION = env.get("AWS_LOCATION", "media")
    # Public media (published images and documents) are served straight from the bucket or CDN;
    # documents in restricted collections still go through Wagtail's serve view.
    AWS_QUERYSTRING_AUTH = env.get_bool("AWS_QUERYSTRING_AUTH", False)
    AWS_DEFAULT_ACL = env.get("AWS_DEFAULT_ACL")
    AWS_S3_FILE_OVERWRITE = False
    WAGTAILDOCS_SERVE_METHOD = "serve_view"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = env.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env.get_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.get_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", "cong-thong-tin@localhost")

# Wagtail
WAGTAIL_SITE_NAME = env.get("PORTAL_NAME", "Cổng thông tin điện tử huyện Mộc Châu")
WAGTAILADMIN_BASE_URL = env.get("WAGTAILADMIN_BASE_URL", f"http://127.0.0.1:{env.get('PORT', '8000')}")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Very large installations can move Wagtail's own index (admin search) to OpenSearch/Elasticsearch.
# The public search and /api/v2/search/ always use search.SearchEntry (see README, "Search").
if env.get("WAGTAILSEARCH_URL"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": env.get("WAGTAILSEARCH_BACKEND", "wagtail.search.backends.opensearch3"),
            "URLS": [env.get("WAGTAILSEARCH_URL")],
            "INDEX": env.get("WAGTAILSEARCH_INDEX", "portal"),
        }
    }
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "ppt", "pptx", "rtf", "txt", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# Editorial workflow (cms/workflow/): an edit during review restarts approval of the new revision.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WORKFLOW_ALLOW_SUPERUSER_SELF_APPROVAL = False
# Read by Wagtail at import time: the last approval publishes without a publish permission.
WAGTAIL_FINISH_WORKFLOW_ACTION = "cms.workflow.publishing.publish_approved"
# Snippet models ("app_label.Model") under the "Duyệt tin bài" workflow and the editorial roles.
WORKFLOW_SNIPPET_MODELS = ["home.BannerSlide", "cms.Statistic"]

LOG_FORMAT = env.get("LOG_FORMAT", "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # LOG_FORMAT=json: one JSON object per line (cms/logging.py), for log shippers.
    "formatters": {
        "json": {"()": "cms.logging.JsonFormatter"},
        "text": {"format": "%(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json" if LOG_FORMAT == "json" else "text"}
    },
    "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django": {"level": env.get("LOG_LEVEL", "INFO")},
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

PORTAL_DESCRIPTION = _("Cổng thông tin điện tử")

# Headless API (cms/api/): HTTP and server-side caching, preview tokens, CORS, OpenAPI.
API_CACHE_MAX_AGE = env.get_int("API_CACHE_MAX_AGE", 60)
API_CACHE_SECONDS = env.get_int("API_CACHE_SECONDS", 300)
API_PREVIEW_TOKEN_SECONDS = env.get_int("API_PREVIEW_TOKEN_SECONDS", 3600)
WAGTAILAPI_LIMIT_MAX = 100
CORS_ALLOWED_ORIGINS = env.get_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # Rate from API_THROTTLE_ANON (settings/security.py), read per request.
    "DEFAULT_THROTTLE_CLASSES": ["cms.api.throttling.ApiAnonThrottle"],
    # JSON only: DRF would answer an unknown ?format= with an undocumented 404.
    "URL_FORMAT_OVERRIDE": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Cổng thông tin điện tử — Content API",
    "VERSION": "2",
    "SCHEMA_PATH_PREFIX": "/api/v2/",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "OAS_VERSION": "3.1.0",
    "PREPROCESSING_HOOKS": ["cms.api.openapi.only_public_api"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "cms.api.openapi.add_content_components",
    ],
}
FRONTEND_CACHE_URL = env.get("FRONTEND_CACHE_URL")
WAGTAILFRONTENDCACHE = {}
if FRONTEND_CACHE_URL:
    # An HTTP PURGE-capable cache (Varnish, nginx) in front of the site; see cms/api/frontend_cache.py.
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": FRONTEND_CACHE_URL,
    }
if env.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID"),
        "BEARER_TOKEN": env.get("FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN"),
    }
if env.get("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env.get("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"),
    }
if WAGTAILFRONTENDCACHE:
    # Wagtail purges a page's URLs when it is published, unpublished or deleted.
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
else:
    del WAGTAILFRONTENDCACHE
from settings.security import *  # noqa: E402, F403
