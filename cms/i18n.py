"""Language rules shared by every app: snippet fallback, public-page filters, ASCII slugs for new pages."""

import re

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from unidecode import unidecode
from wagtail.models import Locale, Page

from cms.text import slugify_vi


def in_locale(queryset, locale):
    """Rows of a TranslatableMixin queryset in ``locale``.

    With PORTAL_SNIPPET_FALLBACK_TO_DEFAULT on, default-language rows whose translation is not in
    ``queryset`` for ``locale`` are added, so a half-translated set still shows everything.
    Works for any translatable snippet (banner slides, statistics); filter ``live`` before calling.
    """
    in_requested = queryset.filter(locale=locale)
    if not settings.PORTAL_SNIPPET_FALLBACK_TO_DEFAULT:
        return in_requested
    default = Locale.get_default()
    if locale.pk == default.pk:
        return in_requested
    translated_keys = in_requested.values("translation_key")
    return queryset.filter(Q(locale=locale) | (Q(locale=default) & ~Q(translation_key__in=translated_keys)))


def not_expired(queryset):
    """Pages whose Wagtail ``expire_at`` has not passed (the unpublish job may not have run yet)."""
    return queryset.filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))


def public_pages(queryset):
    """Live, public (no view restriction), not expired: what may leave through feeds and sitemaps."""
    return not_expired(queryset.live().public())


def _title_derived_slugs(title: str) -> set[str]:
    """The slugs Wagtail 8 derives from a Vietnamese title, all wrong ("Mộc Châu" -> "mc-chu").

    Server side, Django's slugify drops "đ"; in the admin, the slug field's urlify (wagtail/admin
    static core.js, w-slug controller) has no Vietnamese map and strips every non-ASCII letter.
    """
    lowered = title.lower()
    urlify = re.sub(r"[-\s]+", "-", re.sub(r"[^-\w\s]", "", lowered, flags=re.ASCII)).strip("-")
    blur = re.sub(r"[^A-Za-z0-9\-_]", "", re.sub(r"\s+", "-", title)).lower()
    return {slugify(title), urlify, blur} - {""}


def _looks_title_derived(slug: str, title: str) -> bool:
    """Whether ``slug`` is the title with each Vietnamese letter dropped or partly transliterated.

    In a real browser Wagtail's urlify maps some letters ("â" -> "a", "đ" -> "dj") and drops others ("ộ"),
    so "chuyển đổi" arrives as "chuyn-dji": no fixed set of variants covers that.
    """
    parts = []
    for char in title.lower():
        if char.isascii():
            parts.append("-+" if not char.isalnum() else re.escape(char))
        elif char.isalpha():
            variants = {unidecode(char).lower(), "dj" if char == "đ" else ""} - {""}
            parts.append(f"(?:{'|'.join(map(re.escape, variants))})?")
        else:
            parts.append("-*")
    pattern = re.sub(r"(?:-[+*])+", "-*", "".join(parts)).strip("-*") or "$^"
    return re.fullmatch(rf"-*{pattern}-*(?:-\d+)?", slug) is not None


def transliterate_new_page_slug(page: Page) -> None:
    """Give a new page the ASCII slug of its Vietnamese title ("Đơn vị" -> "don-vi", not "on-vi")."""
    wanted = slugify_vi(page.title)
    if not wanted or page.slug == wanted:
        return
    derived = _title_derived_slugs(page.title)
    typed = page.slug not in derived and re.sub(r"-\d+$", "", page.slug) not in derived
    if page.slug and typed and not _looks_title_derived(page.slug, page.title):
        return  # an editor typed this slug on purpose
    parent = page.get_parent()
    slug, number = wanted, 1
    while not Page._slug_is_available(slug, parent, page):
        number += 1
        slug = f"{wanted}-{number}"
    page.slug = slug
    page.set_url_path(parent)
