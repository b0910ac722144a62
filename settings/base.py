"""Settings true in every environment. See settings/env.py for the variables read."""

from corsheaders.defaults import default_headers as default_cors_headers
from django.utils.translation import gettext_lazy as _

from settings import env

BASE_DIR = env.BASE_DIR
PROJECT_DIR = BASE_DIR / "cms"

SECRET_KEY = env.get("SECRET_KEY")
DEBUG = False
# ".localhost": the demo's commune portals (mocchau.localhost, ...), loopback by RFC 6761.
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS", "localhost,.localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env.get_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms",
    "home",
    "news",
    "search",
    "cms.pages",
    "cms.participation",
    "cms.organisation",
    "cms.procedures",
    "cms.disclosures",
    "cms.schedule",
    "cms.weblinks",
    "cms.gallery",
    "cms.editorial",
    "cms.editorial.workflow",
    "cms.visits",
    "cms.pagecache",
    "cms.portals",
    "cms.nukeviet",
    "cms.api",
    "cms.operations",
    "cms.webhooks",
    "cms.demo",
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
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtailmedia",  # uploaded videos of the photo and video albums (cms.gallery)
    "cms.media",  # after wagtail.images, wagtail.documents and wagtailmedia: replaces their permission policies
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
    # The content and sites stamps read once per request (cms/core/cache.py), by everything after it.
    "cms.core.cache.StampsPerRequestMiddleware",
    # First after it, so that page views answered by the page cache are counted too (cms/visits).
    "cms.visits.middleware.VisitCounterMiddleware",
    # Before everything that costs: an anonymous hit skips sessions, auth, CSP, locale, CORS and axes
    # (the stored answer carries the headers they added). docs/operations.md, "Page cache".
    "cms.pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # After the page cache (a hit needs no site record): the request's site, without a query per request.
    "cms.core.sites.SiteMiddleware",
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
    "cms.core.cdn.CacheTagMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
# The Wagtail admin's URL path; everything that must tell admin requests apart asks cms.core.http.admin_prefix().
ADMIN_URL_PATH = "admin/"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # cms/templates is found as the first app's templates (cms leads INSTALLED_APPS). Listing it in DIRS
        # as well made a template that extends the one it overrides (wagtail-localize's translation editor,
        # Wagtail's block preview) find itself a second time and render its additions twice.
        "DIRS": [],
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
    _after_counter = MIDDLEWARE.index("cms.visits.middleware.VisitCounterMiddleware") + 1
    MIDDLEWARE.insert(_after_counter, "cms.db_router.ReplicaMiddleware")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.get("REDIS_URL")
# API rate limits (cms/api/throttling.py) are counted once for all workers: in Redis when it is set,
# else in a database table (created by migration cms_api.0001), never in one worker's memory.
THROTTLE_DATABASE_CACHE = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "portal_throttle_cache",
    "OPTIONS": {"MAX_ENTRIES": 100_000},
}
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
    CACHES["throttle"] = {**CACHES["default"], "KEY_PREFIX": "portal:throttle"}
    CONTENT_GENERATION_FILE = None  # the stamp lives in Redis, shared by every machine
    PAGE_CACHE_ALIAS = "default"  # the page cache and its stale copies: Redis, shared by every worker
else:
    CACHES = {
        # Remembered values (menus, counts, lists, the API listing's bodies: cms/core/cache.py) per worker; Django's
        # default of 300 entries would cull them a third at a time under a crawler's varied listings.
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
            "OPTIONS": {"MAX_ENTRIES": env.get_int("LOCAL_CACHE_MAX_ENTRIES", 3_000)},
        },
        "throttle": THROTTLE_DATABASE_CACHE,
    }
    # Each process has its own local-memory cache: the content generation stamp (cms/core/cache.py) lives in
    # a file every process on this machine reads, so a change made in any of them reaches all within a request.
    CONTENT_GENERATION_FILE = env.get("CONTENT_GENERATION_FILE", str(BASE_DIR / "var" / "content-generation"))
    # The page cache (cms/pagecache) keeps its answers, and the last good copies served while the database is
    # unreachable, in files every worker on this machine shares: a recycled or new worker serves them at once,
    # and they need neither the database nor Redis. Not under MEDIA_ROOT: the files are pickles, never served.
    PAGE_CACHE_ALIAS = "pages"
    CACHES["pages"] = {
        "BACKEND": "cms.pagecache.store.PageFileCache",
        "LOCATION": env.get("PAGE_CACHE_DIR", str(BASE_DIR / "var" / "page-cache")),
        "TIMEOUT": None,  # each entry is stored with its own timeout (PAGE_CACHE_STALE_SECONDS, or its expiry)
        "OPTIONS": {"MAX_ENTRIES": env.get_int("PAGE_CACHE_MAX_ENTRIES", 10_000)},
    }

# Visitor counter (cms.visits): Redis when REDIS_URL is set, the database otherwise. "beacon" counts
# through POST /api/v2/visits/beacon/ instead of the middleware, for HTML cached by a CDN.
VISITS_REDIS_URL = REDIS_URL
VISITS_MODE = env.get("VISITS_MODE", "middleware")

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
# language, show the default-language one instead (cms/core/i18n.py).
PORTAL_SNIPPET_FALLBACK_TO_DEFAULT = env.get_bool("PORTAL_SNIPPET_FALLBACK_TO_DEFAULT", False)
# Machine translation stays off: no WAGTAILLOCALIZE_MACHINE_TRANSLATOR is configured.
# wagtail-localize otherwise publishes a new translation (still in the source language) at once when
# its source is live, even for an editor without publish rights; a translation starts as a draft.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# LOCALE_PATHS are merged after the apps' catalogues, so they win, for `django` and `djangojs` alike
# (Django's DjangoTranslation._add_local_translations; the admin's and wagtail-localize's JavaScript
# catalogues merge them too). locale/ holds the project's messages, locale_overrides/ its Vietnamese
# translation of Wagtail's admin and wagtail-localize (docs/glossary-vi.md).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_overrides"]
FORMAT_MODULE_PATH = ["cms.formats"]
# The admin's date pickers write and read dd/mm/yyyy (Wagtail's default is 2026-12-01); one setting for
# every admin language, so cms/formats/*/formats.py put these first in *_INPUT_FORMATS (wagtailadmin.E003).
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
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
WAGTAIL_SITE_NAME = env.get("PORTAL_NAME", "Cổng thông tin điện tử tỉnh Sơn La")
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
# vtt: WebVTT captions of the albums' videos (<track>), checked by cms.gallery.models.AlbumVideo.clean.
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "ppt", "pptx", "rtf", "txt", "zip", "vtt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Uploaded videos (wagtailmedia): video only, in the formats every current browser plays in <video>; the form
# (cms.media.forms.PortalMediaForm) also checks the size and what the file really is.
WAGTAILMEDIA = {
    "MEDIA_FORM_BASE": "cms.media.forms.PortalMediaForm",
    "AUDIO_EXTENSIONS": ["mp3"],
    "VIDEO_EXTENSIONS": ["mp4", "webm"],
}
PORTAL_VIDEO_MAX_UPLOAD_SIZE = env.get_int("PORTAL_VIDEO_MAX_UPLOAD_SIZE", 200 * 1024 * 1024)
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Pixels, not bytes, set the memory and time a rendition takes: a 15 KB PNG can hold 121 megapixels.
# 80 million covers every camera and phone photo in normal modes (61 MP full frame: 9504 × 6336).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 80_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.media.forms.PortalImageForm"
# ASCII slugs transliterated from Vietnamese titles (cms/core/i18n.py, on the server and in the slug field's preview).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Wagtail's default, relied upon: a published page whose slug changes (an editor, `manage.py fix_slugs --fix`)
# keeps answering at its old URL, and its descendants at theirs, with a permanent redirect.
WAGTAILREDIRECTS_AUTO_CREATE = True
# No Gravatar: the admin would send a hash of each editor's e-mail address to an outside service (blocked by our
# Content Security Policy anyway). Editors see their uploaded avatar (Account → Ảnh đại diện) or Wagtail's default.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# Editorial workflow (cms/editorial/workflow/): an edit during review restarts approval of the new revision.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WORKFLOW_ALLOW_SUPERUSER_SELF_APPROVAL = False
# Read by Wagtail at import time: the last approval publishes without a publish permission.
WAGTAIL_FINISH_WORKFLOW_ACTION = "cms.editorial.workflow.publishing.publish_approved"
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
        "console": {"class": "logging.StreamHandler", "formatter": "json" if LOG_FORMAT == "json" else "text"},
        # Wagtail logs (never raises) failed notification e-mails; the health page counts them.
        "notification_failures": {"class": "cms.operations.mail.NotificationFailureHandler", "level": "ERROR"},
    },
    "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django": {"level": env.get("LOG_LEVEL", "INFO")},
        "wagtail": {"level": "WARNING"},
        "wagtail.admin": {"handlers": ["notification_failures"], "level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

PORTAL_DESCRIPTION = _("Cổng thông tin điện tử")

# Operations (cms/operations/): the health page's JSON twin /healthz?detail=1 needs HEALTH_TOKEN (sent as
# "Authorization: Bearer <token>"; refused when unset), and alerts go to HEALTH_ALERT_EMAIL / _WEBHOOK_URL.
HEALTH_TOKEN = env.get("HEALTH_TOKEN")
HEALTH_ALERT_EMAIL = env.get("HEALTH_ALERT_EMAIL")
HEALTH_ALERT_WEBHOOK_URL = env.get("HEALTH_ALERT_WEBHOOK_URL")
HEALTH_ALERT_RECOVERY = env.get_bool("HEALTH_ALERT_RECOVERY", True)
PORTAL_VERSION = env.get("PORTAL_VERSION")  # shown on the health page; default: `git describe`
# Django serves MEDIA_URL itself even without DEBUG: for `make serve` only (production: the web server does).
SERVE_MEDIA = env.get_bool("SERVE_MEDIA", False)

# Webhooks (cms/webhooks/): request timeout, attempts before a delivery is marked failed, first retry delay
# (doubled after each failure). Headless preview: the front end's preview URL, and per-site overrides
# "hostname=url,hostname=url" (cms/api/preview.py, docs/webhooks-and-preview.md).
WEBHOOK_TIMEOUT_SECONDS = env.get_int("WEBHOOK_TIMEOUT_SECONDS", 5)
WEBHOOK_MAX_ATTEMPTS = env.get_int("WEBHOOK_MAX_ATTEMPTS", 6)
WEBHOOK_RETRY_SECONDS = env.get_int("WEBHOOK_RETRY_SECONDS", 30)
# Delivered and failed deliveries are deleted from the log after this many days (a periodic job).
WEBHOOK_DELIVERY_RETENTION_DAYS = env.get_int("WEBHOOK_DELIVERY_RETENTION_DAYS", 30)
# Off: receivers must be on public internet addresses (cms/webhooks/network.py, against SSRF);
# settings/dev.py and settings/test.py turn it on for receivers on 127.0.0.1.
WEBHOOK_ALLOW_PRIVATE_NETWORKS = env.get_bool("WEBHOOK_ALLOW_PRIVATE_NETWORKS", False)
HEADLESS_PREVIEW_URL = env.get("HEADLESS_PREVIEW_URL")
HEADLESS_PREVIEW_SITE_URLS = dict(
    item.split("=", 1) for item in env.get_list("HEADLESS_PREVIEW_SITE_URLS") if "=" in item
)

# Headless API (cms/api/): HTTP and server-side caching, preview tokens, CORS, OpenAPI.
API_CACHE_MAX_AGE = env.get_int("API_CACHE_MAX_AGE", 60)
API_CACHE_SECONDS = env.get_int("API_CACHE_SECONDS", 300)

# Full-page cache for anonymous answers (cms/pagecache; docs/operations.md "Page cache"): HTML is fresh for
# PAGE_CACHE_SECONDS (API answers: API_CACHE_SECONDS), then kept as the last good copy for
# PAGE_CACHE_STALE_SECONDS, served only while the database is unreachable. Content changes drop it at once.
# PAGE_CACHE_CDN_SECONDS: s-maxage of HTML for a CDN in front (purged by cache tag, cms/core/cdn.py).
PAGE_CACHE_ENABLED = env.get_bool("PAGE_CACHE", True)
PAGE_CACHE_SECONDS = env.get_int("PAGE_CACHE_SECONDS", 60)
PAGE_CACHE_STALE_SECONDS = env.get_int("PAGE_CACHE_STALE_SECONDS", 24 * 60 * 60)
PAGE_CACHE_CDN_SECONDS = env.get_int("PAGE_CACHE_CDN_SECONDS", 60)
# After a request finds the database unreachable, anonymous requests get the stale copy (or the 503) for this
# many seconds without trying the database again: one probe per window and worker, not one per request.
PAGE_CACHE_BREAKER_SECONDS = env.get_int("PAGE_CACHE_BREAKER_SECONDS", 5)
# With Redis, each process also keeps the entries it serves in its own memory, at most this many bytes (the least
# recently used go first; 0: every hit reads Redis). Keyed by the content generation, read from Redis on every
# request, so a change in any process still empties every copy at once (cms/pagecache/store.py).
PAGE_CACHE_LOCAL_BYTES = env.get_int("PAGE_CACHE_LOCAL_BYTES", 32 * 1024 * 1024)
# Further path prefixes never cached (the admin, files, previews and /healthz never are).
PAGE_CACHE_EXCLUDED_PREFIXES = tuple(env.get_list("PAGE_CACHE_EXCLUDED_PREFIXES"))
API_PREVIEW_TOKEN_SECONDS = env.get_int("API_PREVIEW_TOKEN_SECONDS", 600)
WAGTAILAPI_LIMIT_MAX = 100
# Rich-text fields as HTML with public links (Wagtail's default, db_html, names hidden pages by id).
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
# Public origin for every absolute URL in API payloads, feeds and sitemaps (cms/core/public_urls.py);
# empty: the site record matching the request's host, else the request's own origin.
PORTAL_PUBLIC_BASE_URL = env.get("PORTAL_PUBLIC_BASE_URL", "")
CORS_ALLOWED_ORIGINS = env.get_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
# A browser front end sends its preview token in this header (cms/api/preview.py).
CORS_ALLOW_HEADERS = [*default_cors_headers, "x-preview-token"]
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["cms.api.renderers.JSONRenderer"],  # orjson, same bytes as DRF's
    # The admin's own session only: DRF's default also reads HTTP Basic passwords, which would let anyone
    # guess passwords through the API (and lock the account out through django-axes).
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    # Rate from API_THROTTLE_ANON (settings/security.py), read per request.
    "DEFAULT_THROTTLE_CLASSES": ["cms.api.throttling.ApiAnonThrottle"],
    # JSON only: DRF would answer an unknown ?format= with an undocumented 404.
    "URL_FORMAT_OVERRIDE": None,
    # {"message", "parameter"?} for every API error, as documented in OpenAPI (cms/api/errors.py).
    "EXCEPTION_HANDLER": "cms.api.errors.exception_handler",
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
# Every public response carries this cache tag; a content change purges it at the CDN (cms/core/cdn.py).
CDN_CACHE_TAG = env.get("CDN_CACHE_TAG", "portal-content")
FRONTEND_CACHE_URL = env.get("FRONTEND_CACHE_URL")
WAGTAILFRONTENDCACHE = {}
if FRONTEND_CACHE_URL:
    # An HTTP PURGE-capable cache (Varnish, nginx) in front of the site; see cms/core/cdn.py.
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
