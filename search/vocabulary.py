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
        # Rows the counts are out of, estimated by the commonest word's count (a word like "va" is in nearly every
        # row), so that two words' chance of meeting in one row can be estimated without another query.
        self.rows = max(frequencies.values(), default=1) or 1
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
        return [choice for choice, _distance in self._similar(word)[:limit]]

    def _similar(self, word: str) -> list[tuple[str, int]]:
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
        return found

    def pair_frequency(self, pair: tuple[str, str]) -> float:
        """Rows expected to hold both words, were they independent: for ranking a split against a correction."""
        first, second = pair
        return self.frequency.get(first, 0) * self.frequency.get(second, 0) / self.rows

    def splits(self, word: str, limit: int = 3) -> list[tuple[str, str]]:
        """Ways to read a joined word as two indexed words ("mocchau" -> ("moc", "chau")), likeliest first."""
        pairs = [
            (word[:cut], word[cut:])
            for cut in range(MIN_PART, len(word) - MIN_PART + 1)
            if word[:cut] in self.frequency and word[cut:] in self.frequency
        ]
        pairs.sort(key=lambda pair: (-self.pair_frequency(pair), pair))
        return pairs[:limit]

    def correction(self, word: str, splits: bool = True) -> tuple[str, ...] | None:
        """The likeliest reading of a word typed wrong: a word within the allowed edits or (``splits``) two
        joined words, for "Có phải bạn muốn tìm".

        Fewest changes first (a split is one: a missing space), then same length (most typos swap or replace a
        letter), then how many rows hold the result, across kinds: a split's two words must be expected together
        more often than the corrected word occurs. So "cahu" reads "chau" in a large index that also holds "ca"
        and "hu", and "mocchau" still reads "moc chau".
        """
        candidates = [
            ((distance, len(other) != len(word), -self.frequency[other]), (other,))
            for other, distance in self._similar(word)
        ]
        if splits:
            candidates += [((1, False, -self.pair_frequency(pair)), pair) for pair in self.splits(word)]
        return min(candidates)[1] if candidates else None
