"""Privilege through the admin views, per role: real GETs and POSTs, not model methods.

The rule: editors create, edit and submit; they never publish, unpublish,
delete live content, move it, manage users, groups, workflows, settings or locales, edit
content locked by someone else, or read pages outside their sections. A superuser doing the
same request is the control that proves each request would have worked.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page, Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.core.models import PortalSettings
from home.models import HomePage
from news.models import NewsPage
from tests import factories
from tests.security.leaks import assert_no_leak

pytestmark = pytest.mark.django_db

LIMITED_ROLES = ["editor_client", "reviewer_client"]


def news_form(page, **changes) -> dict:
    """The edit form of a news page as the admin posts it."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "date": page.date.isoformat(),
        "category": page.category,
        "lead": page.lead,
        "hero_caption": "",
        "author": "",
        "body": streamfield([]),
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


def _is_refusal_redirect(location: str) -> bool:
    # Wagtail sends a refused admin to the dashboard; an admin 404 is redirected by LocaleMiddleware
    # to /vi/admin/..., which is the public site's 404.
    return location == reverse("wagtailadmin_home") or "/login/" in location or location.startswith("/vi/admin/")


def assert_denied(response, *markers, client=None):
    """Refused: an error status or a redirect away; one redirect to another admin view is followed."""
    assert response.status_code in (302, 403, 404, 405), response.status_code
    if markers:
        assert_no_leak(response, markers)
    if response.status_code == 302 and not _is_refusal_redirect(response["Location"]):
        assert client is not None, response["Location"]
        assert_denied(client.get(response["Location"]), *markers)


@pytest.fixture
def article(sections):
    news_index, _ = sections
    page = factories.NewsPageFactory(parent=news_index, title="Tin đã xuất bản", slug="tin-da-xuat-ban")
    page.save_revision().publish()
    return NewsPage.objects.get(pk=page.pk)


@pytest.fixture
def other_section(sections):
    return factories.NewsIndexPageFactory(parent=sections[0].get_parent(), title="Chuyên mục khác", slug="khac")


@pytest.fixture
def outside(roles):
    """A site tree created after the roles: no role has any permission on it."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Cổng khác", slug="cong-khac", locale=Locale.get_default()))
    index = factories.NewsIndexPageFactory(parent=home, title="Tin cổng khác", slug="tin-cong-khac")
    page = factories.NewsPageFactory(parent=index, title="Tin ngoài", slug="tin-ngoai")
    first = page.save_revision()
    first.publish()
    page = NewsPage.objects.get(pk=page.pk)
    page.title, page.lead = "Tin secretoutsidedraft", "secretoutsidedraft"
    second = page.save_revision()
    return {"home": home, "index": index, "page": NewsPage.objects.get(pk=page.pk), "revisions": (first, second)}


@pytest.mark.parametrize("client_name", LIMITED_ROLES)
def test_editor_cannot_publish_through_the_edit_form(request, client_name, article):
    client = request.getfixturevalue(client_name)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        news_form(article, title="Tin sửa bởi biên tập", **{"action-publish": "action-publish"}),
    )
    assert response.status_code in (200, 302)
    article.refresh_from_db()
    assert article.title == "Tin đã xuất bản"
    assert article.get_latest_revision().content["title"] == "Tin sửa bởi biên tập"  # kept as a draft


def test_superuser_publish_through_the_edit_form_is_the_control(superuser_client, article):
    response = superuser_client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        news_form(article, title="Tin sửa bởi quản trị", **{"action-publish": "action-publish"}),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Tin sửa bởi quản trị"


@pytest.mark.parametrize("client_name", LIMITED_ROLES)
def test_editor_cannot_unpublish_delete_or_move_live_pages(request, client_name, article, other_section):
    client = request.getfixturevalue(client_name)
    parent_pk = article.get_parent().pk
    assert_denied(client.post(reverse("wagtailadmin_pages:unpublish", args=[article.pk])))
    assert_denied(client.post(reverse("wagtailadmin_pages:delete", args=[article.pk])))
    assert_denied(client.post(reverse("wagtailadmin_pages:move_confirm", args=[article.pk, other_section.pk])))
    article.refresh_from_db()
    assert article.live
    assert article.get_parent().pk == parent_pk


def test_superuser_unpublish_is_the_control(superuser_client, article):
    superuser_client.post(reverse("wagtailadmin_pages:unpublish", args=[article.pk]))
    article.refresh_from_db()
    assert not article.live


@pytest.mark.parametrize("client_name", LIMITED_ROLES)
def test_editor_copies_stay_unpublished_and_never_land_outside_their_sections(request, client_name, article, outside):
    client = request.getfixturevalue(client_name)
    url = reverse("wagtailadmin_pages:copy", args=[article.pk])
    form = {"new_title": "Bản sao", "new_slug": "ban-sao", "copy_subpages": "", "publish_copies": "on"}
    client.post(url, {**form, "new_parent_page": outside["index"].pk})
    assert not Page.objects.filter(slug="ban-sao").child_of(outside["index"]).exists()
    client.post(url, {**form, "new_parent_page": article.get_parent().pk})
    assert not Page.objects.filter(slug="ban-sao", live=True).exists()


@pytest.mark.parametrize("client_name", LIMITED_ROLES)
def test_editor_cannot_read_pages_outside_their_sections(request, client_name, outside):
    client = request.getfixturevalue(client_name)
    page = outside["page"]
    first, second = outside["revisions"]
    for url in (
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        reverse("wagtailadmin_pages:history", args=[page.pk]),
        reverse("wagtailadmin_pages:revisions_index", args=[page.pk]),
        reverse("wagtailadmin_pages:revisions_view", args=[page.pk, second.pk]),
        reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, second.pk]),
        reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "live", "latest"]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
        reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
        reverse("wagtailadmin_pages:workflow_history", args=[page.pk]),
    ):
        assert_denied(client.get(url), "secretoutsidedraft", client=client)


def test_superuser_reads_revision_comparison_as_the_control(superuser_client, outside):
    first, second = outside["revisions"]
    url = reverse("wagtailadmin_pages:revisions_compare", args=[outside["page"].pk, first.pk, second.pk])
    response = superuser_client.get(url)
    assert response.status_code == 200
    assert "secretoutsidedraft" in response.content.decode()


@pytest.mark.parametrize("client_name", LIMITED_ROLES)
def test_admin_pages_api_never_shows_drafts_outside_the_users_permissions(request, client_name, outside):
    """GHSA-3vrh-m9w7-v94f: the admin pages API leaked draft titles of pages the user cannot edit."""
    client = request.getfixturevalue(client_name)
    for url in (
        f"/admin/api/main/pages/{outside['page'].pk}/",
        f"/admin/api/main/pages/?child_of={outside['index'].pk}",
        "/admin/api/main/pages/?search=secretoutsidedraft",
        f"/admin/api/main/pages/?child_of={outside['index'].pk}&fields=title,admin_display_title,latest_revision",
    ):
        response = client.get(url)
        assert response.status_code in (200, 302, 400, 403, 404), url
        if response.status_code == 302:
            assert _is_refusal_redirect(response["Location"])
        assert_no_leak(response, ["secretoutsidedraft"], url)


MANAGEMENT_PAGES = [
    "/admin/users/",
    "/admin/users/new/",
    "/admin/groups/",
    "/admin/groups/new/",
    "/admin/workflows/list/",
    "/admin/workflows/add/",
    "/admin/workflows/tasks/index/",
    "/admin/locales/",
    "/admin/locales/new/",
    "/admin/settings/cms/portalsettings/",
    "/admin/sites/",
    "/admin/redirects/",
]


def test_superuser_opens_every_management_page_as_the_control(superuser_client):
    for url in MANAGEMENT_PAGES:
        assert superuser_client.get(url, follow=True).status_code == 200, url


@pytest.mark.parametrize("client_name", [*LIMITED_ROLES, "approver_client"])
def test_editorial_roles_cannot_open_management_pages(request, client_name):
    client = request.getfixturevalue(client_name)
    for url in MANAGEMENT_PAGES:
        assert_denied(client.get(url), client=client)


@pytest.mark.parametrize("client_name", [*LIMITED_ROLES, "approver_client"])
def test_editorial_roles_cannot_create_users_groups_workflows_or_change_settings(request, client_name):
    client = request.getfixturevalue(client_name)
    users, groups, workflows = get_user_model().objects.count(), Group.objects.count(), Workflow.objects.count()
    client.post(
        "/admin/users/new/",
        {
            "username": "kehoach",
            "email": "kehoach@example.vn",
            "first_name": "Kẻ",
            "last_name": "Xâm nhập",
            "password1": "Mat-khau-Rat-Manh-123",
            "password2": "Mat-khau-Rat-Manh-123",
            "is_superuser": "on",
        },
    )
    client.post("/admin/groups/new/", {"name": "Nhóm lạ"})
    client.post("/admin/workflows/add/", {"name": "Quy trình lạ", "active": "on"})
    client.post(
        f"/admin/settings/cms/portalsettings/{PortalSettings.load().site_id}/", {"organisation": "Đã bị thay đổi"}
    )
    client.post("/admin/locales/new/", {"language_code": "fr"})
    assert get_user_model().objects.count() == users
    assert Group.objects.count() == groups
    assert Workflow.objects.count() == workflows
    assert PortalSettings.load().organisation != "Đã bị thay đổi"
    assert not Locale.objects.filter(language_code="fr").exists()


@pytest.mark.parametrize("client_name", LIMITED_ROLES)
def test_editor_cannot_edit_or_unlock_a_page_locked_by_someone_else(request, client_name, article, approver):
    client = request.getfixturevalue(client_name)
    article.locked, article.locked_by, article.locked_at = True, approver, timezone.now()
    article.save()
    revisions = article.revisions.count()
    client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), news_form(article, title="Sửa khi bị khóa"))
    client.post(reverse("wagtailadmin_pages:unlock", args=[article.pk]))
    article.refresh_from_db()
    assert article.revisions.count() == revisions
    assert article.locked and article.locked_by == approver
