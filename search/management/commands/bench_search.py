"""Search latency at scale on PostgreSQL, without leaving anything behind.

Inside one transaction that is always rolled back: foreign-key triggers are switched off
(``session_replication_role = replica``, needs a superuser), ``--rows`` synthetic index rows are
copied in from the words of the existing index, and each query is timed as the search page runs it
(the first page of ten with the total, one query). Use a throwaway database.

``--keep`` commits the rows instead and vacuums them before measuring: rows written by the transaction that
reads them are never all-visible, so an index-only scan (migration 0007) must visit the table for each of
them and only committed, vacuumed rows show what it costs. Later runs measure them with ``--rows 0``.
"""

import os
import random
import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from wagtail.models import Locale

from search import lexicon, text
from search import query as search_query
from search.evaluation.judged import JUDGED
from search.models import SearchEntry, SearchWord

QUERIES = [
    "Mộc Châu",
    "moc chau",
    "so ket",
    "don vi",
    "1234/QD-UBND",
    "1234",
    "thien tai mua bao",
    "zzzz",
    # Typos, joined words and abbreviations.
    "moc cahu",
    "mocchau",
    "ubnd",
    "uy ban nhan dan quyet dinh 1234",
    "so ket dan chu co so",
    "phong chnog thien tai",
    "moc chua dan chu",
]
# Extra made-up words in the vocabulary, so typo look-ups scan a vocabulary of a large portal's size.
EXTRA_WORDS = 40_000
COLUMNS = [
    "page_id",
    "locale_id",
    "page_type",
    "path",
    "title",
    "title_exact",
    "title_folded",
    "keywords_folded",
    "body",
    "body_folded",
    "date",
    "number",
    "number_key",
    "document_type",
    "issuing_agency",
    "field",
]


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Time Vietnamese search over N synthetic index rows (PostgreSQL only; rolled back afterwards)."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=100_000)
        parser.add_argument("--repeat", type=int, default=5)
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument(
            "--judged",
            action="store_true",
            help="time the judged queries (search/evaluation/judged.py) instead of the built-in list; "
            "with --rows 0 on a database seeded with seed_content --index, the real index is measured",
        )
        parser.add_argument(
            "--keep",
            action="store_true",
            help="commit the synthetic rows (throwaway database only) and vacuum them before measuring",
        )

    def handle(self, *args, rows, repeat, seed, judged, keep, **options):
        if connection.vendor != "postgresql":
            raise CommandError("The benchmark needs PostgreSQL.")
        vocabulary = []
        if rows:  # the synthetic rows are made of the index's own words
            bodies = SearchEntry.objects.values_list("body", flat=True)
            vocabulary = sorted({word for body in bodies for word in body.split()})
        if rows and len(vocabulary) < 50:
            raise CommandError("Load the demo content first (manage.py load_demo_content): it supplies the words.")
        locale = Locale.get_default()
        queries = [query for query, _grades in JUDGED] if judged else QUERIES
        if keep:
            with transaction.atomic():
                self.fill(rows, vocabulary, locale, random.Random(seed))  # noqa: S311
            self.vacuum()
            self.measure(locale, repeat, queries)
            return
        try:
            with transaction.atomic():
                self.fill(rows, vocabulary, locale, random.Random(seed))  # noqa: S311
                self.measure(locale, repeat, queries)
                raise Rollback
        except Rollback:
            # Rolled-back rows stay as dead tuples (and would slow the next run) until vacuumed.
            lexicon.changed()
            self.vacuum()
            self.stdout.write("Rolled back and vacuumed; the database is unchanged.")

    def vacuum(self):
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE portal_search_searchentry")

    def fill(self, rows, vocabulary, locale, rng):
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL session_replication_role = replica")
            base_id = 10_000_000
            with cursor.cursor.copy(f"COPY portal_search_searchentry ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                for number in range(rows):
                    copy.write_row(self.row(base_id + number, number, vocabulary, locale, rng))
            cursor.execute("ANALYZE portal_search_searchentry")
        if rows:  # --rows 0 measures the index and vocabulary as they are
            letters = "abcdeghiklmnopqrstuvxy"
            extra = {"".join(rng.choices(letters, k=rng.randint(3, 10))) for _ in range(EXTRA_WORDS)}
            SearchWord.objects.bulk_create([SearchWord(word=word) for word in extra], ignore_conflicts=True)
            lexicon.changed()
        self.stdout.write(
            f"Inserted {rows} rows in {time.perf_counter() - started:.1f} s; "
            f"vocabulary {SearchWord.objects.count()} words"
        )

    def row(self, page_id, number, vocabulary, locale, rng):
        title_words = rng.choices(vocabulary, k=rng.randint(6, 12))
        if number % 5 == 0:
            title_words[:0] = ["Mộc", "Châu"]
        title = " ".join(title_words)[:255]
        body = " ".join(rng.choices(vocabulary, k=rng.randint(80, 200)))
        is_directive = number % 3 == 0
        directive_number = f"{number}/QĐ-UBND" if is_directive else ""
        agency = "UBND huyện Mộc Châu" if is_directive else ""
        return (
            page_id,
            locale.pk,
            "directive" if is_directive else "news",
            f"0001{number:012d}",
            title,
            text.padded(text.words(text.exact(title))),
            text.padded(text.folded_words(title)),
            text.padded(text.folded_words(f"{directive_number} {agency}")),
            body,
            text.padded(text.folded_words(body)),
            f"{2000 + number % 26}-{1 + number % 12:02d}-{1 + number % 28:02d}",
            directive_number,
            text.number_key(directive_number),
            "quyet-dinh" if is_directive else "",
            agency,
            "hanh-chinh" if is_directive else "kinh-te",
        )

    def measure(self, locale, repeat, queries):
        """Each query as the page runs it: the tolerant search (second pass and suggestion check included),
        the first page of ten with the total, and the facets."""
        lexicon.vocabulary()  # loaded once per process, as in a server
        self.stdout.write(f"{'query':<34}{'hits':>8}{'median ms':>12}{'max ms':>10}  suggestion")
        medians = []
        self.stdout.write(f"load average {os.getloadavg()[0]:.1f}; {SearchEntry.objects.count()} index rows")
        for q in queries:
            timings = []
            for _ in range(repeat):
                started = time.perf_counter()
                outcome = search_query.run(q, locale)
                outcome.entries(0, 10)
                outcome.facets()
                timings.append((time.perf_counter() - started) * 1000)
            total = outcome.total
            hits = f"{total.count}{'+' if total.capped else ''}"
            medians.append(statistics.median(timings))
            self.stdout.write(f"{q:<34}{hits:>8}{medians[-1]:>12.1f}{max(timings):>10.1f}  {outcome.suggestion or ''}")
        self.stdout.write(f"{'p50 over the queries':<34}{'':>8}{statistics.median(medians):>12.1f}")
        p95 = statistics.quantiles(medians, n=20, method="inclusive")[-1] if len(medians) > 1 else medians[0]
        self.stdout.write(f"{'p95 over the queries':<34}{'':>8}{p95:>12.1f}")
        self.stdout.write(f"load average {os.getloadavg()[0]:.1f}")
        started = time.perf_counter()
        suggestions = list(search_query.suggest("moc ch", locale))
        elapsed = (time.perf_counter() - started) * 1000
        self.stdout.write(f"{'suggest moc ch':<22}{len(suggestions):>8}{elapsed:>12.1f}")
        plan = search_query.search("moc chau", locale)[:10].explain(analyze=True, buffers=True)
        self.stdout.write(f"-- first page of 'moc chau'\n{plan}")
