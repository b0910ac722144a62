"""Province directives in the communes' registers (cms.portals.directives): one record, as Wagtail aliases."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import GroupPagePermission, Locale, Page, Site

from cms.portals import directives
from home.models import HomePage
from news.models import DirectiveIndexPage, DirectivePage
from tests import factories
from tests.workflow_helpers import make_user

pytestmark = pytest.mark.django_db

VANHO = "vanho.localhost"
DOANKET = "doanket.localhost"
NUMBER = "1368/QĐ-UBND"  # a directive of the demo's province (cms/demo/province.py)
REGISTER = "/vi/chi-dao-dieu-hanh/"


def commune(name: str, hostname: str) -> Site:
    """A commune portal with only what this feature reads: a site, its home and its directive register
    (create_portal's groups and workflow are not needed and cost seconds)."""
    home = HomePage(title=name, slug=hostname.split(".")[0], locale=Locale.get_default())
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.create(hostname=hostname, port=80, root_page=home, site_name=name)
    factories.DirectiveIndexPageFactory(parent=home, title="Chỉ đạo điều hành", slug="chi-dao-dieu-hanh")
    return site


@pytest.fixture
def portals(demo_content):
    vanho, doanket = commune("Xã Vân Hồ", VANHO), commune("Xã Đoàn Kết", DOANKET)
    own = factories.DirectivePageFactory(
        parent=DirectiveIndexPage.objects.child_of(vanho.root_page).get(),
        number="12/TB-UBND",
        title="Thông báo lịch tiếp công dân của xã",
        issuing_agency="UBND xã Vân Hồ",
    )
    province = DirectivePage.objects.get(number=NUMBER, locale__language_code="vi", alias_of__isnull=True)
    return {"vanho": vanho, "doanket": doanket, "own": own, "province": province}


def publish_for(page: DirectivePage, *sites: Site, everywhere: bool = False) -> DirectivePage:
    page = page.get_latest_revision_as_object()
    page.applies_to_all_communes = everywhere
    page.applies_to.set(sites)
    page.save_revision().publish()
    return DirectivePage.objects.get(pk=page.pk)


def aliases(page: DirectivePage):
    return DirectivePage.objects.filter(alias_of=page)


def test_a_province_directive_is_listed_in_the_registers_of_the_communes_it_applies_to(client, portals):
    province = publish_for(portals["province"], portals["vanho"])
    (alias,) = aliases(province)
    assert alias.path.startswith(portals["vanho"].root_page.path)  # Đoàn Kết was not chosen

    register = client.get(REGISTER, HTTP_HOST=VANHO).content.decode()
    assert NUMBER in register and "12/TB-UBND" in register  # the province's and its own
    assert register.count("Văn bản của tỉnh") == 1  # marked: the province's only
    assert NUMBER not in client.get(REGISTER, HTTP_HOST=DOANKET).content.decode()
    assert "Văn bản của tỉnh" not in client.get(REGISTER).content.decode()  # the province's own register

    # The register's filters and keyword search (the alias is not in the search index: its original is).
    assert NUMBER in client.get(REGISTER, {"document_type": "quyet-dinh"}, HTTP_HOST=VANHO).content.decode()
    assert NUMBER not in client.get(REGISTER, {"document_type": "thong-bao"}, HTTP_HOST=VANHO).content.decode()
    found = client.get(REGISTER, {"q": "chuyen doi so cap xa"}, HTTP_HOST=VANHO).content.decode()
    assert NUMBER in found and "12/TB-UBND" not in found
    assert NUMBER in client.get(REGISTER, {"q": "1368/QĐ"}, HTTP_HOST=VANHO).content.decode()

    # Its page on the commune: marked, linking to the province's page, which is the canonical one.
    original_url = province.get_full_url()
    page = client.get(alias.get_url_parts()[2], HTTP_HOST=VANHO).content.decode()
    assert f'<link rel="canonical" href="{original_url}">' in page
    assert f'href="{original_url}"' in page.split("</head>")[1]
    assert 'rel="canonical"' not in client.get(province.get_url_parts()[2]).content.decode()

    # The commune's API listing, with the original named; the commune's sitemap leaves the alias out.
    listing = client.get("/api/v2/pages/", {"type": "news.DirectivePage"}, HTTP_HOST=VANHO).json()
    items = {item["number"]: item for item in listing["items"]}
    assert set(items) == {NUMBER, "12/TB-UBND"}
    assert items[NUMBER]["meta"]["alias_of"]["meta"]["html_url"] == original_url
    assert items["12/TB-UBND"]["meta"]["alias_of"] is None
    sitemap = client.get("/sitemap.xml", HTTP_HOST=VANHO).content.decode()
    assert alias.slug not in sitemap and portals["own"].slug in sitemap


def test_changes_at_the_province_follow_and_unpublishing_removes_it_everywhere(client, portals):
    province = publish_for(portals["province"], portals["vanho"], portals["doanket"])
    assert aliases(province).count() == 2

    draft = province.get_latest_revision_as_object()
    draft.summary = "Trích yếu đã sửa ở tỉnh"
    draft.save_revision().publish()
    assert set(aliases(province).values_list("summary", flat=True)) == {"Trích yếu đã sửa ở tỉnh"}
    assert "Trích yếu đã sửa ở tỉnh" in client.get(REGISTER, HTTP_HOST=DOANKET).content.decode()

    # Expired at the province (before the scheduler unpublishes it): hidden in the communes at once.
    alias_url = aliases(province).first().get_url_parts()[2]
    Page.objects.filter(pk=province.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    DirectivePage.objects.get(pk=province.pk).save_revision()  # any page change starts a new content generation
    assert NUMBER not in client.get(REGISTER, HTTP_HOST=VANHO).content.decode()
    assert client.get(alias_url, HTTP_HOST=VANHO).status_code == 404
    Page.objects.filter(pk=province.pk).update(expire_at=None)

    DirectivePage.objects.get(pk=province.pk).unpublish()
    for host in (VANHO, DOANKET):
        assert NUMBER not in client.get(REGISTER, HTTP_HOST=host).content.decode()
        listing = client.get("/api/v2/pages/", {"type": "news.DirectivePage"}, HTTP_HOST=host).json()
        assert NUMBER not in {item["number"] for item in listing["items"]}
    assert client.get(alias_url, HTTP_HOST=DOANKET).status_code == 404

    # Published again for one commune only: the other's alias goes; deleted: no copy is left behind.
    province = publish_for(province, portals["vanho"])
    assert [alias.path[: Page.steplen * 2] for alias in aliases(province)] == [portals["vanho"].root_page.path]
    DirectivePage.objects.get(pk=province.pk).delete()
    assert not DirectivePage.objects.filter(number=NUMBER, locale__language_code="vi").exists()


def test_every_commune_including_one_created_later(client, portals):
    province = publish_for(portals["province"], everywhere=True)
    assert aliases(province).count() == 3  # Vân Hồ, Đoàn Kết and the demo's Phường Mộc Châu
    later = commune("Phường Mộc Sơn", "mocson.localhost")
    assert directives.sync_portal(later) == 1
    assert directives.sync_portal(later) == 0  # once
    assert NUMBER in client.get(REGISTER, HTTP_HOST="mocson.localhost").content.decode()
    # A commune's own directive never spreads, whatever it says.
    publish_for(portals["own"], portals["doanket"], everywhere=True)
    assert not aliases(portals["own"]).exists()


def test_a_commune_editor_cannot_turn_the_province_directive_into_a_copy(client, portals):
    province = publish_for(portals["province"], portals["vanho"])
    alias = aliases(province).get()
    group = Group.objects.create(name="Biên tập viên – Xã Vân Hồ (thử)")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=portals["vanho"].root_page, permission=Permission.objects.get(codename="change_page")
    )
    editor = make_user("bientap.thu", group.name)
    assert alias.permissions_for_user(editor).can_edit()  # Wagtail alone would let them convert it
    client.force_login(editor)
    url = f"/admin/pages/{alias.pk}/convert_alias/"
    assert client.post(url).status_code == 302
    assert DirectivePage.objects.get(pk=alias.pk).alias_of_id == province.pk


def test_an_alias_shows_the_statistics_its_original_shows(client, portals):
    """The statistics block shows only the page's own portal's figures; an alias's portal is its original's."""
    statistic = factories.StatisticFactory(label="Tỷ lệ hồ sơ đúng hạn của tỉnh")
    province = portals["province"].get_latest_revision_as_object()
    province.body = [{"type": "statistics", "value": {"heading": "Số liệu", "statistics": [statistic.pk]}}]
    province.save_revision()
    province = publish_for(province, portals["vanho"])
    (alias,) = aliases(province)
    assert statistic.label in client.get(alias.get_url_parts()[2], HTTP_HOST=VANHO).content.decode()
    body = client.get(f"/api/v2/pages/{alias.pk}/", HTTP_HOST=VANHO).json()["body"]
    assert [s["label"] for s in body[0]["value"]["statistics"]] == [statistic.label]
