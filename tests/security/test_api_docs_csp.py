"""The API docs page (Swagger UI) works under the public Content Security Policy."""

import pytest

from tests.security.leaks import html_tree

pytestmark = pytest.mark.django_db


def _directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_api_docs_run_only_scripts_from_our_origin(anonymous_client):
    response = anonymous_client.get("/api/v2/docs/")
    assert response.status_code == 200
    policy = _directives(response)
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" in policy["style-src"]
    assert policy["frame-ancestors"] == ["'none'"]
    scripts = html_tree(response).find_all("script")
    assert scripts and all(script.get("src") for script in scripts), "inline script would be blocked"
    # Swagger UI's bundles are static files of our own origin; the start-up script is the view's ?script.
    assert all(script["src"].startswith(("/static/", "/api/v2/docs/")) for script in scripts)
    start = anonymous_client.get(scripts[-1]["src"])
    assert start["Content-Type"].startswith("application/javascript")
    assert b"/api/v2/schema/" in start.content


def test_inline_styles_stay_blocked_on_other_public_pages(anonymous_client):
    for url in ("/api/v2/pages/", "/api/v2/schema/", "/vi/"):
        response = anonymous_client.get(url, follow=True)
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], url
