"""Turns ranked ``SearchEntry`` rows into what the page and the API show."""

from dataclasses import dataclass, field

from django.utils.safestring import SafeString
from wagtail.models import Page

from cms.core import visibility
from cms.core.sites import in_portal, portal_trees
from search import documents, text
from search.models import SearchEntry
from search.query import current_portal


@dataclass
class SearchResult:
    entry: SearchEntry
    # The page the result links to: the entry's, or this portal's alias of it (``aliases_here``).
    page_id: int
    url: str | None
    title_html: SafeString
    snippet_html: SafeString
    type_label: str
    # The same highlights for clients that render text themselves: offsets of the matches (code points)
    title_matches: list[tuple] = field(default_factory=list)
    snippet_text: str = ""
    snippet_matches: list[tuple] = field(default_factory=list)


def present(entries, query: str, request=None, words: list[str] | None = None, site=None) -> list[SearchResult]:
    """Results with URL, highlighted title and snippet; one query for the pages whatever the count.

    ``words`` are the folded words to mark (the query's, plus corrections and expansions when planned); ``site``
    is the portal searched when the request names one (the API's ``?site=``), else the request's.
    """
    entries = list(entries)
    words = words if words is not None else text.folded_words(query)
    pages = Page.objects.filter(pk__in=[entry.page_id for entry in entries]).in_bulk()
    pages.update(aliases_here(pages.values(), request, site))
    labels = documents.type_labels()
    results = []
    for entry in entries:
        page = pages.get(entry.page_id)
        title, title_matches = text.highlight_parts(entry.title, words, length=len(entry.title) + 1)
        snippet, snippet_matches = text.highlight_parts(entry.body, words)
        results.append(
            SearchResult(
                entry=entry,
                page_id=page.pk if page else entry.page_id,
                url=page.get_url(request) if page else None,
                title_html=text.marked_html(title, title_matches),
                snippet_html=text.marked_html(snippet, snippet_matches),
                type_label=str(labels.get(entry.page_type, entry.page_type)),
                title_matches=title_matches,
                snippet_text=snippet,
                snippet_matches=snippet_matches,
            )
        )
    return results


def aliases_here(pages, request, site=None) -> dict[int, Page]:
    """This portal's aliases of result pages that belong to another portal, by the original's id: a province
    directive found on a commune's host links to its page in the commune's register (cms.portals.directives),
    as the register does, so the citizen stays on the commune's portal (that page names the province's as
    canonical). One query, and none when every result is the portal's own."""
    if site is None and request is not None:
        site = current_portal(request)
    homes = portal_trees().get(site.pk, ()) if site is not None else ()
    foreign = [page.pk for page in pages if homes and not page.path.startswith(homes)]
    if not foreign:
        return {}
    aliases = visibility.visible_pages(queryset=in_portal(Page.objects.filter(alias_of_id__in=foreign), homes))
    return {alias.alias_of_id: alias for alias in aliases.order_by("path")}
