from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="site")
class PortalSettings(BaseGenericSetting):
    """Contact details shown in the footer of every public page."""

    organisation = models.CharField(_("Cơ quan chủ quản"), max_length=255, blank=True)
    address = models.CharField(_("Địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("Điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("Thư điện tử"), blank=True)
    responsible_person = models.CharField(_("Người chịu trách nhiệm"), max_length=255, blank=True)

    panels = [
        FieldPanel("organisation"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("responsible_person"),
    ]

    class Meta:
        verbose_name = _("Thông tin cổng")
