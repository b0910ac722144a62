"""The portals of one installation: the province's and its communes' and wards'. A portal is a Wagtail Site
plus what ``create_portal`` provisions for it (homes, sections, collection, editorial groups, workflow)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Portal(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Đang hoạt động")
        READ_ONLY = "read_only", _("Chỉ đọc")
        ARCHIVED = "archived", _("Đã lưu trữ")

    name = models.CharField(_("Tên đơn vị"), max_length=255, unique=True)
    hostname = models.CharField(_("Tên miền"), max_length=255)
    port = models.PositiveIntegerField(_("Cổng"), default=80)
    # Kept when the portal is archived: the Site goes (nothing is served), the pages and this row stay.
    site = models.OneToOneField(
        "wagtailcore.Site", null=True, blank=True, on_delete=models.SET_NULL, related_name="portal"
    )
    home = models.ForeignKey("wagtailcore.Page", on_delete=models.PROTECT, related_name="+")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children", verbose_name=_("Cấp trên")
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("Trạng thái"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Cổng thành phần")
        verbose_name_plural = _("Cổng thành phần")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["hostname", "port"], name="unique_portal_hostname_port")]

    def __str__(self):
        return self.name
