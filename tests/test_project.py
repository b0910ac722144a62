"""Project health: checks, migrations, settings behaviour, shared helpers."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from cms.core.text import slugify_vi

ROOT = Path(__file__).resolve().parent.parent


def test_system_checks_pass():
    call_command("check", fail_level="WARNING")


@pytest.mark.django_db
def test_no_missing_migrations():
    call_command("makemigrations", check=True, dry_run=True, verbosity=0)


def _import_settings(module: str, **env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE"}}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", f"import {module} as s; print(s.DEBUG, s.STORAGES['staticfiles']['BACKEND'])"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = _import_settings("settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_never_debug_and_serve_hashed_compressed_static():
    result = _import_settings("settings.production", SECRET_KEY="x" * 50, DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "whitenoise.storage.CompressedManifestStaticFilesStorage"]


def test_database_url_selects_the_database():
    code = "from settings import env; print(env.database_config()['ENGINE'])"
    env = {**os.environ, "DATABASE_URL": "postgres://u@127.0.0.1:5432/x"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "django.db.backends.postgresql"
    env.pop("DATABASE_URL")
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "django.db.backends.sqlite3"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Mộc Châu sơ kết", "moc-chau-so-ket"),
        ("Đơn vị hành chính", "don-vi-hanh-chinh"),
        ("1234/QĐ-UBND", "1234qd-ubnd"),
    ],
)
def test_slugs_are_ascii_transliterated(text, slug):
    assert slugify_vi(text) == slug
