"""Admin avatars come from the portal itself: initials or the uploaded picture, never Gravatar."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests import factories
from tests.workflow_helpers import as_user

pytestmark = pytest.mark.django_db

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)


def test_editor_sees_their_initials_and_no_email_hash_leaves_the_portal(client, staff):
    staff.editor.first_name, staff.editor.last_name = "Nguyễn Văn", "An"
    staff.editor.save()
    html = as_user(client, staff.editor).get(reverse("wagtailadmin_home")).content.decode()
    email_hash = hashlib.md5(staff.editor.email.lower().encode()).hexdigest()  # noqa: S324 - what Gravatar uses
    assert "gravatar" not in html.lower()
    assert email_hash not in html
    assert 'src="data:image/svg+xml,' in html
    assert "%3ENA%3C/text%3E" in html  # "NA" for Nguyễn Văn An


def test_an_uploaded_avatar_is_shown_instead_of_initials(client, staff):
    profile = UserProfile.get_for_user(staff.editor)
    profile.avatar = SimpleUploadedFile("avatar.png", PNG, content_type="image/png")
    profile.save()
    html = as_user(client, staff.editor).get(reverse("wagtailadmin_home")).content.decode()
    assert profile.avatar.url in html


def test_history_written_by_the_system_shows_the_default_avatar(admin_client, news_index):
    """A revision saved by code (scheduler, importer, seeder) has no user: the history page still opens."""
    page = factories.NewsPageFactory(parent=news_index, title="Bài do hệ thống lưu")
    page.save_revision(user=None)
    response = admin_client.get(f"/admin/pages/{page.pk}/history/")
    assert response.status_code == 200
