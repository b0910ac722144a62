"""Brute force on the admin login: django-axes locks a user name from one address after N failures."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.test import override_settings
from django.utils import timezone

from tests.security.conftest import PASSWORD, make_client

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("axes_on")]
LIMIT = 3


@pytest.fixture
def axes_on():
    with override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=LIMIT):
        yield


def login(client, username, password, **extra):
    return client.post("/admin/login/", {"username": username, "password": password}, **extra)


def test_after_repeated_failures_even_the_right_password_is_refused_until_cooloff(editor):
    client = make_client(REMOTE_ADDR="203.0.113.7")
    for _ in range(LIMIT - 1):
        assert login(client, editor.username, "sai-mat-khau").status_code == 200
    locked = login(client, editor.username, "sai-mat-khau")
    assert locked.status_code == 429
    assert "Tạm khóa đăng nhập" in locked.content.decode()
    assert "15 phút" in locked.content.decode()

    again = login(client, editor.username, PASSWORD)
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session

    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(hours=1))
    assert login(client, editor.username, PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_lockout_is_per_user_name_and_address(editor, reviewer):
    attacker = make_client(REMOTE_ADDR="203.0.113.7")
    for _ in range(LIMIT):
        login(attacker, editor.username, "sai-mat-khau")
    assert login(attacker, editor.username, PASSWORD).status_code == 429
    # The same person from the office, and a colleague from the attacker's address, still get in.
    assert login(make_client(REMOTE_ADDR="198.51.100.20"), editor.username, PASSWORD).status_code == 302
    assert login(make_client(REMOTE_ADDR="203.0.113.7"), reviewer.username, PASSWORD).status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_behind_two_proxies_the_forwarded_client_address_counts(editor):
    """The same reading as throttling and the visitor counter (cms.core.http.client_address)."""
    proxy = {"REMOTE_ADDR": "10.0.0.2"}  # the second proxy; the first appended the client, the second the first
    for attempt in range(LIMIT):
        # A client-written first address changes nothing: only what our proxies appended counts.
        forwarded = f"192.0.2.{attempt}, 203.0.113.7, 10.0.0.1"
        login(make_client(**proxy), editor.username, "sai", HTTP_X_FORWARDED_FOR=forwarded)
    attacker = login(make_client(**proxy), editor.username, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.7, 10.0.0.1")
    assert attacker.status_code == 429
    office = login(make_client(**proxy), editor.username, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.20, 10.0.0.1")
    assert office.status_code == 302


def test_sessions_created_by_force_login_still_work_with_axes_on(editor):
    assert make_client(editor).get("/admin/").status_code == 200


@pytest.mark.parametrize("password", ["12345678901", "matkhau", "password123", "bientap2024"])
def test_weak_passwords_are_refused(editor, password):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password(password, user=editor)
