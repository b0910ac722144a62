from django.http import Http404
from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from wagtail import hooks

from cms import avatars, views
from cms.core import rich_text, visibility
from cms.portals.admin_views import guard_translation_source
from cms.statistics import wagtail_hooks as statistics_hooks  # noqa: F401 - a package of this app: Wagtail reads only cms.wagtail_hooks


@hooks.register("register_admin_urls")
def guard_translation_sync():
    # Same path as wagtail-localize's view; cms comes first in INSTALLED_APPS, so this one answers.
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            # Not for another portal's snippet (wagtail-localize checks the model's permission only).
            guard_translation_source(views.UpdateTranslationsView.as_view()),
            name="portal_update_translations",
        )
    ]


@hooks.register("insert_global_admin_js")
def translate_hard_coded_admin_strings():
    # Wagtail and wagtail-localize write a few strings outside gettext; see the script's header.
    return format_html('<script src="{}"></script>', static("cms/js/admin-i18n.js"))


@hooks.register("before_serve_page")
def serve_pages_under_their_own_language(page, request, serve_args, serve_kwargs):
    return views.redirect_to_page_language(page, request)


@hooks.register("before_serve_page")
def hide_pages_the_public_may_not_see(page, request, serve_args, serve_kwargs):
    """Expired pages (before ``publish_scheduled`` unpublishes them) and aliases of hidden pages are gone.

    View restrictions stay with Wagtail's own check, which asks for the password or a login.
    """
    if not visibility.is_servable_page(page):
        raise Http404


# After Wagtail's own (order 0): links in rich text point only where the public may go.
hooks.register("register_rich_text_features", rich_text.register, order=100)


hooks.register("get_avatar_url", avatars.avatar_url)
