"""Vietnamese search over ``SearchEntry``: matching, ranking, filters and suggestions.

Matching is on folded words, so accents, case and Unicode form never matter; ranking puts directive-number
hits first, then title matches (exact accents first), then body matches, newest first within a rank.
PostgreSQL matches the ``document`` tsvector through its GIN index (migration 0003); SQLite uses LIKE.
"""

import datetime
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import BooleanField, Case, Count, F, Func, IntegerField, Q, Value, When, Window
from django.utils import timezone
from django.utils.translation import gettext as _

from news.choices import DocumentType
from search import text
from search.models import PageType, SearchEntry

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
SUGGESTION_LIMIT = 8
# Matches ranked per query; a search matching more reports "more than MAX_RANKED" and pages through these.
MAX_RANKED = 1000


class DocumentMatch(Func):
    """``document @@ plainto_tsquery('simple', words)`` (PostgreSQL): every word, whole, in title or body."""

    output_field = BooleanField()
    template = "%(expressions)s"
    arg_joiner = " @@ "

    def __init__(self, words: str):
        query = Func(Value(words), template="plainto_tsquery('simple'::regconfig, %(expressions)s)")
        super().__init__(F("document"), query)


@dataclass
class ParsedQuery:
    """A query as the index sees it."""

    folded: list[str]
    exact: list[str]
    number_key: str

    @classmethod
    def parse(cls, query: str) -> "ParsedQuery":
        query = query[:MAX_QUERY_LENGTH]
        key = text.number_key(query)
        # Only input with a digit can be a directive number; "qd" alone would match every decision.
        return cls(
            folded=text.folded_words(query)[:MAX_WORDS],
            exact=text.words(text.exact(query))[:MAX_WORDS],
            number_key=key if any(char.isdigit() for char in key) else "",
        )

    def __bool__(self):
        return bool(self.folded)


@dataclass
class Filters:
    page_type: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    document_type: str = ""
    issuing_agency: str = ""
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def parse(cls, params) -> "Filters":
        """Read filters from GET parameters; an invalid value is dropped and named in ``errors``."""
        filters = cls()
        page_type = params.get("type", "").strip()
        if page_type in PageType.values:
            filters.page_type = page_type
        elif page_type:
            filters.errors["type"] = _("Loại nội dung không hợp lệ: chỉ nhận “news” hoặc “directive”.")
        for name in ("date_from", "date_to"):
            value = params.get(name, "").strip()
            if not value:
                continue
            try:
                setattr(filters, name, datetime.date.fromisoformat(value[:10]))
            except ValueError:
                filters.errors[name] = _("Ngày không hợp lệ (định dạng YYYY-MM-DD): %(value)s") % {"value": value[:20]}
        document_type = params.get("document_type", "").strip()
        if document_type in DocumentType.values:
            filters.document_type = document_type
        elif document_type:
            filters.errors["document_type"] = _("Loại văn bản không hợp lệ.")
        filters.issuing_agency = params.get("issuing_agency", "").strip()[:255]
        return filters

    def apply(self, queryset):
        if self.page_type:
            queryset = queryset.filter(page_type=self.page_type)
        if self.date_from:
            queryset = queryset.filter(date__gte=self.date_from)
        if self.date_to:
            queryset = queryset.filter(date__lte=self.date_to)
        if self.document_type:
            queryset = queryset.filter(document_type=self.document_type)
        if self.issuing_agency:
            queryset = queryset.filter(issuing_agency=self.issuing_agency)
        return queryset

    def as_params(self) -> dict[str, str]:
        params = {
            "type": self.page_type,
            "date_from": self.date_from.isoformat() if self.date_from else "",
            "date_to": self.date_to.isoformat() if self.date_to else "",
            "document_type": self.document_type,
            "issuing_agency": self.issuing_agency,
        }
        return {name: value for name, value in params.items() if value}


def visible_entries(locale):
    """Rows for one language, leaving out pages whose expiry time has passed but are not yet unpublished."""
    return SearchEntry.objects.filter(locale=locale).filter(
        Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())
    )


def _all_words(column: str, words: list[str]) -> Q:
    condition = Q()
    for word in words:
        condition &= Q(**{f"{column}__contains": f" {word} "})
    return condition


def _text_match(parsed: ParsedQuery) -> Q:
    if connection.vendor == "postgresql":
        return Q(DocumentMatch(" ".join(parsed.folded)))
    condition = Q()
    for word in parsed.folded:
        condition &= Q(title_folded__contains=f" {word} ") | Q(body_folded__contains=f" {word} ")
    return condition


def _points(condition: Q, points: int):
    return Case(When(condition, then=Value(points)), default=Value(0), output_field=IntegerField())


def _newest(queryset, condition: Q):
    """Primary keys of the newest ``MAX_RANKED + 1`` rows meeting ``condition``, as a union member.

    Wrapped in ``pk__in`` because SQLite refuses LIMIT inside the parts of a compound SELECT.
    """
    newest = queryset.filter(condition).order_by("-date", "-pk").values("pk")[: MAX_RANKED + 1]
    return SearchEntry.objects.filter(pk__in=newest).values("pk")


def search(query: str, locale, filters: Filters | None = None):
    """Ranked ``SearchEntry`` queryset for ``query`` in ``locale``; empty when the query has no words.

    A common word matches most of a large portal, and scoring and counting every match is what made it
    slow (a quarter to two thirds of a second at 100,000 pages on PostgreSQL). Only candidates are
    ranked: the newest ``MAX_RANKED + 1`` text matches, the newest as many title matches (so an older
    article with the words in its title still ranks above newer ones that only mention them) and the
    directive-number matches. ``fetch`` reports a total above ``MAX_RANKED`` as "more than".
    """
    parsed = ParsedQuery.parse(query)
    if not parsed:
        return SearchEntry.objects.none()
    queryset = visible_entries(locale)
    if filters:
        queryset = filters.apply(queryset)
    in_title = _all_words("title_folded", parsed.folded)
    candidates = _newest(queryset, _text_match(parsed)).union(_newest(queryset, in_title))
    score = (
        _points(in_title, 100)
        + _points(Q(title_folded__contains=text.padded(parsed.folded)), 20)
        + _points(Q(title_exact__contains=text.padded(parsed.exact)), 40)
    )
    if parsed.number_key:
        candidates = candidates.union(_newest(queryset, Q(number_key__contains=parsed.number_key)))
        score = (
            score
            + _points(Q(number_key=parsed.number_key), 1000)
            + _points(Q(number_key__startswith=parsed.number_key), 500)
        )
    return (
        SearchEntry.objects.filter(pk__in=candidates)
        .annotate(score=score)
        .order_by("-score", "-date", "-pk")
        .defer("body_folded", "title_exact", "title_folded", "document")
    )


def suggest(query: str, locale, limit: int = SUGGESTION_LIMIT):
    """Titles whose words start with what the user has typed so far, newest first."""
    parsed = ParsedQuery.parse(query)
    if not parsed:
        return SearchEntry.objects.none()
    *complete, last = parsed.folded
    condition = _all_words("title_folded", complete) & Q(title_folded__contains=f" {last}")
    if parsed.number_key:
        condition |= Q(number_key__startswith=parsed.number_key)
    return (
        visible_entries(locale)
        .filter(condition)
        .order_by("-date", "-pk")
        .only("page_id", "title", "page_type", "date", "number")[:limit]
    )


@dataclass
class Total:
    """How many results a search has; ``capped`` when there are more than ``MAX_RANKED``."""

    count: int
    capped: bool = False


def fetch(queryset, offset: int, limit: int) -> tuple[list, Total]:
    """One slice of ranked rows and the total number of matches, in a single query (COUNT(*) OVER ())."""
    limit = max(0, min(limit, MAX_RANKED - offset))
    rows = list(queryset.annotate(total=Window(Count("pk")))[offset : offset + limit]) if limit else []
    # Past the end (or nothing matched): only then is a separate count needed.
    count = rows[0].total if rows else (queryset.count() if offset else 0)
    return rows, Total(min(count, MAX_RANKED), capped=count > MAX_RANKED)
