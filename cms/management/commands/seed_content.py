import io

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from cms.seed import ContentSeeder, clear_seeded_pages


class Command(BaseCommand):
    help = (
        "Bulk-create published news and directives (with English translations of a share) for load tests. "
        "Each run adds more; --clear first deletes every article and directive under the index pages."
    )

    def add_arguments(self, parser):
        parser.add_argument("--news", type=int, default=100, help="Number of Vietnamese news articles to add.")
        parser.add_argument("--directives", type=int, default=50, help="Number of Vietnamese directives to add.")
        parser.add_argument("--locales", default="vi", help="Comma-separated; include 'en' to translate a share.")
        parser.add_argument("--en-share", type=float, default=0.2, help="Share of pages translated to English.")
        parser.add_argument("--batch-size", type=int, default=1000, help="Pages per INSERT batch/transaction.")
        parser.add_argument("--seed", type=int, default=None, help="Random seed, for repeatable content.")
        parser.add_argument("--clear", action="store_true", help="Delete existing articles and directives first.")
        parser.add_argument(
            "--index",
            action="store_true",
            help="Also rebuild the Vietnamese search index afterwards (rebuild_search_index).",
        )

    def handle(self, *args, **options):
        if options["news"] < 0 or options["directives"] < 0 or options["batch_size"] < 1:
            raise CommandError("--news and --directives must be >= 0 and --batch-size >= 1.")
        if not 0 <= options["en_share"] <= 1:
            raise CommandError("--en-share must be between 0 and 1.")
        locales = [code.strip() for code in options["locales"].split(",") if code.strip()]
        call_command("sync_locales", verbosity=0, stdout=io.StringIO())
        if options["clear"]:
            deleted = clear_seeded_pages(stdout=self.stdout if options["verbosity"] > 1 else None)
            self.stdout.write(f"Deleted {deleted} pages.")
        seeder = ContentSeeder(
            batch_size=options["batch_size"],
            en_share=options["en_share"],
            seed=options["seed"],
            stdout=self.stdout if options["verbosity"] > 1 else None,
        )
        result = seeder.run(news=options["news"], directives=options["directives"], locales=locales)
        # Planner statistics for the new rows now, not when autovacuum gets round to it: after a bulk load,
        # PostgreSQL's stale estimates chose nested loops over 10,000 pages for a 20-row listing.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {result.pages} pages ({result.news} news, {result.directives} directives, "
                f"{result.translations} English translations), {result.attachments} attachments "
                f"in {result.seconds:.1f}s."
            )
        )
        if options["index"]:
            call_command("rebuild_search_index", verbosity=0)
            self.stdout.write("Search index updated.")
