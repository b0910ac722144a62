import io

import pytest
from django.core.management import call_command

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
