"""An existing portal database survives the feature re-arrangement: a SQLite database made by main
before it (commit 87e5293, demo content plus 1,000 seeded pages) migrates on this code with no row lost and
its pages render.

Slow (about two minutes): the old code migrates, loads the demo and seeds in a subprocess, then this code
migrates the same file. Needs the git history (a shallow clone without that commit fails, on purpose).

The old code's database is the same every time for the same commit and installed packages: when
``OLD_MAIN_DATABASE_CACHE`` names a folder (CI sets one per run, since it runs the suite twice, SQLite and
PostgreSQL side by side), the first run keeps a copy of it (with its media) there, under a lock the other waits
on, and later runs start from that copy.
This code's migration and every check run each time.
"""

import fcntl
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

import pytest

OLD_MAIN = "87e5293"
ROOT = Path(__file__).resolve().parent.parent
# Rows migrate adds: the new migrations, the new models' content types and permissions. (SQLite's own
# sqlite_* tables, counters and planner statistics, are not data and are left out.)
# Migrate adds content types and permissions of new models, and groups of new roles with their permissions
# (the comment moderators, cms/participation/roles.py); nothing may shrink.
GROWS = {"django_migrations", "django_content_type", "auth_permission", "auth_group", "auth_group_permissions"}

RENDER = """
import json, sys
import django
django.setup()
from django.test import Client
from wagtail.models import Page
client = Client(HTTP_HOST="localhost")
pages = Page.objects.live().public().filter(depth__gt=1).specific()
statuses = {}
for page in [*pages.filter(depth__lte=3), *pages.order_by("-pk")[:5]]:
    statuses[page.url_path] = client.get(page.get_url()).status_code
for url in ["/api/v2/pages/?type=news.NewsPage&fields=*", "/api/v2/pages/?type=news.DirectivePage", "/sitemap.xml"]:
    statuses[url] = client.get(url).status_code
print(json.dumps(statuses))
"""


def run(cwd, *args, env):
    result = subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"{args}: {result.stdout[-2000:]}\n{result.stderr[-4000:]}"
    return result.stdout


def row_counts(path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        catalogue = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        tables = [row[0] for row in connection.execute(catalogue)]
        # Table names come from the database's own catalogue.
        return {table: connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0] for table in tables}  # noqa: S608


def build_old_database(folder: Path, env: dict) -> None:
    """The old main's database in ``folder`` (portal.sqlite3 and media/): migrated, demo loaded, seeded."""
    archive = subprocess.run(["git", "archive", OLD_MAIN], cwd=ROOT, capture_output=True, check=True).stdout  # noqa: S607
    old = folder / "old"
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(old, filter="data")
    run(old, "manage.py", "migrate", "--noinput", env=env)
    run(old, "manage.py", "load_demo_content", "--password", "demo-Pass-2024", env=env)
    run(old, "manage.py", "seed_content", "--news", "700", "--directives", "300", "--seed", "16", env=env)
    shutil.rmtree(old)


def old_database(folder: Path, env: dict) -> None:
    """Build the old main's database in ``folder``, or copy it from ``OLD_MAIN_DATABASE_CACHE`` (see above)."""
    cache = os.environ.get("OLD_MAIN_DATABASE_CACHE")
    if not cache:
        build_old_database(folder, env)
        return
    kept = Path(cache) / f"old-main-{OLD_MAIN}"
    # CI runs its two passes side by side: the first to get here builds, the other waits for the copy.
    with (Path(cache) / f"{kept.name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not kept.is_dir():
            build_old_database(folder, env)
            partial = Path(cache) / f"{kept.name}.{os.getpid()}.partial"
            shutil.copytree(folder, partial)
            os.replace(partial, kept)  # whole or not at all: an interrupted copy is never read
            return
    shutil.copytree(kept, folder, dirs_exist_ok=True)


@pytest.mark.slow
def test_database_of_the_old_main_migrates_without_losing_rows_and_renders():
    with tempfile.TemporaryDirectory(prefix="portal-old-main-") as folder:
        database = Path(folder) / "portal.sqlite3"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "settings.dev",
            "DATABASE_URL": f"sqlite:///{database}",
            "MEDIA_ROOT": str(Path(folder) / "media"),
        }
        env.pop("REDIS_URL", None)
        old_database(Path(folder), env)
        before = row_counts(database)
        assert before["news_newspage"] + before["news_directivepage"] >= 1000

        run(ROOT, "manage.py", "migrate", "--noinput", env=env)
        after = row_counts(database)

        assert set(before) <= set(after)
        changed = {table: (count, after[table]) for table, count in before.items() if after[table] != count}
        assert {table for table in changed if table not in GROWS} == set(), changed
        assert all(new >= old for old, new in changed.values()), changed
        statuses = json.loads(run(ROOT, "-c", RENDER, env=env))
        assert statuses and set(statuses.values()) == {200}, statuses
