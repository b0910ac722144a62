"""Periodic jobs of feature packages, run by every round of ``manage.py run_scheduler``.

A feature registers a function in its ``AppConfig.ready()`` (``jobs.register("webhooks", send_due)``);
one job that raises is logged and does not stop the others or the scheduler.
"""

import logging
from collections.abc import Callable

logger = logging.getLogger(__name__)

_jobs: dict[str, Callable[[], object]] = {}


def register(name: str, job: Callable[[], object]) -> None:
    _jobs[name] = job


def run_all() -> dict[str, bool]:
    """Run every registered job once; return which ones succeeded."""
    results = {}
    for name, job in list(_jobs.items()):
        try:
            job()
            results[name] = True
        except Exception:
            logger.exception("Periodic job %s failed", name)
            results[name] = False
    return results
