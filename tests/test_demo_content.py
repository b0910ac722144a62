"""The demo portal: what it builds, and that loading it twice changes nothing."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from home.models import BannerSlide
from news.models import DirectivePage, NewsPage

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "slides": BannerSlide.objects.count(),
        "users": get_user_model().objects.count(),
    }


def test_demo_content_builds_the_portal(demo_content):
    seed = NewsPage.objects.live().get(title="Mộc Châu sơ kết việc thực hiện dân chủ ở cơ sở 6 tháng đầu năm")
    assert seed.date == datetime.date(2024, 7, 1)
    assert {block.block_type for block in seed.body} >= {"heading", "paragraph", "table", "quote", "page_link"}
    assert NewsPage.objects.live().count() >= 7
    directives = DirectivePage.objects.live()
    assert directives.count() >= 5
    assert all(d.attachments.exists() for d in directives)
    assert BannerSlide.objects.filter(live=True, locale__language_code="vi").count() == 3
    users = get_user_model().objects
    assert set(users.values_list("username", flat=True)) >= {"editor", "reviewer", "approver", "admin"}
    assert users.get(username="admin").is_superuser
    assert users.get(username="editor").groups.filter(name="Biên tập viên").exists()
    assert users.get(username="editor").check_password("demo-Pass-2024")


def test_loading_demo_content_twice_changes_nothing(demo_content):
    before = counts()
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    assert counts() == before
    assert "nothing changed" in out.getvalue()


def test_demo_content_prints_a_generated_password_when_none_is_given(db):
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    line = next(line for line in out.getvalue().splitlines() if line.strip().startswith("editor /"))
    password = line.split("/", 1)[1].strip()
    assert len(password) >= 12
    assert get_user_model().objects.get(username="editor").check_password(password)
