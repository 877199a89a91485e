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
from collections.abc import Callable, Collection, Iterable
from itertools import pairwise

from tm.lang import LanguageProfile, profile
from tm.lang.morph import known_word
from tm.lang.script import LETTER, LETTER_RUN

JOINED = "hyphenation joined"
KEPT = "hyphen kept"
JOINED_UNKNOWN = "hyphenation joined (not in dictionary)"
SLASH_JOINED = "line-end slash joined"
JOINED_BY_DOCUMENT = "hyphenation joined (word seen in the document)"
KEPT_BY_DOCUMENT = "hyphen kept (compound seen in the document)"
JOINED_NO_WORD = "hyphenation joined (prefix syllable, no such word in the document)"

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


def document_decision(part: str, right: str, vocabulary: Collection[str], rules: LanguageProfile) -> str:
    """For a language without a dictionary, the document's own words: "ex-|pect" joins when "expect" is
    written elsewhere in it and "ex-pect" is not; "co-|operation" keeps its hyphen in the opposite case;
    after a prefix that is also a syllable ("ex-|pect") it joins when "pect" is no word of the document."""
    joined, compound = (part + right).lower(), f"{part}-{right}".lower()
    if joined in vocabulary and compound not in vocabulary:
        return JOINED_BY_DOCUMENT
    if compound in vocabulary and joined not in vocabulary:
        return KEPT_BY_DOCUMENT
    if part.lower() in rules.syllable_prefixes and right.islower() and right not in vocabulary:
        return JOINED_NO_WORD
    return ""


# Words as the document vocabulary holds them: letters, hyphens inside ("co-operation").
VOCABULARY_WORD = re.compile(rf"{LETTER}+(?:-{LETTER}+)*(?![\w-])")


def document_vocabulary(lines: Iterable[str]) -> frozenset[str]:
    """The lower-case words of the lines, the parts of a word cut by a line-end hyphen left out."""
    words: set[str] = set()
    cut = False
    for line in lines:
        found = list(map(str.lower, VOCABULARY_WORD.findall(line)))  # no match objects: it runs over every line
        words.update(found[1:] if cut else found)
        cut = line.endswith("-")
    return frozenset(words)


def line_joint(left: str, right: str, lang: str, repairs: Counter[str],
               vocabulary: Collection[str] = frozenset()) -> tuple[bool, str]:
    """How two stripped lines of one paragraph meet: (drop the line-end hyphen?, separator)."""
    if left.endswith("-"):
        hyphen = LINE_END_HYPHEN.search(left)
        start = LINE_START_WORD.match(right)
        if hyphen and start:
            decision = ""
            if vocabulary and not profile(lang).dictionary:
                decision = document_decision(hyphen.group("part"), start.group(), vocabulary, profile(lang))
            decision = decision or hyphen_decision(hyphen.group("word"), hyphen.group("part"), start.group(), lang)
            repairs[decision] += 1
            return decision not in (KEPT, KEPT_BY_DOCUMENT), ""
    if left.endswith("/") and LINE_END_SLASH.search(left) and right[:1].isalnum():
        repairs[SLASH_JOINED] += 1
        return False, ""  # "по ВИЧ/ |СПИДу" -> "по ВИЧ/СПИДу"
    return False, " "


def join_lines(lines: list[str], lang: str, repairs: Counter[str], vocabulary: Collection[str] = frozenset()) -> str:
    """Join the stripped lines of a paragraph or heading into one line of text; `vocabulary`, the
    document's words, decides line-end hyphens first for a language without a dictionary."""
    pieces = lines[:1]
    for left, right in pairwise(lines):
        drop_hyphen, separator = line_joint(left, right, lang, repairs, vocabulary)
        if drop_hyphen:
            pieces[-1] = pieces[-1][:-1]
        pieces.append(separator)
        pieces.append(right)
    return "".join(pieces)
