"""Keeps ``SearchEntry`` rows for exactly the live, public, unexpired pages that declare a search document."""

from collections import Counter, defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from wagtail.models import Page

from cms.api.prefetch import ObjectStore, collect_references
from cms.core import page_types, visibility
from cms.core.cache import renew
from cms.core.store import use_store
from search import documents, lexicon, text, vocabulary
from search.models import SearchEntry, SearchWord

BATCH_SIZE = 500
# What an index row is rewritten with: every column the index writes but the key.
_FIELDS = [field for field in SearchEntry._meta.concrete_fields if not field.primary_key and field.editable]


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
    words = set(entry.title_folded.split())
    words.update(entry.body_folded.split())
    return {word for word in words if vocabulary.is_word(word)}


def _with_relations(queryset):
    """The specific pages of one type with what their ``search_document()`` reads from other tables (the type's
    ``search_prefetch_related``): one query per relation for a whole batch, not one per page."""
    related = getattr(queryset.model, "search_prefetch_related", ())
    return queryset.prefetch_related(*related) if related else queryset


def _build_entries(pages) -> list[SearchEntry]:
    """Index rows for a batch of specific pages. What their StreamFields reference (images, documents, pages,
    snippets) is fetched once for the batch into an object store (``cms.api.prefetch``), where the blocks read it
    instead of querying page by page."""
    if not pages:
        return []
    with use_store(ObjectStore()) as store:
        store.fetch(collect_references(pages, blocks_only=True))
        return [build_entry(page) for page in pages]


def _searchable_among(page_ids, models) -> list:
    """The specific pages among ``page_ids`` that may be indexed, by the publication rule
    (``visibility.searchable_pages``): one query for their types, then one per type present (plus its relations)."""
    by_type = defaultdict(list)
    for pk, content_type_id in Page.objects.filter(pk__in=page_ids).values_list("pk", "content_type_id"):
        by_type[content_type_id].append(pk)
    pages = []
    for model in models:
        ids = by_type.get(ContentType.objects.get_for_model(model).pk)
        if ids:
            pages += _with_relations(searchable_pages(model).filter(pk__in=ids))
    return pages


def sync_pages(page_ids, progress=None) -> int:
    """Re-read the given pages from the database and index or drop each; returns rows written.

    Pages go in batches of ``BATCH_SIZE``, each in its own transaction, with the publication rule's lists read once
    per batch: the cost in queries depends on the page types present, not on the number of pages.
    ``progress`` (cms.operations.progress.Progress) is told of each batch of pages read.
    """
    page_ids = list(page_ids)
    written = 0
    models = documents.indexed_models()
    for offset in range(0, len(page_ids), BATCH_SIZE):
        batch = page_ids[offset : offset + BATCH_SIZE]
        with visibility.fresh():
            entries = _build_entries(_searchable_among(batch, models))
        written += _write(batch, entries)
        if progress is not None:
            progress.update(len(batch))
    return written


def _write(page_ids, entries, *, add_words: bool = True) -> int:
    """Make the rows of ``page_ids`` be ``entries`` in one transaction (a reader sees either the old rows or the
    new ones); returns the number of entries. Rows already as built are left alone: re-indexing unchanged pages
    writes nothing (no trigger, index or WAL work on PostgreSQL, no dead rows)."""
    gone = set(page_ids) - {entry.page_id for entry in entries}
    with transaction.atomic():
        if gone:
            SearchEntry.objects.filter(page_id__in=gone).delete()
        stored = {
            row[0]: row[1:]
            for row in SearchEntry.objects.filter(page_id__in=[entry.page_id for entry in entries]).values_list(
                "page_id", *(field.attname for field in _FIELDS)
            )
        }
        changed = [
            entry
            for entry in entries
            if stored.get(entry.page_id) != tuple(getattr(entry, field.attname) for field in _FIELDS)
        ]
        SearchEntry.objects.bulk_create(
            changed,
            batch_size=BATCH_SIZE,
            update_conflicts=True,
            unique_fields=["page"],
            update_fields=[field.name for field in _FIELDS],
        )
        if gone or changed:
            # Searches are remembered per content generation (search.query.run): a new one for the new rows.
            renew()
        if add_words:
            # New words join the vocabulary; counts are exact only after a rebuild (they only rank suggestions).
            new_words = set().union(*(_entry_words(entry) for entry in changed))
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


def _replace_vocabulary(counts: Counter) -> int:
    with transaction.atomic():
        SearchWord.objects.all().delete()
        SearchWord.objects.bulk_create(
            (SearchWord(word=word, frequency=count) for word, count in counts.items()), batch_size=2000
        )
    lexicon.changed()
    return len(counts)


def rebuild_vocabulary() -> int:
    """The vocabulary from the index rows, with how many rows hold each word; returns its size."""
    counts = Counter()
    rows = SearchEntry.objects.values_list("title_folded", "body_folded").iterator(chunk_size=2000)
    for title, body in rows:
        counts.update({word for word in f"{title} {body}".split() if vocabulary.is_word(word)})
    return _replace_vocabulary(counts)


def rebuild(progress=None) -> int:
    """Index every searchable page again, batch by batch, then drop rows of pages no longer searchable and
    rebuild the vocabulary (counted as the rows are built).

    Never one long transaction, and never an empty index: each batch replaces its pages' rows in a transaction
    of its own, so a search during a rebuild sees every page, each either as it was or as it is now. Pages
    published meanwhile are indexed by their signals; the rows dropped at the end are chosen by the publication
    rule at that moment. ``progress`` as for ``sync_pages``.
    """
    models = documents.indexed_models()
    if progress is not None:
        progress.total = sum(searchable_pages(model).count() for model in models)
    written, counts = 0, Counter()
    for model in models:
        last = 0
        while True:
            with visibility.fresh():
                batch = list(_with_relations(searchable_pages(model).filter(pk__gt=last).order_by("pk")[:BATCH_SIZE]))
                entries = _build_entries(batch)
            if not batch:
                break
            last = batch[-1].pk
            for entry in entries:
                counts.update(_entry_words(entry))
            written += _write([page.pk for page in batch], entries, add_words=False)
            if progress is not None:
                progress.update(len(batch))
    with visibility.fresh(), transaction.atomic():
        kept = searchable_pages(Page).filter(content_type__in=ContentType.objects.get_for_models(*models).values())
        if SearchEntry.objects.exclude(page_id__in=kept.values("pk")).delete()[0]:
            renew()
    _replace_vocabulary(counts)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE portal_search_searchentry")  # fresh planner statistics after the reload
    return written
