"""What the NukeViet importer brought over: one row per source row (or uploaded file) and its target object."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedObject(models.Model):
    """Source table and id -> the page, image or document made from it, so a re-run updates instead of copying."""

    # The portal imported into: two communes' NukeViet sites both have a row nv4_vi_news_rows#1.
    site = models.ForeignKey(
        "wagtailcore.Site", null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("Cổng")
    )
    source_table = models.CharField(_("Bảng nguồn"), max_length=100)
    source_id = models.CharField(_("Mã nguồn"), max_length=255)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    # Digest of everything the target was built from: equal digests mean nothing to do on a re-run.
    fingerprint = models.CharField(max_length=64)
    # The revision the importer last wrote; a later one means an editor changed the page and it is left alone.
    revision_id = models.PositiveBigIntegerField(null=True, blank=True)
    # Links in the body to items not yet imported when it was mapped; fixed at the end of the run.
    pending_links = models.BooleanField(default=False)
    extra = models.JSONField(default=dict, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Đối tượng đã nhập")
        verbose_name_plural = _("Đối tượng đã nhập")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "source_table", "source_id"], name="nukeviet_unique_source_per_site"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="nukeviet_target")]

    def __str__(self):
        return f"{self.source_table}#{self.source_id}"
