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


def _fold_char(char: str) -> str:
    """The rule for one character of NFC text: case folding, đ to d (đ has no decomposition in Unicode, so
    stripping marks alone leaves it), then the marks of its decomposition removed."""
    return _strip_marks(char.casefold().replace("đ", "d"))


class _CharFolds(dict):
    """``str.translate`` table: each character to its folded form (filled on first sight of a character)."""

    def __missing__(self, codepoint: int) -> str:
        self[codepoint] = value = _fold_char(chr(codepoint))
        return value


_CHAR_FOLDS = _CharFolds()


def fold(text: str) -> str:
    """NFC, case folding, tone and vowel marks removed, đ/Đ to d: "MỘC CHÂU" -> "moc chau".

    Character by character through a translate table (in C; indexing folds every word of every page): case
    folding and decomposition work per character, and every combining mark is dropped, so this equals folding
    the whole text at once."""
    text = unicodedata.normalize("NFC", text or "")
    return unicodedata.normalize("NFC", text.translate(_CHAR_FOLDS))


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


def highlight_parts(text: str, query_words: list[str], length: int = SNIPPET_LENGTH) -> tuple[str, list[tuple]]:
    """Plain-text snippet of ``text`` around the first matched word ('… ' / ' …' where cut), and the
    (start, end) offsets of the matched words in it, in Unicode code points of the NFC text.

    Matching is on folded text so "moc" marks "Mộc".
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
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    shift = len(prefix) - start
    matches = [(a + shift, b + shift) for a, b in spans if a >= start and b <= end]
    return f"{prefix}{text[start:end]}{suffix}", matches


def marked_html(plain: str, matches: list[tuple]):
    """``plain`` escaped, each match wrapped in <mark> (built with format_html only)."""
    pieces, cursor = [], 0
    for match_start, match_end in matches:
        pieces.append(plain[cursor:match_start])
        pieces.append(format_html("<mark>{}</mark>", plain[match_start:match_end]))
        cursor = match_end
    pieces.append(plain[cursor:])
    return format_html_join("", "{}", ((piece,) for piece in pieces if piece))


def highlight(text: str, query_words: list[str], length: int = SNIPPET_LENGTH):
    """Escaped snippet of ``text`` around the first matched word, matched words wrapped in <mark>."""
    return marked_html(*highlight_parts(text, query_words, length))
