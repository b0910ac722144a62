from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db import DatabaseError, transaction
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.api.cache import remember
from news.choices import DocumentType
from news.models import PAGE_SIZE
from search import query as search_query
from search.models import PageType
from search.results import present

MAX_QUERY_LENGTH = search_query.MAX_QUERY_LENGTH


def paginate(request, queryset) -> tuple[Page, search_query.Total]:
    """Like news.models.paginate, but the rows and the total come from one query; bad ``page`` never errors."""
    number = request.GET.get("page", "1")
    number = int(number) if number.isdigit() and 0 < int(number) < 100_000 else 1
    rows, total = search_query.fetch(queryset, (number - 1) * PAGE_SIZE, PAGE_SIZE)
    paginator = Paginator(queryset, PAGE_SIZE)
    paginator.count = total.count  # cached_property: preset so the paginator never counts again
    if not rows and number > paginator.num_pages:
        number = paginator.num_pages
        rows, _total = search_query.fetch(queryset, (number - 1) * PAGE_SIZE, PAGE_SIZE)
    return Page(rows, number, paginator), total


def clean_query(raw: str) -> str:
    """Drop control characters (PostgreSQL rejects NUL in text) and fold runs of white space."""
    query = "".join(" " if char.isspace() else char for char in raw if char.isprintable() or char.isspace())
    return " ".join(query.split())


def search(request):
    """Public search over live, public news and directives in the active language."""
    query = clean_query(request.GET.get("q", ""))
    filters = search_query.Filters.parse(request.GET)
    locale = Locale.get_active()
    error = None
    results = page = total = None
    if len(query) > MAX_QUERY_LENGTH:
        error = _("Từ khóa quá dài (tối đa %(max)d ký tự).") % {"max": MAX_QUERY_LENGTH}
        query = ""
    elif query:
        try:
            # A savepoint, so a query the database still rejects does not spoil the request's transaction.
            with transaction.atomic():
                page, total = paginate(request, search_query.search(query, locale, filters))
                results = present(page.object_list, query, request)
        except DatabaseError:
            error = _("Không tìm được với từ khóa này. Vui lòng thử từ khóa khác.")
            page = results = total = None
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
            "filters": filters,
            "filter_errors": list(filters.errors.values()),
            "page_types": PageType.choices,
            "document_types": DocumentType.choices,
            "agencies": agencies,
            "pagination_query": urlencode({"q": query, **filters.as_params()}),
            "error": error,
        },
    )
