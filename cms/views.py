from django.conf import settings
from django.contrib import messages
from django.core.cache import caches
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.cache import never_cache
from wagtail.models import Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.views import update_translations

from cms.core.i18n import language_code_of
from cms.operations.views import health_detail
from cms.pagecache.store import page_store


def _is_api(request) -> bool:
    return request.path_info.startswith("/api/")


def page_not_found(request, exception):
    """JSON for API clients under /api/ (no HTML page to parse), the site's 404 page elsewhere."""
    if _is_api(request):
        return JsonResponse({"message": _("Không tìm thấy.")}, status=404)
    return defaults.page_not_found(request, exception)


def bad_request(request, exception):
    if _is_api(request):
        return JsonResponse({"message": _("Yêu cầu không hợp lệ.")}, status=400)
    return defaults.bad_request(request, exception)


def permission_denied(request, exception):
    if _is_api(request):
        return JsonResponse({"message": _("Không có quyền truy cập.")}, status=403)
    return defaults.permission_denied(request, exception)


@never_cache
def server_error(request):
    """JSON for API clients under /api/ (the API's one error shape), the site's 500 page elsewhere."""
    if _is_api(request):
        return JsonResponse({"message": _("Lỗi máy chủ, vui lòng thử lại sau.")}, status=500)
    return defaults.server_error(request)


def healthz(request):
    """Liveness and readiness: the database answers and the cache round-trips (cheap: load balancers poll it).

    ``?detail=1`` with the health token answers the admin health page's lines (cms/operations/views.py).
    """
    if request.GET.get("detail"):
        return health_detail(request)
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as exc:  # noqa: BLE001 - any failure means "not ready"
        checks["database"] = f"error: {exc.__class__.__name__}"
    try:
        # The default cache and, on the embedded default, the page cache's shared folder (cms/pagecache/store.py),
        # which holds the copies served while the database is down.
        stores = {id(store): store for store in (caches["default"], page_store())}.values()
        for store in stores:
            store.set("healthz", "ok", 5)
        round_trips = all(store.get("healthz") == "ok" for store in stores)
        checks["cache"] = "ok" if round_trips else "error: no round trip"
    except Exception as exc:  # noqa: BLE001
        checks["cache"] = f"error: {exc.__class__.__name__}"
    healthy = all(value == "ok" for value in checks.values())
    if not healthy and checks["cache"] == "ok" and settings.PAGE_CACHE_ENABLED:
        # Anonymous readers still get the page cache's last good copies: degraded, not down. 200, so that a load
        # balancer keeps the workers that serve them in rotation.
        return JsonResponse({"status": "degraded", **checks, "page_cache": "serving stale copies"})
    return JsonResponse({"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503)


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", where "Publish immediately" needs publish rights.

    wagtail-localize only checks ``submit_translation``, so an editor could publish every translation
    of a page they may not publish themselves. Without the right, the sync saves drafts.
    """

    def form_valid(self, form):
        if form.cleaned_data.get("publish_translations") and not self.user_can_publish():
            form.cleaned_data["publish_translations"] = False
            messages.warning(self.request, _("Bạn không có quyền xuất bản; bản dịch được lưu ở dạng nháp."))
        return super().form_valid(form)

    def user_can_publish(self) -> bool:
        instance = self.object.get_source_instance()
        if isinstance(instance, Page):
            return instance.permissions_for_user(self.request.user).can_publish()
        return self.request.user.has_perm(get_permission_name("publish", instance.__class__))


def redirect_to_page_language(page, request):
    """Redirect to the page's own language prefix when it is requested under another one.

    Wagtail falls back to the default-language tree when a language has no home page yet
    (/fr/ would show Vietnamese content marked lang="fr"); one URL per page and language instead.
    """
    language = language_code_of(page)
    if language == translation.get_language():
        return None
    url = page.get_url(request)
    if url is None:
        return None
    query = request.META.get("QUERY_STRING")
    return redirect(f"{url}?{query}" if query else url)
