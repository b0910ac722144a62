from django.http import Http404
from django.urls import path
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from cms import views
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
