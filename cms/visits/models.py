"""Tables of the database store; the Redis store does not use them. Written only by ``cms.visits.stores``."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DailyVisits(models.Model):
    """Page views of one day in the portal's time zone; "today", "week" and "total" are sums of these rows."""

    day = models.DateField(_("Ngày"), unique=True)
    views = models.BigIntegerField(_("Lượt xem"), default=0)

    class Meta:
        verbose_name = _("Lượt truy cập theo ngày")
        verbose_name_plural = _("Lượt truy cập theo ngày")

    def __str__(self):
        return f"{self.day}: {self.views}"


class OnlineVisitor(models.Model):
    """A visitor seen recently: a keyed hash (never the address) and the last time seen, in epoch seconds."""

    visitor = models.CharField(max_length=64, unique=True)
    last_seen = models.BigIntegerField(db_index=True)

    class Meta:
        verbose_name = _("Người đang truy cập")
        verbose_name_plural = _("Người đang truy cập")

    def __str__(self):
        return self.visitor[:12]
