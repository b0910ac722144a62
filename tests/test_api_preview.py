"""Headless preview: a short-lived ticket, exchanged once for a header token, opens one page's draft.

Every use is checked again: the token's lifetime, its user's permissions, the page's existence and
publication (cms/api/preview.py).
"""

import datetime

import pytest
import time_machine
from django.utils import timezone

from cms.api.models import PreviewToken
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(news_index):
    """A published article with unpublished changes."""
    page = factories.NewsPageFactory(parent=news_index, title="Bản đã đăng")
    page.save_revision().publish()
    page.title = "Bản nháp mới"
    page.lead = "Tóm tắt nháp"
    page.save_revision()
    return page


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("bien-tap", "e@example.com", "pw-Strong-123")


def ticket(client, user, page) -> str:
    client.force_login(user)
    issued = client.get("/api/v2/preview/token/", {"page": page.pk})
    assert issued.status_code == 200 and issued["Cache-Control"] == "private, no-store"
    client.logout()
    return issued.json()["token"]


# Refusals are read in English here (they follow the request's language, Vietnamese by default).
def exchange(client, secret):
    return client.post("/api/v2/preview/exchange/", HTTP_X_PREVIEW_TOKEN=secret, HTTP_ACCEPT_LANGUAGE="en")


def header_token(client, user, page) -> str:
    response = exchange(client, ticket(client, user, page))
    assert response.status_code == 200, response.content
    return response.json()["token"]


def open_preview(client, page_id, token):
    return client.get(f"/api/v2/preview/{page_id}/", HTTP_X_PREVIEW_TOKEN=token, HTTP_ACCEPT_LANGUAGE="en")


def test_editor_gets_a_ticket_and_front_end_reads_the_draft(client, draft, editor):
    token = header_token(client, editor, draft)
    response = open_preview(client, draft.pk, token)
    assert response.status_code == 200
    data = response.json()
    assert data["title"] == "Bản nháp mới" and data["lead"] == "Tóm tắt nháp"
    assert {"hero_image", "category", "body", "meta"} <= data.keys()  # the same serializer as detail
    assert response["Cache-Control"] == "private, no-store"
    # The public API still shows the published version.
    assert client.get(f"/api/v2/pages/{draft.pk}/").json()["title"] == "Bản đã đăng"
    # Only hashes are stored.
    assert not PreviewToken.objects.filter(key_hash=token).exists()


def test_ticket_is_spent_by_its_exchange(client, draft, editor):
    secret = ticket(client, editor, draft)
    assert exchange(client, secret).status_code == 200
    again = exchange(client, secret)
    assert again.status_code == 403 and "spent" in again.json()["message"]
    # A ticket is not a header token either.
    assert open_preview(client, draft.pk, ticket(client, editor, draft)).status_code == 403


def test_token_in_the_query_string_is_refused(client, draft, editor):
    token = header_token(client, editor, draft)
    response = client.get(f"/api/v2/preview/{draft.pk}/", {"token": token}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 403 and "header" in response.json()["message"]


def test_token_is_refused_after_unpublish(client, draft, editor):
    token = header_token(client, editor, draft)
    draft.unpublish()
    response = open_preview(client, draft.pk, token)
    assert response.status_code == 403
    assert response.json() == {"message": "token: invalid, spent or revoked.", "parameter": "token"}
    in_vietnamese = client.get(f"/api/v2/preview/{draft.pk}/", HTTP_X_PREVIEW_TOKEN=token).json()
    assert in_vietnamese == {"message": "token: mã không hợp lệ, đã dùng hoặc đã bị thu hồi.", "parameter": "token"}


def test_token_is_refused_after_the_user_lost_permission(client, draft, staff):
    token = header_token(client, staff.editor, draft)
    assert open_preview(client, draft.pk, token).status_code == 200
    staff.editor.groups.clear()
    response = open_preview(client, draft.pk, token)
    assert response.status_code == 403 and "may no longer preview" in response.json()["message"]


def test_token_is_refused_after_its_lifetime(client, draft, editor, settings):
    assert settings.API_PREVIEW_TOKEN_SECONDS == 600  # the default: ten minutes
    token = header_token(client, editor, draft)
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=599)):
        assert open_preview(client, draft.pk, token).status_code == 200
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=601)):
        response = open_preview(client, draft.pk, token)
    assert response.status_code == 403 and "expired" in response.json()["message"]


def test_exchange_does_not_extend_the_lifetime(client, draft, editor):
    secret = ticket(client, editor, draft)
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=500)):
        response = exchange(client, secret)
        assert response.json()["expires_in"] <= 100
        token = response.json()["token"]
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=601)):
        assert open_preview(client, draft.pk, token).status_code == 403


def test_token_is_refused_after_the_page_is_deleted(client, draft, editor):
    token = header_token(client, editor, draft)
    draft.delete()
    assert open_preview(client, draft.pk, token).status_code == 403


def test_token_can_be_revoked(client, draft, editor):
    token = header_token(client, editor, draft)
    assert client.post("/api/v2/preview/revoke/", HTTP_X_PREVIEW_TOKEN=token).status_code == 204
    assert open_preview(client, draft.pk, token).status_code == 403


def test_token_is_bound_to_the_revision(client, draft, editor):
    token = header_token(client, editor, draft)
    draft.title = "Bản nháp sau"
    draft.save_revision()
    # The token shows the revision it was issued for, not a later one.
    assert open_preview(client, draft.pk, token).json()["title"] == "Bản nháp mới"


def test_never_published_page_is_only_reachable_with_a_token(client, news_index, editor):
    page = factories.NewsPageFactory(parent=news_index, title="Chưa đăng", live=False)
    page.save_revision()
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    assert open_preview(client, page.pk, "").status_code == 403
    assert open_preview(client, page.pk, header_token(client, editor, page)).json()["title"] == "Chưa đăng"


def test_revision_awaiting_approval_can_be_previewed_by_its_approver(client, draft, staff):
    draft.get_workflow().start(draft, staff.editor)
    assert open_preview(client, draft.pk, header_token(client, staff.reviewer, draft)).status_code == 200


def test_anonymous_and_other_users_get_no_ticket(client, draft, django_user_model):
    response = client.get("/api/v2/preview/token/", {"page": draft.pk})
    assert response.status_code == 403 and "message" in response.json()
    client.force_login(django_user_model.objects.create_user("cong-dan", "c@example.com", "pw-Strong-123"))
    assert client.get("/api/v2/preview/token/", {"page": draft.pk}).status_code == 403


def test_garbage_and_foreign_tokens_are_refused(client, draft, editor, news_index):
    assert open_preview(client, draft.pk, "garbage").status_code == 403
    other = factories.NewsPageFactory(parent=news_index)
    other.save_revision()
    response = open_preview(client, draft.pk, header_token(client, editor, other))
    assert response.status_code == 403 and "another page" in response.json()["message"]
