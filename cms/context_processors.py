from django.conf import settings
from django.utils import translation
from django.utils.functional import SimpleLazyObject


def portal(request):
    """``PORTAL_NAME`` and ``portal_texts`` (name and footer) in the active language, loaded only when used."""
    from cms.core.models import PortalSettings

    def texts():
        return PortalSettings.load(request_or_site=request).in_language(translation.get_language())

    portal_texts = SimpleLazyObject(texts)
    return {
        "portal_texts": portal_texts,
        "PORTAL_NAME": SimpleLazyObject(lambda: portal_texts["portal_name"] or settings.WAGTAIL_SITE_NAME),
    }
