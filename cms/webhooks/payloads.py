"""What a delivery says about an object, built after the transaction commits.

The rule of what may leave is ``cms.core.visibility``: an object the public may not see (a draft, an
expired or restricted page, a document in a restricted collection) is described by its id, type, locale
and site only, with ``"public": false``; its title and URLs are left out. Removal events
(``page.unpublished``, ``page.deleted``) never carry more than that, whatever the object was.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Site

from cms.core import visibility
from cms.core.representations import document_representation, page_link_representation
from cms.webhooks.events import REMOVAL_EVENTS


@dataclass
class Change:
    """What a signal saw, kept until commit: enough to describe the object even once it is deleted."""

    event: str
    model: type
    pk: int
    locale_id: int | None
    site: dict | None = None
    translation_key: object = None
    locale: str | None = None  # the code of ``locale_id``, read after commit
    portal_id: int | None = None  # the site whose content changed (None: not one portal's, e.g. a document)
    path: str | None = None  # a page's tree path: its portal is looked up after commit, only if an endpoint listens
    extra: dict = field(default_factory=dict)
    occurred_at: datetime.datetime = field(default_factory=timezone.now)


def site_representation(site: Site | None) -> dict | None:
    if site is None:
        return None
    return {"id": site.pk, "hostname": site.hostname, "name": site.site_name, "root_url": site.root_url}


def default_site() -> Site | None:
    return Site.objects.filter(is_default_site=True).first() or Site.objects.order_by("pk").first()


def object_type(model) -> str:
    """The type name the API uses in ``meta.type`` (``news.NewsPage``, ``cms.Statistic``)."""
    return model._meta.label


def locale_code(locale_id: int | None) -> str | None:
    if locale_id is None:
        return None
    return Locale.objects.filter(pk=locale_id).values_list("language_code", flat=True).first()


def build(change: Change) -> dict:
    """The payload of ``change`` (without the delivery id, which each endpoint's row adds when sent)."""
    obj = None if change.event in REMOVAL_EVENTS else _reload(change)
    site = change.site
    if obj is not None and site is None:
        if isinstance(obj, Page):
            site = site_representation(obj.get_site())
        else:  # a portal-owned snippet names its portal; anything else, the default site
            site = site_representation(getattr(obj, "site", None) or default_site())
    described = {"id": change.pk, "type": object_type(change.model), "locale": change.locale, "public": False}
    if obj is not None:
        with visibility.fresh():
            public = visibility.is_visible(obj)
        if public:
            described.update(_content(obj, site), public=True)
            described.update(change.extra)
    return {
        "event": change.event,
        "occurred_at": change.occurred_at.isoformat(),
        "site": site,
        "object": described,
    }


def _reload(change: Change):
    return change.model._default_manager.filter(pk=change.pk).first()


def _absolute(url: str | None, site: dict | None) -> str | None:
    if not url or url.startswith(("http://", "https://")) or not site:
        return url
    return site["root_url"].rstrip("/") + url


def _api_url(model, pk, site):
    from cms.api.router import api_router

    if issubclass(model, Page):
        model = Page  # every page type is served by the pages endpoint
    path = api_router.get_object_detail_urlpath(model, pk)
    return _absolute(path, site)


def _content(obj, site: dict | None) -> dict:
    """Title and URLs of a public object (what a front end needs to refetch or purge it)."""
    if isinstance(obj, Page):
        link = page_link_representation(obj)
        parts = obj.get_url_parts()
        return {
            "title": link["title"],
            "url_path": parts[2] if parts else None,
            "urls": {"html": obj.get_full_url(), "api": _api_url(Page, obj.pk, site)},
        }
    if isinstance(obj, get_document_model()):
        document = document_representation(obj)
        return {
            "title": document["title"],
            "urls": {"file": _absolute(document["url"], site), "api": _api_url(type(obj), obj.pk, site)},
        }
    return {"title": str(obj), "urls": {"api": _api_url(type(obj), obj.pk, site)}}


def redacted(payload: dict) -> dict:
    """``payload`` as it may leave now: an object that stopped being public since it was queued (restricted,
    unpublished, expired) loses its title and URLs, so a retry or a resend never leaks it."""
    described = payload.get("object") or {}
    if not described.get("public"):
        return payload
    from django.apps import apps

    try:
        model = apps.get_model(described["type"])
    except (LookupError, ValueError, KeyError):
        model = None
    obj = model._default_manager.filter(pk=described.get("id")).first() if model else None
    with visibility.fresh():
        if obj is not None and visibility.is_visible(obj):
            return payload
    keep = {key: described.get(key) for key in ("id", "type", "locale")}
    return {**payload, "object": {**keep, "public": False}}
