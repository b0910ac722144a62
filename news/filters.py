"""The directive register's filters: one parser and validator for the register page and the pages API.

Both take the same names: ``document_type``, ``issuing_agency``, ``sector`` (``field`` is an alias),
``issued_from``, ``issued_to``, ``year`` and ``status``. The register reads dates as people type them
(dd/mm/yyyy or ISO), a keyword ``q`` (``news.register``; the API's keyword search is /api/v2/search/) and its
first names ``type`` and ``agency`` (links shared before the rename); the API takes ISO dates and, since
``type`` is the page type there, no such aliases.
"""

import dataclasses
import datetime
import re

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.core import dates
from cms.core.text import is_number
from news import register
from news.choices import DirectiveStatus, DocumentField, DocumentType

PARAMETERS = ("document_type", "issuing_agency", "field", "sector", "issued_from", "issued_to", "year", "status")
# The register's first parameter names.
REGISTER_ALIASES = {"type": "document_type", "agency": "issuing_agency"}
MAX_TEXT_LENGTH = 255
FIRST_YEAR, LAST_YEAR = 1900, 2200
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _choice(value: str, choices) -> str:
    if value not in choices.values:
        raise ValueError(_("chỉ nhận %(values)s.") % {"values": ", ".join(choices.values)})
    return value


def _text(value: str) -> str:
    # Control characters never occur in agency names, and PostgreSQL rejects NUL outright.
    if len(value) > MAX_TEXT_LENGTH:
        raise ValueError(_("dài quá %(max)d ký tự.") % {"max": MAX_TEXT_LENGTH})
    return "".join(char for char in value if char.isprintable()).strip()


def _year(value: str) -> int:
    if not (is_number(value) and FIRST_YEAR <= int(value) <= LAST_YEAR):
        raise ValueError(_("phải là một năm từ %(first)d đến %(last)d.") % {"first": FIRST_YEAR, "last": LAST_YEAR})
    return int(value)


def _iso_date(value: str) -> datetime.date:
    try:
        if not ISO_DATE.fullmatch(value):
            raise ValueError(value)
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(_("phải là một ngày dạng YYYY-MM-DD.")) from None


def _typed_date(value: str) -> datetime.date:
    try:
        return dates.parse_date(value[:20])
    except ValueError:
        raise ValueError(_("phải là một ngày dạng ngày/tháng/năm, ví dụ 01/07/2024.")) from None


def register_keyword(value: str) -> str:
    return register.clean_keyword(value)


def status_condition(status: str) -> Q:
    """The database form of ``DirectivePage.get_status``."""
    today = timezone.localdate()
    if status == DirectiveStatus.NOT_YET_IN_FORCE:
        return Q(effective_date__gt=today)
    if status == DirectiveStatus.EXPIRED:
        return Q(effective_date__lte=today, expiry_date__lt=today)
    return Q(effective_date__lte=today) & (Q(expiry_date__isnull=True) | Q(expiry_date__gte=today))


@dataclasses.dataclass
class DirectiveFilters:
    """Valid filter values by name (``values``) and the refused ones with the reason (``errors``)."""

    parameters = PARAMETERS

    values: dict = dataclasses.field(default_factory=dict)
    errors: dict = dataclasses.field(default_factory=dict)

    @classmethod
    def parse(cls, params, *, register: bool = False) -> "DirectiveFilters":
        """Read the filters from query parameters; ``register``: the public page's dates and old names."""
        filters = cls()
        readers = {
            "document_type": lambda value: _choice(value, DocumentType),
            "issuing_agency": _text,
            "sector": lambda value: _choice(value, DocumentField),
            "field": lambda value: _choice(value, DocumentField),
            "issued_from": _typed_date if register else _iso_date,
            "issued_to": _typed_date if register else _iso_date,
            "year": _year,
            "status": lambda value: _choice(value, DirectiveStatus),
        }
        if register:
            readers["q"] = register_keyword
        aliases = REGISTER_ALIASES if register else {}
        for name, read in readers.items():
            given = params.get(name, "")
            if not given:
                given = next((params.get(old, "") for old, new in aliases.items() if new == name), "")
            given = given.strip()
            if not given:
                continue
            try:
                value = read(given)
            except ValueError as exc:
                filters.errors[name] = str(exc)
                continue
            if value != "":
                filters.values["sector" if name == "field" else name] = value
        return filters

    def apply(self, queryset):
        values = self.values
        conditions = {
            "document_type": "document_type",
            "issuing_agency": "issuing_agency",
            "sector": "sector",
            "issued_from": "issue_date__gte",
            "issued_to": "issue_date__lte",
            "year": "issue_date__year",
        }
        for name, lookup in conditions.items():
            if name in values:
                queryset = queryset.filter(**{lookup: values[name]})
        if "status" in values:
            queryset = queryset.filter(status_condition(values["status"]))
        if "q" in values:
            queryset = register.keyword_filter(queryset, values["q"])
        return queryset
