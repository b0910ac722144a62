"""seed_content --portals: a province and its communes, each with its share of the seeded pages, for the bench."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from cms.portals.models import Portal
from news.models import DirectivePage, NewsPage

pytestmark = pytest.mark.django_db


def test_seed_content_builds_communes_and_shares_the_pages_out(client):
    out = io.StringIO()
    call_command("seed_content", "--portals", "3", "--news", "10", "--directives", "4", "--seed", "3", stdout=out)
    assert "Portal Xã Mẫu 02 (xa02.localhost)" in out.getvalue()
    assert sorted(Portal.objects.values_list("hostname", flat=True)) == ["xa01.localhost", "xa02.localhost"]
    for portal, news, directives in ((None, 4, 2), ("xa01.localhost", 3, 1), ("xa02.localhost", 3, 1)):
        site = Site.objects.get(is_default_site=True) if portal is None else Site.objects.get(hostname=portal)
        home = site.root_page
        assert NewsPage.objects.live().descendant_of(home).count() == news, portal
        assert DirectivePage.objects.live().descendant_of(home).count() == directives, portal
    assert all(not problem for problem in Page.find_problems())
    article = NewsPage.objects.live().descendant_of(Site.objects.get(hostname="xa01.localhost").root_page).first()
    path = article.get_url_parts()[2]
    assert client.get(path, HTTP_HOST="xa01.localhost").status_code == 200
    assert client.get(path).status_code == 404
    # A second run adds pages, not portals.
    call_command("seed_content", "--portals", "3", "--news", "3", "--directives", "0", stdout=io.StringIO())
    assert Portal.objects.count() == 2 and NewsPage.objects.count() == 13
