"""Translating in the admin with wagtail-localize: submit, sync after a source edit, who may publish."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from cms.editorial.roles import setup_roles
from news.models import NewsPage
from tests import factories

pytestmark = pytest.mark.django_db


def user_with_role(role: str, username: str, language: str = "vi"):
    setup_roles()
    user = get_user_model().objects.create_user(username, f"{username}@example.vn", "pw-12345678")
    user.groups.add(Group.objects.get(name=role))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def english_tree(locales, news_index):
    home = news_index.get_parent().specific
    factories.translate(home, "en", {"title": "Home", "slug": "home"})
    factories.translate(news_index, "en", {"title": "News", "slug": "news"})
    return news_index


@pytest.fixture
def article(english_tree):
    return factories.NewsPageFactory(
        parent=english_tree, title="Mộc Châu sơ kết", slug="moc-chau-so-ket", lead="Tóm tắt ban đầu."
    )


def test_editor_creates_an_english_draft_from_the_vietnamese_article(
    client, article, django_capture_on_commit_callbacks
):
    client.force_login(user_with_role("Biên tập viên", "editor"))
    en = Locale.objects.get(language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[article.pk]), {"locales": [en.pk]}
        )
    assert response.status_code == 302
    draft = article.get_translation(en)
    assert not draft.live
    assert draft.get_parent().locale == en
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    assert editor.status_code == 200
    assert b"Translating" in editor.content or b"translation" in editor.content.lower()


def test_editor_cannot_publish_a_translation_from_the_translation_editor(client, article):
    draft = factories.translate(article, "en", {"title": "Mộc Châu reviews", "slug": "mc-reviews"}, publish=False)
    client.force_login(user_with_role("Biên tập viên", "editor"))
    response = client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), {"action": "publish"})
    assert response.status_code in (302, 403)
    draft.refresh_from_db()
    assert not draft.live


def test_sync_after_a_source_edit_keeps_translated_segments_and_adds_new_ones(
    client, article, django_capture_on_commit_callbacks
):
    en_article = factories.translate(
        article, "en", {"title": "Mộc Châu reviews", "slug": "mc-reviews", "lead": "First summary."}
    )
    article.title = "Mộc Châu sơ kết 6 tháng"
    article.save_revision().publish()
    source = TranslationSource.objects.get(object_id=article.translation_key, specific_content_type__isnull=False)

    # Approvers publish only through the workflow; "Publish immediately" needs publish rights (a superuser).
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.vn", "x"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"}
        )
    assert response.status_code == 302
    en_article = NewsPage.objects.get(pk=en_article.pk)
    assert en_article.lead == "First summary."  # unchanged segment keeps its translation
    assert en_article.title == "Mộc Châu sơ kết 6 tháng"  # new text waits for a translator (source shown)
    translation = Translation.objects.get(source=source, target_locale__language_code="en")
    total, translated = translation.get_progress()
    assert translated == total - 1


def test_english_admin_for_users_who_prefer_english(client, article):
    client.force_login(user_with_role("Biên tập viên", "editor_en", language="en"))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert "Publication date" in html and "Grassroots democracy" in html
    assert "Ngày đăng" not in html


def test_vietnamese_admin_for_users_who_prefer_vietnamese(client, article):
    client.force_login(user_with_role("Biên tập viên", "editor_vi", language="vi"))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert "Ngày đăng" in html and "Dân chủ cơ sở" in html


def test_editor_can_translate_a_banner_slide_into_a_draft(client, locales, django_capture_on_commit_callbacks):
    slide = factories.BannerSlideFactory(title="Cao nguyên Mộc Châu")
    client.force_login(user_with_role("Biên tập viên", "editor"))
    en = Locale.objects.get(language_code="en")
    url = reverse("wagtail_localize:submit_snippet_translation", args=["home", "bannerslide", slide.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"locales": [en.pk]}).status_code == 302
    assert not slide.get_translation(en).live


def test_editor_sync_saves_drafts_even_when_asking_to_publish(client, article, django_capture_on_commit_callbacks):
    texts = {"title": "Mộc Châu reviews", "slug": "mc-reviews", "lead": "Summary."}
    en_article = factories.translate(article, "en", texts)
    article.title = "Mộc Châu sơ kết 6 tháng"
    article.save_revision().publish()
    source = TranslationSource.objects.get(object_id=article.translation_key, specific_content_type__isnull=False)
    client.force_login(user_with_role("Biên tập viên", "editor"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"}
        )
    assert response.status_code == 302
    en_article = NewsPage.objects.get(pk=en_article.pk)
    assert en_article.title == "Mộc Châu reviews"  # the live English page did not change
    translation = Translation.objects.get(source=source, target_locale__language_code="en")
    total, translated = translation.get_progress()
    assert translated == total - 1  # the new title waits in the translation editor
