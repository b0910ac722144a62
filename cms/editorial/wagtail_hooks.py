"""Translation review in the admin: the submit view and the "Gửi duyệt bản dịch" buttons."""

from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button, ListingButton
from wagtail_localize import wagtail_hooks as localize_hooks

from cms.editorial import translation_review


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


# wagtail-localize's "Translate this page" / "Sync translated pages" in the explorer's rows, read from the
# listing's annotations instead of three queries per row; elsewhere (the page header) its own function runs.
# Its labels are its own messages (Vietnamese in locale_overrides/), not this project's.
TRANSLATE_PAGE, SYNC_PAGES = "Translate this page", "Sync translated pages"
hooks._hooks["register_page_listing_more_buttons"] = [
    (fn, order)
    for fn, order in hooks._hooks.get("register_page_listing_more_buttons", [])
    if fn is not localize_hooks.page_listing_more_buttons
]


@hooks.register("register_page_listing_more_buttons")
def localize_page_listing_buttons(page, user, view_name=None, next_url=None):
    if not hasattr(page, "_localize_languages"):
        yield from localize_hooks.page_listing_more_buttons(page, user, view_name, next_url)
        return
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return
    if page._localize_languages < page._localize_all_languages:
        url = reverse("wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id])
        yield ListingButton(gettext(TRANSLATE_PAGE), url, priority=60, icon_name="wagtail-localize-language")
    if page._localize_sync_source_id is not None:
        url = reverse("wagtail_localize:update_translations", args=[page._localize_sync_source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield ListingButton(gettext(SYNC_PAGES), url, priority=60, icon_name="resubmit")
