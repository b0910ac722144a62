"""Per-path Content Security Policy: strict on the public site, what the Wagtail admin needs under /admin/."""

from csp.middleware import CSPMiddleware
from django.conf import settings

from cms.core.http import is_admin_path


class PortalCSPMiddleware(CSPMiddleware):
    """Serve ``ADMIN_CONTENT_SECURITY_POLICY`` under the admin and ``CONTENT_SECURITY_POLICY`` elsewhere.

    A view's own ``@csp_override`` still wins, as in django-csp.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
