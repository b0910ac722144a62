from django.core.management.base import BaseCommand

from search import lexicon
from search.models import SearchSynonym
from search.synonyms_default import load_defaults


class Command(BaseCommand):
    help = "Add the shipped abbreviations and synonyms that are missing (keeps administrators' edits)."

    def handle(self, *args, **options):
        created = load_defaults(SearchSynonym)
        lexicon.changed()
        self.stdout.write(f"Added {created} synonyms.")
