"""JSON shapes shared by blocks and serializers: images, documents, page links, rich text.

URLs are absolute on the public base URL inside ``cms.core.public_urls.absolute_urls`` (API responses),
relative elsewhere. Links inside rich text HTML stay relative: they are the site's paths, which a front end
maps onto its own routes (``find/?html_path=`` resolves them).
"""

import dataclasses
import logging
from contextlib import contextmanager
from contextvars import ContextVar

from PIL import features
from wagtail.images.models import SourceImageIOError
from wagtail.rich_text import expand_db_html

from cms.core.page_urls import page_url
from cms.core.public_urls import absolute
from cms.core.renditions import filter_for
from cms.core.store import active_store

# Renditions every API image carries: name -> Wagtail filter spec.
# The allowlist of renditions the API serves: every image gets these and no others (no request parameter
# ever makes a rendition, so the disk holds at most three per image). "thumbnail" is cropped around the
# image's focal point; the "max-" ones keep the original's proportions and make up ``srcset``.
RENDITIONS = {"thumbnail": "fill-320x200", "medium": "max-800x600", "large": "max-1600x1200"}
SRCSET_RENDITIONS = ("medium", "large")
# Renditions a client may ask for by width and format (``?image_widths=&image_format=`` in the API): a bounded
# allowlist, so whatever is asked an image gets at most len(VARIANT_WIDTHS) × len(VARIANT_FORMATS) more
# renditions. "width-" never enlarges: an original narrower than a width gives a rendition of its own size.
VARIANT_WIDTHS = (320, 640, 960, 1280, 1920)
# AVIF only where this Pillow can write it (checked once, at start-up).
VARIANT_FORMATS = ("jpeg", "webp", "avif") if features.check("avif") else ("jpeg", "webp")
DEFAULT_VARIANT_FORMAT = "webp"


@dataclasses.dataclass(frozen=True)
class Options:
    """What the response being built asks of representations (set by the API from its query parameters)."""

    variant_format: str | None = None  # one of VARIANT_FORMATS, when variants are asked for
    variant_widths: tuple[int, ...] = ()  # a subset of VARIANT_WIDTHS
    rich_text: str = "html"  # "html" or "tree" (cms.core.rich_text_tree)


DEFAULT_OPTIONS = Options()
_options: ContextVar[Options | None] = ContextVar("representation_options", default=None)


@contextmanager
def use_options(options: Options):
    token = _options.set(options)
    try:
        yield
    finally:
        _options.reset(token)


def active_options() -> Options:
    return _options.get() or DEFAULT_OPTIONS


def variant_specs() -> list[str]:
    """The Wagtail filter specs of the variants the response asks for (none unless asked)."""
    options = active_options()
    if not options.variant_format:
        return []
    return [f"width-{width}|format-{options.variant_format}" for width in options.variant_widths]


def api_rendition_specs() -> list[str]:
    """Every rendition an image representation of this response reads: to prefetch them in one query."""
    return [*RENDITIONS.values(), *variant_specs()]


logger = logging.getLogger(__name__)


def image_representation(image, alt: str = "") -> dict | None:
    """The image with its renditions; None, like a deleted image, when its original file has gone missing
    and a rendition cannot be made (one lost file must not turn a whole listing into a 500)."""
    if image is None:
        return None
    # A listing shows the same images many times (a hero image that is also in the body, a portal's few photos):
    # each is represented once per response, with its renditions' URLs.
    store = active_store()
    if store is None:
        return _image_representation(image, alt)
    key = ("image-representation", image.pk, alt, active_options())
    if key not in store.memo:
        store.memo[key] = _image_representation(image, alt)
    representation = store.memo[key]
    return None if representation is None else dict(representation)


def _image_representation(image, alt: str) -> dict | None:
    variants = variant_specs()
    try:
        renditions = image.get_renditions(*(filter_for(spec) for spec in (*RENDITIONS.values(), *variants)))
    except SourceImageIOError:
        logger.warning("Image %s: original file %s is missing; left out of the API", image.pk, image.file.name)
        return None
    served = {name: _rendition(renditions[spec]) for name, spec in RENDITIONS.items()}
    representation = {
        "id": image.pk,
        "title": image.title,
        "alt": alt or image.default_alt_text or "",
        "width": image.width,
        "height": image.height,
        "focal_point": focal_point(image),
        "renditions": served,
        "srcset": srcset(served),
    }
    if variants:
        variant_format = active_options().variant_format
        sized = {}  # by width: "width-1280" and "width-1920" of a 1000-pixel original are the same size
        for spec in variants:
            sized.setdefault(renditions[spec].width, {**_rendition(renditions[spec]), "format": variant_format})
        representation["variants"] = list(sized.values())
        representation["variants_srcset"] = ", ".join(f"{item['url']} {item['width']}w" for item in sized.values())
    return representation


def _rendition(rendition) -> dict:
    return {"url": absolute(rendition.url), "width": rendition.width, "height": rendition.height}


def focal_point(image) -> dict | None:
    """The editor's focal point in the original's pixels (centre x, y and the box's size), or None."""
    if image.focal_point_x is None or image.focal_point_y is None:
        return None
    return {
        "x": image.focal_point_x,
        "y": image.focal_point_y,
        "width": image.focal_point_width or 0,
        "height": image.focal_point_height or 0,
    }


def srcset(renditions: dict) -> str:
    """``srcset`` for an ``<img>``: the uncropped renditions by width, each width once (a small original
    makes them all the same size)."""
    seen, candidates = set(), []
    for name in SRCSET_RENDITIONS:
        rendition = renditions[name]
        if rendition["width"] not in seen:
            seen.add(rendition["width"])
            candidates.append(f"{rendition['url']} {rendition['width']}w")
    return ", ".join(candidates)


def document_representation(document, title: str = "") -> dict | None:
    if document is None:
        return None
    return {
        "id": document.pk,
        "title": title or document.title,
        "url": absolute(document_url(document)),
        "size": document.file_size if document.file_size is not None else _stored_size(document),
        "file_type": document.file_extension.lower(),
    }


def document_url(document) -> str:
    """``document.url`` (Wagtail reverses its serving view each time), once per document and response."""
    store = active_store()
    if store is None:
        return document.url
    key = ("document-url", document.pk)
    if key not in store.memo:
        store.memo[key] = document.url
    return store.memo[key]


def page_link_representation(page, request=None) -> dict | None:
    if page is None:
        return None
    specific_class = page.specific_class
    return {
        "id": page.pk,
        "title": page.title,
        "url": absolute(page_url(page, request)),
        "type": specific_class._meta.label if specific_class else None,
    }


def rich_text_html(source: str) -> str:
    """Stored rich text with page and document links rewritten to public URLs."""
    return expand_db_html(source or "")


def embed_representation(url: str) -> dict:
    """The URL, plus the provider's HTML when it is already cached (never fetched during a request)."""
    from wagtail.embeds.models import Embed

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
