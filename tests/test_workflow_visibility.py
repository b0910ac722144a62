"""Nothing in draft or in moderation reaches the public site: pages, listings, search, the home banner."""

import pytest

from tests import factories
from tests.workflow_helpers import as_user, edit_page, edit_snippet

pytestmark = pytest.mark.django_db


def public(client, url, **params):
    client.logout()
    return client.get(url, params, HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="vi")


def test_article_in_moderation_is_not_on_the_site_listings_or_search(client, staff, home, news_index):
    page = factories.NewsPageFactory(parent=news_index, live=False, owner=staff.editor, title="Tin đang chờ duyệt")
    page.save_revision(user=staff.editor)
    edit_page(as_user(client, staff.editor), page, "submit")
    page.refresh_from_db()
    assert page.workflow_in_progress

    assert public(client, f"{news_index.get_url()}{page.slug}/").status_code == 404
    for url, params in (("/vi/", {}), (news_index.get_url(), {}), ("/vi/search/", {"q": "chờ duyệt"})):
        assert "Tin đang chờ duyệt" not in public(client, url, **params).content.decode()


def test_submitted_changes_to_a_live_article_stay_hidden_until_approved(client, staff, news_index):
    page = factories.NewsPageFactory(parent=news_index, title="Bản đã duyệt")
    edit_page(as_user(client, staff.editor), page, "submit", title="Bản sửa chưa duyệt")
    html = public(client, page.get_url()).content.decode()
    assert "Bản đã duyệt" in html
    assert "Bản sửa chưa duyệt" not in html
    search = public(client, "/vi/search/", q="chưa duyệt").content.decode()
    assert "Bản sửa chưa duyệt" not in search


def test_draft_and_submitted_banner_slides_are_not_on_the_home_page(client, staff, home):
    draft = factories.BannerSlideFactory(live=False, title="Banner nháp")
    draft.save_revision(user=staff.editor)
    live = factories.BannerSlideFactory(title="Banner đang chạy")
    live.save_revision().publish()
    edit_snippet(as_user(client, staff.editor), live, "submit", title="Banner sửa chưa duyệt")
    edit_snippet(as_user(client, staff.editor), draft, "submit")
    draft.refresh_from_db()
    assert draft.workflow_in_progress

    html = public(client, "/vi/").content.decode()
    assert "Banner đang chạy" in html
    assert "Banner nháp" not in html
    assert "Banner sửa chưa duyệt" not in html
