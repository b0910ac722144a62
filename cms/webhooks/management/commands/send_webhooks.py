import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from cms.webhooks.sender import send_due


class Command(BaseCommand):
    help = (
        "Send due webhook deliveries (retries included) and exit; for cron. run_scheduler does the same every "
        "round. --loop keeps sending every --interval seconds."
    )

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Keep running.")
        parser.add_argument("--interval", type=int, default=5, help="Seconds between rounds with --loop (default 5).")

    def handle(self, *args, loop=False, interval=5, **options):
        while True:
            counts = send_due()
            if not loop:
                self.stdout.write("Delivered {delivered}, to retry {retried}, failed {failed}.".format(**counts))
                return
            time.sleep(interval)
            close_old_connections()
