"""Image renditions of a public page, read from the renditions cache in one round trip and never written back.

Wagtail's ``{% image %}`` reads each rendition from the cache (``find_existing_renditions``) and then writes it
back (``AbstractImage.get_rendition`` sets the cache key every time): two Redis round trips per image, 14 on a
province home. A view that knows its images calls ``prepare()`` once; ``{% rendition %}`` (portal_tags) then
reads what was found and leaves Wagtail to find or make, and cache, only the renditions that were not.
"""

import functools

from wagtail.images.models import Filter
from wagtail.images.shortcuts import get_rendition_or_not_found

# The filter spec of an article's image in the shared news card (cms/templates/cms/includes/news_card.html).
NEWS_CARD = "fill-320x200|format-webp"

# Where an image instance keeps the renditions prepared for it, by filter spec.
_PREPARED = "_portal_prepared_renditions"


@functools.cache
def filter_for(spec: str) -> Filter:
    """One ``Filter`` per spec for the process: Wagtail parses a spec's operations once per ``Filter`` object,
    and a listing asks for the same few specs hundreds of times."""
    return Filter(spec=spec)


def _cache_key(image, spec: str) -> str:
    # Wagtail's own key (``AbstractRendition.get_cache_key``): the focal point's key and the spec.
    filter = filter_for(spec)
    return image.get_rendition_model().construct_cache_key(image, filter.get_cache_key(image), filter.spec)


def prepare(pairs) -> None:
    """Read the renditions of ``(image, spec)`` pairs (``spec`` as ``"fill-320x200|format-webp"``; ``image`` may be
    None) from the renditions cache in one read; each image keeps those found for ``rendition()``."""
    wanted: dict[str, list] = {}
    for image, spec in pairs:
        if image is not None:
            wanted.setdefault(_cache_key(image, spec), []).append((image, spec))
    if not wanted:
        return
    first_image = next(iter(wanted.values()))[0][0]
    found = first_image.get_rendition_model().cache_backend.get_many(list(wanted))
    for key, cached in found.items():
        for image, spec in wanted[key]:
            cached.image = image  # as Wagtail does: the rendition belongs to this instance
            image.__dict__.setdefault(_PREPARED, {})[spec] = cached


def rendition(image, spec: str):
    """The rendition of ``image`` for ``spec``: the prepared one, else Wagtail's (found or made, then cached)."""
    prepared = image.__dict__.get(_PREPARED, {}).get(spec)
    if prepared is not None:
        return prepared
    return get_rendition_or_not_found(image, spec)
