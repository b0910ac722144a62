import hmac

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.operations import alerts
from cms.operations.health import overall, run_checks


def user_is_administrator(user) -> bool:
    """The health page shows paths, versions and backup locations: administrators (superusers) only."""
    return user.is_active and user.is_superuser


class HealthView(WagtailAdminTemplateMixin, TemplateView):
    """Tình trạng hệ thống: one line per check, green/amber/red with what to do."""

    page_title = gettext_lazy("Tình trạng hệ thống")
    header_icon = "tasks"
    template_name = "operations/health.html"

    def dispatch(self, request, *args, **kwargs):
        if not user_is_administrator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        lines = run_checks()
        return super().get_context_data(
            lines=lines, overall=overall(lines), checked_at=timezone.now(), detail_token=bool(settings.HEALTH_TOKEN)
        )


def token_matches(request) -> bool:
    expected = settings.HEALTH_TOKEN
    header = request.headers.get("Authorization", "")
    given = header.removeprefix("Bearer ").strip() if header.startswith("Bearer ") else ""
    # Without a configured token the detail is never served; compare_digest keeps timing flat.
    return bool(expected) and bool(given) and hmac.compare_digest(given.encode(), expected.encode())


@never_cache
def health_detail(request):
    """``/healthz?detail=1``: every health line as JSON, for monitors holding ``HEALTH_TOKEN``."""
    if not token_matches(request):
        return JsonResponse(
            {"message": _("Cần mã truy cập (Authorization: Bearer <HEALTH_TOKEN>).")},
            status=403,
            json_dumps_params={"ensure_ascii": False},
        )
    lines = run_checks()
    alerts.evaluate(lines)
    return JsonResponse(
        {
            "status": overall(lines),
            "checked_at": timezone.now().isoformat(),
            "checks": [line.as_dict() for line in lines],
        },
        json_dumps_params={"ensure_ascii": False},
    )
