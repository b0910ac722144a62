"""One migration per test run, however many pytest-xdist processes take part.

pytest-django gives each xdist process (gw0, gw1, ...) its own test database and builds each with Django's
``create_test_db``: 262 migrations, about 20 s of CPU, once per process. Here the first process to ask migrates
one *template* database, and every process gets a copy of it through Django's own ``clone_test_db`` (as
Django's parallel test runner does: SQLite copies the file, PostgreSQL runs ``CREATE DATABASE … TEMPLATE``).
The migrations still run, on the same engine, once per run.

The processes agree through a folder of the test run (xdist's ``testrun_uid``) under the system's temporary
folder: a lock file (``fcntl.flock``) and a small state file. The template is dropped as soon as every process
has its copy, or else by the last process to finish; each process drops its own copy at the end, as before.

Without xdist, or with ``--reuse-db`` (the kept databases are each process's own), the databases are set up
exactly as pytest-django does it (``setup_databases``).
"""

import contextlib
import fcntl
import json
import shutil
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.test.utils import get_unique_databases_and_mirrors

STATE = "state.json"


def shared_folder(testrun_uid: str) -> Path:
    return Path(tempfile.gettempdir()) / f"portal-test-db-{testrun_uid}"


@contextlib.contextmanager
def _locked_state(folder: Path):
    """The run's shared state (``templates``: alias -> template name, ``clones``: alias -> copies made,
    ``active``: processes using a copy), read and written under the run's lock."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            path = folder / STATE
            state = json.loads(path.read_text()) if path.exists() else {"templates": {}, "clones": {}, "active": 0}
            yield state
            path.write_text(json.dumps(state))
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _template_name(connection, worker: str, folder: Path) -> str:
    """Where this database's template lives: beside the per-process names, without the process's suffix."""
    name = connection.creation._get_test_db_name().removesuffix(f"_{worker}")
    if connection.vendor == "sqlite":
        return str(folder / Path(name).name)  # each process's own folder holds its copy name; the template is shared
    return f"{name}_template"


def _point_at(connection, name: str) -> None:
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = name
    connection.settings_dict["NAME"] = name


def _drop(connection, name: str, verbosity: int) -> None:
    connection.close()
    if connection.vendor == "sqlite":
        Path(name).unlink(missing_ok=True)
    else:
        connection.creation._destroy_test_db(name, verbosity)


def _as_after_migrate(alias: str) -> None:
    """What ``migrate`` leaves in the process besides the database: its permissions step reads every model's
    content type into the process's ContentType cache, which tests that touch no database then rely on
    (tests/conftest.py's ``rewarm_content_types`` refills it after a flush for the same reason)."""
    ContentType.objects.db_manager(alias).get_for_models(*apps.get_models(), for_concrete_models=False)


def setup_cloned_databases(aliases, serialized_aliases, *, verbosity: int, worker: str, workers: int, folder: Path):
    """``django.test.utils.setup_databases`` for one xdist process: its databases are copies of a template that
    the first process to get here migrated. Returns what ``teardown_databases`` takes."""
    test_databases, mirrored_aliases = get_unique_databases_and_mirrors(aliases)
    old_names = []
    serialize_connections = []
    with _locked_state(folder) as state:
        state["active"] += 1
        for db_name, database_aliases in test_databases.values():
            first_alias = None
            for alias in database_aliases:
                connection = connections[alias]
                old_names.append((connection, db_name, first_alias is None))
                if first_alias is not None:
                    connection.creation.set_as_test_mirror(connections[first_alias].settings_dict)
                    continue
                first_alias = alias
                template = _template_name(connection, worker, folder)
                if alias not in state["templates"]:
                    connection.settings_dict["TEST"]["NAME"] = template
                    connection.creation.create_test_db(verbosity=verbosity, autoclobber=True, serialize=False)
                    state["templates"][alias] = template
                    state["clones"][alias] = 0
                _point_at(connection, template)
                copy = connection.creation.get_test_db_clone_settings(worker)["NAME"]
                connection.creation.clone_test_db(suffix=worker, verbosity=verbosity, autoclobber=True)
                state["clones"][alias] += 1
                if state["clones"][alias] >= workers:  # every process has its copy
                    _drop(connection, state["templates"].pop(alias), verbosity)
                connection.settings_dict["TEST"]["NAME"] = copy
                _point_at(connection, copy)
                if alias in serialized_aliases:
                    serialize_connections.append(connection)
    for alias, mirror_alias in mirrored_aliases.items():
        connections[alias].creation.set_as_test_mirror(connections[mirror_alias].settings_dict)
    for connection, _old_name, created in old_names:
        if created:
            _as_after_migrate(connection.alias)
    for connection in serialize_connections:
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()
    return old_names


def release(folder: Path, verbosity: int) -> None:
    """After this process dropped its copies: the last process out drops a template nobody copied (a process
    that never asked for a database) and the run's folder."""
    with _locked_state(folder) as state:
        state["active"] -= 1
        if state["active"] > 0:
            return
        for alias, template in list(state["templates"].items()):
            _drop(connections[alias], template, verbosity)
            del state["templates"][alias]
    shutil.rmtree(folder, ignore_errors=True)
