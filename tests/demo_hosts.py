"""The demo's portals in tests (cms/demo/loader.py): the province of Sơn La on the default site (any host that
names no other portal: ``testserver``, ``localhost``) and the former Mộc Châu district's content (the seed
article, slides, statistics, organisation, gallery, questions…) on the "Phường Mộc Châu" portal, ``MOC_CHAU``."""

from urllib.parse import urlsplit

MOC_CHAU = "mocchau.localhost"
PROVINCE_NAME = "Cổng thông tin điện tử tỉnh Sơn La"


def moc_chau_home(language: str = "vi"):
    """The Mộc Châu portal's home page in ``language``."""
    from wagtail.models import Locale, Site

    home = Site.objects.get(hostname=MOC_CHAU).root_page
    return home.get_translation(Locale.objects.get(language_code=language)).specific


def host_and_path(page) -> tuple[str, str]:
    """The host header and the path that reach ``page`` on its own portal (``localhost`` for the province's)."""
    _site_id, root_url, path = page.get_url_parts()
    return urlsplit(root_url).netloc, path


def get_page(client, page, **extra):
    """GET ``page`` on its own portal's host."""
    host, path = host_and_path(page)
    return client.get(path, HTTP_HOST=host, **extra)
