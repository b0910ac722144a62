"""The public search page."""

from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db import DatabaseError, transaction
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.core import dates
from cms.core.cache import remember
from cms.core.pages import PAGE_SIZE
from news.choices import DocumentType
from search import documents
from search import query as search_query
from search.results import present

MAX_QUERY_LENGTH = search_query.MAX_QUERY_LENGTH


def paginate(request, outcome: search_query.Outcome) -> Page:
    """One page of ranked results; a bad or too large ``page`` shows the first or the last page."""
    paginator = Paginator(outcome.ranked[: search_query.MAX_RANKED], PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page", "1")[:6])
    page.object_list = outcome.entries(page.start_index() - 1 if page.object_list else 0, PAGE_SIZE)
    return page


def clean_query(raw: str) -> str:
    """Drop control characters (PostgreSQL rejects NUL in text) and fold runs of white space."""
    query = "".join(" " if char.isspace() else char for char in raw if char.isprintable() or char.isspace())
    return " ".join(query.split())


def search(request):
    """Public search over every live, public content type in the active language, this portal or all."""
    query = clean_query(request.GET.get("q", ""))
    filters = search_query.Filters.parse(request.GET, human_dates=True)
    locale = Locale.get_active()
    site = search_query.current_portal(request)
    error = None
    results = page = total = facets = None
    suggestion = ""
    if len(query) > MAX_QUERY_LENGTH:
        error = _("Từ khóa quá dài (tối đa %(max)d ký tự).") % {"max": MAX_QUERY_LENGTH}
        query = ""
    elif query:
        try:
            # A savepoint, so a query the database still rejects does not spoil the request's transaction.
            with transaction.atomic():
                outcome = search_query.run(query, locale, filters, site)
                page, total, suggestion = paginate(request, outcome), outcome.total, outcome.suggestion
                results = present(page.object_list, query, request, outcome.parsed.highlight_words)
                facets = outcome.facets() if total.count else None
        except DatabaseError:
            error = _("Không tìm được với từ khóa này. Vui lòng thử từ khóa khác.")
            page = results = total = facets = None
            suggestion = ""
    if facets:
        # The agencies of these results (the facet), so a results page costs no second agency query.
        agencies = sorted(value for value, _label, _count in facets["agency"])
    else:
        # Read from every index row (150 ms at 100,000 pages on PostgreSQL): remembered until content changes.
        agencies = remember(
            f"search-agencies:{locale.pk}",
            lambda: list(
                search_query.visible_entries(locale)
                .exclude(issuing_agency="")
                .order_by("issuing_agency")
                .values_list("issuing_agency", flat=True)
                .distinct()
            ),
        )
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_page": page,
            "search_total": total,
            "search_results": results,
            "search_suggestion": suggestion,
            "suggestion_query": urlencode({"q": suggestion, **filters.as_params()}) if suggestion else "",
            "facets": facets,
            "facet_headings": [
                ("type", _("Loại nội dung")),
                ("field", _("Lĩnh vực")),
                ("agency", _("Cơ quan ban hành")),
                ("year", _("Năm")),
            ],
            "filters": filters,
            "filter_errors": list(filters.errors.values()),
            "page_types": list(documents.type_labels().items()),
            "fields": list(documents.field_labels().items()),
            "document_types": DocumentType.choices,
            "agencies": agencies,
            "pagination_query": urlencode({"q": query, **filters.as_params()}),
            "error": error,
            "date_pattern": dates.INPUT_PATTERN,
            "date_format": dates.DISPLAY_FORMAT,
        },
    )
