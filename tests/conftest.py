import io

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import translation
from pytest_django.fixtures import _disable_migrations, _get_databases_for_setup, _get_databases_for_test
from wagtail.models import Locale

from cms.operations.catalogues import compile_catalogues
from tests import factories, shared_database
from tests.demo_snapshot import DEMO_PASSWORD, Snapshot

# English pages read locale/en/LC_MESSAGES/django.mo, which is built, not committed.
compile_catalogues()


def pytest_collection_modifyitems(config, items):
    """Under xdist, the first process to need a database migrates the run's template while the other waits for
    its copy (``django_db_setup``). So the first test that needs a database goes first, then every test that needs
    none (about 100, half a minute: subprocesses, scans of the code): the other process runs those meanwhile.
    Each process is handed a few tests at a time (``--dist loadgroup``), so the free one takes them all. The
    browser journeys still go last (tests/browser/conftest.py sorts after this)."""
    if getattr(config, "workerinput", None) is None:
        return
    needs_database = {item: bool(list(_get_databases_for_test(item)[0])) for item in items}
    first = next((item for item in items if needs_database[item] and not item.get_closest_marker("browser")), None)
    if first is None:
        return
    rest = [item for item in items if item is not first]
    items[:] = [
        first,
        *(item for item in rest if not needs_database[item]),
        *(item for item in rest if needs_database[item]),
    ]


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_use_migrations,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """pytest-django's test databases, migrated once per run rather than once per xdist process: the first
    process migrates a template and each process works on its own copy of it (tests/shared_database.py).
    Without xdist, or with ``--reuse-db``, pytest-django's own setup (the same code as its fixture)."""
    from django.test.utils import setup_databases, teardown_databases

    if not django_db_use_migrations:
        _disable_migrations()
    keepdb = django_db_keepdb and not django_db_createdb
    verbosity = request.config.option.verbose
    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    workerinput = getattr(request.config, "workerinput", None)
    folder = None
    with django_db_blocker.unblock():
        if workerinput is None or django_db_keepdb:
            old_names = setup_databases(
                verbosity=verbosity,
                interactive=False,
                aliases=aliases,
                serialized_aliases=serialized_aliases,
                keepdb=keepdb,
            )
        else:
            folder = shared_database.shared_folder(workerinput["testrunuid"])
            old_names = shared_database.setup_cloned_databases(
                aliases,
                serialized_aliases,
                verbosity=verbosity,
                worker=workerinput["workerid"],
                workers=workerinput["workercount"],
                folder=folder,
            )
    yield
    if django_db_keepdb:
        return
    with django_db_blocker.unblock():
        teardown_databases(old_names, verbosity=verbosity)
        if folder is not None:
            shared_database.release(folder, verbosity)


@pytest.fixture
def home(db):
    return factories.home_page()


@pytest.fixture
def news_index(home):
    return factories.NewsIndexPageFactory(parent=home)


@pytest.fixture
def directive_index(home):
    return factories.DirectiveIndexPageFactory(parent=home)


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker):
    """The demo portal as ``load_demo_content`` builds it, built once per session (tests/demo_snapshot.py)."""
    with django_db_blocker.unblock():
        return Snapshot.take(
            "default",
            lambda: call_command("load_demo_content", password=DEMO_PASSWORD, stdout=io.StringIO()),
        )


@pytest.fixture
def demo_content(db, demo_snapshot):
    """The demo portal in this test's database (password ``DEMO_PASSWORD``), as if the command had just run."""
    demo_snapshot.restore()


@pytest.fixture(scope="session")
def demo_portals_snapshot(django_db_setup, django_db_blocker, demo_snapshot):
    """The demo portal and the demo communes (``load_demo_portals``: Vân Hồ, Đoàn Kết, Mộc Sơn, each with its
    editor, reviewer and leader ``bientap.<host>``, ``thamdinh.<host>``, ``lanhdao.<host>``), built once."""

    def build():
        demo_snapshot.restore()
        call_command("load_demo_portals", password=DEMO_PASSWORD, stdout=io.StringIO())

    with django_db_blocker.unblock():
        return Snapshot.take("default", build)


@pytest.fixture
def demo_portals(db, demo_portals_snapshot):
    """The demo portal and its communes in this test's database (see ``demo_portals_snapshot``)."""
    demo_portals_snapshot.restore()


@pytest.fixture
def rewarm_content_types(django_db_blocker):
    """After a transactional test flushes the database, refill the ContentType cache later non-db tests rely on."""
    yield
    with django_db_blocker.unblock():
        ContentType.objects.clear_cache()
        ContentType.objects.get_for_models(*apps.get_models())


@pytest.fixture
def client_vi(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "vi"
    return client


@pytest.fixture
def locales(db):
    """Every configured locale (vi and en) as the setup command creates them."""
    call_command("sync_locales", stdout=io.StringIO())
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def staff(home):
    """One user per editorial role (editor, reviewer, approver, ...), with the workflow set up."""
    from tests.workflow_helpers import make_staff

    return make_staff()


@pytest.fixture(autouse=True)
def _default_language():
    """Django's LocaleMiddleware activates a request's language in the thread and leaves it active after the
    response: a test that requested an English page would leave English for the next test of its process
    (health lines, messages read in English). Each test starts, and ends, with the default language."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _search_vocabulary_of_this_test():
    """The search vocabulary is held per process (search.lexicon) and learns words as pages are indexed; a
    test's rolled-back transaction does not tell it, so each test starts by reading it from its own database."""
    from search import lexicon

    lexicon._state.update(version=None, vocabulary=None, synonyms=None)


@pytest.fixture(autouse=True)
def _sites_of_this_test():
    """What is remembered for the sites (host table, portal trees) is keyed by a stamp in a file that a
    test's rolled-back transaction does not renew: each test starts with a new one. Wagtail's own list of site
    roots (in the Django cache, cleared by Site signals) would likewise keep a rolled-back test's sites, and
    every page URL would then be absolute, as on several sites."""
    from wagtail.models import Site

    from cms.core import cache

    cache.invalidate_sites()
    Site.clear_site_root_paths_cache()
