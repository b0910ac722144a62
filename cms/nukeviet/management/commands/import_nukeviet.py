"""``manage.py import_nukeviet --dsn mysql://USER:PASS@HOST:PORT/DB``: bring a NukeViet portal over, re-runnably."""

import datetime
import signal
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from wagtail.models import Locale, Site

from cms.nukeviet.addresses import Addresses
from cms.nukeviet.importer import Importer
from cms.nukeviet.source import Source, SourceError, connect
from cms.operations.progress import add_quiet_argument, is_quiet


def stop(signum, frame):
    raise KeyboardInterrupt


class Command(BaseCommand):
    help = (
        "Import news, the laws register, static pages, web links, FAQ, files and old addresses from a NukeViet 4.x "
        "database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dsn", required=True, help="mysql://USER:PASS@HOST:PORT/DB of the NukeViet database")
        parser.add_argument("--prefix", default="nv4", help="NukeViet table prefix (default nv4)")
        parser.add_argument("--lang", default="vi", help="NukeViet language to import (default vi)")
        parser.add_argument("--portal", help="Host name of the Site to import into (default: the default site)")
        parser.add_argument("--uploads", help="NukeViet's uploads folder (read only)")
        parser.add_argument("--since", type=datetime.date.fromisoformat, help="Only rows added or edited since")
        parser.add_argument("--dry-run", action="store_true", help="Read and map everything, write nothing")
        parser.add_argument("--news-module", default="news", help="Module of the news tables and URLs")
        parser.add_argument("--laws-module", default="laws", help="Module of the laws tables and URLs")
        parser.add_argument("--page-module", default="page", help="Module of the static pages table and URLs")
        parser.add_argument("--weblinks-module", default="weblinks", help="Module of the web links tables and URLs")
        parser.add_argument("--faq-module", default="faq", help="Module of the FAQ tables and URLs")
        parser.add_argument(
            "--old-host", action="append", default=[], help="Host name(s) of the old site, for absolute links"
        )
        parser.add_argument("--batch-size", type=int, default=200)
        parser.add_argument("--report", help="Report file (default nukeviet-import-<time>.md here)")
        add_quiet_argument(parser)

    def handle(self, *args, **options):
        site = self.site(options["portal"])
        try:
            locale = Locale.objects.get(language_code=options["lang"])
        except Locale.DoesNotExist as error:
            raise CommandError(f"No locale '{options['lang']}' in the portal; run sync_locales first.") from error
        home = site.root_page.specific
        if home.locale_id != locale.pk:
            home = home.get_translation_or_none(locale)
            if home is None:
                raise CommandError(f"The site's home page has no '{options['lang']}' translation to import under.")
        try:
            source = Source(connect(options["dsn"]), prefix=options["prefix"], lang=options["lang"])
        except SourceError as error:
            raise CommandError(str(error)) from error
        addresses = Addresses(
            lang=options["lang"],
            news_module=options["news_module"],
            laws_module=options["laws_module"],
            page_module=options["page_module"],
            old_hosts={host.lower() for host in options["old_host"]} | {site.hostname.lower()},
        )
        quiet = is_quiet(options)
        importer = Importer(
            source,
            home=home,
            site=site,
            uploads=options["uploads"],
            since=options["since"],
            dry_run=options["dry_run"],
            addresses=addresses,
            news_module=options["news_module"],
            laws_module=options["laws_module"],
            page_module=options["page_module"],
            weblinks_module=options["weblinks_module"],
            faq_module=options["faq_module"],
            batch_size=options["batch_size"],
            stdout=self.stdout,
            quiet=quiet,
        )
        if not quiet:
            self.stdout.write(f"Importing {options['prefix']}_{options['lang']}_* into {site} ({home.title})")
        # Stopped by a service manager or `timeout`: finish like Ctrl+C, with a report.
        previous = signal.signal(signal.SIGTERM, stop)
        try:
            report = importer.run()
        except KeyboardInterrupt:
            # Each batch is its own transaction: what is done stays done, and a re-run carries on.
            report = importer.report
            report.warn("interrupted: the counts are those of the batches finished so far")
        finally:
            signal.signal(signal.SIGTERM, previous)
        text = report.render()
        path = Path(options["report"] or f"nukeviet-import-{timezone.localtime():%Y%m%d-%H%M%S}.md")
        path.write_text(text, encoding="utf-8")
        if not quiet:
            self.stdout.write(text)
            self.stdout.write(self.style.SUCCESS(f"Report written to {path}"))

    def site(self, hostname: str | None) -> Site:
        if not hostname:
            site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
            if site is None:
                raise CommandError("No default site; give --portal HOSTNAME.")
            return site
        site = Site.objects.filter(hostname=hostname).select_related("root_page").first()
        if site is None:
            known = ", ".join(Site.objects.values_list("hostname", flat=True))
            raise CommandError(f"No site with host name '{hostname}' (known: {known}).")
        return site
