"""Precision at k and nDCG at k for ranked result titles against graded judgements."""

import math


def precision_at(ranked: list[str], grades: dict[str, int], k: int) -> float:
    """Share of the first ``k`` results that are relevant (standard: the denominator is always ``k``)."""
    return sum(1 for title in ranked[:k] if grades.get(title, 0) > 0) / k


def ndcg_at(ranked: list[str], grades: dict[str, int], k: int) -> float:
    """Normalised discounted cumulative gain with gains 2^grade - 1."""

    def dcg(values):
        return sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(values[:k]))

    ideal = dcg(sorted(grades.values(), reverse=True))
    return dcg([grades.get(title, 0) for title in ranked]) / ideal if ideal else 0.0


def summarise(runs: list[tuple[list[str], dict[str, int]]]) -> dict[str, float]:
    """Mean P@1, P@5 and nDCG@10 over (ranked titles, grades) pairs."""
    count = len(runs) or 1
    return {
        "p@1": sum(precision_at(ranked, grades, 1) for ranked, grades in runs) / count,
        "p@5": sum(precision_at(ranked, grades, 5) for ranked, grades in runs) / count,
        "ndcg@10": sum(ndcg_at(ranked, grades, 10) for ranked, grades in runs) / count,
    }
