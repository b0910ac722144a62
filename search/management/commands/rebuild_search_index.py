from django.core.management.base import BaseCommand

from cms.operations.progress import Progress, add_quiet_argument, is_quiet
from search import index


class Command(BaseCommand):
    help = "Rebuild the Vietnamese search index from the live, public news and directives."

    def add_arguments(self, parser):
        add_quiet_argument(parser)

    def handle(self, *args, **options):
        quiet = is_quiet(options)
        with Progress(self.stdout, total=None, label="Indexing", unit="pages", quiet=quiet) as progress:
            written = index.rebuild(progress)
        if not quiet:
            self.stdout.write(f"Indexed {written} pages.")
