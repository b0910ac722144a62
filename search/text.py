"""The one Vietnamese folding rule, used for indexing and for queries, plus snippet highlighting."""

import re
import unicodedata

from django.utils.html import format_html, format_html_join

# Letters are runs of alphanumerics; "1234/QĐ-UBND" becomes "1234 qd ubnd".
WORD_RE = re.compile(r"[^\W_]+")
SNIPPET_LENGTH = 240


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold(text: str) -> str:
    """NFC, case folding, tone and vowel marks removed, đ/Đ to d: "MỘC CHÂU" -> "moc chau"."""
    text = unicodedata.normalize("NFC", text or "").casefold()
    # đ has no decomposition in Unicode, so stripping marks alone leaves it.
    text = text.replace("đ", "d")
    return unicodedata.normalize("NFC", _strip_marks(text))


def exact(text: str) -> str:
    """NFC and case folding only, so that exact-accent matches can rank above folded ones."""
    return unicodedata.normalize("NFC", text or "").casefold()


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def folded_words(text: str) -> list[str]:
    return words(fold(text))


def padded(tokens: list[str]) -> str:
    """Tokens joined by single spaces with a space either side, so " tok " is a whole-word match."""
    return f" {' '.join(tokens)} " if tokens else ""


def number_key(text: str) -> str:
    """Directive number without marks or punctuation: "1234/QĐ-UBND" -> "1234qdubnd"."""
    return "".join(folded_words(text))


class _FoldTable(dict):
    """A ``str.translate`` table folding each character to exactly one character, so folded offsets are
    original offsets; filled on first sight of a character. Highlighting folds every character of every
    result's text: translate does it in C, where a Python call per character took a third of a request."""

    def __missing__(self, codepoint: int) -> str:
        char = chr(codepoint)
        folded = fold(char)
        self[codepoint] = value = folded if len(folded) == 1 else char
        return value


_FOLD_TABLE = _FoldTable()


def highlight(text: str, query_words: list[str], length: int = SNIPPET_LENGTH):
    """Escaped snippet of ``text`` around the first matched word, matched words wrapped in <mark>.

    Matching is on folded text so "moc" marks "Mộc"; the HTML is built with format_html only.
    """
    text = unicodedata.normalize("NFC", text or "")
    folded = text.translate(_FOLD_TABLE)
    wanted = set(query_words)
    spans = [match.span() for match in WORD_RE.finditer(folded) if match.group() in wanted]
    start = 0
    if len(text) > length:
        first = spans[0][0] if spans else 0
        start = max(0, first - length // 4)
        # Start at a word boundary rather than cutting a word in half.
        if start:
            space = text.rfind(" ", 0, start)
            start = space + 1 if space != -1 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    pieces = []
    cursor = start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        pieces.append(text[cursor:span_start])
        pieces.append(format_html("<mark>{}</mark>", text[span_start:span_end]))
        cursor = span_end
    pieces.append(text[cursor:end])
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return format_html("{}{}{}", prefix, format_html_join("", "{}", ((piece,) for piece in pieces if piece)), suffix)
