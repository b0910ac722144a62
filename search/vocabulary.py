"""The index's vocabulary in memory: typo candidates (edit distance on folded words) and joined-word splits.

Works the same on SQLite and PostgreSQL (no extension): the words come from ``SearchWord`` (loaded and
kept by ``search.lexicon``).
Distances are optimal string alignment (Levenshtein plus adjacent transposition, "cahu" -> "chau" is one
edit), computed by rapidfuzz in C.
"""

from collections import defaultdict

from rapidfuzz import process
from rapidfuzz.distance import OSA

MIN_FUZZY_LENGTH = 4  # shorter words are taken as typed: "to", "so", "ban" are one edit from dozens
LONG_WORD = 8  # from this length two edits are allowed
MIN_PART = 2  # a joined word splits only into parts of at least this many letters


def is_word(word: str) -> bool:
    """Letters only (numbers are matched as typed) and short enough to be a word."""
    return 2 <= len(word) <= 60 and word.isalpha()


def max_edits(word: str) -> int:
    if len(word) < MIN_FUZZY_LENGTH or not word.isalpha():
        return 0
    return 2 if len(word) >= LONG_WORD else 1


class Vocabulary:
    def __init__(self, frequencies: dict[str, int]):
        self.frequency = frequencies
        self.by_length = defaultdict(list)
        for word in frequencies:
            self.by_length[len(word)].append(word)

    def add(self, words) -> None:
        for word in words:
            if word not in self.frequency:
                self.frequency[word] = 1
                self.by_length[len(word)].append(word)

    def __contains__(self, word: str) -> bool:
        return word in self.frequency

    def similar(self, word: str, limit: int = 6) -> list[str]:
        """Other words within the allowed edits, closest first, then same length, then most frequent."""
        edits = max_edits(word)
        if not edits:
            return []
        found = []
        for length in range(len(word) - edits, len(word) + edits + 1):
            choices = self.by_length.get(length)
            if choices:
                found.extend(
                    (choice, distance)
                    for choice, distance, _index in process.extract(
                        word, choices, scorer=OSA.distance, score_cutoff=edits, limit=None
                    )
                    if choice != word
                )
        found.sort(key=lambda pair: (pair[1], len(pair[0]) != len(word), -self.frequency[pair[0]], pair[0]))
        return [choice for choice, _distance in found[:limit]]

    def splits(self, word: str, limit: int = 3) -> list[tuple[str, str]]:
        """Ways to read a joined word as two indexed words ("mocchau" -> ("moc", "chau")), likeliest first."""
        pairs = [
            (word[:cut], word[cut:])
            for cut in range(MIN_PART, len(word) - MIN_PART + 1)
            if word[:cut] in self.frequency and word[cut:] in self.frequency
        ]
        pairs.sort(key=lambda pair: -min(self.frequency[pair[0]], self.frequency[pair[1]]))
        return pairs[:limit]
