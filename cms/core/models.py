"""Portal settings: each portal's name and footer contacts, with their translations."""

import re

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Site


@register_setting(icon="site")
class PortalSettings(ClusterableModel, BaseSiteSetting):
    """One portal's name and the contact details in the footer of its pages; other languages' texts are inline
    rows. One row per Wagtail Site: each commune's portal has its own (cms.portals)."""

    portal_name = models.CharField(
        _("Tên cổng"), max_length=255, blank=True, help_text=_("Để trống: tên của trang (site) trong Wagtail.")
    )
    organisation = models.CharField(_("Cơ quan chủ quản"), max_length=255, blank=True)
    address = models.CharField(_("Địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("Điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("Thư điện tử"), blank=True)
    responsible_person = models.CharField(_("Người chịu trách nhiệm"), max_length=255, blank=True)
    # Named ``emblem``: cms/templates/cms/includes/emblem.html shows it in the header when set.
    emblem = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Biểu trưng (logo)"),
        help_text=_("Để trống: dùng biểu trưng mặc định."),
    )
    footer_text = models.TextField(
        _("Chân trang"), blank=True, help_text=_("Thông tin thêm ở cuối mỗi trang, ví dụ số giấy phép.")
    )
    cors_origins = models.TextField(
        _("Ứng dụng được đọc API"),
        blank=True,
        help_text=_(
            "Mỗi dòng một địa chỉ gốc, ví dụ https://app.vanho.example.vn: trang web ở địa chỉ đó được đọc API "
            "của cổng này từ trình duyệt (CORS)."
        ),
    )

    panels = [
        FieldPanel("portal_name"),
        FieldPanel("emblem"),
        FieldPanel("organisation"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("responsible_person"),
        FieldPanel("footer_text"),
        FieldPanel("cors_origins"),
        InlinePanel("texts", heading=_("Bản dịch"), label=_("Ngôn ngữ")),
    ]

    class Meta:
        verbose_name = _("Thông tin cổng")

    @classmethod
    def load(cls, request_or_site=None):
        """The settings of the request's site (or of ``request_or_site`` as a Site); the default site's without one."""
        if isinstance(request_or_site, Site):
            site, instance = request_or_site, cls.for_site(request_or_site)
        elif request_or_site is not None:
            site, instance = Site.find_for_request(request_or_site), cls.for_request(request_or_site)
        else:
            site = Site.objects.get(is_default_site=True)
            instance = cls.for_site(site)
        instance.site = site  # the site is known already: ``default_name`` needs no query to read it
        return instance

    def default_name(self) -> str:
        """The name in the default language: this setting, else the site's name, else ``PORTAL_NAME``."""
        if self.portal_name:
            return self.portal_name
        site = self.site
        return (site.site_name if site and not site.is_default_site else "") or settings.WAGTAIL_SITE_NAME

    def in_language(self, language_code: str) -> dict:
        """Portal name and footer texts in ``language_code``; each blank one falls back to the default language."""
        texts = {
            "portal_name": self.default_name(),
            "organisation": self.organisation,
            "address": self.address,
            "responsible_person": self.responsible_person,
            "footer_text": self.footer_text,
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
    footer_text = models.TextField(_("Chân trang"), blank=True)

    panels = [
        FieldPanel("language"),
        FieldPanel("portal_name"),
        FieldPanel("organisation"),
        FieldPanel("address"),
        FieldPanel("responsible_person"),
        FieldPanel("footer_text"),
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
            "footer_text": self.footer_text,
        }


def normalised_origin(origin: str) -> str:
    return origin.strip().rstrip("/").lower()


def cors_allowed_by_portal(sender, request, **kwargs) -> bool:
    """django-cors-headers' ``check_request_enabled``: an origin listed in the portal settings of the host the
    API request is for (``CORS_ALLOWED_ORIGINS`` stays the installation-wide list). django-cors-headers also
    asks it of every request outside ``CORS_URLS_REGEX`` (to enable CORS there): those, and requests without an
    origin, are answered no before any lookup. For an API request whose origin that list does not hold: one query.
    """
    from cms.core.sites import site_id_for_request

    origin = normalised_origin(request.headers.get("Origin", ""))
    if not origin or not re.match(settings.CORS_URLS_REGEX, request.path_info):
        return False
    site_id = site_id_for_request(request)
    if site_id is None:
        return False
    listed = PortalSettings.objects.filter(site_id=site_id).values_list("cors_origins", flat=True).first() or ""
    return origin in {normalised_origin(line) for line in listed.splitlines() if line.strip()}
