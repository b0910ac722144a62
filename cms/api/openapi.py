"""OpenAPI 3 document (drf-spectacular) for /api/v2/, filled in below."""

from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView


class SchemaView(SpectacularAPIView):
    pass


class DocsView(SpectacularSwaggerView):
    pass
