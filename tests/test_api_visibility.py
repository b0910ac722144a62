"""Nothing unpublished, expired, view-restricted or in a restricted collection leaves the API."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_server_cache(settings):
    settings.API_CACHE_SECONDS = 0


@pytest.fixture
def hidden(news_index, home):
    """One page of each kind that must never appear, and one visible page."""
    visible = factories.NewsPageFactory(parent=news_index, title="Hiển thị")
    draft = factories.NewsPageFactory(parent=news_index, title="Bản nháp", live=False)
    expired = factories.NewsPageFactory(
        parent=news_index, title="Hết hạn", expire_at=timezone.now() - datetime.timedelta(hours=1)
    )
    restricted_index = factories.NewsIndexPageFactory(parent=home, title="Nội bộ")
    under_restriction = factories.NewsPageFactory(parent=restricted_index, title="Tin nội bộ")
    PageViewRestriction.objects.create(page=restricted_index, restriction_type="password", password="secret")
    login_only = factories.NewsPageFactory(parent=news_index, title="Cần đăng nhập")
    PageViewRestriction.objects.create(page=login_only, restriction_type="login")
    group_only = factories.NewsPageFactory(parent=news_index, title="Theo nhóm")
    restriction = PageViewRestriction.objects.create(page=group_only, restriction_type="groups")
    restriction.groups.set([Group.objects.get_or_create(name="Biên tập viên")[0]])
    return {
        "visible": visible,
        "hidden": [draft, expired, restricted_index, under_restriction, login_only, group_only],
    }


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("api-admin", "a@example.com", "pw-Strong-123")
    client.force_login(user)
    return client


@pytest.mark.parametrize("caller", ["anonymous", "superuser"])
def test_hidden_pages_appear_in_no_listing_or_detail(request, client, hidden, caller):
    if caller == "superuser":
        client = request.getfixturevalue("admin_client")
    listed = {item["id"] for item in client.get("/api/v2/pages/", {"limit": 100}).json()["items"]}
    news = {item["id"] for item in client.get("/api/v2/pages/", {"type": "news.NewsPage"}).json()["items"]}
    assert hidden["visible"].pk in listed
    for page in hidden["hidden"]:
        assert page.pk not in listed and page.pk not in news, page.title
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404, page.title
        assert client.get("/api/v2/pages/find/", {"id": page.pk}).status_code == 404


def test_search_does_not_find_hidden_pages(client, hidden):
    for page in hidden["hidden"]:
        found = client.get("/api/v2/search/", {"q": page.title}).json()["items"]
        assert page.pk not in [item["id"] for item in found]


@pytest.fixture
def restricted_media():
    root = Collection.get_first_root_node()
    private = root.add_child(name="Nội bộ")
    inner = private.add_child(name="Con")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    return {
        "public_image": factories.ImageFactory(),
        "private_image": factories.ImageFactory(collection=inner),
        "public_document": factories.DocumentFactory(),
        "private_document": factories.DocumentFactory(collection=private),
    }


@pytest.mark.parametrize("caller", ["anonymous", "superuser"])
def test_restricted_collections_hide_images_and_documents(request, client, restricted_media, caller):
    if caller == "superuser":
        client = request.getfixturevalue("admin_client")
    images = [item["id"] for item in client.get("/api/v2/images/").json()["items"]]
    documents = [item["id"] for item in client.get("/api/v2/documents/").json()["items"]]
    assert images == [restricted_media["public_image"].pk]
    assert documents == [restricted_media["public_document"].pk]
    assert client.get(f"/api/v2/images/{restricted_media['private_image'].pk}/").status_code == 404
    assert client.get(f"/api/v2/documents/{restricted_media['private_document'].pk}/").status_code == 404


def test_restricted_media_is_dropped_from_page_bodies(client, news_index, restricted_media):
    from tests.api_content import rich_body

    page = factories.NewsPageFactory(
        parent=news_index,
        hero_image=restricted_media["private_image"],
        body=rich_body(restricted_media["private_image"], restricted_media["private_document"], news_index),
    )
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    blocks = {block["type"]: block["value"] for block in data["body"]}
    assert data["hero_image"] is None
    assert blocks["image"]["image"] is None and blocks["document"] is None
    assert restricted_media["private_document"].url not in blocks["paragraph"]


def test_images_and_documents_endpoints_describe_files(client, restricted_media):
    image = client.get(f"/api/v2/images/{restricted_media['public_image'].pk}/").json()
    assert {"title", "width", "height", "alt", "renditions"} <= image.keys()
    document = client.get(f"/api/v2/documents/{restricted_media['public_document'].pk}/").json()
    assert {"title", "url", "size", "file_type"} <= document.keys()


def test_the_tree_root_is_not_a_page_of_the_api(client, db):
    """Found by schemathesis: /api/v2/pages/1/ (Wagtail's root, no parent) answered 500."""
    from wagtail.models import Page

    root = Page.get_first_root_node()
    assert client.get(f"/api/v2/pages/{root.pk}/").status_code == 404
    assert root.pk not in [item["id"] for item in client.get("/api/v2/pages/", {"limit": 100}).json()["items"]]
