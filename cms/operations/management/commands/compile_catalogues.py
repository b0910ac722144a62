from django.core.management.base import BaseCommand

from cms.operations.catalogues import catalogue_coverage, compile_catalogues


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/*.po into .mo with polib (no GNU gettext needed)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Rebuild every catalogue, even if up to date.")
        parser.add_argument(
            "--coverage",
            metavar="LANGUAGE",
            help="Also list, per installed package, how many msgids read in LANGUAGE (e.g. vi), and the missing ones.",
        )

    def handle(self, *args, force=False, coverage=None, **options):
        written = compile_catalogues(force=force)
        for path in written:
            self.stdout.write(f"Compiled {path}")
        self.stdout.write(self.style.SUCCESS(f"Catalogues up to date ({len(written)} rebuilt)."))
        if coverage:
            self.stdout.write("| Package | Domain | msgids | Translated by the package | With the project's |")
            self.stdout.write("| --- | --- | ---: | ---: | ---: |")
            for row in catalogue_coverage(coverage):
                self.stdout.write(
                    f"| {row.package} | {row.domain} | {row.total} | {row.package_translated} | {row.translated} |"
                )
                for msgid in row.missing:
                    self.stdout.write(f"  missing: {msgid!r}")
