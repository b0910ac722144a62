"""Translation review in the admin: the submit view and the "Gửi duyệt bản dịch" buttons."""

from django.urls import path
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

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
