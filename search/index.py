"""Keeps ``SearchEntry`` rows for exactly the live, public, unexpired news and directives."""

from django.db import connection, transaction
from wagtail.models import Page

from news.models import DirectivePage, NewsPage
from search import text
from search.models import PageType, SearchEntry

INDEXED_MODELS = {NewsPage: PageType.NEWS, DirectivePage: PageType.DIRECTIVE}
CHUNK_SIZE = 500


def searchable_pages(model):
    """Pages anyone may read: live, not expired, no view restriction on them or an ancestor, not an alias."""
    return model.objects.live().public().filter(expired=False, alias_of__isnull=True)


def _stream_text(stream) -> list[str]:
    return [str(chunk) for chunk in stream.stream_block.get_searchable_content(stream) if chunk]


def build_entry(page) -> SearchEntry:
    """An unsaved index row for a specific NewsPage or DirectivePage."""
    if isinstance(page, DirectivePage):
        page_type = PageType.DIRECTIVE
        date = page.issue_date
        parts = [page.number, page.summary, page.issuing_agency, page.signer_name, *_stream_text(page.body)]
        number, document_type, agency = page.number, page.document_type, page.issuing_agency
    else:
        page_type = PageType.NEWS
        date = page.date
        parts = [page.lead, *_stream_text(page.body), page.hero_caption, page.author]
        number = document_type = agency = ""
    body = "\n".join(part for part in parts if part)
    return SearchEntry(
        page_id=page.pk,
        locale_id=page.locale_id,
        page_type=page_type,
        title=page.title,
        title_exact=text.padded(text.words(text.exact(page.title))),
        title_folded=text.padded(text.folded_words(page.title)),
        body=body,
        body_folded=text.padded(text.folded_words(body)),
        date=date,
        number=number,
        number_key=text.number_key(number),
        document_type=document_type,
        issuing_agency=agency,
        expire_at=page.expire_at,
    )


def sync_pages(page_ids) -> int:
    """Re-read the given pages from the database and index or drop each; returns rows written."""
    page_ids = list(page_ids)
    written = 0
    for offset in range(0, len(page_ids), CHUNK_SIZE):
        chunk = page_ids[offset : offset + CHUNK_SIZE]
        entries = [
            build_entry(page) for model in INDEXED_MODELS for page in searchable_pages(model).filter(pk__in=chunk)
        ]
        with transaction.atomic():
            SearchEntry.objects.filter(page_id__in=chunk).delete()
            SearchEntry.objects.bulk_create(entries)
        written += len(entries)
    return written


def sync_subtree(page: Page) -> int:
    """Re-index a page and everything below it (after a move or a privacy change)."""
    ids = Page.objects.descendant_of(page, inclusive=True).type(*INDEXED_MODELS).values_list("pk", flat=True)
    return sync_pages(ids)


def rebuild() -> int:
    """Drop every row and index all searchable pages again."""
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        written = 0
        for model in INDEXED_MODELS:
            ids = searchable_pages(model).values_list("pk", flat=True)
            written += sync_pages(ids)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE portal_search_searchentry")  # fresh planner statistics after the reload
    return written
