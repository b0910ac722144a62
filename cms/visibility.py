"""What the public may see, beyond Wagtail's ``live()`` and ``public()``.

Wagtail unpublishes an item whose ``expire_at`` has passed only when ``publish_scheduled``
runs; until then it is still ``live``. Public channels filter it out themselves.
"""

from django.db.models import Q
from django.utils import timezone


def unexpired(queryset):
    """Drop items past their expiry time that the scheduled-publishing runner has not unpublished yet."""
    return queryset.exclude(expire_at__lte=timezone.now())


def is_expired(obj) -> bool:
    return obj.expire_at is not None and obj.expire_at <= timezone.now()


def unrestricted(queryset):
    """``queryset.public()`` without its query: view restrictions come from the per-generation cached list."""
    from cms.api.visibility import restricted_page_paths

    paths = restricted_page_paths()
    if not paths:
        return queryset
    restricted = Q()
    for path in paths:
        restricted |= Q(path__startswith=path)
    return queryset.exclude(restricted)
