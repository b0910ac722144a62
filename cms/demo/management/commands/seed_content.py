import io
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from cms.demo.seed import ContentSeeder, SeedResult, clear_seeded_pages
from cms.operations.progress import Progress, add_quiet_argument, is_quiet


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
            "--portals",
            type=int,
            default=1,
            help="Portals in all: the province (default site) and N-1 communes made by create_portal "
            "(xa01.localhost, ...); the pages are shared out evenly among them.",
        )
        parser.add_argument(
            "--index",
            action="store_true",
            help="Also rebuild the Vietnamese search index afterwards (rebuild_search_index).",
        )
        add_quiet_argument(parser)

    def handle(self, *args, **options):
        if options["news"] < 0 or options["directives"] < 0 or options["batch_size"] < 1 or options["portals"] < 1:
            raise CommandError("--news and --directives must be >= 0, --batch-size and --portals >= 1.")
        if not 0 <= options["en_share"] <= 1:
            raise CommandError("--en-share must be between 0 and 1.")
        locales = [code.strip() for code in options["locales"].split(",") if code.strip()]
        call_command("sync_locales", verbosity=0, stdout=io.StringIO())
        if options["clear"]:
            deleted = clear_seeded_pages(stdout=self.stdout if options["verbosity"] > 1 else None)
            if not is_quiet(options):
                self.stdout.write(f"Deleted {deleted} pages.")
        quiet = is_quiet(options)
        homes = [None, *self.commune_homes(options["portals"], locales, quiet)]
        total = options["news"] + options["directives"]
        result = SeedResult()
        with Progress(self.stdout, total=total, label="Seeding", unit="pages", quiet=quiet) as progress:
            for number, home in enumerate(homes):
                seeder = ContentSeeder(
                    batch_size=options["batch_size"],
                    en_share=options["en_share"],
                    seed=None if options["seed"] is None else options["seed"] + number,
                    stdout=self.stdout if options["verbosity"] > 1 else None,
                    home=home,
                )
                # The province (first) takes the remainder of an uneven share.
                news, directives = (share(options[name], len(homes), number) for name in ("news", "directives"))
                result.add(seeder.run(news=news, directives=directives, locales=locales, progress=progress))
        # Planner statistics for the new rows now, not when autovacuum gets round to it: after a bulk load,
        # PostgreSQL's stale estimates chose nested loops over 10,000 pages for a 20-row listing.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        if not quiet:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Created {result.pages} pages ({result.news} news, {result.directives} directives, "
                    f"{result.translations} English translations), {result.attachments} attachments "
                    f"in {result.seconds:.1f}s."
                )
            )
        if options["index"]:
            call_command("rebuild_search_index", quiet=quiet, stdout=self.stdout._out)

    def commune_homes(self, portals: int, locales: list[str], quiet: bool) -> list:
        """The homes of communes 1..portals-1, provisioned (idempotently) by create_portal; each one timed."""
        from cms.portals.models import Portal
        from cms.portals.provision import PortalSpec, Provisioner

        homes = []
        for number in range(1, portals):
            started = time.monotonic()
            spec = PortalSpec(name=f"Xã Mẫu {number:02d}", hostname=f"xa{number:02d}.localhost")
            Provisioner(spec).run()
            homes.append(Portal.objects.select_related("home").get(hostname=spec.hostname).home.specific)
            if not quiet:
                self.stdout.write(f"Portal {spec.name} ({spec.hostname}): {time.monotonic() - started:.1f}s")
        return homes


def share(total: int, parts: int, number: int) -> int:
    """Part ``number`` of ``total`` split into ``parts``: equal shares, the remainder to part 0."""
    return total // parts + (total % parts if number == 0 else 0)
