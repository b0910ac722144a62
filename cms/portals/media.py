"""Which images and documents are a portal's: those filed in its collection or below it (``create_portal``
makes one per commune, and its editors choose media from it only); a host without a portal row of its own (the
province) owns those filed in no portal's collection. The public API lists each host's own (``cms.api.views``)."""

from wagtail.models import Collection

from cms.core.cache import remember_for_sites
from cms.portals.models import Portal


def collection_sites() -> dict[int, int | None]:
    """The id of every collection a portal owns -> the site serving that portal (None once it is archived).

    Two queries, remembered with the sites: a change to a Portal or a Collection renews their stamp
    (``cms.portals.apps``)."""

    def compute():
        roots = dict(Portal.objects.filter(collection__isnull=False).values_list("collection__path", "site_id"))
        owned = {}
        for pk, path in Collection.objects.filter(depth__gt=1).values_list("pk", "path"):
            for root, site_id in roots.items():
                if path.startswith(root):
                    owned[pk] = site_id
        return owned

    return remember_for_sites("portal-collections", compute)


def portal_media(queryset, site_id: int | None):
    """``queryset`` (images or documents) narrowed to the media of the portal ``site_id`` serves.

    Filtered by collection ids, which Wagtail's search backends index for images and documents."""
    owned = collection_sites()
    own = [pk for pk, site in owned.items() if site is not None and site == site_id]
    if own:
        return queryset.filter(collection_id__in=own)
    if owned:
        return queryset.exclude(collection_id__in=list(owned))
    return queryset
