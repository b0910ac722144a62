"""The benchmark report's targets (bench/report.py): the admin screens' row reads the admin scenarios."""

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).parent.parent / "bench"


@pytest.fixture
def report(monkeypatch):
    # bench/ is a folder of scripts importing each other by name (report.py: ``from scenarios import ...``).
    monkeypatch.syspath_prepend(str(BENCH))
    monkeypatch.delitem(sys.modules, "report", raising=False)
    import report

    return report


def admin_row(report, run):
    return next(line for line in report.targets(run) if line.startswith("| Admin screens"))


def a_run(size, admin_ms):
    """A one-portal run: the admin scenarios in the uncached mode only, as bench/run.py measures them."""
    uncached = [{"key": "home", "label": "Home page", "rps": 30.0, "p50": 60, "single_ms": 40, "queries": 9}]
    uncached += [
        {"key": key, "label": key, "rps": 3.0, "p50": 2000, "single_ms": ms, "queries": 30}
        for key, ms in admin_ms.items()
    ]
    uncached.append({"key": "commune_admin_explorer", "label": "Commune", "status": "not available"})
    cached = [{"key": "home", "label": "Home page", "rps": 300.0, "p50": 6, "single_ms": 4, "queries": 0}]
    step = {"size": size, "pages": size, "seed_seconds": 1, "modes": {"0": uncached, "60": cached}}
    return {"sizes": [step], "users": 8, "database": "SQLite"}


ONE_PORTAL = ("admin_explorer", "admin_page_editor", "admin_dashboard", "admin_snippets")


def test_the_admin_target_is_judged_on_the_admin_scenarios_at_100000_pages(report):
    assert {s["key"] for s in report.ADMIN} >= {*ONE_PORTAL, "commune_admin_explorer"}

    run = a_run(100_000, dict(zip(ONE_PORTAL, (280, 150, 90, 120), strict=True)))
    row = admin_row(report, run)
    assert "at 100,000 pages" in row and "280 ms" in row and "90 ms" in row and row.endswith("| met |")

    run = a_run(100_000, dict(zip(ONE_PORTAL, (508, 150, 90, 120), strict=True)))
    assert admin_row(report, run).endswith("| **missed** |")


def test_below_100000_pages_the_admin_figures_are_shown_not_judged(report):
    row = admin_row(report, a_run(10_000, dict(zip(ONE_PORTAL, (250, 150, 90, 120), strict=True))))
    assert "at 10,000 pages" in row and "250 ms" in row and row.endswith("| n/a |")

    row = admin_row(report, a_run(10_000, {}))
    assert "needs an admin scenario" in row and row.endswith("| n/a |")
