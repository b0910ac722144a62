from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "cms.api"
    label = "cms_api"
    verbose_name = "Headless API"

    def ready(self):
        from cms.api import cache, prefetch

        prefetch.install()
        cache.connect_signals()
