from django.core.management.base import BaseCommand

from search import index


class Command(BaseCommand):
    help = "Rebuild the Vietnamese search index from the live, public news and directives."

    def handle(self, *args, **options):
        written = index.rebuild()
        self.stdout.write(f"Indexed {written} pages.")
