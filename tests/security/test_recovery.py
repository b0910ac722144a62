"""Recovery: ``manage.py backup`` then ``restore`` brings back content, revisions, media and users."""

import io
import json
import tarfile

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


def test_backup_and_restore_round_trip(portal, tmp_path):
    archive = tmp_path / "portal.tar.gz"
    expected_files = _files(portal)
    expected_pages = Page.objects.count()
    call_command("backup", output=archive, stdout=io.StringIO())

    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert {"manifest.json", "data.json"} <= set(names)
    assert manifest["rows"]["wagtailcore.revision"] >= 2
    assert any(name.startswith("original_images/") for name in manifest["media"])

    # Disaster: content, media and people are gone.
    portal["image"].file.storage.delete(portal["image"].file.name)
    portal["document"].file.storage.delete(portal["document"].file.name)
    portal["page"].delete()
    get_user_model().objects.all().delete()
    get_image_model().objects.all().delete()
    get_document_model().objects.all().delete()

    call_command("restore", str(archive), interactive=False, stdout=io.StringIO())

    page = NewsPage.objects.get(slug="tin-sao-luu")
    assert page.title == "Tin bản hai" and page.live
    assert page.revisions.count() == 2
    assert Page.objects.count() == expected_pages
    image = get_image_model().objects.get(title="Ảnh hội nghị")
    assert page.hero_image == image
    document = get_document_model().objects.get(title="Báo cáo tổng kết")
    assert {"image": image.file.read(), "document": document.file.read()} == expected_files
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
