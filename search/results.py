"""Turns ranked ``SearchEntry`` rows into what the page and the API show."""

from dataclasses import dataclass

from django.utils.safestring import SafeString
from wagtail.models import Page

from search import documents, text
from search.models import SearchEntry


@dataclass
class SearchResult:
    entry: SearchEntry
    url: str | None
    title_html: SafeString
    snippet_html: SafeString
    type_label: str


def present(entries, query: str, request=None, words: list[str] | None = None) -> list[SearchResult]:
    """Results with URL, highlighted title and snippet; one query for the pages whatever the count.

    ``words`` are the folded words to mark (the query's, plus corrections and expansions when planned).
    """
    entries = list(entries)
    words = words if words is not None else text.folded_words(query)
    pages = Page.objects.filter(pk__in=[entry.page_id for entry in entries]).in_bulk()
    labels = documents.type_labels()
    results = []
    for entry in entries:
        page = pages.get(entry.page_id)
        results.append(
            SearchResult(
                entry=entry,
                url=page.get_url(request) if page else None,
                title_html=text.highlight(entry.title, words, length=len(entry.title) + 1),
                snippet_html=text.highlight(entry.body, words),
                type_label=str(labels.get(entry.page_type, entry.page_type)),
            )
        )
    return results
