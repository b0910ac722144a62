"""Keeps ``SearchEntry`` rows for exactly the live, public, unexpired pages that declare a search document."""

from collections import Counter

from django.db import connection, transaction
from wagtail.models import Page

from cms.core import page_types, visibility
from search import documents, lexicon, text, vocabulary
from search.models import SearchEntry, SearchWord

CHUNK_SIZE = 500


def searchable_pages(model):
    """Pages anyone may read (``cms.core.visibility``), aliases left out: they repeat their original's text."""
    return visibility.searchable_pages(model)


def _joined(parts) -> str:
    return "\n".join(str(part) for part in parts if part)


def build_entry(page) -> SearchEntry:
    """An unsaved index row for a specific page whose model declares ``search_document()``."""
    document = page.search_document()
    body = _joined(document.body)
    return SearchEntry(
        page_id=page.pk,
        locale_id=page.locale_id,
        page_type=page_types.label(type(page)),
        path=page.path,
        title=document.title,
        title_exact=text.padded(text.words(text.exact(document.title))),
        title_folded=text.padded(text.folded_words(document.title)),
        keywords_folded=text.padded(text.folded_words(_joined(document.keywords))),
        body=body,
        body_folded=text.padded(text.folded_words(body)),
        date=document.date,
        number=document.number,
        number_key=text.number_key(document.number),
        document_type=document.document_type,
        issuing_agency=document.agency,
        field=document.field,
        expire_at=page.expire_at,
    )


def _entry_words(entry: SearchEntry) -> set[str]:
    return {word for word in f"{entry.title_folded} {entry.body_folded}".split() if vocabulary.is_word(word)}


def sync_pages(page_ids, progress=None) -> int:
    """Re-read the given pages from the database and index or drop each; returns rows written.

    ``progress`` (cms.operations.progress.Progress) is told of each chunk of pages read.
    """
    page_ids = list(page_ids)
    written = 0
    models = documents.indexed_models()
    with visibility.fresh():
        for offset in range(0, len(page_ids), CHUNK_SIZE):
            chunk = page_ids[offset : offset + CHUNK_SIZE]
            written += _sync_chunk(chunk, models)
            if progress is not None:
                progress.update(len(chunk))
    return written


def _sync_chunk(chunk, models) -> int:
    entries = [build_entry(page) for model in models for page in searchable_pages(model).filter(pk__in=chunk)]
    with transaction.atomic():
        SearchEntry.objects.filter(page_id__in=chunk).delete()
        SearchEntry.objects.bulk_create(entries)
        # New words join the vocabulary; counts are exact only after a rebuild (they only rank suggestions).
        new_words = set().union(*(_entry_words(entry) for entry in entries))
        if new_words:
            SearchWord.objects.bulk_create(
                [SearchWord(word=word) for word in sorted(new_words)], ignore_conflicts=True, batch_size=1000
            )
            lexicon.words_added(new_words)
    return len(entries)


def sync_subtree(page: Page) -> int:
    """Re-index a page and everything below it (after a move or a privacy change)."""
    ids = (
        Page.objects.descendant_of(page, inclusive=True).type(*documents.indexed_models()).values_list("pk", flat=True)
    )
    return sync_pages(ids)


def rebuild_vocabulary() -> int:
    """The vocabulary from the index rows, with how many rows hold each word; returns its size."""
    counts = Counter()
    rows = SearchEntry.objects.values_list("title_folded", "body_folded").iterator(chunk_size=2000)
    for title, body in rows:
        counts.update({word for word in f"{title} {body}".split() if vocabulary.is_word(word)})
    with transaction.atomic():
        SearchWord.objects.all().delete()
        SearchWord.objects.bulk_create(
            (SearchWord(word=word, frequency=count) for word, count in counts.items()), batch_size=2000
        )
    lexicon.changed()
    return len(counts)


def rebuild(progress=None) -> int:
    """Drop every row and index all searchable pages again, then rebuild the vocabulary.

    ``progress`` as for ``sync_pages``.
    """
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        models = documents.indexed_models()
        ids = [pk for model in models for pk in searchable_pages(model).values_list("pk", flat=True)]
        if progress is not None:
            progress.total = len(ids)
        written = sync_pages(ids, progress)
        rebuild_vocabulary()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE portal_search_searchentry")  # fresh planner statistics after the reload
    return written
