from urllib.parse import urlencode

from django.db import DatabaseError, transaction
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.visibility import is_expired
from news.models import DirectivePage, NewsPage, paginate

MAX_QUERY_LENGTH = 200


def clean_query(raw: str) -> str:
    """Drop control characters (PostgreSQL rejects NUL) and unbalanced quotes (SQLite FTS rejects them)."""
    query = "".join(" " if char.isspace() else char for char in raw if char.isprintable() or char.isspace())
    if query.count('"') % 2:
        query = query.replace('"', " ")
    return " ".join(query.split())


def search(request):
    """Public search over live, public news and directives in the active language."""
    query = clean_query(request.GET.get("q", ""))
    error = None
    results = None
    if len(query) > MAX_QUERY_LENGTH:
        error = _("Từ khóa quá dài (tối đa %(max)d ký tự).") % {"max": MAX_QUERY_LENGTH}
    elif query:
        locale = Locale.get_active()
        pages = []
        try:
            # A savepoint, so a query the backend's parser rejects does not spoil the request's transaction.
            with transaction.atomic():
                for model in (NewsPage, DirectivePage):
                    queryset = model.objects.live().public().filter(locale=locale)
                    # Search backends cannot filter on expire_at; drop expired hits here.
                    pages.extend(page for page in queryset.search(query) if not is_expired(page))
        except DatabaseError:
            error = _("Không tìm được với từ khóa này. Vui lòng thử từ khóa khác.")
            pages = []
        results = paginate(request, pages)
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_results": results,
            "pagination_query": urlencode({"q": query}),
            "error": error,
        },
    )
