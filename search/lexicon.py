"""What the query planner reads on every search: the vocabulary and the synonyms, held per process.

Both are loaded by one query and kept until either changes; a version stamp in the Django cache tells
every process when (the index wrote new words, or an administrator edited a synonym). The process that
indexes adds its new words in place, so a search right after publishing costs no reload there.
"""

import threading
import time

from django.core.cache import cache
from django.db import transaction
from django.db.models import IntegerField, TextField, Value

from search import synonyms
from search.vocabulary import Vocabulary

VERSION_KEY = "portal-search:lexicon-version"
_lock = threading.RLock()
_state = {"version": None, "vocabulary": None, "synonyms": None}


def _version() -> float:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time(), None)
        version = cache.get(VERSION_KEY)
    return version


def _load() -> None:
    from search.models import SearchSynonym, SearchWord

    words = SearchWord.objects.annotate(expansions=Value("", output_field=TextField())).values_list(
        "word", "frequency", "expansions"
    )
    terms = SearchSynonym.objects.annotate(frequency=Value(-1, output_field=IntegerField())).values_list(
        "term", "frequency", "expansions"
    )
    frequencies, entries = {}, []
    for word, frequency, expansions in words.order_by().union(terms.order_by(), all=True):
        if frequency < 0:
            entries.append((word, expansions))
        else:
            frequencies[word] = frequency
    _state.update(vocabulary=Vocabulary(frequencies), synonyms=synonyms.build(entries))


def _current() -> dict:
    version = _version()
    with _lock:
        if _state["version"] != version or _state["vocabulary"] is None:
            _load()
            _state["version"] = version
        return _state


def version() -> float:
    """The version of the vocabulary and synonyms this process plans queries with."""
    return _current()["version"]


def vocabulary() -> Vocabulary:
    return _current()["vocabulary"]


def synonym_phrases() -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    return _current()["synonyms"]


def _bump() -> float:
    version = time.time()
    cache.set(VERSION_KEY, version, None)
    return version


def changed(**kwargs) -> None:
    """Every process reloads before its next search (also after the commit: no search keeps a stale copy)."""
    _bump()
    transaction.on_commit(_bump)


def words_added(words) -> None:
    """The index wrote ``words``: once that is committed, add them here and have other processes reload.

    Nothing happens before the commit: words of a write that is rolled back (a failed import, an aborted
    publication) must never be suggested to citizens. This process keeps its copy and adds the words in
    place when its copy was current (no reload on its next search); otherwise it reloads like the others.
    """
    words = frozenset(words)

    def add_after_commit() -> None:
        with _lock:
            current = _state["version"] is not None and _state["version"] == cache.get(VERSION_KEY)
            version = _bump()
            if current and _state["vocabulary"] is not None:
                _state["vocabulary"].add(words)
                _state["version"] = version

    transaction.on_commit(add_after_commit)
