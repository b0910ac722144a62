"""Production settings pass Django's deployment checklist and are HTTPS-only."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTED_ENV = {
    "DJANGO_SETTINGS_MODULE": "settings.production",
    "SECRET_KEY": "k" * 20 + "-production-like-secret-key-with-enough-entropy-9f8e7d6c",
    "ALLOWED_HOSTS": "congthongtin.example.vn",
}


def _run(args, **env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE"}}
    environment.update(DOCUMENTED_ENV, **env)
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=environment, capture_output=True, text=True, check=False
    )


def test_check_deploy_reports_nothing_with_production_settings():
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (0 silenced)" in result.stdout


def test_production_is_https_only_with_secure_cookies_and_a_proxy_flag():
    code = (
        "import settings.production as s; print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE,"
        " s.CSRF_COOKIE_SECURE, getattr(s, 'SECURE_PROXY_SSL_HEADER', None), s.AXES_CLIENT_IP_CALLABLE,"
        " s.TRUSTED_PROXY_COUNT, s.CLIENT_IP_HEADER)"
    )
    direct = _run(["-c", code]).stdout.split()
    assert direct[:5] == ["True", "31536000", "True", "True", "None"]
    proxied = _run(["-c", code], TRUSTED_PROXY_COUNT="1").stdout
    assert "('HTTP_X_FORWARDED_PROTO', 'https')" in proxied
    assert "cms.core.http.client_address 1 X-Forwarded-For" in proxied


def test_without_allowed_hosts_production_serves_the_demo_communes_on_localhost_only():
    """`make serve` sets no ALLOWED_HOSTS: the province on 127.0.0.1, the communes on <name>.localhost."""
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE"}}
    environment.update({key: value for key, value in DOCUMENTED_ENV.items() if key != "ALLOWED_HOSTS"})
    environment.pop("ALLOWED_HOSTS", None)
    code = (
        "import settings.production as s; from django.http.request import validate_host as v;"
        " print([v(h, s.ALLOWED_HOSTS) for h in ('127.0.0.1', 'mocchau.localhost', 'localhost', 'example.vn')])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True, check=False
    )
    assert result.stdout.strip() == "[True, True, True, False]", result.stdout + result.stderr
