"""Search ranking A/B on PostgreSQL: every candidate read for the phrase in the text, against the best 200 only.

"before" ranks with ``search_parsed`` as it stands (the phrase in the text looked for in every candidate);
"after" is ``search.query._ranked`` (the phrase looked for among the best ``PHRASE_RANKED``). Both run the page's
whole search (``run``, the first page of ten, the facets), alternated query by query, ``AB_REPEAT`` times each
(default 5), over the judged queries and ``manage.py bench_search``'s 100,000 synthetic rows inside a transaction
that is rolled back; so both see the same load. It prints each query's median for both, whether the first page, the
total and the facets are the same, and the p50 and p95 over the queries, with the load average. Measurements only.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_<throwaway> \\
        .venv/bin/python manage.py shell -c "exec(open('bench/search_ab.py').read())"
"""

import os
import random
import statistics
import time

from django.db import connection, transaction
from wagtail.models import Locale

from search import lexicon
from search import query as search_query
from search.evaluation.judged import JUDGED
from search.management.commands.bench_search import Command, Rollback
from search.models import SearchEntry

REPEAT = int(os.environ.get("AB_REPEAT", "5"))
after = search_query._ranked


def before(parsed, locale, filters, site):
    ranked = search_query.search_parsed(parsed, locale, filters, site).values_list(*search_query.RANK_COLUMNS)
    return list(ranked[: search_query.MAX_RANKED + 1])


def page(query, locale, ranked):
    search_query._ranked = ranked
    started = time.perf_counter()
    outcome = search_query.run(query, locale)
    shown = ([entry.pk for entry in outcome.entries(0, 10)], outcome.total, outcome.facets())
    return (time.perf_counter() - started) * 1000, shown


def compare(locale):
    medians = {"before": [], "after": []}
    for query, _grades in JUDGED:
        timings = {"before": [], "after": []}
        for _ in range(REPEAT):
            took, shown_before = page(query, locale, before)
            timings["before"].append(took)
            took, shown_after = page(query, locale, after)
            timings["after"].append(took)
        same = [old == new for old, new in zip(shown_before, shown_after, strict=True)]
        for name in medians:
            medians[name].append(statistics.median(timings[name]))
        print(f"{query:<34}{medians['before'][-1]:9.1f}{medians['after'][-1]:9.1f}  same page/total/facets: {same}")
    search_query._ranked = after
    for name, values in medians.items():
        p95 = statistics.quantiles(values, n=20, method="inclusive")[-1]
        print(f"{name}: p50 {statistics.median(values):.1f} ms, p95 {p95:.1f} ms")


def main():
    locale = Locale.get_default()
    try:
        with transaction.atomic():
            vocabulary = sorted(
                {word for body in SearchEntry.objects.values_list("body", flat=True) for word in body.split()}
            )
            Command().fill(100_000, vocabulary, locale, random.Random(7))  # noqa: S311
            lexicon.vocabulary()
            print(f"load average {os.getloadavg()[0]:.1f}; {SearchEntry.objects.count()} index rows")
            print(f"{'query':<34}{'before':>9}{'after':>9}  (median ms)")
            compare(locale)
            print(f"load average {os.getloadavg()[0]:.1f}")
            raise Rollback
    except Rollback:
        lexicon.changed()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE portal_search_searchentry")
        print("Rolled back and vacuumed; the database is unchanged.")


main()
