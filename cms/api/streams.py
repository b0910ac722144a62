"""The API representation of a page's StreamFields, remembered per content generation (``cms.core.cache``).

Converting a body (its blocks, rich text with link rewriting, images, statistics) was half of an uncached page
listing's work, and the same for every request until something is published. A listing therefore remembers
each body's representation under the content generation, so it lives no longer than the content it shows: any
publication, unpublication, restriction, move or media change starts a new generation in every process, and
content that expires starts one when it does (``live_generation``). The same event is what the publication
rule (``cms.core.visibility``) reads its lists under, so a remembered body never shows a link, an image or a
statistic that the rule would now hide.

The name also holds what else the representation depends on: the page and its live revision, the field, the
request's origin (the public base URL and the site, hence absolute and relative URLs), the active language and
every query parameter but the page window (``limit``, ``offset``), which covers the representation options
(``rich_text``, ``rich_text_format``, ``image_widths``, ``image_format``) and ``?site=``.

The listing reads all its bodies at once before prefetching (``recall``): a remembered body is neither walked
for its references nor converted, so the objects only it links to are not fetched either.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.utils import translation

from cms.core import cache

MEMO_KEY = "remembered-streams"
# The page window: which pages are listed, not how each is represented.
_WINDOW_PARAMETERS = frozenset({"limit", "offset"})


class RememberedStreams:
    """The StreamField representations of one response: those found remembered, and where to keep new ones."""

    def __init__(self, request):
        query = sorted(
            (name, value) for name, values in request.GET.lists() if name not in _WINDOW_PARAMETERS for value in values
        )
        self.variant = "|".join(
            (
                request.build_absolute_uri("/"),
                request._get_raw_host(),
                getattr(settings, "PORTAL_PUBLIC_BASE_URL", "") or "",
                translation.get_language() or "",
                urlencode(query),
            )
        )
        self.generation: float | None = None
        self.found: dict[tuple, object] = {}
        self.pending: dict[str, object] = {}

    def _name(self, page, attname: str) -> str:
        published = page.last_published_at.isoformat() if page.last_published_at else ""
        return f"api-stream:{page.pk}:{page.live_revision_id}:{published}:{attname}:{self.variant}"

    def recall(self, pages, attnames_of) -> None:
        """Read the remembered representations of ``pages``' StreamFields (``attnames_of(page)``), in one read."""
        names = {self._name(page, attname): (page.pk, attname) for page in pages for attname in attnames_of(page)}
        if not names:
            return
        self.generation, found = cache.recall(names)
        self.found.update({names[name]: value for name, value in found.items()})

    def knows(self, page, attname: str) -> bool:
        return (page.pk, attname) in self.found

    def get(self, page, attname: str):
        return self.found[(page.pk, attname)]

    def keep(self, page, attname: str, representation) -> None:
        """Remember a representation just computed (stored at ``flush``, all at once)."""
        if self.generation is None:
            return  # not recalled for this response: nothing says under which generation it was computed
        self.pending[self._name(page, attname)] = representation
        self.found[(page.pk, attname)] = representation

    def flush(self) -> None:
        if self.pending:
            cache.keep(self.generation, self.pending)
            self.pending = {}


def active(store):
    """The response's remembered representations, if its view asked for them (``store.memo[MEMO_KEY]``)."""
    return store.memo.get(MEMO_KEY) if store is not None else None
