"""The API's URL patterns: the router's endpoints, the schema and docs, and headless preview."""

from django.urls import include, path, re_path

from cms.api import errors, openapi, preview
from cms.api.router import api_router, extra_urlpatterns


def get_urlpatterns(prefix: str = "api/v2/") -> list:
    """URL patterns to splice into the root URLconf (before the language-prefixed ones)."""
    own = [
        path("schema/", openapi.SchemaView.as_view(), name="api-schema"),
        path("schema.yaml", openapi.YamlSchemaView.as_view(), name="api-schema-yaml"),
        path("docs/", openapi.DocsView.as_view(url_name="api-schema"), name="api-docs"),
        path("preview/token/", preview.PreviewTokenView.as_view(), name="api-preview-token"),
        path("preview/exchange/", preview.PreviewExchangeView.as_view(), name="api-preview-exchange"),
        path("preview/revoke/", preview.PreviewRevokeView.as_view(), name="api-preview-revoke"),
        path("preview/<int:page_id>/", preview.PreviewView.as_view(), name="api-preview"),
        *extra_urlpatterns,
    ]
    # Last: whatever no endpoint matched under the prefix answers the JSON 404 (malformed ids included).
    return [path(prefix, include(own)), path(prefix, api_router.urls), re_path(rf"^{prefix}", errors.not_found)]
