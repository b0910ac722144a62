"""API middleware: locale handling that leaves /api/ alone, and query-string bounds."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils.translation import gettext as _

from cms.api.errors import error_response


class ApiAwareLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its 404 redirect to ``/<lang>/...`` for API URLs.

    API URLs carry no language prefix: an API 404 is an answer, and Wagtail's catch-all page route
    would otherwise make every unknown API URL "valid" under /vi/ and redirect there.
    """

    def process_response(self, request, response):
        if request.path_info.startswith("/api/"):
            return response
        return super().process_response(request, response)


class ApiQueryStringLimitMiddleware:
    """Answer 400 to /api/ requests whose query string is longer or has more parameters than allowed.

    Django bounds only the number of fields (``DATA_UPLOAD_MAX_NUMBER_FIELDS``, 1000 by default,
    also for GET), not the length; the API never needs more than a handful of short parameters.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/api/"):
            query = request.META.get("QUERY_STRING", "")
            if len(query) > settings.API_MAX_QUERY_STRING:
                return self._reject(
                    _("Chuỗi truy vấn quá dài (tối đa %(max)d ký tự).") % {"max": settings.API_MAX_QUERY_STRING}
                )
            if query and query.count("&") + 1 > settings.API_MAX_QUERY_PARAMS:
                return self._reject(_("Quá nhiều tham số (tối đa %(max)d).") % {"max": settings.API_MAX_QUERY_PARAMS})
            # PostgreSQL refuses NUL in text, so no filter may pass one to a query.
            for name, values in request.GET.lists():
                if "\x00" in name or any("\x00" in value for value in values):
                    clean = name.replace("\x00", "")
                    return self._reject(_("Tham số %(name)s chứa ký tự không hợp lệ.") % {"name": clean}, clean)
        return self.get_response(request)

    def _reject(self, message: str, parameter: str | None = None):
        return error_response(message, 400, parameter)
