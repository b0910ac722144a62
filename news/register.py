"""Keyword search inside the directive register (the public page; the API searches through /api/v2/search/).

The keyword is matched on the search index's folded text (``search.text``: no tone marks, đ → d), so "quyet dinh
ngan sach" finds "Quyết định … ngân sách", and a number typed in part ("1234/QĐ", "1234 qd") finds its directive."""

from django.db.models import Q

from search import text
from search.models import SearchEntry

MAX_KEYWORD_LENGTH = 100
MAX_KEYWORD_WORDS = 10


def clean_keyword(value: str) -> str:
    """What was typed, without control characters (PostgreSQL rejects NUL), trimmed and bounded."""
    return "".join(char for char in value if char.isprintable()).strip()[:MAX_KEYWORD_LENGTH]


def keyword_filter(queryset, keyword: str):
    """Directives whose number starts with ``keyword`` (marks and punctuation ignored), or whose title, number,
    summary, agency, signer or text hold every word of it, folded (an alias: those of its original)."""
    words = text.folded_words(keyword)[:MAX_KEYWORD_WORDS]
    if not words:
        return queryset.none()
    every_word = Q()
    for word in words:
        padded = f" {word} "
        every_word &= (
            Q(title_folded__contains=padded) | Q(keywords_folded__contains=padded) | Q(body_folded__contains=padded)
        )
    matches = every_word | Q(number_key__startswith=text.number_key(keyword))
    entries = SearchEntry.objects.filter(matches, page_type="news.DirectivePage").values("page_id")
    # A province directive in a commune's register is an alias, kept out of the index: it matches by its original.
    return queryset.filter(Q(pk__in=entries) | Q(alias_of__isnull=False, alias_of_id__in=entries))
