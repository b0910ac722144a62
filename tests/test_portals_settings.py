"""Each portal's own settings: emblem, footer, the origins allowed to read its API, and its webhooks."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Site

from cms.core.models import PortalSettings
from cms.webhooks import events
from cms.webhooks.models import WebhookDelivery, WebhookEndpoint
from news.models import NewsIndexPage
from tests import factories
from tests.demo_snapshot import session_snapshot

pytestmark = pytest.mark.django_db

VANHO = "vanho.localhost"
APP = "https://app.vanho.example.vn"


def _build_vanho():
    """The locales and the province's news section, then ``create_portal`` for Vân Hồ."""
    call_command("sync_locales", stdout=io.StringIO())
    factories.NewsIndexPageFactory(parent=factories.home_page())
    call_command("create_portal", "--name", "Xã Vân Hồ", "--hostname", VANHO, stdout=io.StringIO())


vanho_snapshot = session_snapshot(_build_vanho)


@pytest.fixture
def vanho(db, vanho_snapshot):
    vanho_snapshot.restore()
    return Site.objects.get(hostname=VANHO)


@pytest.fixture
def news_index(vanho):
    """The province's news section, as the snapshot restored it (tests/conftest.py's would make a second one)."""
    return NewsIndexPage.objects.child_of(Site.objects.get(is_default_site=True).root_page).get()


def test_each_portal_shows_its_own_emblem_and_footer(client, vanho):
    settings_row = PortalSettings.for_site(vanho)
    settings_row.emblem = factories.ImageFactory(title="Biểu trưng Vân Hồ")
    settings_row.footer_text = "Giấy phép số 12/GP-STTTT"
    settings_row.save()
    commune = client.get("/vi/", HTTP_HOST=VANHO).content.decode()
    province = client.get("/vi/").content.decode()
    assert "Giấy phép số 12/GP-STTTT" in commune and "Giấy phép số 12/GP-STTTT" not in province
    assert "cms/img/emblem.svg" in province and "cms/img/emblem.svg" not in commune


def test_the_footer_text_follows_the_language(client, vanho):
    settings_row = PortalSettings.for_site(vanho)
    settings_row.footer_text = "Giấy phép số 12"
    settings_row.save()
    settings_row.texts.filter(language="en").update(footer_text="Licence no. 12")
    assert "Licence no. 12" in client.get("/en/", HTTP_HOST=VANHO).content.decode()


def test_a_portal_lets_its_own_apps_read_its_api(client, vanho):
    settings_row = PortalSettings.for_site(vanho)
    settings_row.cors_origins = f"{APP}/\nhttps://other.example.vn"
    settings_row.save()
    url = "/api/v2/pages/"
    assert client.get(url, HTTP_HOST=VANHO, HTTP_ORIGIN=APP)["Access-Control-Allow-Origin"] == APP
    assert "Access-Control-Allow-Origin" not in client.get(url, HTTP_ORIGIN=APP)  # the province's API
    assert "Access-Control-Allow-Origin" not in client.get(url, HTTP_HOST=VANHO, HTTP_ORIGIN="https://evil.example")
    # The portal's origins are for its API, not its HTML pages.
    assert "Access-Control-Allow-Origin" not in client.get("/vi/", HTTP_HOST=VANHO, HTTP_ORIGIN=APP)


def test_a_portal_webhook_hears_that_portal_only(vanho, news_index, django_capture_on_commit_callbacks):
    commune_hook = WebhookEndpoint.objects.create(
        url="https://hook.vanho.example.vn/", events=[events.PAGE_PUBLISHED, events.SNIPPET_PUBLISHED], site=vanho
    )
    every_hook = WebhookEndpoint.objects.create(url="https://hook.example.vn/", events=[events.PAGE_PUBLISHED])
    vanho_news = NewsIndexPage.objects.child_of(vanho.root_page).get()
    with django_capture_on_commit_callbacks(execute=True):
        factories.NewsPageFactory(parent=news_index, title="Tin của tỉnh").save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        factories.NewsPageFactory(parent=vanho_news, title="Tin của xã").save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        slide = factories.BannerSlideFactory(site=vanho, live=False)
        slide.save_revision().publish()
    heard = {
        endpoint: sorted(
            (d.event, d.payload["site"]["hostname"]) for d in WebhookDelivery.objects.filter(endpoint=endpoint)
        )
        for endpoint in (commune_hook, every_hook)
    }
    assert heard[commune_hook] == [(events.PAGE_PUBLISHED, VANHO), (events.SNIPPET_PUBLISHED, VANHO)]
    assert heard[every_hook] == [(events.PAGE_PUBLISHED, "localhost"), (events.PAGE_PUBLISHED, VANHO)]
