from django.core.management import call_command
from django.core.management.base import BaseCommand

from cms.demo.loader import DemoLoader


class Command(BaseCommand):
    help = "Build the Vietnamese demo portal: pages, directives, banner, demo accounts. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--password", help="Password for new demo accounts (default: a generated one, printed).")

    def handle(self, *args, password=None, **options):
        call_command("sync_locales", verbosity=0)
        result = DemoLoader(stdout=self.stdout).load(password=password)
        if not result["created"]:
            self.stdout.write("Demo content already present; nothing changed.")
            return
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded ({len(result['created'])} objects)."))
        if result["passwords"]:
            self.stdout.write("Demo accounts (admin at /admin/):")
            for username, pw in result["passwords"].items():
                self.stdout.write(f"  {username} / {pw}")
