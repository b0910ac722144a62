from django.apps import AppConfig
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _


def _ascii_slug_for_new_pages(sender, instance, raw=False, **kwargs):
    from wagtail.models import Page

    from cms.i18n import transliterate_new_page_slug

    if not raw and isinstance(instance, Page) and instance._state.adding and instance.path:
        transliterate_new_page_slug(instance)


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Cổng thông tin")

    def ready(self):
        # Every page type, including ones added later: Wagtail 8 drops "đ" from auto-generated slugs.
        pre_save.connect(_ascii_slug_for_new_pages, dispatch_uid="cms.ascii_slug_for_new_pages")
