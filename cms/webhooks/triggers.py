"""Signal handlers: each change becomes delivery rows once its transaction commits.

Nothing is sent here: rows are written after commit (``transaction.on_commit``) and the worker
(``send_webhooks`` or ``run_scheduler``) sends them, so a slow or dead receiver never delays an editor.
A rolled-back publish queues nothing.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.models import DraftStateMixin, Page
from wagtail.signals import page_published, page_unpublished, post_page_move, published

from cms.core import sites
from cms.webhooks import events
from cms.webhooks.models import WebhookDelivery, WebhookEndpoint
from cms.webhooks.payloads import Change, build, locale_code, site_representation

logger = logging.getLogger(__name__)


def enqueue(change: Change) -> list[WebhookDelivery]:
    """Delivery rows for every active endpoint subscribed to the change's event (one query when none is)."""
    active = list(WebhookEndpoint.objects.filter(active=True))
    if not active:
        return []
    change.locale = locale_code(change.locale_id)
    if change.portal_id is None and change.path is not None:
        change.portal_id = sites.site_id_of_path(change.path)
    if change.event == events.PAGE_PUBLISHED and is_translation(change):
        change.event = events.TRANSLATION_PUBLISHED
    # Filtered in Python: JSON "contains" on a list is not portable to SQLite, and endpoints are few. An
    # endpoint of one portal hears that portal's changes only.
    endpoints = [
        endpoint
        for endpoint in active
        if change.event in endpoint.events and endpoint.site_id in (None, change.portal_id)
    ]
    if not endpoints:
        return []
    payload = build(change)
    return WebhookDelivery.objects.bulk_create(
        [WebhookDelivery(endpoint=endpoint, event=change.event, payload=payload) for endpoint in endpoints]
    )


def _queue(change: Change) -> None:
    def run():
        try:
            enqueue(change)
        except Exception:
            # After commit the publication stands; a webhook problem must not turn it into an error page.
            logger.exception("Could not queue webhook %s for %s %s", change.event, change.model, change.pk)

    transaction.on_commit(run)


def is_translation(change: Change) -> bool:
    """A page in another language than the site's content default, with a counterpart in another locale.
    (Asked after commit, and only when some endpoint is active: the editor's request pays nothing for it.)"""
    if change.locale == settings.LANGUAGE_CODE:
        return False
    others = Page.objects.filter(translation_key=change.translation_key).exclude(locale_id=change.locale_id)
    return others.exists()


def _page_change(event: str, page: Page, **kwargs) -> Change:
    model = page.specific_class or type(page)
    return Change(
        event,
        model,
        page.pk,
        page.locale_id,
        translation_key=page.translation_key,
        path=page.path,
        **kwargs,
    )


def on_page_published(sender, instance, **kwargs):
    _queue(_page_change(events.PAGE_PUBLISHED, instance))


def on_page_unpublished(sender, instance, **kwargs):
    _queue(_page_change(events.PAGE_UNPUBLISHED, instance, site=site_representation(instance.get_site())))


def on_page_moved(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    if url_path_before == url_path_after:
        return  # reordered among its siblings: its URL did not change
    _queue(_page_change(events.PAGE_MOVED, instance))


def on_page_deleted(sender, instance, **kwargs):
    # A specific page is deleted as two rows (its own table and wagtailcore_page): answer once, for the
    # specific one. The site is read now; after commit the page is gone.
    if not isinstance(instance, Page) or type(instance) is not (instance.specific_class or Page):
        return
    _queue(_page_change(events.PAGE_DELETED, instance, site=site_representation(instance.get_site())))


def on_snippet_published(sender, instance, **kwargs):
    if isinstance(instance, Page) or not isinstance(instance, DraftStateMixin):
        return
    locale_id = getattr(instance, "locale_id", None)
    portal_id = getattr(instance, "site_id", None)  # a portal-owned snippet (banner slide, statistic)
    _queue(Change(events.SNIPPET_PUBLISHED, type(instance), instance.pk, locale_id, portal_id=portal_id))


def on_document_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    _queue(Change(events.DOCUMENT_CHANGED, type(instance), instance.pk, None))


def connect() -> None:
    page_published.connect(on_page_published, dispatch_uid="webhooks.page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="webhooks.page_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="webhooks.page_moved")
    post_delete.connect(on_page_deleted, dispatch_uid="webhooks.page_deleted")
    published.connect(on_snippet_published, dispatch_uid="webhooks.snippet_published")
    document_model = get_document_model()
    post_save.connect(on_document_changed, sender=document_model, dispatch_uid="webhooks.document_saved")
    post_delete.connect(on_document_changed, sender=document_model, dispatch_uid="webhooks.document_deleted")
