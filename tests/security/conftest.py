"""Fixtures for the attack tests: one user and client per role, and restricted content with markers.

Role groups come from cms/editorial/roles.py (``setup_roles``), so the tests follow whatever the roles grant.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from cms.editorial.roles import APPROVERS, EDITORS, REVIEWERS, SITE_ADMINS, setup_roles
from tests import factories
from tests.security.leaks import RestrictedContent

PASSWORD = "Mat-khau-An-toan-2024"
VIEW_PASSWORD = "xem-trang-mat"
HOST = "localhost"


def make_client(user=None, **defaults) -> Client:
    client = Client(HTTP_HOST=HOST, HTTP_ACCEPT_LANGUAGE="vi", **defaults)
    if user is not None:
        client.force_login(user)
    return client


def make_user(username: str, *groups, **extra):
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.vn", **extra
    )
    user.groups.add(*groups)
    return user


@pytest.fixture
def roles(db):
    return setup_roles()


@pytest.fixture
def editor(roles):
    return make_user("bientap", roles[EDITORS.name])


@pytest.fixture
def reviewer(roles):
    return make_user("thamdinh", roles[REVIEWERS.name])


@pytest.fixture
def approver(roles):
    return make_user("lanhdao", roles[APPROVERS.name])


@pytest.fixture
def site_admin(roles):
    return make_user("quantri", roles[SITE_ADMINS.name])


@pytest.fixture
def superuser(db):
    return make_user("sieuquantri", is_superuser=True, is_staff=True)


@pytest.fixture
def anonymous_client(db):
    return make_client()


@pytest.fixture
def editor_client(editor):
    return make_client(editor)


@pytest.fixture
def reviewer_client(reviewer):
    return make_client(reviewer)


@pytest.fixture
def approver_client(approver):
    return make_client(approver)


@pytest.fixture
def site_admin_client(site_admin):
    return make_client(site_admin)


@pytest.fixture
def superuser_client(superuser):
    return make_client(superuser)


ROLE_CLIENTS = ["anonymous_client", "editor_client", "reviewer_client", "approver_client"]


@pytest.fixture(params=ROLE_CLIENTS)
def role_client(request):
    """The same test as anonymous, editor, reviewer and approver."""
    return request.getfixturevalue(request.param)


@pytest.fixture
def sections(home):
    news_index = factories.NewsIndexPageFactory(parent=home, title="Tin tức", slug="tin-tuc")
    directive_index = factories.DirectiveIndexPageFactory(parent=home, title="Văn bản", slug="van-ban")
    return news_index, directive_index


def _restrict(page, restriction_type, *groups):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, password=VIEW_PASSWORD if restriction_type == "password" else ""
    )
    restriction.groups.add(*groups)
    return restriction


@pytest.fixture
def restricted(home, sections, roles) -> RestrictedContent:
    """Public items, plus one restricted item per kind, each carrying a marker word in title and text."""
    news_index, directive_index = sections
    content = RestrictedContent()
    now = timezone.now()

    def news(parent, marker, **kwargs):
        page = factories.NewsPageFactory(parent=parent, title=f"Tin {marker}", lead=f"Tóm tắt {marker}", **kwargs)
        content.pages[marker] = page
        return page

    content.public_pages += [
        factories.NewsPageFactory(parent=news_index, title="Tin công khai publicnews", lead="Tóm tắt publicnews"),
        factories.DirectivePageFactory(
            parent=directive_index, title="Văn bản publicdirective", summary="Trích yếu publicdirective"
        ),
    ]
    news(news_index, "secretdraft", live=False)
    news(news_index, "secretscheduled", live=False, go_live_at=now + datetime.timedelta(days=3))
    news(news_index, "secretunpublished").unpublish()
    # Expired but still live: the scheduled-publishing runner has not run yet.
    news(news_index, "secretexpired", expire_at=now - datetime.timedelta(hours=1))
    directive = factories.DirectivePageFactory(
        parent=directive_index, title="Văn bản secretdraftdirective", summary="secretdraftdirective", live=False
    )
    content.pages["secretdraftdirective"] = directive

    # A live page whose newer draft must stay in the admin.
    pending = factories.NewsPageFactory(parent=news_index, title="Tin đã duyệt", lead="Tóm tắt đã duyệt")
    pending.title, pending.lead = "Tin secretpendingdraft", "Tóm tắt secretpendingdraft"
    pending.save_revision()
    content.pages["secretpendingdraft"] = Page.objects.get(pk=pending.pk).specific

    for kind, groups in (("password", ()), ("login", ()), ("groups", (roles[APPROVERS.name],))):
        section = factories.NewsIndexPageFactory(parent=home, title=f"Chuyên mục secret{kind}section")
        content.pages[f"secret{kind}section"] = section
        _restrict(section, kind, *groups)
        news(section, f"secret{kind}child")
    group_directives = factories.DirectiveIndexPageFactory(parent=home, title="Văn bản mật secretgroupsdirectives")
    _restrict(group_directives, "groups", roles[APPROVERS.name])
    content.pages["secretgroupsdirectives"] = group_directives
    content.pages["secretgroupsdirective"] = factories.DirectivePageFactory(
        parent=group_directives, title="Văn bản secretgroupsdirective", summary="secretgroupsdirective"
    )

    root_collection = Collection.get_first_root_node()
    for kind in ("login", "password"):
        collection = root_collection.add_child(name=f"Hồ sơ {kind}")
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=kind, password=VIEW_PASSWORD if kind == "password" else ""
        )
        content.documents[f"secret{kind}document"] = factories.DocumentFactory(
            title=f"Tài liệu secret{kind}document", collection=collection
        )
        content.images[f"secret{kind}image"] = factories.ImageFactory(
            title=f"Ảnh secret{kind}image", collection=collection
        )
    content.public_documents = [factories.DocumentFactory(title="Tài liệu publicdocument")]

    content.snippets["secretdraftbanner"] = factories.BannerSlideFactory(title="secretdraftbanner", live=False)
    content.snippets["secretexpiredbanner"] = factories.BannerSlideFactory(
        title="secretexpiredbanner", expire_at=now - datetime.timedelta(hours=1)
    )
    factories.BannerSlideFactory(title="publicbanner")
    return content
