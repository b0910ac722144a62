"""Long commands show count, rate and time left: a bar on a terminal, plain lines in logs, nothing with --quiet."""

import io

import pytest
from django.core.management import call_command

from cms.operations.progress import Progress
from tests import factories


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_log_output_gets_plain_lines_with_count_rate_and_time_left():
    out = io.StringIO()
    with Progress(out, total=200, label="Seeding", unit="pages", interval=0) as progress:
        progress.update(50)
        progress.update(50)
    lines = out.getvalue().splitlines()
    assert "\r" not in out.getvalue()
    assert lines[0].startswith("Seeding: 50/200 pages, 25%, ")
    assert "/s, about " in lines[0] and lines[0].endswith(" left")
    assert lines[-1].startswith("Seeding: 100/200 pages, 50%, ") and "done in " in lines[-1]


def test_log_lines_are_spaced_by_the_interval():
    out = io.StringIO()
    with Progress(out, total=1000, label="Indexing", interval=3600) as progress:
        for _ in range(1000):
            progress.update()
    # Nothing between start and end within an hour: one final line, not a thousand.
    assert out.getvalue().count("\n") == 1


def test_a_terminal_gets_a_bar_redrawn_in_place():
    out = Terminal()
    with Progress(out, total=None, label="Indexing", unit="pages") as progress:
        progress.total = 10
        progress.update(10)
    text = out.getvalue()
    assert "\r" in text and "Indexing" in text and "10/10" in text and "pages/s" in text


def test_a_step_that_fails_says_it_stopped():
    out = io.StringIO()
    with pytest.raises(ValueError), Progress(out, total=10, label="Loading rows", unit="rows") as progress:
        progress.update(4)
        raise ValueError
    assert out.getvalue().startswith("Loading rows: 4/10 rows, 40%, ") and "stopped after " in out.getvalue()


def test_quiet_writes_nothing():
    out = Terminal()
    with Progress(out, total=10, label="Indexing", quiet=True) as progress:
        progress.update(10)
    assert out.getvalue() == ""


@pytest.mark.django_db
def test_rebuild_search_index_reports_progress_and_is_silent_with_quiet(news_index):
    factories.NewsPageFactory.create_batch(3, parent=news_index)
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "Indexing: 3/3 pages, 100%" in out.getvalue() and "Indexed 3 pages." in out.getvalue()
    quiet = io.StringIO()
    call_command("rebuild_search_index", "--quiet", stdout=quiet)
    assert quiet.getvalue() == ""


@pytest.mark.django_db
def test_seed_content_reports_progress_and_is_silent_with_quiet():
    out = io.StringIO()
    call_command("seed_content", "--news", "6", "--directives", "2", "--batch-size", "3", "--seed", "1", stdout=out)
    assert "Seeding: 8/8 pages, 100%" in out.getvalue()
    quiet = io.StringIO()
    call_command("seed_content", "--news", "2", "--directives", "0", "--quiet", "--index", stdout=quiet)
    assert quiet.getvalue() == ""


@pytest.mark.django_db
def test_backup_and_restore_report_rows_and_media(tmp_path, news_index):
    factories.ImageFactory()
    archive = tmp_path / "portal.tar.gz"
    out = io.StringIO()
    call_command("backup", "--output", str(archive), stdout=out)
    text = out.getvalue()
    assert "Database tables: " in text and "Media checksums: " in text and "Archiving media: " in text
    assert "checked" in text
    out = io.StringIO()
    call_command("restore", str(archive), "--no-input", stdout=out)
    assert "Loading rows: " in out.getvalue() and "Restoring media: " in out.getvalue()
