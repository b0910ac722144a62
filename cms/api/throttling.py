"""Rate limit for anonymous API clients (DRF throttling; Wagtail's API view sets are DRF GenericViewSets)."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class ApiAnonThrottle(AnonRateThrottle):
    """``API_THROTTLE_ANON`` requests per period per client address; ``None`` turns it off.

    Read per request, not at import (DRF's ``THROTTLE_RATES``), so ``override_settings`` works.
    Responses served from the API's server cache (``X-Cache: HIT``) are not counted: they are cheap.
    """

    scope = "anon"

    def get_rate(self):
        return settings.API_THROTTLE_ANON

    def get_ident(self, request):
        # DRF without NUM_PROXIES trusts any X-Forwarded-For, so a client could pick a new
        # address per request; only addresses added by our own proxies count.
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
        proxies = settings.TRUSTED_PROXY_COUNT
        if proxies and forwarded:
            addresses = [address.strip() for address in forwarded.split(",") if address.strip()]
            if addresses:
                return addresses[-min(proxies, len(addresses))]
        return request.META.get("REMOTE_ADDR")
