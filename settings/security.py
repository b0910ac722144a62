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
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Reverse proxies in front of the portal (0: clients connect directly). When set, the
# client address comes from X-Forwarded-For and HTTPS from X-Forwarded-Proto.
TRUSTED_PROXY_COUNT = env.get_int("TRUSTED_PROXY_COUNT", 0)

# API abuse: requests per client address for anonymous clients ("120/min"; "off" disables),
# and bounds on query strings under /api/ (longer or more parameters: 400).
_throttle_anon = env.get("API_THROTTLE_ANON", "120/min")
API_THROTTLE_ANON = None if _throttle_anon.lower() in {"off", "0"} else _throttle_anon
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
if TRUSTED_PROXY_COUNT:
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
