"""The one API router, a registry: features register their endpoints here from their own ``api.py``.

``autodiscover()`` (called by ``ApiConfig.ready()``) imports each installed app's ``api`` module and the
modules an app lists in ``api_modules`` (the ``cms`` app lists the API modules of its feature packages).
Wagtail view sets go to ``api_router``; plain DRF views to ``extra_urlpatterns``. Both appear in the
OpenAPI document; ``cms.api.urls`` mounts them under /api/v2/.
"""

from importlib import import_module

from django.apps import apps
from django.urls import path
from django.utils.module_loading import module_has_submodule
from wagtail.api.v2.router import WagtailAPIRouter

api_router = WagtailAPIRouter("wagtailapi")
extra_urlpatterns: list = []


def register_endpoint(name: str, viewset) -> None:
    """A Wagtail API view set at /api/v2/<name>/."""
    api_router.register_endpoint(name, viewset)


def register_view(route: str, view, name: str) -> None:
    """A plain Django/DRF view at /api/v2/<route>."""
    extra_urlpatterns.append(path(route, view, name=name))


def autodiscover() -> None:
    for config in apps.get_app_configs():
        modules = getattr(config, "api_modules", None)
        if modules is None:
            own = f"{config.name}.api"
            modules = [own] if config.name != "cms.api" and module_has_submodule(config.module, "api") else []
        for name in modules:
            import_module(name)
