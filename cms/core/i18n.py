"""Language rules shared by every app: snippet fallback, ASCII slugs for new pages."""

import re
import unicodedata

from django.conf import settings
from django.db.models import Q
from django.utils.functional import lazy
from django.utils.text import slugify
from django.utils.translation import gettext
from unidecode import unidecode
from wagtail.admin.widgets.slug import SlugInput
from wagtail.models import Locale, Page
from wagtail.snippets.widgets import AdminSnippetChooser

from cms.core.cache import remember
from cms.core.text import slugify_vi


def _locale_codes() -> dict[int, str]:
    """Locale id -> language code, remembered until the content next changes (a Locale's change starts a new
    generation)."""
    return remember("locale-codes", lambda: dict(Locale.all_objects.values_list("pk", "language_code")))


def language_code_of(obj) -> str:
    """The language code of a translatable row (a page, a snippet) without reading its ``locale``."""
    code = _locale_codes().get(obj.locale_id)
    return code if code is not None else obj.locale.language_code


def attach_locales(objects) -> None:
    """Give each translatable row its ``locale`` from the remembered locales, as ``select_related("locale")``
    would, without joining the locales into its query (see ``locale_id_of``)."""
    codes = _locale_codes()
    locales = {}
    for obj in objects:
        if "locale" in obj._state.fields_cache or obj.locale_id not in codes:
            continue  # already known, or a locale newer than the remembered list: read as usual
        locale = locales.get(obj.locale_id)
        if locale is None:
            locale = locales[obj.locale_id] = Locale.from_db(
                obj._state.db, ["id", "language_code"], (obj.locale_id, codes[obj.locale_id])
            )
        obj._state.fields_cache["locale"] = locale


def locale_id_of(language_code: str) -> int | None:
    """The id of the locale of ``language_code`` (None: no such locale), from the remembered locales.

    Filtering on ``locale_id`` rather than ``locale__language_code`` keeps a join to the locales out of the
    query: with that join SQLite's planner drove from the locale and sorted the whole language's pages
    (231 ms for a 20-item API listing at 100,000 pages, 0.1 ms without it).
    """
    return next((pk for pk, code in _locale_codes().items() if code == language_code), None)


def in_locale(queryset, locale):
    """Rows of a TranslatableMixin queryset in ``locale``.

    With PORTAL_SNIPPET_FALLBACK_TO_DEFAULT on, default-language rows whose translation is not in
    ``queryset`` for ``locale`` are added, so a half-translated set still shows everything.
    ``locale`` is a Locale or its id. Works for any translatable snippet (banner slides, statistics); filter through
    ``cms.core.visibility.visible_snippets`` before calling.
    """
    in_requested = queryset.filter(locale=locale)
    if not settings.PORTAL_SNIPPET_FALLBACK_TO_DEFAULT:
        return in_requested
    default = Locale.get_default()
    if getattr(locale, "pk", locale) == default.pk:
        return in_requested
    translated_keys = in_requested.values("translation_key")
    return queryset.filter(Q(locale=locale) | (Q(locale=default) & ~Q(translation_key__in=translated_keys)))


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


def _vietnamese_formatters() -> list[tuple[str, str]]:
    """Regex replacements that turn Vietnamese letters into the ASCII letters ``slugify_vi`` gives them."""
    letters: dict[str, list[str]] = {}
    for base in "aăâeêioôơuưy" + "AĂÂEÊIOÔƠUƯY":
        for tone in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"):
            letter = unicodedata.normalize("NFC", base + tone)
            if not letter.isascii():
                letters.setdefault(unidecode(letter), []).append(letter)
    # Decomposed input (NFD, as some keyboards send it) loses its combining marks first.
    return [
        ("[\u0300-\u036f]", ""),
        *((f"[{''.join(group)}]", ascii_letter) for ascii_letter, group in letters.items()),
        ("đ", "d"),
        ("Đ", "D"),
    ]


VIETNAMESE_SLUG_FORMATTERS = _vietnamese_formatters()


class VietnameseSlugInput(SlugInput):
    """Wagtail's slug field whose live preview transliterates Vietnamese as the server does.

    Wagtail 8's ``w-slug`` controller runs these formatters before its own urlify/slugify (which has no
    Vietnamese map and drops "ộ" or turns "đ" into "dj"), so the admin shows "moc-chau-don-khach" for
    "Mộc Châu đón khách", the slug ``slugify_vi`` gives on the server. Registered for every model
    SlugField in ``cms.apps``; see Wagtail's ``SlugInput`` ``formatters`` argument.
    """

    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(attrs, formatters=formatters or VIETNAMESE_SLUG_FORMATTERS, locale=locale)


def _object_label(message: str, name) -> str:
    return gettext(message) % {"object": name}


_lazy_object_label = lazy(_object_label, str)


class LocalisedSnippetChooser(AdminSnippetChooser):
    """Wagtail's snippet chooser whose button texts follow the language of each request.

    ``AdminSnippetChooser.__init__`` formats "Choose %(object)s" once, in the language active when the
    widget is built; a ``SnippetChooserBlock`` builds its widget once per process (a ``cached_property``
    on a block defined at import time), so every later editor saw the first request's language
    ("Choose Số liệu thống kê" in the Vietnamese admin). Here the texts are lazy and re-translated each
    time they are rendered.
    """

    def __init__(self, model=None, **kwargs):
        super().__init__(model, **kwargs)
        name = self.model._meta.verbose_name
        self.choose_one_text = _lazy_object_label("Choose %(object)s", name)
        self.choose_another_text = _lazy_object_label("Choose another %(object)s", name)
        self.link_to_chosen_text = _lazy_object_label("Edit this %(object)s", name)


def needs_transliteration(slug: str, title: str) -> bool:
    """Whether ``slug`` is Wagtail's broken rendering of a Vietnamese ``title`` rather than a chosen slug."""
    wanted = slugify_vi(title)
    if not wanted or re.sub(r"-\d+$", "", slug) == wanted:
        return False
    if not slug or not slug.isascii():
        return True
    derived = _title_derived_slugs(title)
    return slug in derived or re.sub(r"-\d+$", "", slug) in derived or _looks_title_derived(slug, title)


def available_slug(page: Page, parent: Page) -> str:
    """The transliterated title, numbered if a sibling already has it ("don-vi", "don-vi-2", ...)."""
    wanted = slugify_vi(page.title)
    slug, number = wanted, 1
    while not Page._slug_is_available(slug, parent, page):
        number += 1
        slug = f"{wanted}-{number}"
    return slug


def never_published(page: Page) -> bool:
    """A draft that has never had a public URL: its slug may still follow the title."""
    return not page.live and page.first_published_at is None and page.live_revision_id is None


def transliterate_page_slug(page: Page) -> None:
    """Give a new or never-published page the ASCII slug of its Vietnamese title ("Đơn vị" -> "don-vi").

    Runs before every page save (``cms.apps``): creation by autosave, save draft, submit, copy, translation,
    alias, import or code. A slug the editor typed is kept. Existing drafts with children are left alone,
    since Wagtail has already computed their descendants' paths from the submitted slug.
    """
    if not page._state.adding and (not never_published(page) or page.numchild):
        return
    if not needs_transliteration(page.slug, page.title):
        return
    parent = page.get_parent()
    page.slug = available_slug(page, parent)
    page.set_url_path(parent)


# Wagtail 8's wagtail/images/forms.py builds the image permission labels of the group form with a
# non-lazy gettext at import time, so they stay in whichever language was active in the process that
# first imported the module (an English-speaking admin's request leaves them English for everyone).
# The msgids are Wagtail's own; the catalogues translate them.
_IMAGE_PERMISSION_LABELS = {
    "add_image": ("Add", "Add/edit images you own"),
    "change_image": ("Edit", "Edit any image"),
    "choose_image": ("Choose", "Select images in choosers"),
}


def translate_image_permission_labels_per_request() -> None:
    from django.utils.translation import gettext_lazy
    from wagtail.images.forms import GroupImagePermissionFormSet

    # The list is shared by reference with the formset's checkbox labels, so it is replaced in place.
    permission_types = GroupImagePermissionFormSet.permission_types
    permission_types[:] = [
        (codename, *(gettext_lazy(label) for label in _IMAGE_PERMISSION_LABELS[codename]))
        if codename in _IMAGE_PERMISSION_LABELS
        else (codename, short_label, long_label)
        for codename, short_label, long_label in permission_types
    ]
