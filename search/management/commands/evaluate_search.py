"""Precision and nDCG of the public search over the judged queries (search/evaluation/judged.py).

Runs against the database in use (SQLite or PostgreSQL, whichever ``DATABASE_URL`` names) and, when
``WAGTAILSEARCH_URL`` is set, against that OpenSearch/Elasticsearch index too. Needs the demo portal
(``manage.py load_demo_content``); ``--load-demo`` loads it first.
"""

import io

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from wagtail.models import Locale

from cms.core import visibility
from search import query as search_query
from search.evaluation import judged, metrics

DEPTH = 10


def database_titles(query: str, locale) -> list[str]:
    return [entry.title for entry in search_query.run(query, locale).entries(0, DEPTH)]


def wagtail_backend_titles(query: str, locale) -> list[str]:
    """The same query through Wagtail's configured search backend (OpenSearch when WAGTAILSEARCH_URL is set)."""
    from news.models import DirectivePage, NewsPage

    titles = []
    for model in (NewsPage, DirectivePage):
        pages = visibility.visible_pages(model, for_search=True).filter(locale=locale)
        titles.extend(
            (hit.title, getattr(hit, "_score", 0) or 0) for hit in pages.search(query)[:DEPTH].annotate_score("_score")
        )
    return [title for title, _score in sorted(titles, key=lambda pair: -pair[1])][:DEPTH]


class Command(BaseCommand):
    help = "Print precision@1, precision@5 and nDCG@10 of search over the judged demo queries."

    def add_arguments(self, parser):
        parser.add_argument("--load-demo", action="store_true", help="Load the demo portal first (idempotent).")
        parser.add_argument("--verbose-queries", action="store_true", help="Print each query's first results.")

    def handle(self, *args, load_demo, verbose_queries, **options):
        unknown = judged.check()
        if unknown:
            raise CommandError(f"Judged titles that are not demo items: {unknown}")
        if load_demo:
            call_command("load_demo_content", stdout=io.StringIO())
        locale = Locale.get_default()
        backends = [(connection.vendor, database_titles)]
        if getattr(settings, "WAGTAILSEARCH_URL", None) or "URLS" in settings.WAGTAILSEARCH_BACKENDS["default"]:
            backends.append(("opensearch", wagtail_backend_titles))
        self.stdout.write(f"{len(judged.JUDGED)} judged queries")
        self.stdout.write(f"{'backend':<12}{'P@1':>8}{'P@5':>8}{'nDCG@10':>10}")
        for name, titles_for in backends:
            runs = []
            for query, grades in judged.JUDGED:
                ranked = titles_for(query, locale)
                runs.append((ranked, grades))
                if verbose_queries:
                    self.stdout.write(f"  {query!r}: ndcg={metrics.ndcg_at(ranked, grades, DEPTH):.2f} {ranked[:3]}")
            figures = metrics.summarise(runs)
            self.stdout.write(f"{name:<12}{figures['p@1']:>8.3f}{figures['p@5']:>8.3f}{figures['ndcg@10']:>10.3f}")
