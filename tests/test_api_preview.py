"""Headless preview: a signed, expiring token opens one page's draft through the API serializers."""

import pytest
from django.core import signing

from cms.api import preview
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(news_index):
    """A published article with unpublished changes, and a page never published."""
    page = factories.NewsPageFactory(parent=news_index, title="Bản đã đăng")
    page.title = "Bản nháp mới"
    page.lead = "Tóm tắt nháp"
    page.save_revision()
    return page


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("bien-tap", "e@example.com", "pw-Strong-123")


def open_preview(client, page_id, token):
    return client.get(f"/api/v2/preview/{page_id}/", {"token": token})


def test_editor_gets_a_token_and_front_end_reads_the_draft(client, draft, editor):
    client.force_login(editor)
    issued = client.get("/api/v2/preview/token/", {"page": draft.pk})
    assert issued.status_code == 200 and issued["Cache-Control"] == "private, no-store"
    client.logout()
    response = open_preview(client, draft.pk, issued.json()["token"])
    assert response.status_code == 200
    data = response.json()
    assert data["title"] == "Bản nháp mới" and data["lead"] == "Tóm tắt nháp"
    assert {"hero_image", "category", "body", "meta"} <= data.keys()  # the same serializer as detail
    assert response["Cache-Control"] == "private, no-store"
    # The public API still shows the published version.
    assert client.get(f"/api/v2/pages/{draft.pk}/").json()["title"] == "Bản đã đăng"


def test_never_published_page_is_only_reachable_with_a_token(client, news_index):
    page = factories.NewsPageFactory(parent=news_index, title="Chưa đăng", live=False)
    revision = page.save_revision()
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    assert open_preview(client, page.pk, "").status_code == 403
    assert open_preview(client, page.pk, preview.make_token(revision)).json()["title"] == "Chưa đăng"


def test_revision_awaiting_approval_can_be_previewed(client, draft):
    revision = draft.latest_revision
    draft.has_unpublished_changes = True
    assert open_preview(client, draft.pk, preview.make_token(revision)).status_code == 200


def test_expired_token_is_refused(client, draft, settings):
    token = preview.make_token(draft.latest_revision)
    settings.API_PREVIEW_TOKEN_SECONDS = -1
    response = open_preview(client, draft.pk, token)
    assert response.status_code == 403 and "expired" in response.json()["detail"]


def test_tampered_token_is_refused(client, draft):
    token = preview.make_token(draft.latest_revision)
    assert open_preview(client, draft.pk, token[:-2] + ("AA" if token[-2:] != "AA" else "BB")).status_code == 403
    forged = signing.dumps({"page": draft.pk, "revision": draft.latest_revision.pk}, salt="another-salt")
    assert open_preview(client, draft.pk, forged).status_code == 403
    assert open_preview(client, draft.pk, "garbage").status_code == 403


def test_token_for_another_page_is_refused(client, draft, news_index):
    other = factories.NewsPageFactory(parent=news_index)
    token = preview.make_token(other.save_revision())
    response = open_preview(client, draft.pk, token)
    assert response.status_code == 403 and "another page" in response.json()["detail"]


def test_anonymous_and_unprivileged_users_get_no_token(client, draft, django_user_model):
    assert client.get("/api/v2/preview/token/", {"page": draft.pk}).status_code in (401, 403)
    client.force_login(django_user_model.objects.create_user("dan", password="pw-Strong-123"))
    assert client.get("/api/v2/preview/token/", {"page": draft.pk}).status_code == 403
    assert client.get("/api/v2/preview/token/", {"page": "abc"}).status_code == 400


def test_unknown_page_preview_is_refused(client):
    assert open_preview(client, 999999, "x").status_code == 403
