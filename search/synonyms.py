"""Abbreviations and synonyms (``SearchSynonym``, edited in the admin) as the query planner reads them.

A term meets each of its expansions and each expansion meets the term ("UBND" <-> "Ủy ban nhân dân");
two expansions of one term do not meet each other ("TT" is "thông tư" or "thị trấn"). Applied to queries
only, so the index holds every text once. Held per process by ``search.lexicon``, reloaded when a synonym
is saved or deleted.
"""

from search import text

MAX_PHRASE_WORDS = 6


def _phrase(value: str) -> tuple[str, ...]:
    return tuple(text.folded_words(value))[:MAX_PHRASE_WORDS]


def build(entries) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """Folded phrase -> the folded phrases it meets, from (term, expansions text) pairs."""
    meets: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for term_text, expansions in entries:
        term = _phrase(term_text)
        if not term:
            continue
        for expansion in map(_phrase, expansions.splitlines()):
            if expansion and expansion != term:
                meets.setdefault(term, []).append(expansion)
                meets.setdefault(expansion, []).append(term)
    return {phrase: sorted(set(others)) for phrase, others in meets.items()}
