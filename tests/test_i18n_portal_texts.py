"""English pages show the portal's English name and footer; statistics follow the snippet language rule."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from cms.core.models import PortalSettings, PortalSettingsText
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def bilingual_home(locales, home):
    portal = PortalSettings.load()
    portal.organisation = "Ủy ban nhân dân huyện Mộc Châu"
    portal.address = "Tiểu khu 4, thị trấn Mộc Châu"
    portal.save()
    return factories.translate(home, "en", {"title": "Home", "slug": "home"})


def test_english_pages_show_the_english_portal_name_and_footer(client, bilingual_home):
    PortalSettingsText.objects.create(
        portal=PortalSettings.load(), language="en", portal_name="Mộc Châu District Portal", address="Sub-zone 4"
    )
    english = client.get("/en/").content.decode()
    assert "Mộc Châu District Portal" in english and "Sub-zone 4" in english
    # A blank English field falls back to the Vietnamese one.
    assert "Ủy ban nhân dân huyện Mộc Châu" in english
    vietnamese = client.get("/vi/").content.decode()
    assert "Tiểu khu 4, thị trấn Mộc Châu" in vietnamese and "Mộc Châu District Portal" not in vietnamese


def test_without_english_texts_the_portal_name_stays_the_configured_one(client, bilingual_home, settings):
    assert settings.WAGTAIL_SITE_NAME in client.get("/en/").content.decode()


def test_statistics_api_shows_english_figures_and_falls_back_only_when_configured(client, locales):
    translated = factories.StatisticFactory(label="Doanh nghiệp đã ban hành quy chế")
    factories.translate(translated, "en", {"label": "Enterprises with regulations"})
    untranslated = factories.StatisticFactory(label="Bản tin chưa dịch")

    def labels(**params):
        response = client.get("/api/v2/statistics/", {"locale": "en", **params})
        assert response.status_code == 200
        return sorted(item["label"] for item in response.json()["items"])

    assert labels() == ["Enterprises with regulations"]
    cache.clear()  # API responses are cached; the setting is a deployment choice, not a runtime switch
    with override_settings(PORTAL_SNIPPET_FALLBACK_TO_DEFAULT=True):
        assert labels() == sorted(["Enterprises with regulations", untranslated.label])


def test_english_home_shows_the_english_statistic(client, bilingual_home, home):
    vi = factories.StatisticFactory(label="Doanh nghiệp đã ban hành quy chế")
    factories.translate(vi, "en", {"label": "Enterprises with regulations"})
    home.body.append(("statistics", {"heading": "", "statistics": [vi]}))
    home.save_revision().publish()
    factories.translate(home, "en", {"title": "Home", "slug": "home"})
    english = client.get("/en/").content.decode()
    assert "Enterprises with regulations" in english and "Doanh nghiệp đã ban hành quy chế" not in english
