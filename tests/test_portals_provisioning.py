"""create_portal, list_portals and retire_portal: a complete, empty portal in one command, idempotent."""

import io

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Collection, GroupPagePermission, Page, Site, WorkflowPage

from cms.core import visibility
from cms.editorial import roles
from cms.editorial.workflow.setup import setup_workflows
from cms.portals.models import Portal
from cms.portals.sections import DECREE_42_SECTIONS, SECTIONS
from home.models import HomePage
from news.models import DirectiveIndexPage, NewsIndexPage, NewsPage
from tests.demo_snapshot import session_snapshot
from tests.workflow_helpers import make_user

pytestmark = pytest.mark.django_db

VANHO = ["--name", "Xã Vân Hồ", "--hostname", "vanho.localhost"]


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def _build_vanho():
    """The locales, the roles and workflows, then ``create_portal`` for Vân Hồ."""
    call_command("sync_locales", stdout=io.StringIO())
    roles.setup_roles()
    setup_workflows()
    run("create_portal", *VANHO)


vanho_snapshot = session_snapshot(_build_vanho)


@pytest.fixture
def vanho(db, vanho_snapshot):
    vanho_snapshot.restore()
    return Portal.objects.get(hostname="vanho.localhost")


def counts() -> dict:
    return {
        model.__name__: model.objects.count()
        for model in (Page, Site, Collection, Group, GroupPagePermission, WorkflowPage, Portal)
    }


def test_create_portal_provisions_site_homes_sections_collection_groups_and_workflow(vanho):
    site = Site.objects.get(hostname="vanho.localhost")
    assert vanho.site == site and site.site_name == "Xã Vân Hồ"
    homes = {
        page.locale.language_code: page
        for page in HomePage.objects.filter(translation_key=site.root_page.translation_key)
    }
    assert set(homes) == {"vi", "en"} and homes["en"].title == "Vân Hồ Commune"
    assert all(visibility.is_visible_page(home) for home in homes.values())
    for home in homes.values():
        assert NewsIndexPage.objects.child_of(home).live().count() == 1
        assert DirectiveIndexPage.objects.child_of(home).live().count() == 1
        assert WorkflowPage.objects.get(page=home).workflow.name == "Duyệt tin bài – Xã Vân Hồ"
    assert vanho.collection.name == "Xã Vân Hồ"
    names = {"Biên tập viên – Xã Vân Hồ", "Thẩm định – Xã Vân Hồ", "Lãnh đạo phê duyệt – Xã Vân Hồ"}
    assert set(Group.objects.filter(name__contains="Xã Vân Hồ").values_list("name", flat=True)) == names


def test_a_new_portal_has_every_section_decree_42_asks_for_in_each_language(vanho, client):
    """Organisation, procedures, disclosures, schedule, drafts, Q&A, links, photos: empty, live and served."""
    assert {section.slug for section in DECREE_42_SECTIONS} >= {"co-cau-to-chuc", "thu-tuc-hanh-chinh", "hoi-dap"}
    for home in HomePage.objects.filter(translation_key=vanho.site.root_page.translation_key):
        english = home.locale.language_code == "en"
        for section in SECTIONS:
            (page,) = apps.get_model(section.model).objects.child_of(home).live()
            assert page.slug == (section.slug_en if english else section.slug)
            assert page.title == (section.title_en if english else section.title)
            path = page.get_url_parts()[2]
            assert client.get(path, HTTP_HOST="vanho.localhost").status_code == 200, path


def test_a_second_run_changes_nothing_and_says_so(vanho):
    before = counts()
    assert "Nothing to change" in run("create_portal", *VANHO)
    assert counts() == before


def test_dry_run_reports_and_creates_nothing(locales):
    before = counts()
    output = run("create_portal", "--name", "Xã Đoàn Kết", "--hostname", "doanket.localhost", "--dry-run")
    assert "Would create" in output and "group: Biên tập viên – Xã Đoàn Kết" in output
    assert counts() == before


def test_a_dry_run_leaves_no_remembered_trace_of_the_portal_it_rolled_back(home, locales):
    """The dry run builds the portal in a transaction and rolls it back; the portal trees recomputed inside it
    (with the new site) were kept for every process, and the province home then failed on the missing site."""
    from cms.core import sites

    run("create_portal", "--name", "Xã Đoàn Kết", "--hostname", "doanket.localhost", "--dry-run")
    assert set(sites.portal_trees()) <= set(Site.objects.values_list("pk", flat=True))
    assert "Xã Đoàn Kết" not in sites.portal_names().values()


@pytest.mark.parametrize(
    "args",
    [
        ["--name", "Xã A", "--hostname", "not a host"],
        ["--name", "Xã A", "--hostname", "a.localhost", "--languages", "vi,xx"],
        ["--name", "Xã A", "--hostname", "a.localhost", "--languages", "en,vi"],
        ["--name", "Xã A", "--hostname", "a.localhost", "--parent", "nowhere.localhost"],
    ],
)
def test_bad_arguments_are_clear_errors(locales, args):
    with pytest.raises(CommandError):
        run("create_portal", *args)


def test_a_name_already_taken_by_another_host_is_refused(vanho):
    with pytest.raises(CommandError, match=r"belongs to the portal at vanho\.localhost"):
        run("create_portal", "--name", "Xã Vân Hồ", "--hostname", "other.localhost")


def test_vietnamese_only_portal(locales):
    run("create_portal", "--name", "Phường Mộc Sơn", "--hostname", "mocson.localhost", "--languages", "vi")
    home = Site.objects.get(hostname="mocson.localhost").root_page
    assert list(home.get_translations(inclusive=True).values_list("locale__language_code", flat=True)) == ["vi"]


def test_parent_portal_is_recorded(vanho):
    run("create_portal", "--name", "Xã Đoàn Kết", "--hostname", "doanket.localhost", "--parent", "vanho.localhost")
    assert Portal.objects.get(hostname="doanket.localhost").parent == vanho


def test_portal_editors_work_in_their_portal_only(vanho):
    editor = make_user("bientap_vanho", "Biên tập viên – Xã Vân Hồ")
    portal_news = NewsIndexPage.objects.child_of(vanho.home).get()
    province_home = Site.objects.get(is_default_site=True).root_page
    assert portal_news.permissions_for_user(editor).can_add_subpage()
    assert not province_home.permissions_for_user(editor).can_edit()
    assert not province_home.permissions_for_user(editor).can_add_subpage()


def test_installation_wide_roles_do_not_reach_a_portal(vanho):
    roles.setup_roles()  # a later run (say, by load_demo_content) must not hand the portal to the province
    setup_workflows()
    province_editor = make_user("bientap", roles.EDITORS.name)
    assert not vanho.home.permissions_for_user(province_editor).can_edit()
    assert WorkflowPage.objects.get(page=vanho.home).workflow.name == "Duyệt tin bài – Xã Vân Hồ"


def test_list_portals_shows_every_site(vanho):
    output = run("list_portals")
    assert "vanho.localhost:80" in output and "Xã Vân Hồ" in output and "(default)" in output


def test_read_only_portal_keeps_its_site_but_nobody_edits(vanho):
    editor = make_user("bientap_vanho", "Biên tập viên – Xã Vân Hồ")
    run("retire_portal", "--hostname", "vanho.localhost", "--read-only")
    vanho.refresh_from_db()
    assert vanho.status == Portal.Status.READ_ONLY and vanho.site is not None
    assert not vanho.home.permissions_for_user(editor).can_edit()
    assert visibility.is_visible_page(vanho.home)


def test_archived_portal_goes_offline_and_keeps_its_content(vanho):
    pages_before = Page.objects.count()
    run("retire_portal", "--hostname", "vanho.localhost", "--archive")
    vanho.refresh_from_db()
    assert vanho.status == Portal.Status.ARCHIVED and vanho.site is None
    assert not Site.objects.filter(hostname="vanho.localhost").exists()
    assert Page.objects.count() == pages_before
    assert not visibility.visible_pages(NewsIndexPage).filter(path__startswith=vanho.home.path).exists()
    assert "Đã lưu trữ" in run("list_portals")
    # Archiving twice is harmless.
    run("retire_portal", "--hostname", "vanho.localhost", "--archive")


def test_demo_portals_give_each_commune_its_accounts_and_article(locales):
    output = run("load_demo_portals", "--password", "demo-Pass-2024")
    # Every portal's address is printed, the province's first (the tests' WAGTAILADMIN_BASE_URL, port 80).
    listed = output.split("Portals (")[1].splitlines()[1:]
    assert listed[0] == "  Cổng thông tin điện tử tỉnh Sơn La: http://testserver/"
    assert "  Cổng thông tin điện tử Xã Vân Hồ: http://vanho.localhost/" in listed
    editor = get_user_model().objects.get(username="bientap.vanho")
    assert editor.groups.filter(name="Biên tập viên – Xã Vân Hồ").exists() and editor.check_password("demo-Pass-2024")
    assert NewsPage.objects.live().filter(share_with_province=True).count() == 1
    assert "nothing changed" in run("load_demo_portals")
