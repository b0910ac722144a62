"""Per-path Content Security Policy: strict on the public site, what the Wagtail admin needs under /admin/."""

import functools

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse


@functools.cache
def _admin_prefix() -> str:
    # Resolved once per process: reverse() on every response cost ~8 % of a cached API hit.
    return reverse("wagtailadmin_home")


class PortalCSPMiddleware(CSPMiddleware):
    """Serve ``ADMIN_CONTENT_SECURITY_POLICY`` under the admin and ``CONTENT_SECURITY_POLICY`` elsewhere.

    A view's own ``@csp_override`` still wins, as in django-csp.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(_admin_prefix()):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
