from django.core.management.base import BaseCommand

from cms.participation.retention import erase_expired_personal_data


class Command(BaseCommand):
    help = (
        "Erase citizens' names and contact details from items closed longer than PARTICIPATION_RETENTION_DAYS "
        "(run by run_scheduler; the published texts stay)."
    )

    def handle(self, *args, **options):
        erased = erase_expired_personal_data()
        if options["verbosity"] > 0 or any(erased.values()):
            self.stdout.write(", ".join(f"{kind}: {count}" for kind, count in erased.items()) + " erased.")
