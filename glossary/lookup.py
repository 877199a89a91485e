"""Finding termbase entries by any of their four names, or a part of one; suggesting near misses."""
from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process

from glossary.model import TermEntry
from glossary.normalise import lemma_key
from tm.errors import TmtoolError

SUGGESTIONS = 5
SUGGESTION_CUTOFF = 50.0


class TermNotFound(TmtoolError):
    """No entry answers the query; carries the nearest designations."""

    def __init__(self, query: str, suggestions: Sequence[str]) -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        hint = f"; nearest: {', '.join(self.suggestions)}" if self.suggestions else ""
        super().__init__(f"no term matches {query!r}{hint}")


def designations(entry: TermEntry) -> list[str]:
    """Every name of an entry a user may type."""
    names = (entry.ru_acronym, entry.en_acronym, entry.ru_full_form, entry.en_full_form, entry.ru_full_form_in_text,
             *entry.ru_variants)
    return [n for n in names if n]


def fold(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").split())


def contains_lemmas(phrase: str, query_key: tuple[str, ...]) -> bool:
    """Whether the query's lemmas occur in order, side by side, in the phrase ("организации труда")."""
    key = lemma_key(phrase)
    n = len(query_key)
    return n > 0 and any(key[i:i + n] == query_key for i in range(len(key) - n + 1))


def rank(entry: TermEntry, query: str, query_key: tuple[str, ...]) -> int | None:
    """0 for an exact name, 1 for a part of one, 2 for an inflected part; None for no match."""
    names = [fold(n) for n in designations(entry)]
    if query in names:
        return 0
    if any(query in n for n in names):
        return 1
    if any(contains_lemmas(n, query_key) for n in (entry.ru_full_form, entry.ru_full_form_in_text, *entry.ru_variants)
           if n):
        return 2
    return None


def lookup(entries: Sequence[TermEntry], query: str) -> list[TermEntry]:
    """Entries matching the query, case-insensitively: exact names first, then parts of names."""
    folded = fold(query)
    if not folded:
        return []
    key = lemma_key(query)
    ranked = [(r, i, e) for i, e in enumerate(entries) if (r := rank(e, folded, key)) is not None]
    return [e for _, _, e in sorted(ranked, key=lambda t: (t[0], t[1]))]


def suggest(entries: Sequence[TermEntry], query: str, limit: int = SUGGESTIONS) -> list[str]:
    """The designations nearest to a query that matched nothing (rapidfuzz WRatio)."""
    choices = sorted({n for e in entries for n in designations(e)})
    found = process.extract(fold(query), choices, scorer=fuzz.WRatio, processor=fold, limit=limit,
                            score_cutoff=SUGGESTION_CUTOFF)
    return [choice for choice, _, _ in found]


def find_terms(entries: Sequence[TermEntry], query: str) -> list[TermEntry]:
    """lookup(), raising TermNotFound with suggestions when nothing matches."""
    found = lookup(entries, query)
    if not found:
        raise TermNotFound(query, suggest(entries, query))
    return found
