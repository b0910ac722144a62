from django.http import Http404
from wagtail import hooks

from cms.visibility import is_expired


@hooks.register("before_serve_page")
def hide_expired_pages(page, request, serve_args, serve_kwargs):
    """An expired page is gone for the public even before ``publish_scheduled`` unpublishes it."""
    if is_expired(page):
        raise Http404
