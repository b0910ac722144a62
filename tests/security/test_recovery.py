"""Recovery: ``manage.py backup`` then ``restore`` brings back content, revisions, media, private files and users.

Into the database the backup came from, into a new empty database (another process, as on a new
server) and from an archive of an older release. The CI drill (.ci/restore-drill) does the same with
the whole demo portal across SQLite and PostgreSQL.
"""

import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from news.models import NewsPage
from tests import factories
from tests.security.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def portal(sections, roles):
    news_index, _ = sections
    image = factories.ImageFactory(title="Ảnh hội nghị")
    document = factories.DocumentFactory(title="Báo cáo tổng kết")
    page = factories.NewsPageFactory(parent=news_index, title="Tin bản một", hero_image=image, slug="tin-sao-luu")
    page.save_revision().publish()
    page = NewsPage.objects.get(pk=page.pk)
    page.title = "Tin bản hai"
    page.save_revision().publish()
    user = make_user("bientap", roles["Biên tập viên"])
    return {"page": page, "image": image, "document": document, "user": user}


def _files(portal):
    return {
        "image": portal["image"].file.read(),
        "document": portal["document"].file.read(),
    }


def test_backup_and_restore_round_trip(portal, tmp_path, settings):
    archive = tmp_path / "portal.tar.gz"
    expected_files = _files(portal)
    expected_pages = Page.objects.count()
    # A citizen's attachment, kept outside MEDIA_ROOT (cms.participation.attachments).
    settings.PARTICIPATION_PRIVATE_ROOT = str(tmp_path / "private")
    attachment = tmp_path / "private" / "questions" / "a1b2.pdf"
    attachment.parent.mkdir(parents=True)
    attachment.write_bytes(b"%PDF-1.4 don cua cong dan")
    call_command("backup", output=archive, stdout=io.StringIO())

    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert {"manifest.json", "data.json"} <= set(names)
    assert manifest["rows"]["wagtailcore.revision"]["count"] >= 2
    assert any(name.startswith("original_images/") for name in manifest["media"])
    assert list(manifest["private"]) == ["questions/a1b2.pdf"] and "private/questions/a1b2.pdf" in names

    # Disaster: content, media and people are gone.
    portal["image"].file.storage.delete(portal["image"].file.name)
    portal["document"].file.storage.delete(portal["document"].file.name)
    portal["page"].delete()
    get_user_model().objects.all().delete()
    get_image_model().objects.all().delete()
    get_document_model().objects.all().delete()
    attachment.unlink()

    call_command("restore", str(archive), interactive=False, stdout=io.StringIO())

    page = NewsPage.objects.get(slug="tin-sao-luu")
    assert page.title == "Tin bản hai" and page.live
    assert page.revisions.count() == 2
    assert Page.objects.count() == expected_pages
    image = get_image_model().objects.get(title="Ảnh hội nghị")
    assert page.hero_image == image
    document = get_document_model().objects.get(title="Báo cáo tổng kết")
    assert {"image": image.file.read(), "document": document.file.read()} == expected_files
    assert attachment.read_bytes() == b"%PDF-1.4 don cua cong dan"
    user = get_user_model().objects.get(username="bientap")
    assert user.check_password(PASSWORD)
    assert user.groups.filter(name="Biên tập viên").exists()
    call_command("fixtree", stdout=io.StringIO())
    # Restored content is searchable again and served.
    assert NewsPage.objects.live().search("Tin bản hai")


def test_restore_refuses_a_damaged_archive(portal, tmp_path):
    archive = tmp_path / "portal.tar.gz"
    call_command("backup", output=archive, stdout=io.StringIO())
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "data.json":
                data = data.replace("Tin bản hai".encode(), "Tin giả mạo".encode())
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    with pytest.raises(CommandError, match="checksum"):
        call_command("restore", str(damaged), interactive=False, stdout=io.StringIO())
    assert NewsPage.objects.filter(title="Tin bản hai").exists()


def test_restore_refuses_something_that_is_not_a_backup(tmp_path):
    bogus = tmp_path / "bogus.tar.gz"
    bogus.write_bytes(b"not an archive")
    with pytest.raises(CommandError):
        call_command("restore", str(bogus), interactive=False, stdout=io.StringIO())


def test_restore_replaces_everything_in_one_transaction(portal, tmp_path, monkeypatch):
    archive = tmp_path / "portal.tar.gz"
    call_command("backup", output=archive, stdout=io.StringIO())
    factories.NewsPageFactory(parent=portal["page"].get_parent(), title="Tin viết sau bản sao lưu")

    # A restore that fails after emptying the tables leaves the database as it was.
    monkeypatch.setattr("cms.operations.backup.database_rows", lambda registry: {})
    with pytest.raises(CommandError, match="restored rows differ"):
        call_command("restore", str(archive), interactive=False, stdout=io.StringIO())
    assert NewsPage.objects.filter(title="Tin viết sau bản sao lưu").exists()

    monkeypatch.undo()
    call_command("restore", str(archive), interactive=False, stdout=io.StringIO())
    assert not NewsPage.objects.filter(title="Tin viết sau bản sao lưu").exists()
    assert NewsPage.objects.filter(title="Tin bản hai").exists()


def test_backup_verify_checks_an_archive_without_touching_anything(portal, tmp_path):
    archive = tmp_path / "portal.tar.gz"
    call_command("backup", output=archive, stdout=io.StringIO())
    portal["page"].delete()
    out = io.StringIO()
    call_command("backup", verify=archive, stdout=out)
    assert "every checksum matches" in out.getvalue()
    assert not NewsPage.objects.filter(slug="tin-sao-luu").exists()

    # A row changed and data.json's checksum recomputed: the per-model checksum still catches it.
    forged = tmp_path / "forged.tar.gz"
    _rewrite(archive, forged, _retitle_a_page)
    with pytest.raises(CommandError, match="do not match the manifest"):
        call_command("backup", verify=forged, stdout=io.StringIO())


def _retitle_a_page(objects, manifest):
    page = next(o for o in objects if o["model"] == "wagtailcore.page" and o["fields"]["depth"] > 2)
    page["fields"]["title"] = "Giả mạo"


def _rewrite(source: Path, target: Path, change) -> None:
    """Copy an archive, letting ``change(objects, manifest)`` edit it; data.json's checksum is recomputed."""
    with tarfile.open(source) as tar:
        members = {m.name: (m, tar.extractfile(m).read() if m.isfile() else None) for m in tar.getmembers()}
    objects = json.loads(members["data.json"][1])
    manifest = json.loads(members["manifest.json"][1])
    change(objects, manifest)
    data = json.dumps(objects, ensure_ascii=False).encode()
    manifest["data_sha256"] = hashlib.sha256(data).hexdigest()
    members["data.json"] = (members["data.json"][0], data)
    members["manifest.json"] = (members["manifest.json"][0], json.dumps(manifest).encode())
    with tarfile.open(target, "w:gz") as tar:
        for member, payload in members.values():
            if payload is not None:
                member.size = len(payload)
            tar.addfile(member, io.BytesIO(payload) if payload is not None else None)


def _as_older_release(objects, manifest):
    """The archive the release before the portal's per-language texts (cms 0003 and later) would have written."""
    manifest["migrations"] = [m for m in manifest["migrations"] if not (m[0] == "cms" and m[1] > "0003")]
    del manifest["rows"]["cms.portalsettingstext"]
    objects[:] = [o for o in objects if o["model"] != "cms.portalsettingstext"]


@pytest.fixture
def empty_database(tmp_path, settings):
    """A new, empty database as on a new server: a SQLite file, or a PostgreSQL database like the tests'."""
    default = settings.DATABASES["default"]
    if default["ENGINE"].endswith("sqlite3"):
        yield f"sqlite:///{tmp_path / 'new-server.sqlite3'}"
        return
    import psycopg

    name = f"{default['NAME']}_restore_{uuid.uuid4().hex[:8]}"
    params = {"host": default["HOST"], "port": default["PORT"] or 5432, "user": default["USER"], "dbname": "postgres"}
    if default.get("PASSWORD"):
        params["password"] = default["PASSWORD"]
    with psycopg.connect(**params, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    password = f":{default['PASSWORD']}" if default.get("PASSWORD") else ""
    yield f"postgres://{default['USER']}{password}@{default['HOST']}:{params['port']}/{name}"
    with psycopg.connect(**params, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _manage(database_url: str, media: Path, *args) -> str:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "settings.dev", "DATABASE_URL": database_url}
    env.update(MEDIA_ROOT=str(media), EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
    env.pop("REDIS_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", *args], env=env, capture_output=True, text=True, cwd=Path(__file__).parents[2]
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_restore_onto_a_new_server_from_an_older_release(portal, tmp_path, empty_database):
    archive, older = tmp_path / "portal.tar.gz", tmp_path / "older.tar.gz"
    call_command("backup", output=archive, stdout=io.StringIO())
    _rewrite(archive, older, _as_older_release)
    media = tmp_path / "new-server-media"

    # The empty database is migrated to the archive's schema, loaded, then migrated forward.
    assert "Restored the backup" in _manage(empty_database, media, "restore", "--no-input", str(older))
    again = tmp_path / "again.tar.gz"
    _manage(empty_database, media, "backup", "--output", str(again))

    with tarfile.open(archive) as tar:
        original = json.load(tar.extractfile("manifest.json"))
    with tarfile.open(again) as tar:
        restored = json.load(tar.extractfile("manifest.json"))
    assert restored["migrations"] == original["migrations"]
    assert restored["rows"].pop("cms.portalsettingstext") == {"count": 0, "sha256": hashlib.sha256().hexdigest()}
    original["rows"].pop("cms.portalsettingstext")
    assert restored["rows"] == original["rows"]
    assert restored["media"] == original["media"]


def test_restore_refuses_an_archive_from_a_newer_release(portal, tmp_path):
    archive, newer = tmp_path / "portal.tar.gz", tmp_path / "newer.tar.gz"
    call_command("backup", output=archive, stdout=io.StringIO())
    _rewrite(archive, newer, lambda objects, manifest: manifest["migrations"].append(["cms", "9999_future"]))
    with pytest.raises(CommandError, match="newer release"):
        call_command("restore", str(newer), interactive=False, stdout=io.StringIO())
    assert NewsPage.objects.filter(title="Tin bản hai").exists()
