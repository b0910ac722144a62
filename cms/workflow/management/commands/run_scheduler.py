import logging
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from cms.workflow.scheduler import publish_scheduled_once

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Publish approved items whose go-live time has come and unpublish expired ones, every --interval seconds."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="Seconds between runs (default 60).")
        parser.add_argument("--once", action="store_true", help="Run once and exit (for cron or a systemd timer).")

    def handle(self, *args, interval=60, once=False, **options):
        if once:
            ran = publish_scheduled_once()
            self.stdout.write("Scheduled publishing done." if ran else "Another runner is busy; skipped.")
            return
        while True:
            try:
                publish_scheduled_once()
            except Exception:
                logger.exception("Scheduled publishing failed")
            time.sleep(interval)
            # A long-lived process must drop connections the database has closed meanwhile.
            close_old_connections()
