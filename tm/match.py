"""Pure text arithmetic shared by scoring (tm.search) and the store's candidate search."""
from __future__ import annotations

import math
import unicodedata

from tm.markup import CODE_PENALTY, mark_count, match_form

DEFAULT_MIN_SCORE = 75.0  # the lowest match % a search shows unless told (here: the CLI reads it without rapidfuzz)
SAME_WORDS_FLOOR = 50.0  # below this similarity two texts are not taken to share all their words
# Longest query: a long sentence is a few hundred characters; beyond this, fuzzy and concordance
# search would take seconds to minutes and find nothing useful. The CLI and the server both keep it.
MAX_QUERY_CHARS = 2000
EMPTY_QUERY = "the query is empty: give some text to search for"


def normalize_text(text: str) -> str:
    """NFC with runs of whitespace made one space: the form texts are compared in."""
    return " ".join(unicodedata.normalize("NFC", text).split())  # str methods: 5x faster than a regex


def comparable(text: str) -> str:
    """A stored text as scoring compares it: inline codes left out (tm.markup.match_form), normalized."""
    return normalize_text(match_form(text))


def code_penalty(query: str, source: str) -> float:
    """Points off a match whose inline codes differ from the query's (CAT tools' tag penalty)."""
    return CODE_PENALTY if mark_count(query) != mark_count(source) else 0.0


def length_bounds(length: int, min_score: float) -> tuple[int, int]:
    """Source lengths that can reach min_score % similarity with a query of this length.

    rapidfuzz's ratio is 2*LCS/(a+b) <= 2*min(a, b)/(a+b), so with r = min_score/100 a source of
    length b can score r only if a*r/(2-r) <= b <= a*(2-r)/r.
    """
    r = max(min_score, 1.0) / 100
    return math.ceil(length * r / (2 - r) - 1e-9), math.floor(length * (2 - r) / r + 1e-9)


def candidate_lengths(length: int, min_score: float) -> tuple[int, int]:
    """Source lengths worth a candidate: same-words sources score 95+ from 50% similarity up."""
    return length_bounds(length, min(min_score, SAME_WORDS_FLOOR))


def too_long(query: str) -> str:
    return f"the query is {len(query):,} characters long; search takes at most {MAX_QUERY_CHARS:,}"


def query_problem(query: str) -> str | None:
    """Why a search query is refused (empty, too long), or None when it is fine."""
    if not query.strip():
        return EMPTY_QUERY
    return too_long(query) if len(query) > MAX_QUERY_CHARS else None
