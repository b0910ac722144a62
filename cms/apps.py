from importlib import import_module

from django.apps import AppConfig
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _


def _ascii_slug_for_pages(sender, instance, raw=False, update_fields=None, **kwargs):
    from wagtail.models import Page

    from cms.core.i18n import transliterate_page_slug

    if raw or not isinstance(instance, Page) or not instance.path:
        return
    if update_fields is not None and "slug" not in update_fields:
        return  # e.g. save_revision() writing only its bookkeeping fields
    transliterate_page_slug(instance)


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Cổng thông tin")
    # The models of these feature packages keep the "cms" label, its tables and cms/migrations.
    models_modules = ("cms.core.models", "cms.statistics.models")
    # Their endpoints, registered by cms.api's autodiscover (the "cms" module itself holds no endpoint).
    api_modules = ("cms.statistics.api",)

    def import_models(self):
        self.models = self.apps.all_models[self.label]
        for name in self.models_modules:
            self.models_module = import_module(name)

    def ready(self):
        from django.db import models
        from wagtail.admin.forms.models import register_form_field_override

        from cms.core import cache, visibility
        from cms.core.i18n import VietnameseSlugInput, translate_image_permission_labels_per_request

        # Every page type, including ones added later: Wagtail 8 drops "đ" from auto-generated slugs, and
        # autosave creates the page (and saves its drafts) with whatever the admin's JavaScript put in the field.
        pre_save.connect(_ascii_slug_for_pages, dispatch_uid="cms.ascii_slug_for_new_pages")
        # The slug field's live preview in the admin transliterates as the server does. Importing
        # wagtail.admin.forms.models above has registered Wagtail's own SlugInput; this replaces it.
        register_form_field_override(models.SlugField, override={"widget": VietnameseSlugInput})
        cache.connect_signals(next_expiry=visibility.next_public_expiry)
        # Each portal's own CORS origins (PortalSettings.cors_origins) beside the installation-wide list.
        from corsheaders.signals import check_request_enabled

        from cms.core.models import cors_allowed_by_portal

        check_request_enabled.connect(cors_allowed_by_portal, dispatch_uid="cms.cors_allowed_by_portal")
        translate_image_permission_labels_per_request()
