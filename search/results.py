"""Turns ranked ``SearchEntry`` rows into what the page and the API show."""

from dataclasses import dataclass

from django.utils.safestring import SafeString
from wagtail.models import Page

from search import text
from search.models import PageType, SearchEntry


@dataclass
class SearchResult:
    entry: SearchEntry
    url: str | None
    title_html: SafeString
    snippet_html: SafeString

    @property
    def type_label(self) -> str:
        return str(PageType(self.entry.page_type).label)


def present(entries, query: str, request=None) -> list[SearchResult]:
    """Results with URL, highlighted title and snippet; one query for the pages whatever the count."""
    entries = list(entries)
    words = text.folded_words(query)
    pages = Page.objects.filter(pk__in=[entry.page_id for entry in entries]).in_bulk()
    results = []
    for entry in entries:
        page = pages.get(entry.page_id)
        results.append(
            SearchResult(
                entry=entry,
                url=page.get_url(request) if page else None,
                title_html=text.highlight(entry.title, words, length=len(entry.title) + 1),
                snippet_html=text.highlight(entry.body, words),
            )
        )
    return results
