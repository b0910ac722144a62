"""``manage.py generate_nukeviet``: a NukeViet-shaped source database and uploads folder, for trying the importer."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.nukeviet.generator import Generator
from cms.nukeviet.source import SourceError, connect, create_database


class Command(BaseCommand):
    help = "Create (replacing it) a NukeViet 4.x database filled with generated news and documents."

    def add_arguments(self, parser):
        parser.add_argument("--dsn", required=True, help="mysql://USER:PASS@HOST:PORT/DB; DB is dropped first")
        parser.add_argument("--uploads", required=True, help="Folder to write the uploads into")
        parser.add_argument("--prefix", default="nv4")
        parser.add_argument("--lang", default="vi")
        parser.add_argument("--news", type=int, default=200)
        parser.add_argument("--laws", type=int, default=50)

    def handle(self, *args, **options):
        started = time.monotonic()
        try:
            create_database(options["dsn"])
            connection = connect(options["dsn"])
        except SourceError as error:
            raise CommandError(str(error)) from error
        generated = Generator(connection, Path(options["uploads"]), options["prefix"], options["lang"]).build(
            options["news"], options["laws"]
        )
        self.stdout.write(
            f"{generated.news} news ({generated.news_published} published), {generated.laws} documents "
            f"({generated.laws_published} published) in {time.monotonic() - started:.1f} s"
        )
