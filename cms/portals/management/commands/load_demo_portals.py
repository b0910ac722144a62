from django.core.management.base import BaseCommand

from cms.portals.demo import load_commune_portals, portal_urls


class _Log:
    """What the demo helpers need of the demo loader: a log of what was created."""

    def __init__(self, stdout):
        self.stdout = stdout
        self.created: list[str] = []

    def log(self, message: str):
        self.created.append(message)
        self.stdout.write(f"  + {message}")


class Command(BaseCommand):
    help = "Add the demo commune portals (Vân Hồ, Đoàn Kết, Mộc Sơn) and accounts; list every portal. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--password", help="Password for new demo accounts (default: a generated one, printed).")

    def handle(self, *args, password=None, **options):
        log = _Log(self.stdout)
        passwords = load_commune_portals(log, password)
        if not log.created:
            self.stdout.write("Demo portals already present; nothing changed.")
        for username, pw in passwords.items():
            self.stdout.write(f"  {username} / {pw}")
        # Printed on every run (the last demo step of `make run`): where each portal is served.
        self.stdout.write(self.style.SUCCESS("Portals (*.localhost resolves to this machine in browsers):"))
        for name, url in portal_urls():
            self.stdout.write(f"  {name}: {url}")
