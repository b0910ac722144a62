"""Locale middleware that leaves /api/ alone."""

from django.middleware.locale import LocaleMiddleware


class ApiAwareLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its 404 redirect to ``/<lang>/...`` for API URLs.

    API URLs carry no language prefix: an API 404 is an answer, and Wagtail's catch-all page route
    would otherwise make every unknown API URL "valid" under /vi/ and redirect there.
    """

    def process_response(self, request, response):
        if request.path_info.startswith("/api/"):
            return response
        return super().process_response(request, response)
