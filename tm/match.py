"""Pure text arithmetic shared by scoring (tm.search) and the store's candidate search."""
from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence

from tm.markup import CODE_PENALTY, has_marks, mark_count, match_form

SAME_WORDS_FLOOR = 50.0  # below this similarity two texts are not taken to share all their words


def normalize_text(text: str) -> str:
    """NFC with runs of whitespace made one space: the form texts are compared in."""
    if is_normal(text):  # most stored sources are: the checks cost a fifth of the split and join
        return text
    return " ".join(unicodedata.normalize("NFC", text).split())  # str methods: 5x faster than a regex


def is_normal(text: str) -> bool:
    """True when normalize_text would return text as it is."""
    # Every whitespace character but ' ' is unprintable, so a printable text splits only at spaces.
    return (text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "
            and unicodedata.is_normalized("NFC", text))


def comparable(text: str) -> str:
    """A stored text as scoring compares it: inline codes left out (tm.markup.match_form), normalized."""
    return normalize_text(match_form(text))


def comparable_all(texts: Sequence[str]) -> list[str]:
    """comparable() of each text; the candidates of a search are tested at once (a fifth of its time
    went to testing them one by one), and only a batch that fails is taken text by text."""
    whole = "".join(texts)
    # A printable text holds no newline, so in `lines` every newline is between two texts.
    lines = "\n".join(texts)
    if (not has_marks(whole) and whole.isprintable() and "  " not in lines and "\n " not in lines
            and " \n" not in lines and lines[:1] != " " and lines[-1:] != " "
            and unicodedata.is_normalized("NFC", whole)):  # a text that is not NFC leaves the whole not NFC
        return list(texts)
    return [comparable(text) for text in texts]


def lower_all(texts: Sequence[str]) -> list[str]:
    """Each normalized text (no newline) in lower case, in one call."""
    return "\n".join(texts).lower().split("\n") if texts else []


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
