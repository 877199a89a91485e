"""Joining the lines of a paragraph: a hyphen at a line end is either hyphenation or a real compound.

Russian is decided with the pymorphy3 dictionary: "сотрудничест-|ва" joins because
"сотрудничества" is a word; "по-|прежнему" keeps its hyphen because "по-прежнему" is one;
"трудящихся-|мигрантов" keeps it because both halves are words and the joined form is not.
English (no dictionary) follows plain rules over a table of prefixes that keep their hyphen.
Which of the two a language uses is its profile's `hyphenation` (tm.lang).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection
from itertools import pairwise

from tm.lang import LanguageProfile, profile
from tm.lang.morph import known_word
from tm.lang.script import LETTER, LETTER_RUN

JOINED = "hyphenation joined"
KEPT = "hyphen kept"
JOINED_UNKNOWN = "hyphenation joined (not in dictionary)"
SLASH_JOINED = "line-end slash joined"

# "научно-исследователь-" -> whole word "научно-исследователь", last part "исследователь"
LINE_END_HYPHEN = re.compile(rf"(?<![\w-])(?P<word>(?:{LETTER}+-)*(?P<part>[^\W_]+))-$")
LINE_START_WORD = LETTER_RUN
LINE_END_SLASH = re.compile(r"\S/$")


def russian_hyphen_decision(word: str, part: str, right: str) -> str:
    """Name of the repair for "word-" + "right": JOINED, KEPT or JOINED_UNKNOWN."""
    if part.isdigit() or (right[:1].isupper() and part[:1].isupper()):
        return KEPT  # "1990-|х", "Буркина-|Фасо", "ВИЧ-|СПИД"
    if known_word(part + right):
        return JOINED
    if known_word(f"{word}-{right}") or known_word(f"{part}-{right}"):
        return KEPT
    if known_word(part) and known_word(right):
        return KEPT
    if right[:1].isupper():
        return KEPT
    return JOINED_UNKNOWN


def prefix_hyphen_decision(word: str, part: str, right: str, prefixes: Collection[str]) -> str:
    """Plain rules for a language without a dictionary: keep the hyphen after a listed prefix, a digit,
    a capital; otherwise join."""
    if part.isdigit() or right[:1].isupper() or part.isupper() or part.lower() in prefixes:
        return KEPT
    return JOINED


def dictionary_hyphen_decision(word: str, part: str, right: str, lang: LanguageProfile) -> str:
    return russian_hyphen_decision(word, part, right)


def listed_prefix_hyphen_decision(word: str, part: str, right: str, lang: LanguageProfile) -> str:
    return prefix_hyphen_decision(word, part, right, lang.hyphen_prefixes)


# The hyphenation rules a language profile can name.
HYPHENATION_RULES: dict[str, Callable[[str, str, str, LanguageProfile], str]] = {
    "dictionary": dictionary_hyphen_decision,
    "prefixes": listed_prefix_hyphen_decision,
}


def hyphen_decision(word: str, part: str, right: str, lang: str) -> str:
    """The repair for "word-" + "right" by the rules of the language."""
    rules = profile(lang)
    return HYPHENATION_RULES[rules.hyphenation](word, part, right, rules)


def line_joint(left: str, right: str, lang: str, repairs: Counter[str]) -> tuple[bool, str]:
    """How two stripped lines of one paragraph meet: (drop the line-end hyphen?, separator)."""
    if left.endswith("-"):
        hyphen = LINE_END_HYPHEN.search(left)
        start = LINE_START_WORD.match(right)
        if hyphen and start:
            decision = hyphen_decision(hyphen.group("word"), hyphen.group("part"), start.group(), lang)
            repairs[decision] += 1
            return decision != KEPT, ""
    if left.endswith("/") and LINE_END_SLASH.search(left) and right[:1].isalnum():
        repairs[SLASH_JOINED] += 1
        return False, ""  # "по ВИЧ/ |СПИДу" -> "по ВИЧ/СПИДу"
    return False, " "


def join_lines(lines: list[str], lang: str, repairs: Counter[str]) -> str:
    """Join the stripped lines of a paragraph or heading into one line of text."""
    pieces = lines[:1]
    for left, right in pairwise(lines):
        drop_hyphen, separator = line_joint(left, right, lang, repairs)
        if drop_hyphen:
            pieces[-1] = pieces[-1][:-1]
        pieces.append(separator)
        pieces.append(right)
    return "".join(pieces)
