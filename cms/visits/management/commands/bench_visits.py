from django.conf import settings
from django.core.management.base import BaseCommand

from cms.visits import bench


class Command(BaseCommand):
    help = "Measure the visitor counter's cost per page view (SQLite, Redis) and totals of a concurrent run."

    def add_arguments(self, parser):
        parser.add_argument(
            "--redis-url", default=settings.VISITS_REDIS_URL or "", help="Redis to measure; empty skips"
        )
        parser.add_argument(
            "--database-url", default="", help="An empty scratch database to measure too, e.g. PostgreSQL"
        )
        parser.add_argument("--repeat", type=int, default=500)
        parser.add_argument("--processes", type=int, default=4)
        parser.add_argument("--views", type=int, default=50)

    def handle(self, *args, redis_url, database_url, repeat, processes, views, **options):
        bench.run(redis_url or None, repeat, processes, views, database_url or None, write=self.stdout.write)
