"""Who wrote the content under review: the revisions that changed it, not the ones that only saved it again.

Wagtail's edit views save the form as a new revision by whoever clicks a workflow action there, and autosave
saves whatever is open in an editor; neither makes the clicker an author unless the content changed.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder

# What a revision records about where, when and by whom, not what it says: never a content change.
BOOKKEEPING_FIELDS = frozenset(
    {
        "pk",
        "id",
        "live",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "live_revision",
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "locked",
        "locked_at",
        "locked_by",
        "owner",
        "content_type",
        "path",
        "depth",
        "numchild",
        "url_path",
        "expired",
        "alias_of",
        "translation_key",
        "locale",
        # Reviewers comment on content without writing it.
        "comments",
        "wagtail_admin_comments",
    }
)


def _normalised(value, parent_keys=frozenset()):
    if isinstance(value, dict):
        return {
            key: _normalised(item)
            for key, item in value.items()
            if key not in BOOKKEEPING_FIELDS and key not in parent_keys
        }
    if isinstance(value, list):
        # Child rows (attachments, ...): their ids and the link back to the parent are bookkeeping too.
        return [_normalised(item, parent_keys={"page", "content_object"}) for item in value]
    if isinstance(value, str) and value[:1] in "[{":
        try:  # StreamField values are stored as JSON text
            return _normalised(json.loads(value))
        except ValueError:
            return value
    return value


def same_content(first: dict, second: dict) -> bool:
    """Whether two serialised versions (revision content, ``serializable_data()``) say the same thing."""
    # As stored in a revision: dates and decimals become text.
    first, second = (json.loads(json.dumps(data, cls=DjangoJSONEncoder)) for data in (first, second))
    return _normalised(first) == _normalised(second)


def _revisions_under_review(obj):
    """Revisions after the live one, oldest first: the content not yet approved and published."""
    revisions = obj.revisions.order_by("created_at", "id")
    live_revision_id = getattr(obj, "live_revision_id", None)
    if live_revision_id:
        live = obj.revisions.filter(pk=live_revision_id).values_list("created_at", flat=True).first()
        if live is not None:
            revisions = revisions.filter(created_at__gt=live)
    return revisions, live_revision_id


def wrote_content(obj, user_id: int) -> bool:
    """Whether ``user_id`` made a revision under review that changed the content (the first one always does)."""
    revisions, live_revision_id = _revisions_under_review(obj)
    if not revisions.filter(user_id=user_id).exists():
        return False  # the usual case, answered without reading any content
    previous = None
    if live_revision_id:
        previous = obj.revisions.filter(pk=live_revision_id).values_list("content", flat=True).first()
    for revision_user_id, content in revisions.values_list("user_id", "content"):
        if revision_user_id == user_id and (previous is None or not same_content(previous, content)):
            return True
        previous = content
    return False
