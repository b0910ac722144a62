"""Security settings true in every environment: CSP, login lockout, sessions. Imported by base.py.

production.py adds HTTPS-only settings (redirect, HSTS, secure cookies) on top.
"""

import datetime

from csp.constants import NONE, SELF

from settings import env

# Sessions end after SESSION_COOKIE_AGE seconds (default 8 hours: one working day).
SESSION_COOKIE_AGE = env.get_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

X_FRAME_OPTIONS = "DENY"
# Browser features no page of the portal uses (cms/security.py sends it on every response).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Reverse proxies in front of the portal (0: clients connect directly). When set, the
# client address comes from X-Forwarded-For and HTTPS from X-Forwarded-Proto.
TRUSTED_PROXY_COUNT = env.get_int("TRUSTED_PROXY_COUNT", 0)
# The header those proxies write the client address to (cms.core.http.client_address: throttling, login
# lockout and the visitor counter). VISITS_CLIENT_IP_HEADER is its former name.
CLIENT_IP_HEADER = env.get("CLIENT_IP_HEADER") or env.get("VISITS_CLIENT_IP_HEADER") or "X-Forwarded-For"

# API abuse: requests per client address for anonymous clients ("120/min"; "off" disables),
# and bounds on query strings under /api/ (longer or more parameters: 400).
_throttle_anon = env.get("API_THROTTLE_ANON", "120/min")
API_THROTTLE_ANON = None if _throttle_anon.lower() in {"off", "0"} else _throttle_anon

# Citizens' forms (cms/participation/challenge.py): submissions per client address per hour (0: no limit),
# the proof-of-work size (numbers a browser may have to try), the seconds a form must be open before it is
# sent and after which its challenge expires, and the days personal data of closed items is kept.
PARTICIPATION_SUBMISSIONS_PER_HOUR = env.get_int("PARTICIPATION_SUBMISSIONS_PER_HOUR", 20) or None
PARTICIPATION_CHALLENGE_MAX_NUMBER = env.get_int("PARTICIPATION_CHALLENGE_MAX_NUMBER", 50000)
PARTICIPATION_MIN_FILL_SECONDS = env.get_int("PARTICIPATION_MIN_FILL_SECONDS", 3)
PARTICIPATION_CHALLENGE_TTL = env.get_int("PARTICIPATION_CHALLENGE_TTL", 2 * 3600)
PARTICIPATION_RETENTION_DAYS = env.get_int("PARTICIPATION_RETENTION_DAYS", 180)
# Questions and petitions: tracking-code lookups per client address and per code per hour (0: no limit), the
# size of one attachment, and where attachments are kept: outside MEDIA_ROOT, never served by the web server.
PARTICIPATION_LOOKUPS_PER_HOUR = env.get_int("PARTICIPATION_LOOKUPS_PER_HOUR", 60) or None
PARTICIPATION_LOOKUPS_PER_CODE_PER_HOUR = env.get_int("PARTICIPATION_LOOKUPS_PER_CODE_PER_HOUR", 20) or None
PARTICIPATION_ATTACHMENT_MAX_BYTES = env.get_int("PARTICIPATION_ATTACHMENT_MAX_BYTES", 5 * 1024 * 1024)
PARTICIPATION_PRIVATE_ROOT = env.get("PARTICIPATION_PRIVATE_ROOT", str(env.BASE_DIR / "private"))
API_MAX_QUERY_STRING = env.get_int("API_MAX_QUERY_STRING", 2048)
API_MAX_QUERY_PARAMS = env.get_int("API_MAX_QUERY_PARAMS", 30)

# Content Security Policy (django-csp 4). Public pages: our own origin only, no inline
# script or style, never framed. The Wagtail admin gets ADMIN_CONTENT_SECURITY_POLICY
# from cms.security.PortalCSPMiddleware: its templates still carry inline scripts.
EMBED_FRAME_SOURCES = ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *EMBED_FRAME_SOURCES],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:", "https:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, "https:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # The page preview panel frames the preview from the same origin.
        "frame-ancestors": [SELF],
    }
}

# Login lockout (django-axes): per user name *and* address, so one attacker cannot lock
# a colleague out from elsewhere. https://django-axes.readthedocs.io/en/latest/4_configuration.html
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.get_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.get_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "cms/lockout.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "cms.core.http.client_address"
