from django.http import Http404
from django.urls import path
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet

from cms import translation_review, views
from cms.viewsets import StatisticViewSet
from cms.visibility import is_expired


@hooks.register("register_admin_urls")
def guard_translation_sync():
    # Same path as wagtail-localize's view; cms comes first in INSTALLED_APPS, so this one answers.
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            views.UpdateTranslationsView.as_view(),
            name="portal_update_translations",
        )
    ]


@hooks.register("before_serve_page")
def serve_pages_under_their_own_language(page, request, serve_args, serve_kwargs):
    return views.redirect_to_page_language(page, request)


register_snippet(StatisticViewSet)


@hooks.register("before_serve_page")
def hide_expired_pages(page, request, serve_args, serve_kwargs):
    """An expired page is gone for the public even before ``publish_scheduled`` unpublishes it."""
    if is_expired(page):
        raise Http404


@hooks.register("register_admin_urls")
def translation_review_urls():
    return [
        path(
            "portal/translations/<int:translation_id>/submit/",
            translation_review.submit_translation_view,
            name="portal_submit_translation",
        )
    ]


@hooks.register("register_page_listing_more_buttons")
def submit_translation_page_button(page, user, next_url=None):
    url = translation_review.submit_url_for(page) if page.locale_id else None
    if url and translation_review.user_can_submit(user, page):
        yield Button(_("Gửi duyệt bản dịch"), url, icon_name="resubmit", priority=25)


@hooks.register("register_snippet_listing_buttons")
def submit_translation_snippet_button(snippet, user, next_url=None):
    if not hasattr(snippet, "translation_key") or not hasattr(snippet, "get_workflow"):
        return
    url = translation_review.submit_url_for(snippet)
    if url and translation_review.user_can_submit(user, snippet):
        yield Button(_("Gửi duyệt bản dịch"), url, icon_name="resubmit", priority=105)
