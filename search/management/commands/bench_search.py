"""Search latency at scale on PostgreSQL, without leaving anything behind.

Inside one transaction that is always rolled back: foreign-key triggers are switched off
(``session_replication_role = replica``, needs a superuser), ``--rows`` synthetic index rows are
copied in from the words of the existing index, and each query is timed as the search page runs it
(the first page of ten with the total, one query). Use a throwaway database.
"""

import random
import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from wagtail.models import Locale

from search import query as search_query
from search import text
from search.models import SearchEntry

QUERIES = ["Mộc Châu", "moc chau", "so ket", "don vi", "1234/QD-UBND", "1234", "thien tai mua bao", "zzzz"]
COLUMNS = [
    "page_id",
    "locale_id",
    "page_type",
    "title",
    "title_exact",
    "title_folded",
    "body",
    "body_folded",
    "date",
    "number",
    "number_key",
    "document_type",
    "issuing_agency",
]


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Time Vietnamese search over N synthetic index rows (PostgreSQL only; rolled back afterwards)."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=100_000)
        parser.add_argument("--repeat", type=int, default=5)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, rows, repeat, seed, **options):
        if connection.vendor != "postgresql":
            raise CommandError("The benchmark needs PostgreSQL.")
        bodies = SearchEntry.objects.values_list("body", flat=True)
        vocabulary = sorted({word for body in bodies for word in body.split()})
        if len(vocabulary) < 50:
            raise CommandError("Load the demo content first (manage.py load_demo_content): it supplies the words.")
        locale = Locale.get_default()
        try:
            with transaction.atomic():
                self.fill(rows, vocabulary, locale, random.Random(seed))  # noqa: S311
                self.measure(locale, repeat)
                raise Rollback
        except Rollback:
            # Rolled-back rows stay as dead tuples (and would slow the next run) until vacuumed.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE portal_search_searchentry")
            self.stdout.write("Rolled back and vacuumed; the database is unchanged.")

    def fill(self, rows, vocabulary, locale, rng):
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL session_replication_role = replica")
            base_id = 10_000_000
            with cursor.cursor.copy(f"COPY portal_search_searchentry ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                for number in range(rows):
                    copy.write_row(self.row(base_id + number, number, vocabulary, locale, rng))
            cursor.execute("ANALYZE portal_search_searchentry")
        self.stdout.write(f"Inserted {rows} rows in {time.perf_counter() - started:.1f} s")

    def row(self, page_id, number, vocabulary, locale, rng):
        title_words = rng.choices(vocabulary, k=rng.randint(6, 12))
        if number % 5 == 0:
            title_words[:0] = ["Mộc", "Châu"]
        title = " ".join(title_words)[:255]
        body = " ".join(rng.choices(vocabulary, k=rng.randint(80, 200)))
        is_directive = number % 3 == 0
        directive_number = f"{number}/QĐ-UBND" if is_directive else ""
        return (
            page_id,
            locale.pk,
            "directive" if is_directive else "news",
            title,
            text.padded(text.words(text.exact(title))),
            text.padded(text.folded_words(title)),
            body,
            text.padded(text.folded_words(body)),
            f"{2000 + number % 26}-{1 + number % 12:02d}-{1 + number % 28:02d}",
            directive_number,
            text.number_key(directive_number),
            "quyet-dinh" if is_directive else "",
            "UBND huyện Mộc Châu" if is_directive else "",
        )

    def measure(self, locale, repeat):
        self.stdout.write(f"{'query':<22}{'hits':>8}{'median ms':>12}{'max ms':>10}")
        for q in QUERIES:
            timings = []
            for _ in range(repeat):
                started = time.perf_counter()
                _rows, total = search_query.fetch(search_query.search(q, locale), 0, 10)
                timings.append((time.perf_counter() - started) * 1000)
            hits = f"{total.count}{'+' if total.capped else ''}"
            self.stdout.write(f"{q:<22}{hits:>8}{statistics.median(timings):>12.1f}{max(timings):>10.1f}")
        started = time.perf_counter()
        suggestions = list(search_query.suggest("moc ch", locale))
        elapsed = (time.perf_counter() - started) * 1000
        self.stdout.write(f"{'suggest moc ch':<22}{len(suggestions):>8}{elapsed:>12.1f}")
        plan = search_query.search("moc chau", locale)[:10].explain(analyze=True, buffers=True)
        self.stdout.write(f"-- first page of 'moc chau'\n{plan}")
