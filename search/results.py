"""Turns ranked ``SearchEntry`` rows into what the page and the API show."""

from dataclasses import dataclass, field

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
    # The same highlights for clients that render text themselves: offsets of the matches (code points)
    title_matches: list[tuple] = field(default_factory=list)
    snippet_text: str = ""
    snippet_matches: list[tuple] = field(default_factory=list)


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
        title, title_matches = text.highlight_parts(entry.title, words, length=len(entry.title) + 1)
        snippet, snippet_matches = text.highlight_parts(entry.body, words)
        results.append(
            SearchResult(
                entry=entry,
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
