from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import numberformat, timezone
from django.utils.formats import get_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)


@register_setting(icon="site")
class PortalSettings(ClusterableModel, BaseGenericSetting):
    """Contact details shown in the footer of every public page; other languages' texts are inline rows."""

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
        InlinePanel("texts", heading=_("Bản dịch"), label=_("Ngôn ngữ")),
    ]

    class Meta:
        verbose_name = _("Thông tin cổng")

    def in_language(self, language_code: str) -> dict:
        """Portal name and footer texts in ``language_code``; each blank one falls back to the default language."""
        texts = {
            "portal_name": settings.WAGTAIL_SITE_NAME,
            "organisation": self.organisation,
            "address": self.address,
            "responsible_person": self.responsible_person,
        }
        if language_code == settings.LANGUAGE_CODE:
            return texts  # the default language's texts are the settings themselves: no query
        row = self.texts.filter(language=language_code).first()
        if row is not None:
            texts.update({name: value for name, value in row.texts().items() if value})
        return texts


def portal_language_choices():
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


class PortalSettingsText(Orderable):
    """The portal's name and footer texts in one non-default language (the default ones are the settings)."""

    portal = ParentalKey(PortalSettings, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(_("Ngôn ngữ"), max_length=10, choices=portal_language_choices)
    portal_name = models.CharField(_("Tên cổng"), max_length=255, blank=True)
    organisation = models.CharField(_("Cơ quan chủ quản"), max_length=255, blank=True)
    address = models.CharField(_("Địa chỉ"), max_length=255, blank=True)
    responsible_person = models.CharField(_("Người chịu trách nhiệm"), max_length=255, blank=True)

    panels = [
        FieldPanel("language"),
        FieldPanel("portal_name"),
        FieldPanel("organisation"),
        FieldPanel("address"),
        FieldPanel("responsible_person"),
    ]

    class Meta:
        verbose_name = _("Thông tin cổng theo ngôn ngữ")
        constraints = [models.UniqueConstraint(fields=["portal", "language"], name="unique_portal_text_language")]

    def texts(self) -> dict:
        return {
            "portal_name": self.portal_name,
            "organisation": self.organisation,
            "address": self.address,
            "responsible_person": self.responsible_person,
        }


class StatisticQuerySet(models.QuerySet):
    def live(self):
        """Published and not past its expiry, even before ``publish_scheduled`` has run."""
        return self.filter(live=True).filter(models.Q(expire_at__isnull=True) | models.Q(expire_at__gt=timezone.now()))


class Statistic(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, models.Model):
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

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="statistic")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="statistic",
        for_concrete_model=False,
    )

    objects = StatisticQuerySet.as_manager()

    panels = [
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("value"), FieldPanel("total"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("reference_date"), FieldPanel("source")]),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Số liệu thống kê")
        verbose_name_plural = _("Số liệu thống kê")
        ordering = ["-reference_date", "label", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "label", "reference_date"], name="cms_statistic_unique_label_date_per_locale"
            )
        ]

    def __str__(self):
        return f"{self.label}: {self.display_value}"

    @classmethod
    def api_prefetch_queryset(cls, ids):
        """The chosen statistics and all their translations, in one query (for the API's object store)."""
        keys = cls.objects.filter(pk__in=list(ids)).values("translation_key")
        return cls.objects.filter(translation_key__in=keys).select_related("locale")

    @property
    def revisions(self):
        return self._revisions

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
                locale_id=self.locale_id, label=self.label, reference_date=self.reference_date
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
