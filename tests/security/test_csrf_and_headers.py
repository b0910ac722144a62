"""CSRF on state-changing forms, framing, the Content Security Policy and other response headers."""

import pytest
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Page

from tests import factories
from tests.security.conftest import make_client
from tests.security.leaks import html_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def csrf_superuser_client(superuser):
    return make_client(superuser, enforce_csrf_checks=True)


@pytest.fixture
def article(sections):
    page = factories.NewsPageFactory(parent=sections[0], title="Tin CSRF", slug="tin-csrf")
    page.save_revision().publish()
    return page


def admin_forms(article, other_parent) -> list[str]:
    pk = article.pk
    return [
        reverse("wagtailadmin_pages:edit", args=[pk]),
        reverse("wagtailadmin_pages:add", args=("news", "newspage", article.get_parent().pk)),
        reverse("wagtailadmin_pages:delete", args=[pk]),
        reverse("wagtailadmin_pages:unpublish", args=[pk]),
        reverse("wagtailadmin_pages:move_confirm", args=[pk, other_parent.pk]),
        reverse("wagtailadmin_pages:copy", args=[pk]),
        reverse("wagtailadmin_pages:lock", args=[pk]),
        reverse("wagtailadmin_pages:unlock", args=[pk]),
        reverse("wagtailadmin_pages:set_privacy", args=[pk]),
        reverse("wagtailadmin_pages:revisions_revert", args=[pk, article.latest_revision_id]),
        "/admin/users/new/",
        "/admin/groups/new/",
        "/admin/workflows/add/",
        "/admin/locales/new/",
        "/admin/settings/cms/portalsettings/",
        "/admin/sites/new/",
        "/admin/redirects/add/",
        reverse("wagtailimages:add"),
        reverse("wagtaildocs:add"),
        reverse("wagtailsnippets_home_bannerslide:add"),
        reverse("wagtailadmin_account"),
        reverse("wagtailadmin_logout"),
    ]


def test_every_state_changing_admin_form_refuses_a_post_without_a_token(csrf_superuser_client, article, sections):
    other = factories.NewsIndexPageFactory(parent=sections[0].get_parent(), slug="khac")
    for url in admin_forms(article, other):
        response = csrf_superuser_client.post(url, {"title": "x", "new_title": "x", "new_slug": "x"})
        assert response.status_code == 403, url
    assert Page.objects.filter(pk=article.pk, live=True, title="Tin CSRF").exists()


def test_login_and_public_password_forms_refuse_a_post_without_a_token(restricted):
    client = make_client(enforce_csrf_checks=True)
    assert client.post("/admin/login/", {"username": "a", "password": "b"}).status_code == 403
    page = restricted.pages["secretpasswordchild"]
    form_action = html_tree(client.get(page.get_url())).find("form")["action"]
    assert client.post(form_action, {"password": "xem-trang-mat"}).status_code == 403


@pytest.mark.parametrize("url", ["/vi/", "/vi/search/?q=a", "/admin/login/"])
def test_framing_is_refused(client, home, url):
    response = client.get(url, HTTP_HOST="localhost")
    assert response["X-Frame-Options"] == "DENY"
    expected = "frame-ancestors 'self'" if url.startswith("/admin/") else "frame-ancestors 'none'"
    assert expected in response["Content-Security-Policy"]


def test_public_pages_have_a_strict_policy_and_no_inline_code(anonymous_client, restricted):
    for url in ("/vi/", restricted.public_pages[0].get_url(), "/vi/search/?q=tin", "/vi/khong-co-trang-nay/"):
        response = anonymous_client.get(url)
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "unsafe-eval" not in policy, url
        assert "object-src 'none'" in policy and "base-uri 'self'" in policy
        tree = html_tree(response)
        assert all(script.get("src") for script in tree.find_all("script")), url
        assert not tree.find_all(style=True) and not tree.find_all("style"), url


def test_the_admin_gets_the_policy_it_needs(superuser_client, home):
    response = superuser_client.get("/admin/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "frame-ancestors 'self'" in policy
    assert "object-src 'none'" in policy


def test_page_preview_may_be_framed_by_the_admin_only(superuser_client, article):
    response = superuser_client.get(reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk]))
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]


def test_common_security_headers_are_sent(client, home):
    response = client.get("/vi/", HTTP_HOST="localhost")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@override_settings(SECURE_SSL_REDIRECT=True, SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True)
def test_http_is_redirected_to_https_and_https_carries_hsts(client, home):
    response = client.get("/vi/", HTTP_HOST="localhost")
    assert response.status_code == 301 and response["Location"].startswith("https://")
    secure = client.get("/vi/", HTTP_HOST="localhost", secure=True)
    assert secure["Strict-Transport-Security"].startswith("max-age=31536000")


@override_settings(SECURE_SSL_REDIRECT=True, SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"))
def test_behind_a_proxy_the_forwarded_scheme_is_trusted(client, home):
    response = client.get("/vi/", HTTP_HOST="localhost", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200


def test_session_cookie_is_httponly_and_expires(superuser, settings):
    client = make_client()
    credentials = {"username": superuser.username, "password": "Mat-khau-An-toan-2024"}
    client.post("/admin/login/", credentials)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert not cookie["max-age"]  # ends with the browser unless "remember me" is ticked
    assert 0 < client.session.get_expiry_age() <= settings.SESSION_COOKIE_AGE <= 24 * 60 * 60
    client.post("/admin/login/", {**credentials, "remember": "on"})
    assert int(client.cookies[settings.SESSION_COOKIE_NAME]["max-age"]) == settings.SESSION_COOKIE_AGE
