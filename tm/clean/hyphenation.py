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
HYPHEN_RESTORED = "lost hyphen restored (dictionary)"

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


# A word long enough to hide a compound: "попрежнему", "НьюЙорке", "SecretaryGeneral".
JOINED_WORD = re.compile(r"(?<![\w-])[^\W\d_]{5,}(?![\w-])")
MIN_COMPOUND_PART = 2
HYPHEN_RESTORED_BY_DOCUMENT = "lost hyphen restored (compound seen in the document)"
DASH_RESTORED = "dash restored at a join (the document writes \" -- \")"
# A "--" dash at a line end that the extractor took for a hyphen: "развития --" | "это" -> "развития -это".
HALF_DASH = re.compile(r"(?<= )-(?=[^\W_])")
DOUBLE_DASH = " -- "


def restored_compound(word: str, dictionary: bool, vocabulary: Collection[str]) -> tuple[str, str]:
    """ "попрежнему" -> "по-прежнему": a word that the dictionary (if the language has one) does not know
    but knows with one hyphen in it, or that the document writes with one hyphen elsewhere
    ("SecretaryGeneral" where it writes "Secretary-General"); with the name of the repair, or ("", "")."""
    if dictionary and known_word(word):
        return "", ""
    for cut in range(MIN_COMPOUND_PART, len(word) - MIN_COMPOUND_PART + 1):
        compound = f"{word[:cut]}-{word[cut:]}"
        if compound.lower() in vocabulary:
            return compound, HYPHEN_RESTORED_BY_DOCUMENT
        if dictionary and known_word(compound):
            return compound, HYPHEN_RESTORED
    return "", ""


# pdftotext joins a line ending in a hyphen to the next and drops the hyphen: such a line is longer
# than the document's usual line, and the joined word starts about one (or k) usual lines in.
JOINED_LINE_FACTOR = 1.3
JOIN_WINDOW = 0.25  # of the usual line length, either side of k usual lines


def usual_line_length(texts: list[str]) -> int:
    """The median length of the document's lines."""
    lengths = sorted(len(text) for text in texts)
    return lengths[len(lengths) // 2] if lengths else 0


def at_a_join(start: int, usual: int) -> bool:
    """True when a word starting at `start` of a long line sits where an extractor joined two lines."""
    lines_in = round(start / usual)
    return lines_in >= 1 and abs(start - lines_in * usual) <= JOIN_WINDOW * usual


def restore_lost_hyphens(texts: list[str], lang: str, repairs: Counter[str]) -> list[str]:
    """The lines with the hyphens of compounds put back where the extractor joined two lines ("попрежнему"
    -> "по-прежнему" in a line longer than usual, at the join): compounds of the dictionary, or ones the
    document writes with their hyphen elsewhere."""
    usual = usual_line_length(texts)
    if not usual:
        return texts
    dictionary = profile(lang).dictionary
    vocabulary = document_vocabulary(texts)

    def restore(match: re.Match[str]) -> str:
        if not at_a_join(match.start(), usual):
            return match.group()
        compound, name = restored_compound(match.group(), dictionary, vocabulary)
        if not compound:
            return match.group()
        repairs[name] += 1
        return compound

    def restore_dash(match: re.Match[str]) -> str:
        if not at_a_join(match.start(), usual):
            return match.group()
        repairs[DASH_RESTORED] += 1
        return "-- "

    double_dash = any(DOUBLE_DASH in text for text in texts)
    out = []
    for text in texts:
        if len(text) > JOINED_LINE_FACTOR * usual:
            text = JOINED_WORD.sub(restore, text)
            if double_dash:
                text = HALF_DASH.sub(restore_dash, text)
        out.append(text)
    return out
