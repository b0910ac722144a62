"""The English demo sites (the province's and the Mộc Châu ward's): home, index pages, articles and banner slides,
published."""

import re

import pytest
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation

from cms.demo import data
from cms.pages.models import ContentPage
from home.models import BannerSlide, HomePage
from news.models import DirectiveIndexPage, NewsIndexPage, NewsPage
from tests.demo_hosts import MOC_CHAU, host_and_path, moc_chau_home

pytestmark = pytest.mark.django_db


def test_demo_has_published_english_versions_made_with_wagtail_localize(demo_content):
    en = Locale.objects.get(language_code="en")
    for model in (HomePage, NewsIndexPage, DirectiveIndexPage):  # the province's and the Mộc Châu ward's
        assert model.objects.live().filter(locale=en).count() == 2
    # The province's "About"; the ward's "About" and its three sub-pages (cms/pages/demo.py).
    assert ContentPage.objects.live().filter(locale=en).count() == 5
    province_home = Site.objects.get(is_default_site=True).root_page.get_translation(en)
    province_about = ContentPage.objects.child_of(province_home).get()
    assert (province_about.title, host_and_path(province_about)) == ("About", ("localhost", "/en/about/"))
    about = ContentPage.objects.child_of(moc_chau_home("en")).get()
    assert (about.title, host_and_path(about)) == ("About", (MOC_CHAU, "/en/about/"))
    about_vi = about.get_translation(Locale.objects.get(language_code="vi"))
    assert host_and_path(about_vi) == (MOC_CHAU, "/vi/gioi-thieu/")
    seed = NewsPage.objects.get(title=data.SEED_ARTICLE_TITLE)
    english = seed.get_translation(en)
    assert english.live and english.title.startswith("Mộc Châu reviews grassroots democracy")
    assert host_and_path(english) == (MOC_CHAU, "/en/news/moc-chau-reviews-grassroots-democracy-first-six-months/")
    assert NewsPage.objects.live().filter(locale=en).count() >= 3
    assert BannerSlide.objects.filter(live=True, locale=en).count() == 3
    # Made through wagtail-localize, so the admin's translation editor and sync work on them.
    # The province (cms/demo/province.py): home, two indexes, "About", one article, one directive (6), and the
    # eight empty Decree 42 sections every portal gets (cms/portals/sections.py, DECREE_42_SECTIONS).
    # The Mộc Châu ward (41): home, two indexes (create_portal's), "Giới thiệu" and its three sub-pages, three
    # articles, three slides, the organisation chart and its six units (cms/organisation/demo.py), the questions
    # and answers page (cms/participation/demo.py); four directives (news/demo.py), the work schedule and its ten
    # activities (cms/schedule/demo.py), the web links page, the photo library and its three albums (two of photos,
    # one of videos: cms/gallery/demo.py).
    assert Translation.objects.filter(target_locale=en).count() == 6 + 8 + 41
    assert not Page.objects.filter(locale=en, live=False).exists()


def test_english_home_page_shows_english_slides_and_news(client, demo_content):
    province = client.get("/en/", HTTP_HOST="localhost").content.decode()
    assert "Sơn La Province Electronic Information Portal" in province  # the province's English name and footer
    assert "People&#x27;s Committee of Sơn La Province" in province
    assert "Sơn La runs two-level local government from 1 July 2025" in province
    html = client.get("/en/", HTTP_HOST=MOC_CHAU).content.decode()
    assert html.count("data-carousel-slide") == 3
    assert "The Mộc Châu plateau in plum blossom season" in html
    assert "Mộc Châu reviews grassroots democracy in the first six months of the year" in html
    assert "Cao nguyên Mộc Châu mùa hoa mận" not in html
    assert "Mộc Châu Ward Electronic Information Portal" in html  # English portal name and footer
    assert "People&#x27;s Committee of Mộc Châu Ward" in html or "People's Committee of Mộc Châu Ward" in html
    # The first slide links to the English article, not the Vietnamese one.
    assert re.search(r'href="/en/news/moc-chau-reviews-grassroots-democracy-first-six-months/"', html)
