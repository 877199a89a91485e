"""English sentence segmentation for the target side: razdel's splits, then join rules over tables.

razdel proposes the splits; a split is undone when the text before it ends with an
abbreviation that never ends an English sentence in UN or news text, or with an initial.
"""
from __future__ import annotations

import re

from razdel import sentenize

from tm.lang.en_abbreviations import ABBREVIATIONS, SENTENCE_END_ABBREVIATIONS, SENTENCE_END_MARKS

CLOSERS = "\"'”’»)]"
# Abbreviations that are one only in lower case.
CASE_SENSITIVE = frozenset({"v."})
LAST_TOKEN = re.compile(r"(\S+)\s*$")
INITIAL = re.compile(r"(?:^|\s)(?:[A-Z]\.){1,3}$")  # J. Smith, J.F. Kennedy
CONTINUES = re.compile(r"^\s*[a-z0-9(]")  # "U.S. dollars": the next part starts in lower case


def abbreviation_left(left: str, right: str) -> bool:
    """The split follows an abbreviation that does not end a sentence here."""
    match = LAST_TOKEN.search(left)
    written = match.group(1).lstrip("(\"'«“") if match else ""
    token = written.lower()
    if token in CASE_SENSITIVE and written != token:
        return False  # "chapter V." is a numeral, "Prosecutor v." an abbreviation
    if token in SENTENCE_END_ABBREVIATIONS:
        return bool(CONTINUES.match(right))
    return token in ABBREVIATIONS


def initial_left(left: str, right: str) -> bool:
    """The split follows an initial such as 'J.' before a capitalised name."""
    return bool(INITIAL.search(left.rstrip())) and right[:1].isupper()


def unterminated_left(left: str, right: str) -> bool:
    """razdel's cut after ";" ("(4 April 2012; | 6 January 2015)"): only . ! ? … end a sentence."""
    return not left.rstrip().rstrip(CLOSERS).endswith(SENTENCE_END_MARKS)


JOIN_RULES = (unterminated_left, abbreviation_left, initial_left)
# Boundaries razdel misses once an abbreviation sits before them: "(see para. 12). Remittances".
MISSED_SPLIT = re.compile(r"(?<=[)\]][.!?])\s+(?=[\"“(]?[A-Z])")


def segment_english(text: str) -> list[str]:
    """Split one English paragraph into sentences."""
    out: list[str] = []
    for sentence in (s.text for s in sentenize(text)):
        if out and any(rule(out[-1], sentence) for rule in JOIN_RULES):
            out[-1] = f"{out[-1]} {sentence}"
        else:
            out.append(sentence)
    return [part for sentence in out for part in MISSED_SPLIT.split(sentence)]
