"""Page slugs are ASCII transliterations of Vietnamese titles, whoever creates the page."""

import io
import json
import re
import unicodedata

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.core.text import slugify_vi
from news.models import NewsPage
from tests import factories
from tests.workflow_helpers import edit_page

pytestmark = pytest.mark.django_db


def create_in_admin(client, news_index, title, slug):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": "2024-07-01",
            "category": "khac",
            "lead": "Tóm tắt.",
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )
    url = reverse("wagtailadmin_pages:add", args=("news", "newspage", news_index.pk))
    response = client.post(url, data)
    if response.status_code != 302:
        raise AssertionError(response.context["form"].errors.as_json())
    return NewsPage.objects.child_of(news_index).get(title=title)


@pytest.mark.parametrize(
    ("title", "slug_sent", "slug"),
    [
        # What Wagtail 8's admin JavaScript (w-slug urlify, no Vietnamese map) puts in the slug field.
        ("Mộc Châu sơ kết", "mc-chu-s-kt", "moc-chau-so-ket"),
        ("Đơn vị hành chính", "n-v-hnh-chnh", "don-vi-hanh-chinh"),
        # What Chromium sent in the browser journey: urlify maps some letters ("â", "đ" -> "dj"), drops others.
        (
            "Huyện Mộc Châu triển khai chuyển đổi số năm 2025",
            "huyn-mc-chau-trin-khai-chuyn-dji-s-nam-2025",
            "huyen-moc-chau-trien-khai-chuyen-doi-so-nam-2025",
        ),
    ],
)
def test_editor_gets_an_ascii_slug_from_a_vietnamese_title(admin_client, news_index, title, slug_sent, slug):
    page = create_in_admin(admin_client, news_index, title, slug_sent)
    assert page.slug == slug
    assert page.url.endswith(f"/{slug}/")
    assert page.get_latest_revision_as_object().slug == slug


def test_a_slug_the_editor_typed_is_kept(admin_client, news_index):
    page = create_in_admin(admin_client, news_index, "Mộc Châu sơ kết", "so-ket-6-thang")
    assert page.slug == "so-ket-6-thang"


def test_transliterated_slugs_stay_unique_among_siblings(admin_client, news_index):
    first = create_in_admin(admin_client, news_index, "Đơn vị hành chính", "n-v-hnh-chnh")
    factories.NewsPageFactory(parent=news_index, title="Khác", slug="don-vi-hanh-chinh-2")
    page = news_index.add_child(instance=NewsPage(title="Đơn vị hành chính", lead="x", slug=""))
    assert first.slug == "don-vi-hanh-chinh"
    assert page.slug == "don-vi-hanh-chinh-3"


def test_code_that_creates_pages_without_a_slug_gets_an_ascii_one(news_index):
    # Wagtail's own default would be "ai-hoi-ai-bieu": Django's slugify drops "đ".
    page = news_index.add_child(instance=NewsPage(title="Đại hội đại biểu", lead="x"))
    assert page.slug == "dai-hoi-dai-bieu"


def test_an_existing_page_keeps_its_slug_when_edited(news_index):
    page = factories.NewsPageFactory(parent=news_index, title="Tin", slug="mc-chu")
    page.title = "Mộc Châu"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.slug == "mc-chu"


def js_slug_preview(title: str) -> str:
    """What the admin's slug field shows for ``title``: the widget's formatters, then Wagtail 8's urlify.

    A transcription of the ``w-slug`` controller's ``urlify`` (wagtail/admin/static/wagtailadmin/js/core.js)
    for ``WAGTAIL_ALLOW_UNICODE_SLUGS = False``; the browser journey checks the real one.
    """
    from cms.core.i18n import VietnameseSlugInput

    widget = VietnameseSlugInput()
    value = title.strip()
    for (pattern, _flags), replacement in json.loads(widget.attrs["data-w-slug-formatters-value"]):
        value = re.sub(pattern, replacement, value)
    value = re.sub(r"[^-\w\s]", "", value.lower(), flags=re.ASCII)
    return re.sub(r"[-\s]+", "-", value)[:255].rstrip("-")


@pytest.mark.parametrize(
    "title",
    [
        "Mộc Châu đón khách",
        "Đoàn Kết",
        "ĐẠI HỘI Đại biểu",
        "Huyện Mộc Châu triển khai chuyển đổi số năm 2025",
        unicodedata.normalize("NFD", "Mộc Châu sơ kết"),
        "1234/QĐ-UBND – Quyết định",
        "Ưu tiên “xanh”: 100%",
    ],
)
def test_the_slug_field_preview_matches_the_server(title):
    assert js_slug_preview(title) == slugify_vi(title)


def test_every_slug_field_in_the_admin_uses_the_vietnamese_preview():
    from wagtail.admin.forms.models import formfield_for_dbfield

    from cms.core.i18n import VietnameseSlugInput

    assert isinstance(formfield_for_dbfield(NewsPage._meta.get_field("slug")).widget, VietnameseSlugInput)
    assert settings.WAGTAIL_ALLOW_UNICODE_SLUGS is False


def autosave(client, url, data):
    """A background save as Wagtail 8's autosave sends it (JSON expected, no action button)."""
    response = client.post(url, nested_form_data(data), HTTP_ACCEPT="application/json")
    assert response.status_code == 200 and response.json()["success"], response.content
    return response.json()


def test_an_article_created_by_autosave_gets_the_transliterated_slug(client, staff, news_index):
    """The editor types a title; autosave creates the page after a few letters, then saves the rest; submit."""
    client.force_login(staff.editor)
    fields = {"date": "2024-07-01", "category": "khac", "lead": "Tóm tắt.", "body": streamfield([])}
    add_url = reverse("wagtailadmin_pages:add", args=("news", "newspage", news_index.pk))
    # What Wagtail's unpatched urlify put in the slug field while the title was half typed.
    created = autosave(client, add_url, {**fields, "title": "Mộc Châu kiể", "slug": "mc-chau-ki"})
    page = NewsPage.objects.get(pk=created["pk"])
    assert page.slug == "moc-chau-kie"

    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    title = "Mộc Châu kiểm thử quy trình đăng tin"
    autosave(
        client,
        edit_url,
        {
            **fields,
            "title": title,
            "slug": "mc-chau-kim-th-quy-trinh-djang-tin",
            "overwrite_revision_id": created["revision_id"],
            "loaded_revision_id": created["revision_id"],
        },
    )
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().slug == "moc-chau-kiem-thu-quy-trinh-dang-tin"

    response = edit_page(client, page, "submit")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert page.slug == "moc-chau-kiem-thu-quy-trinh-dang-tin"
    page.get_latest_revision().publish()
    page.refresh_from_db()
    assert page.url == f"{news_index.url}moc-chau-kiem-thu-quy-trinh-dang-tin/"


def test_a_copied_page_gets_the_slug_of_its_new_title(admin_client, news_index):
    original = factories.NewsPageFactory(parent=news_index, title="Tin gốc", slug="tin-goc")
    response = admin_client.post(
        reverse("wagtailadmin_pages:copy", args=[original.pk]),
        {"new_title": "Đoàn Kết", "new_slug": "on-kt", "new_parent_page": news_index.pk},
    )
    assert response.status_code == 302
    assert NewsPage.objects.get(title="Đoàn Kết").slug == "doan-ket"


def test_an_alias_and_a_translation_keep_the_source_slug(locales, news_index):
    page = news_index.add_child(instance=NewsPage(title="Mộc Châu đón khách", lead="x"))
    assert page.slug == "moc-chau-don-khach"
    alias = page.create_alias(parent=news_index, update_slug="ban-sao")
    assert alias.slug == "ban-sao"
    translated = page.copy_for_translation(locales["en"], copy_parents=True)
    assert translated.slug == "moc-chau-don-khach"


def test_a_published_page_keeps_its_slug_while_a_draft_follows_its_title(news_index):
    draft = news_index.add_child(instance=NewsPage(title="Mộc", lead="x", live=False))
    draft.title = "Mộc Châu đón khách"
    draft.slug = "mc-chu-dn-khch"
    draft.save()
    assert draft.slug == "moc-chau-don-khach"
    draft.save_revision().publish()
    draft.refresh_from_db()
    draft.slug = "mc-chu"
    draft.save()
    assert draft.slug == "mc-chu"  # published: never renamed behind the editor's back


def break_slug(page, slug):
    """What autosave left in databases before the fix: the broken slug in the row and every revision."""
    NewsPage.objects.filter(pk=page.pk).update(slug=slug, url_path=f"{page.get_parent().url_path}{slug}/")
    for revision in page.revisions.all():
        revision.content["slug"] = slug
        revision.save(update_fields=["content"])


def test_fix_slugs_lists_then_fixes_autosaved_slugs_and_old_urls_redirect(
    client, news_index, django_capture_on_commit_callbacks
):
    title = "Mộc Châu kiểm thử quy trình đăng tin"
    page = news_index.add_child(instance=NewsPage(title=title, lead="x"))
    page.save_revision().publish()
    break_slug(page, "mc-chau-kim-th-quy-trinh-djang-tin")
    typed = news_index.add_child(instance=NewsPage(title="Đoàn Kết", lead="x", slug="doan-ket-2025"))
    typed.save_revision().publish()
    draft = news_index.add_child(instance=NewsPage(title="Đại hội", lead="x", live=False))
    draft.save_revision()
    break_slug(draft, "i-hi")
    old_url = f"{news_index.url}mc-chau-kim-th-quy-trinh-djang-tin/"
    assert client.get(old_url).status_code == 200

    listing = io.StringIO()
    call_command("fix_slugs", stdout=listing)
    assert "2 page(s)" in listing.getvalue()
    assert title in listing.getvalue() and "Đoàn Kết" not in listing.getvalue()
    page.refresh_from_db()
    assert page.slug == "mc-chau-kim-th-quy-trinh-djang-tin"  # listing changes nothing

    with django_capture_on_commit_callbacks(execute=True):
        call_command("fix_slugs", "--fix", stdout=io.StringIO())
    page.refresh_from_db()
    draft.refresh_from_db()
    typed.refresh_from_db()
    assert page.slug == "moc-chau-kiem-thu-quy-trinh-dang-tin"
    assert page.get_latest_revision_as_object().slug == page.slug  # a later publish keeps it
    assert draft.get_latest_revision_as_object().slug == "dai-hoi"
    assert typed.slug == "doan-ket-2025"

    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith(f"{news_index.url}moc-chau-kiem-thu-quy-trinh-dang-tin/")
    assert client.get(response["Location"]).status_code == 200
    assert "0 page(s)" in call_command_output("fix_slugs")


def call_command_output(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()
