"""The headless preview button in the page editor (the view is in cms/api/preview.py)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from cms.api.preview import HeadlessPreviewRedirectView, front_end_preview_url, may_preview


@hooks.register("register_admin_urls")
def headless_preview_urls():
    return [path("headless-preview/<int:page_id>/", HeadlessPreviewRedirectView.as_view(), name="headless_preview")]


@hooks.register("register_page_header_buttons")
def headless_preview_button(page, user, view_name, next_url=None):
    if view_name != "edit" or front_end_preview_url(page.get_site()) is None or not may_preview(user, page):
        return
    yield Button(
        _("Xem trước trên trang ngoài"),
        url=reverse("headless_preview", args=[page.pk]),
        icon_name="link-external",
        priority=5,
        attrs={"target": "_blank", "rel": "noopener"},
    )
