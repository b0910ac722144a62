"""Province directives in a commune (cms.portals.directives), continued: the commune's site search finds them,
commune staff cannot take them out of the register, the "applies to" panel shows only where it decides, and an
English directive reaches the communes' English registers."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Locale, Page, PagePermissionTester, PageViewRestriction
from wagtail_localize.models import TranslationSource

from cms.portals import directives
from news.models import DirectiveIndexPage, DirectivePage
from tests import factories
from tests.test_portals_directives import DOANKET, NUMBER, VANHO, aliases, commune, portals, publish_for
from tests.workflow_helpers import make_user

pytestmark = pytest.mark.django_db
__all__ = ["portals"]  # the fixture, shared with tests/test_portals_directives.py

PANEL = "Văn bản của tỉnh áp dụng cho xã, phường"
QUERY = "chuyen doi so cap xa"  # words of the province directive NUMBER's title, without tone marks


def search(client, host, **params):
    return client.get("/vi/search/", {"q": QUERY, **params}, HTTP_HOST=host).content.decode()


def api_search(client, host):
    return client.get("/api/v2/search/", {"q": QUERY}, HTTP_HOST=host).json()["items"]


def test_a_communes_site_search_finds_the_province_directives_its_register_lists(client, portals):
    province = publish_for(portals["province"], portals["vanho"])
    (alias,) = aliases(province)
    alias_path = alias.get_url_parts()[2]

    # The HTML page links to the commune's own page of it (the register's link), which names the province's
    # page as canonical; the API gives that page's id and URL (GET /api/v2/pages/{id}/ on the commune's host).
    found = search(client, VANHO)
    assert NUMBER in found and f'href="{alias_path}"' in found
    (item,) = [item for item in api_search(client, VANHO) if item["number"] == NUMBER]
    assert item["id"] == alias.pk and item["url"].endswith(alias_path) and VANHO in item["url"]
    assert client.get(f"/api/v2/pages/{alias.pk}/", HTTP_HOST=VANHO).status_code == 200
    # A commune it does not apply to does not find it; the province's own search links to the original.
    assert NUMBER not in search(client, DOANKET)
    assert f'href="{province.get_url_parts()[2]}"' in search(client, "localhost")
    # The copies are not indexed: the original's row stands for them.
    from search.models import SearchEntry

    assert not SearchEntry.objects.filter(page_id=alias.pk).exists()

    # The publication rule of the original still decides: restricted at the province, hidden in the commune.
    restriction = PageViewRestriction.objects.create(page=province, restriction_type=PageViewRestriction.LOGIN)
    assert NUMBER not in search(client, VANHO)
    assert not [item for item in api_search(client, VANHO) if item["number"] == NUMBER]
    restriction.delete()
    assert NUMBER in search(client, VANHO)
    DirectivePage.objects.get(pk=province.pk).unpublish()
    assert NUMBER not in search(client, VANHO)


@pytest.fixture
def commune_publisher(portals):
    """A commune user Wagtail alone would let delete a live alias: page permissions on Vân Hồ including
    publish (the demo roles hold none; an installation may grant it)."""
    group = Group.objects.create(name="Quản trị – Xã Vân Hồ (thử)")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page", "bulk_delete_page"):
        GroupPagePermission.objects.create(
            group=group, page=portals["vanho"].root_page, permission=Permission.objects.get(codename=codename)
        )
    return make_user("quantri.vanho", group.name)


def test_commune_staff_cannot_delete_move_or_unpublish_the_province_directive(client, portals, commune_publisher):
    province = publish_for(portals["province"], portals["vanho"])
    alias, own = aliases(province).get(), portals["own"]
    assert PagePermissionTester(commune_publisher, alias).can_delete()  # what Wagtail alone would allow
    client.force_login(commune_publisher)
    actions = ("delete", "move", "unpublish")

    def links(page):
        return [f"/admin/pages/{page.pk}/{action}/" for action in actions]

    # The explorer's row actions and the edit view's action menu and header: none for the alias, all for its own.
    register = DirectiveIndexPage.objects.child_of(portals["vanho"].root_page).get()
    for url in (f"/admin/pages/{register.pk}/", f"/admin/pages/{alias.pk}/edit/"):
        html = client.get(url).content.decode()
        assert not any(link in html for link in links(alias)), url
    listing = client.get(f"/admin/pages/{register.pk}/").content.decode()
    assert all(link in listing for link in links(own))
    assert f"/admin/pages/{own.pk}/delete/" in client.get(f"/admin/pages/{own.pk}/edit/").content.decode()

    # The views themselves, URLs crafted by hand, and the bulk actions: refused, the alias stays.
    for action in actions:
        assert client.get(f"/admin/pages/{alias.pk}/{action}/").status_code == 302, action
        assert client.post(f"/admin/pages/{alias.pk}/{action}/").status_code == 302, action
    client.post(f"/admin/pages/{alias.pk}/move/{portals['vanho'].root_page.pk}/confirm/")
    for action in ("delete", "move", "unpublish"):
        client.post(f"/admin/bulk/wagtailcore/page/{action}/?id={alias.pk}", {"move_to": register.pk})
    alias = DirectivePage.objects.get(pk=alias.pk)
    assert alias.live and alias.get_parent().pk == register.pk and alias.alias_of_id == province.pk

    # The commune's own directive goes through the same bulk action; the province's administrators may delete.
    client.post(f"/admin/bulk/wagtailcore/page/delete/?id={own.pk}")
    assert not DirectivePage.objects.filter(pk=own.pk).exists()
    client.force_login(make_user("tinh.admin", is_superuser=True, is_staff=True))
    assert client.post(f"/admin/pages/{alias.pk}/delete/").status_code == 302
    assert not DirectivePage.objects.filter(pk=alias.pk).exists()


def test_the_applies_to_panel_shows_only_on_the_provinces_directives(client, portals):
    client.force_login(make_user("tinh.admin", is_superuser=True, is_staff=True))
    province = portals["province"]
    province_register = province.get_parent()
    commune_register = DirectiveIndexPage.objects.child_of(portals["vanho"].root_page).get()
    assert PANEL in client.get(f"/admin/pages/{province.pk}/edit/").content.decode()
    assert PANEL in client.get(f"/admin/pages/add/news/directivepage/{province_register.pk}/").content.decode()
    assert PANEL not in client.get(f"/admin/pages/{portals['own'].pk}/edit/").content.decode()
    assert PANEL not in client.get(f"/admin/pages/add/news/directivepage/{commune_register.pk}/").content.decode()
    en = Locale.objects.get(language_code="en")
    english = province.get_translation_or_none(en) or province.copy_for_translation(en, copy_parents=True)
    assert PANEL not in client.get(f"/admin/pages/{english.pk}/edit/").content.decode()  # the Vietnamese decides


def english_register(site):
    """The commune's English home and register (create_portal makes them; the test communes have Vietnamese)."""
    english = Locale.objects.get(language_code="en")
    home = site.root_page.specific.copy_for_translation(english)
    home.save_revision().publish()
    register = DirectiveIndexPage.objects.child_of(site.root_page).get().copy_for_translation(english)
    register.save_revision().publish()
    return register


def test_an_english_directive_goes_to_the_english_registers_of_the_same_communes(client, portals):
    english = Locale.objects.get(language_code="en")
    registers = {host: english_register(portals[name]) for name, host in (("vanho", VANHO), ("doanket", DOANKET))}
    province = publish_for(portals["province"], portals["vanho"])
    # The translation as editors make it (wagtail-localize), published.
    source, _created = TranslationSource.get_or_create_from_instance(province)
    source.create_or_update_translation(english, publish=True)
    en = DirectivePage.objects.get(translation_key=province.translation_key, locale=english)
    (en_alias,) = aliases(en)
    assert en_alias.get_parent().pk == registers[VANHO].pk
    assert NUMBER in client.get(registers[VANHO].get_url_parts()[2], HTTP_HOST=VANHO).content.decode()

    # The Vietnamese page decides for its translations: moved to Đoàn Kết there, the English follows at once
    # (wagtail-localize never synchronises a many-to-many field, so the translation's own list is not read).
    publish_for(province, portals["doanket"])
    assert [alias.get_parent().pk for alias in aliases(en)] == [registers[DOANKET].pk]
    assert NUMBER in client.get(registers[DOANKET].get_url_parts()[2], HTTP_HOST=DOANKET).content.decode()
    assert NUMBER not in client.get(registers[VANHO].get_url_parts()[2], HTTP_HOST=VANHO).content.decode()

    # A commune created later gets the English version too when the Vietnamese says "every commune".
    publish_for(province, everywhere=True)
    later = commune("Phường Mộc Sơn", "mocson.localhost")
    later_register = english_register(later)
    assert directives.sync_portal(later) == 2  # the Vietnamese and the English
    assert DirectivePage.objects.child_of(later_register).get().alias_of_id == en.pk


def suggested(client, host, q, **params):
    response = client.get("/api/v2/search/suggest/", {"q": q, **params}, HTTP_HOST=host)
    assert response.status_code == 200, response.content
    return {item["title"]: item for item in response.json()["items"]}


def test_suggestions_come_from_the_portal_searched_and_what_it_lists(client, portals):
    province = publish_for(portals["province"], portals["vanho"])
    (alias,) = aliases(province)
    register = DirectiveIndexPage.objects.child_of(portals["doanket"].root_page).get()
    theirs = factories.DirectivePageFactory(parent=register, number="3/TB-UBND", title="Thông báo zqxw của xã")
    hidden = factories.DirectivePageFactory(parent=register, number="4/TB-UBND", title="Thông báo zqxw kín")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    factories.DirectivePageFactory(parent=register, number="5/TB-UBND", title="Thông báo zqxw nháp", live=False)

    # A commune's host: its own pages and the province directive its register lists, linked to its alias.
    on_vanho = suggested(client, VANHO, "chuyen doi so")
    (item,) = [item for item in on_vanho.values() if item["id"] in (alias.pk, province.pk)]
    assert item["id"] == alias.pk and VANHO in item["url"]
    assert not suggested(client, VANHO, "thong bao zq")  # Đoàn Kết's notice is not Vân Hồ's
    assert set(suggested(client, DOANKET, "thong bao zq")) == {theirs.title}  # never the restricted nor the draft
    assert not [item for item in suggested(client, DOANKET, "chuyen doi so").values() if item["id"] == alias.pk]
    # One API host for aggregators (?site=), and the whole province on request (portal=all), as the site search.
    assert set(suggested(client, "localhost", "thong bao zq", site=DOANKET)) == {theirs.title}
    assert not suggested(client, "localhost", "thong bao zq", site=VANHO)
    assert set(suggested(client, VANHO, "thong bao zq", portal="all")) == {theirs.title}
    assert not suggested(client, "localhost", "thong bao zq")  # the province's own portal by default
    bad = client.get("/api/v2/search/suggest/", {"q": "thong", "site": "nowhere.localhost"})
    assert bad.status_code == 400 and bad.json()["parameter"] == "site"
    # The ranked search reads ?site= the same way.
    found = client.get("/api/v2/search/", {"q": "thong bao zqxw", "site": DOANKET}).json()["items"]
    assert [item["title"] for item in found] == [theirs.title]
    assert not client.get("/api/v2/search/", {"q": "thong bao zqxw", "site": VANHO}).json()["items"]

    # Unpublished at the province: gone from the commune's suggestions too.
    DirectivePage.objects.get(pk=province.pk).unpublish()
    assert not [item for item in suggested(client, VANHO, "chuyen doi so").values() if item["id"] == alias.pk]


def test_a_page_holding_a_province_directive_is_not_deleted_moved_or_unpublished_with_it(
    client, portals, commune_publisher
):
    province = publish_for(portals["province"], portals["vanho"])
    home = portals["vanho"].root_page
    register = DirectiveIndexPage.objects.child_of(home).get()
    assert PagePermissionTester(commune_publisher, register).can_delete()  # what Wagtail alone would allow
    client.force_login(commune_publisher)
    actions = ("delete", "move", "unpublish")

    # Commune staff: no action offered on the register or the home, the views and bulk actions refuse.
    for page in (register, home):
        tester = page.specific.permissions_for_user(commune_publisher)
        assert not (tester.can_delete() or tester.can_move() or tester.can_unpublish()), page
    listing = client.get(f"/admin/pages/{home.pk}/").content.decode()
    assert not any(f"/admin/pages/{register.pk}/{action}/" in listing for action in actions)
    for action in actions:
        assert client.post(f"/admin/pages/{register.pk}/{action}/", {"include_descendants": "on"}).status_code == 302
    for action in actions:
        client.post(f"/admin/bulk/wagtailcore/page/{action}/?id={register.pk}", {"move_to": home.pk})
    register = DirectiveIndexPage.objects.get(pk=register.pk)
    assert register.live and aliases(province).get().live

    # The province's administrators: a message saying what to do first, not a deletion and not an error.
    client.force_login(make_user("tinh.admin", is_superuser=True, is_staff=True))
    for url in (f"/admin/pages/{register.pk}/delete/", f"/admin/bulk/wagtailcore/page/delete/?id={register.pk}"):
        response = client.post(url, follow=True)
        assert (
            response.status_code == 200
            and province.title in response.content.decode()
            and "Áp dụng cho" in response.content.decode()
        ), url
    response = client.post(f"/admin/pages/{register.pk}/unpublish/", {"include_descendants": "on"}, follow=True)
    assert response.status_code == 200 and "Áp dụng cho" in response.content.decode()
    elsewhere = portals["doanket"].root_page
    Page.objects.filter(pk=DirectiveIndexPage.objects.child_of(elsewhere).get().pk).update(slug="van-ban")  # room
    response = client.post(f"/admin/pages/{register.pk}/move/{elsewhere.pk}/confirm/", follow=True)
    assert response.status_code == 200 and "Áp dụng cho" in response.content.decode()
    register = DirectiveIndexPage.objects.get(pk=register.pk)
    assert register.live and register.get_parent().pk == home.pk and aliases(province).get().live

    # Withdrawn at the province, the register is the commune's own again.
    publish_for(DirectivePage.objects.get(pk=province.pk))
    assert not aliases(province).exists()
    assert register.permissions_for_user(commune_publisher).can_delete()
    client.force_login(commune_publisher)
    client.post(f"/admin/bulk/wagtailcore/page/delete/?id={register.pk}")
    assert not DirectiveIndexPage.objects.filter(pk=register.pk).exists()
