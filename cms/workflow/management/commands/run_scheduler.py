import logging
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from cms.workflow.scheduler import publish_scheduled_once


class Command(BaseCommand):
    help = "Publish approved items whose go-live time has come and unpublish expired ones, every --interval seconds."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="Seconds between runs (default 60).")
        parser.add_argument("--once", action="store_true", help="Run once and exit (for cron or a systemd timer).")

    def handle(self, *args, interval=60, once=False, **options):
        while True:
            close_old_connections()
            try:
                ran = publish_scheduled_once()
            except Exception:
                logging.getLogger(__name__).exception("Scheduled publishing failed")
                ran = False
            if once:
                self.stdout.write("Scheduled publishing done." if ran else "Another runner is busy; skipped.")
                return
            time.sleep(interval)
