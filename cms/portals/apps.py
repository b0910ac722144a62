from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalsConfig(AppConfig):
    name = "cms.portals"
    label = "portals"
    verbose_name = _("Cổng thành phần")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.portals import directives

        directives.connect()
