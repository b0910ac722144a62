from django.conf import settings
from django.core.management.base import BaseCommand
from wagtail.models import Locale


class Command(BaseCommand):
    help = "Create a Wagtail locale for every language in WAGTAIL_CONTENT_LANGUAGES (idempotent)."

    def handle(self, *args, **options):
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            _locale, created = Locale.objects.get_or_create(language_code=code)
            if created:
                self.stdout.write(f"Created locale {code}")
        self.stdout.write(self.style.SUCCESS("Locales in sync."))
