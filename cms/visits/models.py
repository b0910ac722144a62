"""Tables of the database store; the Redis store does not use them. Written only by ``cms.visits.stores``."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DailyVisits(models.Model):
    """Page views of one portal on one day in the portal's time zone; "today", "week" and "total" are sums of
    these rows."""

    # The portal's ``wagtailcore.Site`` id: a plain number, so the raw SQL of the store needs no join and a
    # retired portal's figures outlive its Site.
    site = models.PositiveIntegerField(_("Cổng"), default=0)
    day = models.DateField(_("Ngày"))
    views = models.BigIntegerField(_("Lượt xem"), default=0)

    class Meta:
        verbose_name = _("Lượt truy cập theo ngày")
        verbose_name_plural = _("Lượt truy cập theo ngày")
        constraints = [models.UniqueConstraint(fields=["site", "day"], name="visits_one_row_per_portal_day")]

    def __str__(self):
        return f"{self.day}: {self.views}"


class OnlineVisitor(models.Model):
    """A visitor seen recently: a keyed hash (never the address) and the last time seen, in epoch seconds."""

    site = models.PositiveIntegerField(_("Cổng"), default=0)  # as DailyVisits.site
    visitor = models.CharField(max_length=64)
    last_seen = models.BigIntegerField(db_index=True)

    class Meta:
        verbose_name = _("Người đang truy cập")
        verbose_name_plural = _("Người đang truy cập")
        constraints = [models.UniqueConstraint(fields=["site", "visitor"], name="visits_one_row_per_portal_visitor")]

    def __str__(self):
        return self.visitor[:12]
