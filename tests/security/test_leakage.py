"""Leakage: nothing unpublished, expired, draft or view-restricted reaches the public site.

Channels covered now: page URLs, listings (home news and directive boxes, banner, indexes),
the public search page, served documents, page previews. /api/v2/ reuses ``restricted``.
"""

import pytest
from django.urls import NoReverseMatch, reverse

from tests.security.leaks import assert_no_leak, html_tree

pytestmark = pytest.mark.django_db


def _role(client_fixture_name: str) -> str:
    return client_fixture_name.removesuffix("_client")


@pytest.mark.parametrize("client_name", ["anonymous_client", "editor_client", "reviewer_client", "approver_client"])
def test_restricted_pages_never_open_on_the_public_site_for_those_without_access(request, restricted, client_name):
    client = request.getfixturevalue(client_name)
    role = _role(client_name)
    for marker, page in restricted.pages.items():
        if restricted.visible_on_own_url(marker, role):
            continue
        url = page.get_url() or f"/vi/{page.url_path.strip('/').split('/', 1)[-1]}/"
        response = client.get(url)
        assert response.status_code in (200, 302, 403, 404), (marker, response.status_code)
        if response.status_code == 302:
            assert "/login/" in response["Location"] or "login" in response["Location"], (marker, response["Location"])
        assert_no_leak(response, [marker], f"{role} GET {url}")


def test_password_restricted_page_asks_for_the_password_without_showing_content(anonymous_client, restricted):
    page = restricted.pages["secretpasswordchild"]
    response = anonymous_client.get(page.get_url())
    assert response.status_code == 200
    assert html_tree(response).find("input", attrs={"type": "password"}) is not None
    assert_no_leak(response, restricted.markers)


def test_listings_show_public_items_and_never_restricted_ones(role_client, restricted, sections):
    news_index, directive_index = sections
    for url in ("/vi/", news_index.get_url(), directive_index.get_url()):
        response = role_client.get(url)
        assert response.status_code == 200, url
        assert_no_leak(response, restricted.markers, url)
    home_html = role_client.get("/vi/").content.decode()
    assert "publicnews" in home_html and "publicdirective" in home_html and "publicbanner" in home_html


def _search_result_text(response) -> str:
    results = html_tree(response).find("ol", class_="search-results")
    return results.get_text(" ") if results else ""


def test_public_search_finds_public_items_only(role_client, restricted):
    found = _search_result_text(role_client.get("/vi/search/", {"q": "publicnews"}))
    assert "publicnews" in found
    for marker in restricted.markers:
        response = role_client.get("/vi/search/", {"q": marker})
        assert response.status_code == 200
        assert marker not in _search_result_text(response), marker


def test_documents_in_restricted_collections_are_not_served_to_the_public(anonymous_client, restricted):
    for marker, document in restricted.documents.items():
        response = anonymous_client.get(document.url)
        if "login" in marker:
            assert response.status_code == 302 and "/login/" in response["Location"]
        else:
            assert response.status_code == 200
            assert html_tree(response).find("input", attrs={"type": "password"}) is not None
        assert not getattr(response, "streaming", False), marker
    public = anonymous_client.get(restricted.public_documents[0].url)
    assert public.status_code == 200
    assert public["Content-Disposition"].startswith("attachment")


def test_signed_in_staff_may_download_login_restricted_documents(editor_client, restricted):
    response = editor_client.get(restricted.documents["secretlogindocument"].url)
    assert response.status_code == 200


def test_images_are_served_only_as_files_from_media_never_through_a_dynamic_view():
    """Wagtail applies collection view restrictions to documents only; image originals are plain media files.

    The dynamic image serve view (which would render any filter on demand) is not mounted.
    """
    with pytest.raises(NoReverseMatch):
        reverse("wagtailimages_serve", args=("sig", 1, "original"))


def test_page_previews_require_login(anonymous_client, restricted):
    for page in restricted.pages.values():
        for url in (
            reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,)),
            reverse("wagtailadmin_pages:view_draft", args=(page.pk,)),
            reverse("wagtailadmin_pages:revisions_index", args=(page.pk,)),
        ):
            response = anonymous_client.get(url)
            assert response.status_code == 302 and "/admin/login/" in response["Location"], url
            assert_no_leak(response, restricted.markers, url)


def test_restricted_pages_are_never_cached_publicly(editor_client, restricted):
    response = editor_client.get(restricted.pages["secretloginchild"].get_url())
    assert response.status_code == 200
    assert "public" not in response.get("Cache-Control", "")
