"""Translations go live only through "Duyệt tin bài": editor translates and submits, two steps approve."""

from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import StringSegment, Translation

from cms.editorial.workflow.setup import setup_workflows
from home.models import BannerSlide
from tests import factories
from tests.workflow_helpers import as_user, make_staff, make_user, page_workflow_action, snippet_workflow_action

pytestmark = pytest.mark.django_db

ARTICLE_TEXTS = {
    "Mộc Châu sơ kết": "Moc Chau reviews",
    "moc-chau-so-ket": "moc-chau-reviews",
    "Tóm tắt ban đầu.": "First summary.",
}


@pytest.fixture
def staff(locales, news_index):
    home = news_index.get_parent().specific
    factories.translate(home, "en", {"title": "Home", "slug": "home"})
    factories.translate(news_index, "en", {"title": "News", "slug": "news"})
    staff = make_staff()
    setup_workflows()  # covers the English home page made above
    return staff


@pytest.fixture
def article(staff, news_index):
    return factories.NewsPageFactory(
        parent=news_index, title="Mộc Châu sơ kết", slug="moc-chau-so-ket", lead="Tóm tắt ban đầu."
    )


def start_translation(client, user, instance, django_capture_on_commit_callbacks):
    """The editor's "Translate this page" (or snippet "Translate") → English → Submit."""
    en = Locale.objects.get(language_code="en")
    if isinstance(instance, BannerSlide):
        url = reverse("wagtail_localize:submit_snippet_translation", args=["home", "bannerslide", instance.pk])
    else:
        url = reverse("wagtail_localize:submit_page_translation", args=[instance.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert as_user(client, user).post(url, {"locales": [en.pk]}).status_code == 302
    translated = instance.get_translation(en)
    return translated, Translation.objects.get(source__object_id=instance.translation_key, target_locale=en)


def translate_segments(client, translation, texts: dict):
    """What the segment editor does when a translator saves each segment."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        value = texts.get(segment.string.data, f"EN {segment.string.data}")
        response = client.put(url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded")
        assert response.status_code in (200, 201), response.content


def submit_url(translation):
    return reverse("portal_submit_translation", args=[translation.pk])


def english_api_titles(client):
    data = client.get("/api/v2/pages/", {"locale": "en", "type": "news.NewsPage"}).json()
    return [item["title"] for item in data["items"]]


def test_editor_submits_a_translation_and_it_goes_live_only_after_both_steps(
    client, staff, article, django_capture_on_commit_callbacks
):
    en_article, translation = start_translation(client, staff.editor, article, django_capture_on_commit_callbacks)
    translate_segments(client, translation, ARTICLE_TEXTS)

    explorer = client.get(reverse("wagtailadmin_explore", args=[en_article.get_parent().pk]))
    assert submit_url(translation) in explorer.content.decode()  # the row's "⋯" menu
    editor_view = client.get(reverse("wagtailadmin_pages:edit", args=[en_article.pk]))
    assert submit_url(translation) in editor_view.content.decode()  # the bar above the segment editor
    assert client.get(submit_url(translation)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(submit_url(translation))
    assert response.status_code == 302
    en_article.refresh_from_db()
    assert en_article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert en_article.latest_revision.as_object().title == "Moc Chau reviews"
    assert not en_article.live

    public_url = "/en/news/moc-chau-reviews/"
    client.logout()
    assert client.get(public_url).status_code == 404
    assert english_api_titles(client) == []

    with django_capture_on_commit_callbacks(execute=True):
        assert page_workflow_action(as_user(client, staff.reviewer), en_article, "approve").status_code == 302
    en_article.refresh_from_db()
    assert not en_article.live
    client.logout()
    assert client.get(public_url).status_code == 404
    assert english_api_titles(client) == []

    with django_capture_on_commit_callbacks(execute=True):
        assert page_workflow_action(as_user(client, staff.approver), en_article, "approve").status_code == 302
    en_article.refresh_from_db()
    assert en_article.live and en_article.title == "Moc Chau reviews"
    client.logout()
    assert client.get(public_url).status_code == 200
    assert english_api_titles(client) == ["Moc Chau reviews"]


def test_translation_with_untranslated_segments_is_not_submitted(
    client, staff, article, django_capture_on_commit_callbacks
):
    en_article, translation = start_translation(client, staff.editor, article, django_capture_on_commit_callbacks)
    response = client.post(submit_url(translation), follow=True)
    assert "chưa dịch" in response.content.decode()
    en_article.refresh_from_db()
    assert en_article.current_workflow_state is None


def test_reviewer_cannot_approve_a_translation_they_submitted(
    client, staff, article, django_capture_on_commit_callbacks
):
    translator = make_user("reviewer2", "Thẩm định")
    en_article, translation = start_translation(client, translator, article, django_capture_on_commit_callbacks)
    translate_segments(client, translation, ARTICLE_TEXTS)
    assert client.post(submit_url(translation)).status_code == 302
    response = page_workflow_action(client, en_article, "approve")
    assert response.status_code in (302, 403)
    en_article.refresh_from_db()
    assert en_article.current_workflow_task_state.task.name == "Thẩm định nội dung"
    assert not en_article.live


def test_user_who_cannot_edit_the_translation_cannot_submit_it(
    client, staff, article, django_capture_on_commit_callbacks
):
    _en_article, translation = start_translation(client, staff.editor, article, django_capture_on_commit_callbacks)
    outsider = make_user("outsider")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert as_user(client, outsider).post(submit_url(translation)).status_code in (302, 403)
    assert Translation.objects.get(pk=translation.pk).get_target_instance().current_workflow_state is None


def test_changed_translation_of_a_live_page_stays_old_until_approved(
    client, staff, article, django_capture_on_commit_callbacks
):
    en_article = factories.translate(article, "en", ARTICLE_TEXTS_BY_FIELD)
    translation = Translation.objects.get(source__object_id=article.translation_key, target_locale=en_article.locale)
    as_user(client, staff.editor)
    translate_segments(client, translation, {**ARTICLE_TEXTS, "Mộc Châu sơ kết": "Moc Chau reviews, updated"})
    assert client.post(submit_url(translation)).status_code == 302
    en_article.refresh_from_db()
    assert en_article.live and en_article.title == "Moc Chau reviews"
    client.logout()
    assert "Moc Chau reviews, updated" not in client.get("/en/news/moc-chau-reviews/").content.decode()
    assert english_api_titles(client) == ["Moc Chau reviews"]

    with django_capture_on_commit_callbacks(execute=True):
        page_workflow_action(as_user(client, staff.reviewer), en_article, "approve")
        page_workflow_action(as_user(client, staff.approver), en_article, "approve")
    en_article.refresh_from_db()
    assert en_article.title == "Moc Chau reviews, updated"


ARTICLE_TEXTS_BY_FIELD = {"title": "Moc Chau reviews", "slug": "moc-chau-reviews", "lead": "First summary."}


def test_editor_submits_a_banner_slide_translation_and_approvers_publish_it(
    client, staff, home, django_capture_on_commit_callbacks
):
    slide = factories.BannerSlideFactory(title="Cao nguyên Mộc Châu")
    en_slide, translation = start_translation(client, staff.editor, slide, django_capture_on_commit_callbacks)
    translate_segments(client, translation, {"Cao nguyên Mộc Châu": "Moc Chau plateau"})
    listing = client.get(reverse("wagtailsnippets_home_bannerslide:list") + "?locale=en")
    assert submit_url(translation) in listing.content.decode()
    editor_view = client.get(reverse("wagtailsnippets_home_bannerslide:edit", args=[en_slide.pk]))
    assert submit_url(translation) in editor_view.content.decode()
    assert client.post(submit_url(translation)).status_code == 302
    en_slide.refresh_from_db()
    assert en_slide.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not en_slide.live
    with django_capture_on_commit_callbacks(execute=True):
        snippet_workflow_action(as_user(client, staff.reviewer), en_slide, "approve")
        en_slide.refresh_from_db()
        assert not en_slide.live
        snippet_workflow_action(as_user(client, staff.approver), en_slide, "approve")
    en_slide.refresh_from_db()
    assert en_slide.live and en_slide.title == "Moc Chau plateau"


def test_rejected_translation_is_fixed_and_resubmitted(client, staff, article, django_capture_on_commit_callbacks):
    en_article, translation = start_translation(client, staff.editor, article, django_capture_on_commit_callbacks)
    translate_segments(client, translation, ARTICLE_TEXTS)
    client.post(submit_url(translation))
    page_workflow_action(as_user(client, staff.reviewer), en_article, "reject", comment="Sửa tiêu đề")
    en_article.refresh_from_db()
    assert en_article.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    as_user(client, staff.editor)
    assert "yêu cầu sửa" in client.get(reverse("wagtailadmin_pages:edit", args=[en_article.pk])).content.decode()
    translate_segments(client, translation, {**ARTICLE_TEXTS, "Mộc Châu sơ kết": "Moc Chau holds its review"})
    assert client.post(submit_url(translation)).status_code == 302
    en_article.refresh_from_db()
    assert en_article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert en_article.current_workflow_task_state.revision.as_object().title == "Moc Chau holds its review"
    with django_capture_on_commit_callbacks(execute=True):
        page_workflow_action(as_user(client, staff.reviewer), en_article, "approve")
        page_workflow_action(as_user(client, staff.approver), en_article, "approve")
    en_article.refresh_from_db()
    assert en_article.live and en_article.title == "Moc Chau holds its review"


def test_translation_editor_shows_the_review_bar_once(client, staff, article, django_capture_on_commit_callbacks):
    en_article, _translation = start_translation(client, staff.editor, article, django_capture_on_commit_callbacks)
    response = as_user(client, staff.editor).get(reverse("wagtailadmin_pages:edit", args=[en_article.pk]))
    assert response.status_code == 200
    assert response.content.decode().count("data-portal-translation-review") == 1


def test_the_explorer_offers_each_rows_translation_buttons_without_a_query_per_row(
    client, staff, article, news_index, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    translated, translation = start_translation(client, staff.editor, article, django_capture_on_commit_callbacks)
    others = factories.NewsPageFactory.create_batch(2, parent=news_index)
    explorer = reverse("wagtailadmin_explore", args=[news_index.pk])

    def explore(url):
        client.get(url, HTTP_ACCEPT_LANGUAGE="vi")
        with CaptureQueriesContext(connection) as queries:
            html = client.get(url, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
        return html, len(queries)

    html, few = explore(explorer)
    translate = "wagtail_localize:submit_page_translation"
    assert all(reverse(translate, args=[page.pk]) in html for page in others)  # "Dịch trang này"
    assert reverse(translate, args=[article.pk]) not in html  # already in every language
    assert reverse("wagtail_localize:update_translations", args=[translation.source_id]) in html  # "Đồng bộ ..."
    assert "Dịch trang này" in html and "Đồng bộ các trang đã dịch" in html
    english, _count = explore(reverse("wagtailadmin_explore", args=[translated.get_parent().pk]))
    assert submit_url(translation) in english  # "Gửi duyệt bản dịch" on the translation's row

    factories.NewsPageFactory.create_batch(10, parent=news_index)
    assert explore(explorer)[1] == few  # ten more rows, not one more query
