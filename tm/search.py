"""Fuzzy search: the best stored units for a sentence, with a CAT-style match percentage.

The store supplies candidates (tm.store: Store.search_candidates), the likeliest first; each is
scored exactly here, the one place a match % is computed:
- 100: identical text;
- 95-99: the same words, differing only in numbers, punctuation, case or spacing (one point
  off per differing token), so such a match always ranks above one that differs in words;
- below 95: words differ; the score is rapidfuzz's character similarity (case-insensitive),
  its top 90-100 squeezed into 90-94 so that the order by similarity is kept.
Inline codes (tm.markup) are left out of the comparison, and a source whose codes differ from
the query's loses CODE_PENALTY point (an exact text match with tags scores 99, as in CAT tools).
"""
from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import cdist

from tm.lang.script import LETTERS_AND_DIGITS as WORD  # letters and digits, as the index tokenizer sees words
from tm.markup import CODE_PENALTY, has_marks, mark_count, placeholder_text
from tm.match import (
    SAME_WORDS_FLOOR,
    code_penalty,
    comparable,
    comparable_all,
    length_bounds,
    lower_all,
    normalize_text,
)
from tm.query import DEFAULT_MIN_SCORE
from tm.store.base import Candidate, Store
from tm.words import key_of_words, words_of

__all__ = ["DEFAULT_MIN_SCORE", "Hit", "Searcher", "band_of", "highlight", "length_bounds", "match_score",
           "normalize_text", "search", "words_of"]

TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+|[^\w\s]")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")

BANDS = ((100, "exact"), (95, "95-99"), (85, "85-94"), (75, "75-84"), (0, "below 75"))


@dataclass(frozen=True, slots=True)
class Diff:
    """One run of the candidate that differs from the query: op is 'insert', 'delete' or 'replace'."""

    op: str
    query: str
    source: str


@dataclass(frozen=True, slots=True)
class Hit:
    """One match: the unit, its percentage and band, and what differs from the query."""

    score: float
    band: str
    id: str
    source: str
    target: str
    similarity: float
    diffs: tuple[Diff, ...]
    numbers_differ: bool

    @property
    def percent(self) -> int:
        return int(self.score)


def placeables(text: str) -> Counter[str]:
    """Numbers and punctuation marks, with their counts."""
    return Counter(t for t in TOKEN.findall(text) if NUMBER.fullmatch(t) or not WORD.match(t))


def placeable_distance(query: str, source: str) -> int:
    """How many numbers, punctuation marks and case changes tell two same-word texts apart."""
    return distance_from(placeables(query), words_of_case(query), source)


def distance_from(query_placeables: Counter[str], query_cased: list[str], source: str) -> int:
    """placeable_distance, the query's placeables and cased words given."""
    a, b = query_placeables, placeables(source)
    differing = max(sum((a - b).values()), sum((b - a).values()))  # a changed number counts once
    # Not strict: equal words_of (rapidfuzz's split) can still give WORD lists of different lengths
    # ("x\u0870y z" and "x y z"); the pairs past the shorter list are not compared.
    cased = sum(1 for x, y in zip(query_cased, words_of_case(source), strict=False) if x != y)
    return max(1, differing + cased)


class Query:
    """A normalized query and what scoring needs of it, worked out once for all its candidates."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = words_of(text)
        self.key = key_of_words(self.words)
        self.marks = mark_count(text)
        self._placeables: tuple[Counter[str], list[str]] | None = None

    def placeable_distance(self, source: str) -> int:
        """placeable_distance(query, source), the query's side computed on first use."""
        if self._placeables is None:
            self._placeables = placeables(self.text), words_of_case(self.text)
        return distance_from(*self._placeables, source)


def words_of_case(text: str) -> list[str]:
    return [w for w in WORD.findall(text) if not w.isdigit()]


def similarity(query: str, source: str) -> float:
    """Case-insensitive character similarity, 0-100 (rapidfuzz's normalized Indel ratio)."""
    return float(fuzz.ratio(query.lower(), source.lower()))


def word_score(raw: float) -> float:
    """Similarity as a match % for texts whose words differ: kept below 95, order preserved."""
    return raw if raw <= 90 else 90 + (raw - 90) * 0.4


def match_score(query: str, source: str, raw: float | None = None) -> tuple[float, float]:
    """(match %, similarity) of a stored source (inline codes left out, then penalised) for a normalized query."""
    form = comparable(source)
    raw = similarity(query, form) if raw is None else raw
    return score_with(Query(query), form, raw) - code_penalty(query, source), raw


def score_with(query: Query, source: str, raw: float) -> float:
    """The match % once the similarity is known."""
    if query.text == source:
        return 100.0
    if raw >= SAME_WORDS_FLOOR and words_of(source) == query.words:
        return float(max(95, 100 - query.placeable_distance(source)))
    return word_score(raw)


def band_of(score: float) -> str:
    return next(name for floor, name in BANDS if score >= floor)


def numbers_differ(query: str, source: str) -> bool:
    return Counter(NUMBER.findall(query)) != Counter(NUMBER.findall(source))


def diff_runs(query: str, source: str) -> tuple[Diff, ...]:
    """Where the source differs from the query, token by token (for highlighting)."""
    a, b = TOKEN.findall(query), TOKEN.findall(source)
    runs = []
    for op in Levenshtein.opcodes(a, b):
        if op.tag != "equal":
            runs.append(Diff(op.tag, " ".join(a[op.src_start:op.src_end]), " ".join(b[op.dest_start:op.dest_end])))
    return tuple(runs)


def highlight(query: str, source: str) -> str:
    """The source with its differences marked wdiff-style: [-query only-] and {+source only+}."""
    a = TOKEN.findall(query)
    spans = [(m.start(), m.end()) for m in TOKEN.finditer(source)]
    out, done = [], 0
    for op in Levenshtein.opcodes(a, [source[x:y] for x, y in spans]):
        if op.tag == "equal":
            continue
        start = spans[op.dest_start][0] if op.dest_start < len(spans) else len(source)
        end = spans[op.dest_end - 1][1] if op.dest_end > op.dest_start else start
        out.append(source[done:start])
        if op.src_end > op.src_start:
            out.append("[-" + " ".join(a[op.src_start:op.src_end]) + "-]")
        if end > start:
            out.append("{+" + source[start:end] + "+}")
        done = end
    out.append(source[done:])
    return "".join(out)


def make_hit(query: str, candidate: Candidate, target: str, score: float, raw: float) -> Hit:
    """A hit as shown: inline codes as placeholders ('<1/>'), differences over the text alone."""
    source = comparable(candidate.source)
    return Hit(round(score, 1), band_of(score), candidate.id, placeholder_text(candidate.source),
               placeholder_text(target), round(raw, 1), diff_runs(query, source), numbers_differ(query, source))


# Fewer candidates than this (a small store, a rare query) are scored one by one: cdist would
# import numpy (about 100 ms, most of a search's start-up) for them. Both give the same float32 scores.
CDIST_MIN_CANDIDATES = 64


def similarities(query: str, forms: Sequence[str]) -> Sequence[float]:
    """rapidfuzz ratio of the query with each form, as the float32 values cdist gives."""
    if len(forms) < CDIST_MIN_CANDIDATES:
        return array("f", [fuzz.ratio(query, form) for form in forms])
    result: list[float] = cdist([query], forms, scorer=fuzz.ratio, workers=1)[0].tolist()
    return result


def rank_rows(query: str, rows: list[Candidate], min_score: float) -> list[tuple[float, float, Candidate]]:
    """Score the candidates (similarities in one rapidfuzz call); best first, ties by similarity, id."""
    floor = array("f", [min(min_score, SAME_WORDS_FLOOR)])[0]  # below both, a candidate cannot reach min_score
    sources = [row.source for row in rows]
    forms = comparable_all(sources)
    raws = similarities(query.lower(), lower_all(forms))
    parts = Query(query)
    marked = has_marks("".join(sources))  # else every source has no code, and the penalty is the query's alone
    scored = []
    for i, raw in enumerate(raws):
        if raw < floor:
            continue
        row = rows[i]
        if row.words and row.words != parts.key:
            # A words key unlike the query's: the words differ and need not be computed (2x the rest of
            # a score), and the score is at most raw.
            if raw < min_score:
                continue
            score = word_score(raw)
        else:
            score = score_with(parts, forms[i], raw)
        if (mark_count(row.source) if marked else 0) != parts.marks:
            score -= CODE_PENALTY
        if score >= min_score:
            scored.append((score, raw, row))
    scored.sort(key=lambda s: (-s[0], -s[1], s[2].id))
    return scored


class Searcher:
    """Fuzzy search over one open store (use one per batch of queries)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def search(self, text: str, *, min_score: float = DEFAULT_MIN_SCORE, limit: int = 5,
               doc: str | None = None) -> list[Hit]:
        """The best matches of text (in document doc, when given), at least min_score %, best first."""
        query = normalize_text(text)
        if not query:
            return []
        best = rank_rows(query, self.store.search_candidates(query, min_score, doc), min_score)[:limit]
        targets = self.store.targets([c.key for _, _, c in best])
        return [make_hit(query, c, targets[c.key], score, raw) for score, raw, c in best]


def search(store: Store, text: str, *, min_score: float = DEFAULT_MIN_SCORE, limit: int = 5,
           doc: str | None = None) -> list[Hit]:
    """The best matches of text in the store (in document doc, when given), at least min_score %, best first."""
    return Searcher(store).search(text, min_score=min_score, limit=limit, doc=doc)
