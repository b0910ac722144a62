import io

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from cms.catalogues import compile_catalogues
from tests import factories

# English pages read locale/en/LC_MESSAGES/django.mo, which is built, not committed.
compile_catalogues()


@pytest.fixture
def home(db):
    return factories.home_page()


@pytest.fixture
def news_index(home):
    return factories.NewsIndexPageFactory(parent=home)


@pytest.fixture
def directive_index(home):
    return factories.DirectiveIndexPageFactory(parent=home)


@pytest.fixture
def demo_content(db):
    call_command("load_demo_content", password="demo-Pass-2024", stdout=io.StringIO())


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
