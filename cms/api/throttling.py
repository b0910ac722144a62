"""Rate limit for anonymous API clients (DRF throttling; Wagtail's API view sets are DRF GenericViewSets)."""

from django.conf import settings
from django.core.cache import caches
from rest_framework.throttling import AnonRateThrottle

from cms.core.http import client_address


class ApiAnonThrottle(AnonRateThrottle):
    """``API_THROTTLE_ANON`` requests per period per client address; ``None`` turns it off.

    Read per request, not at import (DRF's ``THROTTLE_RATES``), so ``override_settings`` works.
    Responses served from the API's server cache (``X-Cache: HIT``) are not counted: they are cheap.
    """

    scope = "anon"

    @property
    def cache(self):
        # Shared by every worker (settings.base: Redis, or a database table), unlike the local-memory default.
        return caches["throttle"]

    def get_rate(self):
        return settings.API_THROTTLE_ANON

    def get_ident(self, request):
        # DRF without NUM_PROXIES trusts any X-Forwarded-For, so a client could pick a new
        # address per request; the portal's one reading counts only what our own proxies added.
        return client_address(request)
