"""Vietnamese search over ``SearchEntry``: query planning, matching, ranking, facets and suggestions.

A query is planned into *slots*, one per word or phrase typed; each slot matches if any of its
alternatives does: the words as typed, an abbreviation or its expansion (``search.synonyms``), a joined
word split in two or two words written together ("mocchau" / "moc chau"), or, for a word the index does not
hold, indexed words within one edit (two from eight letters; ``search.vocabulary``). Every slot must match.

Ranking, highest first: directive number (exact, then prefix); matches without typo corrections above
those that need them; then how well the title matches (every slot, then each slot, then the phrase as typed,
exact accents), whether the page stands on its own (not one line of a listing, like a work-schedule activity),
the agency/author/number line, the phrase in the text; news gets a small boost while recent.
Ties go to the newest. PostgreSQL matches the ``document`` tsvector through its GIN index (migration
0003); SQLite uses LIKE on the folded columns.
"""

import dataclasses
import datetime
from collections import Counter
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, Case, Count, F, Func, IntegerField, Q, Value, When, Window
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from cms.core import dates, page_types, visibility
from cms.core.cache import remember
from cms.core.sites import in_portal, portal_trees, under_homes
from cms.core.text import is_number
from news.choices import DocumentType
from search import documents, lexicon, synonyms, text, vocabulary
from search.models import SearchEntry

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
SUGGESTION_LIMIT = 8
# Matches ranked per query; a search matching more reports "more than MAX_RANKED" and pages through these.
MAX_RANKED = 1000
# The best-ranked matches that are also checked for the phrase in the text (``_ranked``): the text is the widest
# column, and on PostgreSQL it is read from the TOAST table, one look-up per row.
PHRASE_RANKED = 200
PHRASE_POINTS = 15
RECENT_NEWS_DAYS = 90
# Pages that stand on their own rank this much above listing entries (documents.listing_entry_types): more than
# the keywords line gives, so "Văn phòng HĐND và UBND huyện" comes before every "… UBND huyện" meeting chaired
# by "Chủ tịch UBND huyện", less than a title match, so a meeting with the words in its title still comes before a
# page that only mentions them.
STANDALONE_POINTS = 40
# Columns only matching and ranking read.
UNSHOWN = ("body_folded", "title_exact", "title_folded", "keywords_folded", "document")

EXACT, SYNONYM, SPLIT, JOINED, FUZZY = "exact", "synonym", "split", "joined", "fuzzy"


class DocumentMatch(Func):
    """``document @@ to_tsquery('simple', query)`` (PostgreSQL): the planned words, whole, in title or body."""

    output_field = BooleanField()
    template = "%(expressions)s"
    arg_joiner = " @@ "

    def __init__(self, tsquery: str):
        query = Func(Value(tsquery), template="to_tsquery('simple'::regconfig, %(expressions)s)")
        super().__init__(F("document"), query)


@dataclass(frozen=True)
class Alternative:
    words: tuple[str, ...]
    kind: str


@dataclass
class Slot:
    """One word or phrase of the query and the ways it may be matched (the first is as typed)."""

    typed: tuple[str, ...]
    alternatives: list[Alternative]
    correction: tuple[str, ...] | None = None  # for "Có phải bạn muốn tìm" when the typed word is unknown

    def options(self, fuzzy: bool = True) -> list[Alternative]:
        return [alt for alt in self.alternatives if fuzzy or alt.kind != FUZZY]

    @property
    def fuzzy(self) -> bool:
        return any(alt.kind == FUZZY for alt in self.alternatives)


def _plan(words: list[str], fuzz_known: bool) -> list[Slot]:
    vocab = lexicon.vocabulary()
    meets = lexicon.synonym_phrases()
    slots, i = [], 0
    while i < len(words):
        for end in range(min(len(words), i + synonyms.MAX_PHRASE_WORDS), i, -1):
            phrase = tuple(words[i:end])
            if phrase in meets:
                others = [Alternative(other, SYNONYM) for other in meets[phrase]]
                slots.append(Slot(phrase, [Alternative(phrase, EXACT), *others]))
                i = end
                break
        else:
            word = words[i]
            following = words[i + 1] if i + 1 < len(words) else ""
            if following and vocabulary.is_word(word) and vocabulary.is_word(following) and word + following in vocab:
                typed = (word, following)
                slots.append(Slot(typed, [Alternative(typed, EXACT), Alternative((word + following,), JOINED)]))
                i += 2
                continue
            slots.append(_word_slot(word, vocab, fuzz_known))
            i += 1
    return slots


def _word_slot(word: str, vocab, fuzz_known: bool) -> Slot:
    slot = Slot((word,), [Alternative((word,), EXACT)])
    known = word in vocab or not vocabulary.is_word(word)
    if not known:
        slot.alternatives += [Alternative(pair, SPLIT) for pair in vocab.splits(word)]
    if not known or fuzz_known:
        slot.alternatives += [Alternative((other,), FUZZY) for other in vocab.similar(word)]
        # Edits and splits ranked together, by how often their words occur (search.vocabulary).
        slot.correction = vocab.correction(word, splits=not known)
    return slot


@dataclass
class ParsedQuery:
    """A query as the index sees it."""

    folded: list[str]
    exact: list[str]
    number_key: str
    slots: list[Slot] = dataclasses.field(default_factory=list)
    fuzz_known: bool = False

    @classmethod
    def parse(cls, query: str, fuzz_known: bool = False) -> "ParsedQuery":
        query = query[:MAX_QUERY_LENGTH]
        key = text.number_key(query)
        folded = text.folded_words(query)[:MAX_WORDS]
        # Only input with a digit can be a directive number; "qd" alone would match every decision.
        return cls(
            folded=folded,
            exact=text.words(text.exact(query))[:MAX_WORDS],
            number_key=key if any(char.isdigit() for char in key) else "",
            slots=_plan(folded, fuzz_known) if folded else [],
            fuzz_known=fuzz_known,
        )

    def __bool__(self):
        return bool(self.folded)

    @property
    def fuzzy(self) -> bool:
        return any(slot.fuzzy for slot in self.slots)

    @property
    def can_fuzz_known(self) -> bool:
        """Whether a second, more tolerant pass could find more (a typed word is a real but wrong word)."""
        if self.fuzz_known:
            return False
        vocab = lexicon.vocabulary()
        # Unknown words were already tolerated in the first pass; only known ones can still be typos.
        return any(vocabulary.max_edits(word) and word in vocab for word in self.folded)

    @property
    def highlight_words(self) -> list[str]:
        return sorted({word for slot in self.slots for alt in slot.alternatives for word in alt.words})

    @property
    def suggestion(self) -> str:
        """The query with each unknown word replaced by its likeliest correction ("" when nothing changes)."""
        if not any(slot.correction for slot in self.slots):
            return ""
        return " ".join(word for slot in self.slots for word in (slot.correction or slot.typed))


@dataclass
class Filters:
    # Page type labels (cms/core/page_types.py): one, or several when an old alias names several.
    page_types: tuple[str, ...] = ()
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    document_type: str = ""
    issuing_agency: str = ""
    field: str = ""
    year: int | None = None
    # "" (the current portal), "all" (every portal of the province) or a site id.
    portal: str = ""
    errors: dict[str, str] = dataclasses.field(default_factory=dict)

    @classmethod
    def parse(cls, params, *, human_dates: bool = False) -> "Filters":
        """Read filters from GET parameters; an invalid value is dropped and named in ``errors``.

        ``human_dates``: dates may also be typed day/month/year (the site's search form); the API takes ISO only.
        """
        filters = cls()
        page_type = params.get("type", "").strip()
        if page_type:
            try:
                models = page_types.resolve(page_type, documents.indexed_models())
                filters.page_types = tuple(page_types.label(model) for model in models)
            except page_types.UnknownPageType as exc:
                filters.errors["type"] = exc.message
        for name in ("date_from", "date_to"):
            value = params.get(name, "").strip()
            if not value:
                continue
            try:
                # People type dd/mm/yyyy on the site; the API's contract is ISO dates only.
                date = dates.parse_date(value[:20]) if human_dates else datetime.date.fromisoformat(value[:10])
                setattr(filters, name, date)
            except ValueError:
                filters.errors[name] = (
                    _("Ngày không hợp lệ: “%(value)s”. Nhập theo dạng ngày/tháng/năm, ví dụ 01/07/2024.")
                    if human_dates
                    else _("Ngày không hợp lệ (định dạng YYYY-MM-DD): %(value)s")
                ) % {"value": value[:20]}
        if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
            filters.errors["date_to"] = _("“Đến ngày” không được sớm hơn “Từ ngày”: ngày kết thúc bị bỏ qua.")
            filters.date_to = None
        document_type = params.get("document_type", "").strip()
        if document_type in DocumentType.values:
            filters.document_type = document_type
        elif document_type:
            filters.errors["document_type"] = _("Loại văn bản không hợp lệ.")
        filters.issuing_agency = params.get("issuing_agency", "").strip()[:255]
        filters.field = params.get("field", "").strip()[:60]
        year = params.get("year", "").strip()
        if is_number(year) and 1900 <= int(year) <= 2200:
            filters.year = int(year)
        elif year:
            filters.errors["year"] = _("Năm không hợp lệ: %(value)s") % {"value": year[:20]}
        filters.portal, error = parse_portal(params)
        if error:
            filters.errors["portal"] = error
        return filters

    def apply(self, queryset, site=None):
        if self.page_types:
            queryset = queryset.filter(page_type__in=self.page_types)
        if self.date_from:
            queryset = queryset.filter(date__gte=self.date_from)
        if self.date_to:
            queryset = queryset.filter(date__lte=self.date_to)
        if self.document_type:
            queryset = queryset.filter(document_type=self.document_type)
        if self.issuing_agency:
            queryset = queryset.filter(issuing_agency=self.issuing_agency)
        if self.field:
            queryset = queryset.filter(field=self.field)
        if self.year:
            queryset = queryset.filter(
                date__gte=datetime.date(self.year, 1, 1), date__lte=datetime.date(self.year, 12, 31)
            )
        return _within_portal(queryset, self.portal, site)

    @property
    def page_type(self) -> str:
        """The type filter as written back into links and the form (labels, comma-separated)."""
        return ",".join(self.page_types)

    def as_params(self) -> dict[str, str]:
        params = {
            "type": self.page_type,
            "date_from": self.date_from.isoformat() if self.date_from else "",
            "date_to": self.date_to.isoformat() if self.date_to else "",
            "document_type": self.document_type,
            "issuing_agency": self.issuing_agency,
            "field": self.field,
            "year": str(self.year or ""),
            "portal": self.portal,
        }
        return {name: value for name, value in params.items() if value}


def parse_portal(params) -> tuple[str, str]:
    """The ``portal`` parameter: "" (the current portal), "all" or a site id; and an error message or ""."""
    portal = params.get("portal", "").strip()
    if portal == "all" or (is_number(portal) and len(portal) < 10):
        return portal, ""
    if portal:
        return "", _("Phạm vi không hợp lệ: chỉ nhận “all” hoặc mã cổng.")
    return "", ""


def current_portal(request):
    """The request's site when the installation serves several portals; None when there is one (no limit).

    Reads Wagtail's cached site root paths, kept on the request as ``Page.get_url`` does, so the result
    URLs cost nothing more.
    """
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
    if len({root.site_id for root in request._wagtail_cached_site_root_paths}) < 2:
        return None
    return Site.find_for_request(request)


def _within_portal(queryset, portal: str, site):
    """Keep to one portal (``site``, or the site id in ``portal``): its pages in every language, and the pages of
    other portals it lists as aliases (the province's directives in a commune's register,
    cms.portals.directives). ``portal="all"`` is the whole province.

    Aliases are not indexed (their original's row stands for them, so the publication rule of the original
    decides); an alias counts only while the public may see it in this portal.
    """
    if portal == "all" or (not portal and site is None):
        return queryset
    site_id = int(portal) if portal else site.pk
    homes = portal_trees().get(site_id, ())
    if not homes:
        return queryset.none()
    listed = visibility.visible_pages(queryset=in_portal(Page.objects.filter(alias_of__isnull=False), homes))
    return queryset.filter(under_homes(homes) | Q(page_id__in=listed.values("alias_of_id")))


def visible_entries(locale):
    """Rows for one language, leaving out pages whose expiry time has passed but are not yet unpublished."""
    return visibility.unexpired(SearchEntry.objects.filter(locale=locale))


# Conditions on the folded columns.


def _words_in(column: str, words) -> Q:
    condition = Q()
    for word in words:
        condition &= Q(**{f"{column}__contains": f" {word} "})
    return condition


def _slot_in(column: str, slot: Slot, fuzzy: bool) -> Q:
    condition = Q()
    for alt in slot.options(fuzzy):
        condition |= _words_in(column, alt.words)
    return condition


def _slots_in(column: str, slots: list[Slot], fuzzy: bool) -> Q:
    condition = Q()
    for slot in slots:
        condition &= _slot_in(column, slot, fuzzy)
    return condition


def _tsquery(slots: list[Slot], fuzzy: bool) -> str:
    def alternative(alt):
        return "(" + " & ".join(f"'{word}'" for word in alt.words) + ")"

    return " & ".join("(" + " | ".join(map(alternative, slot.options(fuzzy))) + ")" for slot in slots)


def _text_match(slots: list[Slot], fuzzy: bool) -> Q:
    if connection.vendor == "postgresql":
        return Q(DocumentMatch(_tsquery(slots, fuzzy)))
    condition = Q()
    for slot in slots:
        either = Q()
        for alt in slot.options(fuzzy):
            every = Q()
            for word in alt.words:
                every &= Q(title_folded__contains=f" {word} ") | Q(body_folded__contains=f" {word} ")
            either |= every
        condition &= either
    return condition


def _points(condition: Q, points: int):
    return Case(When(condition, then=Value(points)), default=Value(0), output_field=IntegerField())


def _newest(queryset, condition: Q):
    """Primary keys of the newest ``MAX_RANKED + 1`` rows meeting ``condition``, as a union member.

    Wrapped in ``pk__in`` because SQLite refuses LIMIT inside the parts of a compound SELECT.
    """
    newest = queryset.filter(condition).order_by("-date", "-pk").values("pk")[: MAX_RANKED + 1]
    if connection.features.supports_slicing_ordering_in_compound:
        return newest  # PostgreSQL: no second look-up of each id through the primary key
    return SearchEntry.objects.filter(pk__in=newest).values("pk")


def _body_phrase(parsed: ParsedQuery) -> Q | None:
    """The words in typed order in the text, for a query of several words (None for one word)."""
    return Q(body_folded__contains=text.padded(parsed.folded)) if len(parsed.folded) > 1 else None


def _score(parsed: ParsedQuery, body_phrase: bool = True):
    """The rank of a match; ``body_phrase=False`` leaves out the phrase in the text (``_ranked`` adds it)."""
    slots = parsed.slots
    score = _points(_slots_in("title_folded", slots, fuzzy=False), 100) + _points(
        _slots_in("keywords_folded", slots, fuzzy=False), 30
    )
    for slot in slots:
        score += _points(_slot_in("title_folded", slot, fuzzy=False), 10)
        score += _points(_slot_in("keywords_folded", slot, fuzzy=False), 3)
    if parsed.fuzzy:
        # Corrected matches rank below every match as typed, and among themselves by the title.
        score += _points(_text_match(slots, fuzzy=False), 1000)
        score += _points(_slots_in("title_folded", slots, fuzzy=True), 60)
        for slot in slots:
            if slot.fuzzy:
                score += _points(_slot_in("title_folded", slot, fuzzy=True), 6)
    if len(parsed.folded) > 1:
        score += _points(Q(title_folded__contains=text.padded(parsed.folded)), 20)
        if body_phrase:
            score += _points(_body_phrase(parsed), PHRASE_POINTS)
    score += _points(Q(title_exact__contains=text.padded(parsed.exact)), 40)
    entries = documents.listing_entry_types()
    if entries:
        score += _points(~Q(page_type__in=entries), STANDALONE_POINTS)
    boosted = documents.boosted_types()
    if boosted:
        recent = timezone.localdate() - datetime.timedelta(days=RECENT_NEWS_DAYS)
        score += _points(Q(page_type__in=boosted, date__gte=recent), 5)
    if parsed.number_key:
        score += _points(Q(number_key=parsed.number_key), 10000) + _points(
            Q(number_key__startswith=parsed.number_key), 5000
        )
    return score


def search_parsed(parsed: ParsedQuery, locale, filters: Filters | None = None, site=None, body_phrase: bool = True):
    """Ranked ``SearchEntry`` queryset for a planned query; empty when the query has no words.

    A common word matches most of a large portal, and scoring and counting every match is what made it
    slow (a quarter to two thirds of a second at 100,000 pages on PostgreSQL). Only candidates are
    ranked: the newest ``MAX_RANKED + 1`` text matches, the newest as many title matches (so an older
    article with the words in its title still ranks above newer ones that only mention them) and the
    directive-number matches. (Corrections are planned only for words the index does not hold, or after
    a pass as typed found nothing, so matches as typed are never crowded out by corrected ones.) ``fetch`` reports a
    total above ``MAX_RANKED`` as "more than".
    """
    if not parsed:
        return SearchEntry.objects.none()
    queryset = visible_entries(locale)
    if filters:
        queryset = filters.apply(queryset, site)
    slots = parsed.slots
    candidates = _newest(queryset, _text_match(slots, fuzzy=True)).union(
        _newest(queryset, _slots_in("title_folded", slots, fuzzy=True))
    )
    if parsed.number_key:
        candidates = candidates.union(_newest(queryset, Q(number_key__contains=parsed.number_key)))
    return (
        SearchEntry.objects.filter(pk__in=candidates)
        .annotate(score=_score(parsed, body_phrase))
        .order_by("-score", "-date", "-pk")
        .defer(*UNSHOWN)
    )


def search(query: str, locale, filters: Filters | None = None, site=None):
    """Ranked ``SearchEntry`` queryset for ``query`` (one pass; ``run`` adds the tolerant second pass)."""
    return search_parsed(ParsedQuery.parse(query), locale, filters, site)


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


RANK_COLUMNS = ("pk", "page_type", "field", "issuing_agency", "date")


@dataclass
class Outcome:
    """A search as the page and the API show it: every ranked match's id and facet columns, from one query.

    Facets and the total come from these rows, so the candidates are found and scored once per search;
    ``entries`` then reads one page of full rows.
    """

    ranked: list[tuple]  # RANK_COLUMNS of each match, best first, at most MAX_RANKED + 1
    parsed: ParsedQuery
    suggestion: str = ""  # "Có phải bạn muốn tìm: …"

    @property
    def total(self) -> Total:
        return Total(min(len(self.ranked), MAX_RANKED), capped=len(self.ranked) > MAX_RANKED)

    def entries(self, offset: int, limit: int) -> list[SearchEntry]:
        ids = [row[0] for row in self.ranked[offset : min(offset + limit, MAX_RANKED)]]
        if not ids:
            return []
        rows = SearchEntry.objects.filter(pk__in=ids).defer(*UNSHOWN).in_bulk()
        return [rows[pk] for pk in ids if pk in rows]

    def facets(self) -> dict[str, list[tuple[str, str, int]]]:
        """Counts by type, field, agency and year over the ranked matches: (value, label, count), largest first
        (years newest first)."""
        counts = {"type": Counter(), "field": Counter(), "agency": Counter(), "year": Counter()}
        for _pk, page_type, field_value, agency, date in self.ranked[:MAX_RANKED]:
            counts["type"][page_type] += 1
            counts["field"][field_value] += 1
            counts["agency"][agency] += 1
            counts["year"][str(date.year)] += 1
        labels = {"type": documents.type_labels(), "field": documents.field_labels()}
        return {
            facet: sorted(
                (
                    (value, str(labels.get(facet, {}).get(value, value)), count)
                    for value, count in values.items()
                    if value
                ),
                key=lambda item: (-int(item[0]) if facet == "year" else -item[2], item[1]),
            )
            for facet, values in counts.items()
        }


def _finds_anything(query: str, locale, filters, site) -> bool:
    """Whether ``query`` as typed matches a visible page: the text match alone, stopping at the first row."""
    parsed = ParsedQuery.parse(query)
    queryset = visible_entries(locale)
    if filters:
        queryset = filters.apply(queryset, site)
    return bool(parsed) and queryset.filter(_text_match(parsed.slots, fuzzy=False)).exists()


def _ranked(parsed: ParsedQuery, locale, filters, site) -> list[tuple]:
    """``RANK_COLUMNS`` of the best ``MAX_RANKED + 1`` matches, best first.

    Ranked without the phrase in the text first; then only the best ``PHRASE_RANKED`` are read for it and reordered
    with its points. Reading the text of every candidate (up to three thousand TOAST look-ups on PostgreSQL) was the
    largest part of a broad search; the order differs from ``search_parsed``'s only below the first
    ``PHRASE_RANKED``, where a match with the phrase is ranked as if it had none (as matches older than the
    candidates are not ranked at all).
    """
    if not parsed:
        return []
    columns = (*RANK_COLUMNS, "score")
    scored = search_parsed(parsed, locale, filters, site, body_phrase=False).values_list(*columns)
    rows = list(scored[: MAX_RANKED + 1])
    phrase = _body_phrase(parsed)
    if phrase is not None and rows:
        best = rows[:PHRASE_RANKED]
        with_phrase = set(
            SearchEntry.objects.filter(phrase, pk__in=[row[0] for row in best]).values_list("pk", flat=True)
        )

        def key(row):
            pk, *_columns, date, score = row
            return (score + PHRASE_POINTS * (pk in with_phrase), date, pk)

        rows[:PHRASE_RANKED] = sorted(best, key=key, reverse=True)
    return [row[:-1] for row in rows]


def run(query: str, locale, filters: Filters | None = None, site=None) -> Outcome:
    """Search, and when nothing matches try again tolerating typos in known words ("moc chua" -> "chau").

    A suggestion is offered when a typed word had to be corrected (so the query as typed found nothing)
    and the corrected query finds visible pages itself.
    """
    parsed = ParsedQuery.parse(query)
    if not parsed:
        return Outcome([], parsed)
    # Remembered per content generation (renewed by every publication, expiry and index write, in every process:
    # cms.core.cache), vocabulary version and day (the recent-news points): a repeated search reads its ranked
    # matches from the cache instead of finding and scoring the candidates again.
    key = (
        query[:MAX_QUERY_LENGTH],
        locale.pk,
        sorted(filters.as_params().items()) if filters else (),
        site.pk if site is not None else None,
        timezone.localdate().isoformat(),
        lexicon.version(),
    )
    fuzz_known, ranked, suggestion = remember(
        f"search:{key!r}", lambda: _run(parsed, query, locale, filters, site), prefetch=False
    )
    if fuzz_known:
        parsed = ParsedQuery.parse(query, fuzz_known=True)
    return Outcome(ranked, parsed, suggestion)


def _run(parsed: ParsedQuery, query: str, locale, filters, site) -> tuple[bool, list[tuple], str]:
    """``run``'s search itself: whether known words were tolerated, the ranked matches and the suggestion."""
    ranked = _ranked(parsed, locale, filters, site)
    if not ranked and parsed.can_fuzz_known:
        parsed = ParsedQuery.parse(query, fuzz_known=True)
        ranked = _ranked(parsed, locale, filters, site)
    suggestion = parsed.suggestion if ranked else ""
    if suggestion and not _finds_anything(suggestion, locale, filters, site):
        suggestion = ""
    return parsed.fuzz_known, ranked, suggestion


def suggest(query: str, locale, limit: int = SUGGESTION_LIMIT, portal: str = "", site=None):
    """Titles whose words start with what the user has typed so far, newest first, from what the portal searched
    shows (``portal`` and ``site`` as in ``Filters``: by default the portal's pages and the aliases it lists)."""
    parsed = ParsedQuery.parse(query)
    if not parsed:
        return SearchEntry.objects.none()
    *complete, last = parsed.folded
    condition = _words_in("title_folded", complete) & Q(title_folded__contains=f" {last}")
    if parsed.number_key:
        condition |= Q(number_key__startswith=parsed.number_key)
    return (
        _within_portal(visible_entries(locale), portal, site)
        .filter(condition)
        .order_by("-date", "-pk")
        .only("page_id", "title", "page_type", "date", "number")[:limit]
    )
