"""JSON shapes shared by blocks and serializers: images, documents, page links, rich text."""

import logging

from wagtail.images.models import SourceImageIOError
from wagtail.rich_text import expand_db_html

from cms.api.prefetch import RENDITIONS

logger = logging.getLogger(__name__)


def image_representation(image, alt: str = "") -> dict | None:
    """The image with its renditions; None, like a deleted image, when its original file has gone missing
    and a rendition cannot be made (one lost file must not turn a whole listing into a 500)."""
    if image is None:
        return None
    try:
        renditions = image.get_renditions(*RENDITIONS.values())
    except SourceImageIOError:
        logger.warning("Image %s: original file %s is missing; left out of the API", image.pk, image.file.name)
        return None
    return {
        "id": image.pk,
        "title": image.title,
        "alt": alt or image.default_alt_text or "",
        "width": image.width,
        "height": image.height,
        "renditions": {
            name: {"url": renditions[spec].url, "width": renditions[spec].width, "height": renditions[spec].height}
            for name, spec in RENDITIONS.items()
        },
    }


def document_representation(document, title: str = "") -> dict | None:
    if document is None:
        return None
    return {
        "id": document.pk,
        "title": title or document.title,
        "url": document.url,
        "size": document.file_size if document.file_size is not None else _stored_size(document),
        "file_type": document.file_extension.lower(),
    }


def page_link_representation(page, request=None) -> dict | None:
    if page is None:
        return None
    specific_class = page.specific_class
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.get_url(request=request),
        "type": specific_class._meta.label if specific_class else None,
    }


def rich_text_html(source: str) -> str:
    """Stored rich text with page and document links rewritten to public URLs."""
    return expand_db_html(source or "")


def embed_representation(url: str) -> dict:
    """The URL, plus the provider's HTML when it is already cached (never fetched during a request)."""
    from wagtail.embeds.models import Embed

    from cms.api.prefetch import active_store

    store = active_store()
    if store is not None and url in store.fetched.get(Embed, ()):
        embed = store.objects.get(Embed, {}).get(url)
    else:
        embed = Embed.objects.filter(url=url).first() if url else None
    return {"url": url, "html": embed.html if embed else None}


def _stored_size(document) -> int | None:
    """Size from storage when Wagtail has not recorded it (no database write during a GET)."""
    try:
        return document.file.size
    except (OSError, ValueError):
        return None
