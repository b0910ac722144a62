"""What makes up a source row for the importer: the columns it reads, their digest, plain text, choices."""

import hashlib
import json

from bs4 import BeautifulSoup

from cms.core.text import slugify_vi

# The columns the import reads. Only they make up a row's digest: NukeViet rewrites others all the time (view
# and download counters, ordering weights), and those must not make a re-run see a change.
USED = {
    "cat": ("parentid", "title", "alias", "description"),
    "news": (
        *("catid", "title", "alias", "hometext", "homeimgfile", "homeimgalt", "homeimgthumb"),
        *("publtime", "exptime", "addtime", "status", "author", "sourceid"),
    ),
    "detail": ("bodyhtml", "files"),
    "laws": (
        *("title", "alias", "code", "cid", "sid", "eid", "sgid", "introtext", "bodytext", "files", "status"),
        *("publtime", "addtime", "startvalid", "exptime", "start_comm_time", "end_comm_time"),
    ),
    "lookup": ("title", "positions", "offices"),
    "page": ("title", "alias", "image", "imagealt", "description", "bodytext", "status", "add_time"),
    "weblink": ("catid", "title", "alias", "url", "status"),
    "faq": ("catid", "title", "alias", "question", "answer", "status", "addtime"),
}


def used(kind: str, row: dict | None) -> dict | None:
    return None if row is None else {key: row.get(key) for key in USED[kind]}


def fingerprint(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def plain_text(html: str) -> str:
    return " ".join(BeautifulSoup(html or "", "html.parser").get_text(" ").split())


def choice_for(title: str, choices) -> str | None:
    """The choice whose value appears in the ASCII slug of ``title`` ("Quyết định UBND" -> quyet-dinh)."""
    slug = slugify_vi(title or "")
    for value in sorted(choices.values, key=len, reverse=True):
        if value != "khac" and value in slug:
            return value
    return None


# NukeViet's user groups that a visitor who is not signed in belongs to: 5 guests, 6 everyone.
PUBLIC_GROUPS = {"5", "6"}


def restricted(groups_view) -> bool:
    """``groups_view`` names groups and none of them is a visitor's: only members may read the item.

    Empty is NukeViet's default (everyone) and is not a restriction."""
    groups = {group.strip() for group in str(groups_view or "").split(",") if group.strip()}
    return bool(groups) and not groups & PUBLIC_GROUPS
