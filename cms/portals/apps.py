from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalsConfig(AppConfig):
    name = "cms.portals"
    label = "portals"
    verbose_name = _("Cổng thành phần")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Collection

        from cms.core.cache import invalidate_sites
        from cms.portals import directives
        from cms.portals.models import Portal

        directives.connect()
        # What is remembered for the sites includes which collections each portal owns (cms.portals.media).
        for model in (Portal, Collection):
            post_save.connect(invalidate_sites, sender=model, dispatch_uid=f"{model.__name__}-renews-sites")
            post_delete.connect(invalidate_sites, sender=model, dispatch_uid=f"{model.__name__}-gone-renews-sites")
