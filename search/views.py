from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale

from news.choices import DocumentType
from news.models import paginate
from search import query as search_query
from search.models import PageType
from search.results import present

MAX_QUERY_LENGTH = search_query.MAX_QUERY_LENGTH


def search(request):
    """Public search over live, public news and directives in the active language."""
    query = request.GET.get("q", "").strip()
    filters = search_query.Filters.parse(request.GET)
    locale = Locale.get_active()
    error = None
    results = page = None
    if len(query) > MAX_QUERY_LENGTH:
        error = _("Từ khóa quá dài (tối đa %(max)d ký tự).") % {"max": MAX_QUERY_LENGTH}
        query = ""
    elif query:
        page = paginate(request, search_query.search(query, locale, filters))
        results = present(page.object_list, query, request)
    agencies = (
        search_query.visible_entries(locale)
        .exclude(issuing_agency="")
        .order_by("issuing_agency")
        .values_list("issuing_agency", flat=True)
        .distinct()
    )
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_page": page,
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
