"""`make serve`: production settings on the embedded default pass `check --deploy` except HTTPS."""

import importlib
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import Resolver404, resolve
from django.views.static import serve

import cms.urls

ROOT = Path(__file__).resolve().parent.parent


def makefile_serve_env() -> dict:
    """The variables `make serve` sets (read from the Makefile's SERVE_ENV, so the two cannot drift)."""
    text = (ROOT / "Makefile").read_text()
    start = text.index("SERVE_ENV =")
    block = text[start : text.index("\n\n", start)].replace("\\\n", " ").removeprefix("SERVE_ENV =")
    env = {}
    for assignment in block.split():
        name, _sep, value = assignment.partition("=")
        env[name] = value
    return env


def test_serve_settings_pass_check_deploy_except_https(tmp_path):
    serve_env = makefile_serve_env()
    assert serve_env["DJANGO_SETTINGS_MODULE"] == "settings.production"
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_", "REDIS"))}
    env.update(
        DJANGO_SETTINGS_MODULE="settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),  # as the Makefile generates into .secret_key
        SECURE_SSL_REDIRECT=serve_env["SECURE_SSL_REDIRECT"],
        SERVE_MEDIA=serve_env["SERVE_MEDIA"],
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    issues = [line.split(")")[0] + ")" for line in result.stderr.splitlines() if line.startswith("?: (")]
    # Plain HTTP on the operator's own machine: the HTTPS redirect is the one thing left out.
    assert issues == ["?: (security.W008)"], result.stderr


def test_missing_page_answers_the_portals_own_404(client, home):
    response = client.get("/vi/khong-co-trang-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang" in html and "Traceback" not in html and "URLconf" not in html


def test_serve_media_never_serves_documents_directly(settings):
    """Documents go through Wagtail's /documents/ view, which checks collection privacy."""
    settings.SERVE_MEDIA = True
    try:
        importlib.reload(cms.urls)
        assert resolve("/media/original_images/a.jpg", urlconf=cms.urls).func is serve
        with pytest.raises(Resolver404):
            resolve("/media/documents/secret.pdf", urlconf=cms.urls)
    finally:
        settings.SERVE_MEDIA = False
        importlib.reload(cms.urls)
