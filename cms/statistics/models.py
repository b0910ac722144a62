"""The Statistic snippet: a published figure with its unit, date and source, shown by the statistics block."""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from cms.core.snippets import WorkflowSnippet


class StatisticQuerySet(models.QuerySet):
    def live(self):
        """Published and not past its expiry, even before ``publish_scheduled`` has run."""
        from cms.core import visibility

        return visibility.visible_snippets(self)


class Statistic(WorkflowSnippet):
    """A reported figure ("số liệu"), managed once and reused by the statistics block on many pages."""

    label = models.CharField(
        _("Nội dung"), max_length=255, help_text=_("Ví dụ: Doanh nghiệp còn phải ban hành quy chế")
    )
    value = models.DecimalField(_("Giá trị"), max_digits=15, decimal_places=2)
    total = models.DecimalField(
        _("Tổng số"),
        max_digits=15,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Để trống nếu không so với tổng; khi có, hiển thị dạng 93/180 kèm tỷ lệ phần trăm."),
    )
    unit = models.CharField(_("Đơn vị tính"), max_length=50, blank=True, help_text=_("Ví dụ: doanh nghiệp, bản, %"))
    reference_date = models.DateField(_("Số liệu tính đến ngày"))
    source = models.CharField(_("Nguồn số liệu"), max_length=255, blank=True)

    objects = StatisticQuerySet.as_manager()

    panels = [
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("value"), FieldPanel("total"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("reference_date"), FieldPanel("source")]),
        FieldPanel("site"),
    ]

    class Meta(WorkflowSnippet.Meta):
        verbose_name = _("Số liệu thống kê")
        verbose_name_plural = _("Số liệu thống kê")
        ordering = ["-reference_date", "label", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "locale", "label", "reference_date"],
                name="cms_statistic_unique_label_date_per_portal_locale",
            )
        ]

    def __str__(self):
        return f"{self.label}: {self.display_value}"

    @classmethod
    def api_prefetch_queryset(cls, ids):
        """The chosen statistics and all their translations, in one query (for the API's object store, which
        gives them their locales from the remembered list)."""
        keys = cls.objects.filter(pk__in=list(ids)).values("translation_key")
        return cls.objects.filter(translation_key__in=keys).order_by()

    @property
    def percentage(self) -> Decimal | None:
        """Share of the total in percent, one decimal place; None without a total."""
        if not self.total:
            return None
        return (Decimal(self.value) * 100 / Decimal(self.total)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def display_value(self) -> str:
        """The figure as readers see it: "93/180", "100%", "75" (separators follow the active language)."""
        text = format_number(self.value)
        if self.total is not None:
            text = f"{text}/{format_number(self.total)}"
        return f"{text}%" if self.unit == "%" else text

    def clean(self):
        super().clean()
        if self.total is not None and self.value is not None:
            if self.total <= 0:
                raise ValidationError({"total": _("Tổng số phải lớn hơn 0.")})
            if not 0 <= self.value <= self.total:
                raise ValidationError({"value": _("Giá trị phải nằm trong khoảng từ 0 đến tổng số.")})
        # The locale is not a form field, so Django's form validation skips this constraint: check it here
        # to show a form error instead of an IntegrityError.
        if self.label and self.reference_date and self.locale_id:
            duplicates = Statistic.objects.filter(
                site_id=self.site_id, locale_id=self.locale_id, label=self.label, reference_date=self.reference_date
            ).exclude(pk=self.pk)
            if duplicates.exists():
                raise ValidationError({"label": _("Đã có số liệu cùng nội dung và ngày trong ngôn ngữ này.")})


def format_number(value: Decimal) -> str:
    """A decimal without trailing zeros, grouped by the active language ("1.234,5" in Vietnamese)."""
    value = Decimal(value)
    plain = int(value) if value == value.to_integral_value() else Decimal(format(value.normalize(), "f"))
    # Django's Vietnamese formats set separators but no NUMBER_GROUPING, so group by thousands explicitly.
    return numberformat.format(
        plain,
        get_format("DECIMAL_SEPARATOR"),
        grouping=3,
        thousand_sep=get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )
