import logging
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from cms.editorial.workflow.scheduler import publish_scheduled_once
from cms.operations import alerts, jobs

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Publish approved items whose go-live time has come and unpublish expired ones, every --interval seconds; "
        "then run the features' periodic jobs (webhook deliveries, personal-data retention) and send health alerts "
        "(HEALTH_ALERT_EMAIL) for lines that turned red."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="Seconds between runs (default 60).")
        parser.add_argument("--once", action="store_true", help="Run once and exit (for cron or a systemd timer).")

    def handle(self, *args, interval=60, once=False, **options):
        if once:
            ran = publish_scheduled_once()
            jobs.run_all()
            alerts.evaluate()
            self.stdout.write("Scheduled publishing done." if ran else "Another runner is busy; skipped.")
            return
        while True:
            try:
                publish_scheduled_once()
            except Exception:
                logger.exception("Scheduled publishing failed")
            jobs.run_all()
            try:
                alerts.evaluate()
            except Exception:
                logger.exception("Health alerts failed")
            time.sleep(interval)
            # A long-lived process must drop connections the database has closed meanwhile.
            close_old_connections()
