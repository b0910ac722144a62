"""Translation review in the admin: the submit view and the "Gửi duyệt bản dịch" buttons."""

from django.contrib.admin.utils import quote
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button, ButtonWithDropdownFromHook
from wagtail_localize import wagtail_hooks as localize_hooks

from cms.editorial import translation_review
from cms.editorial.explorer import MenuOfRowButtons


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


@hooks.register("construct_explorer_page_queryset")
def explorer_translation_facts(parent_page, pages, request):
    return translation_review.with_translation_facts(pages)


# wagtail-localize's "Translate this page" / "Sync translated pages" in the explorer's rows, and its "Translate" /
# "Sync translated snippets" in the listings of workflow snippets, read from the listing's annotations instead of
# two or three queries per row; elsewhere (the page header, other listings) its own functions run.
# Its labels are its own messages (Vietnamese in locale_overrides/), not this project's, and its buttons plain
# ``Button``s (in a menu: no button classes).
TRANSLATE_PAGE, SYNC_PAGES = "Translate this page", "Sync translated pages"
TRANSLATE_SNIPPET, SYNC_SNIPPETS = "Translate", "Sync translated snippets"
TRANSLATE_SNIPPET_LABEL, SYNC_SNIPPETS_LABEL = "Translate '%(title)s'", "Sync translations of '%(title)s'"


def _replace_hook(hook_name: str, function) -> None:
    hooks._hooks[hook_name] = [(fn, order) for fn, order in hooks._hooks.get(hook_name, []) if fn is not function]


_replace_hook("register_page_listing_more_buttons", localize_hooks.page_listing_more_buttons)
_replace_hook("register_snippet_listing_buttons", localize_hooks.register_snippet_listing_buttons)


@hooks.register("register_snippet_listing_buttons")
def localize_snippet_listing_buttons(snippet, user, next_url=None):
    if not hasattr(snippet, "_localize_languages"):
        yield from localize_hooks.register_snippet_listing_buttons(snippet, user, next_url)
        return
    if not user.has_perm("wagtail_localize.submit_translation"):
        return
    title = {"title": str(snippet)}
    if snippet._localize_languages < snippet._localize_all_languages:
        opts = snippet._meta
        url = reverse(
            "wagtail_localize:submit_snippet_translation", args=[opts.app_label, opts.model_name, quote(snippet.pk)]
        )
        yield Button(
            gettext(TRANSLATE_SNIPPET),
            url,
            attrs={"aria-label": gettext(TRANSLATE_SNIPPET_LABEL) % title},
            icon_name="wagtail-localize-language",
            priority=100,
        )
    if snippet._localize_sync_source_id is not None:
        yield Button(
            gettext(SYNC_SNIPPETS),
            _sync_url(snippet._localize_sync_source_id, next_url),
            attrs={"aria-label": gettext(SYNC_SNIPPETS_LABEL) % title},
            icon_name="resubmit",
            priority=106,
        )


@hooks.register("register_page_listing_more_buttons")
def localize_page_listing_buttons(page, user, view_name=None, next_url=None):
    if not hasattr(page, "_localize_languages"):
        yield from localize_hooks.page_listing_more_buttons(page, user, view_name, next_url)
        return
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return
    if page._localize_languages < page._localize_all_languages:
        url = reverse("wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id])
        yield Button(gettext(TRANSLATE_PAGE), url, priority=60, icon_name="wagtail-localize-language")
    if page._localize_sync_source_id is not None:
        yield Button(
            gettext(SYNC_PAGES), _sync_url(page._localize_sync_source_id, next_url), priority=60, icon_name="resubmit"
        )


def _sync_url(source_id, next_url=None) -> str:
    """wagtail-localize's "sync translations" address for a translation source, back to ``next_url``."""
    url = reverse("wagtail_localize:update_translations", args=[source_id])
    return url if next_url is None else f"{url}?{urlencode({'next': next_url})}"


@hooks.register("construct_page_listing_buttons")
def render_row_menus_once_per_kind_of_button(buttons, page, user, context=None):
    """Each row's "more" menu, its buttons rendered as ``cms.editorial.explorer.RowButton`` does (same HTML)."""
    for index, button in enumerate(buttons):
        if type(button) is ButtonWithDropdownFromHook:
            buttons[index] = MenuOfRowButtons.taking_over(button)
