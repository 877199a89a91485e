"""The sentence segmentation of each language as SRX 2.0 rules (Java regular expressions) for CAT tools.

OmegaT and other tools segment with SRX rules: at each position after `beforebreak` and before
`afterbreak`, the first rule that matches decides whether to break. These tables say, in that
language, what tm.segment decides in Python, from the same abbreviation tables; `tmtool export
--format srx` writes them, so a CAT tool cuts the txt export into the memory's units.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tm.lang import base_language
from tm.lang import en_abbreviations as en
from tm.lang import ru_abbreviations as ru


@dataclass(frozen=True, slots=True)
class SrxRule:
    """One SRX rule: break (or not) where `before` ends and `after` starts; `why` becomes a comment."""

    breaks: bool
    before: str
    after: str
    why: str


@dataclass(frozen=True, slots=True)
class SrxLanguage:
    """The rules of one language and the language codes they apply to."""

    name: str
    pattern: str
    rules: tuple[SrxRule, ...]


SENTENCE_MARK = r"[.!?…]+[»”\"')\]]*"
# The txt export writes a block's number back in front of it ("12. ", "II. ", "A. "): its own segment.
BLOCK_NUMBER = SrxRule(True, r"^(?:\d{1,3}|[IVXLC]{1,7}|[A-ZА-ЯЁ])\.", r"\s",
                       "a paragraph or heading number the txt export puts back in front of the block")
LOWER_NEXT = SrxRule(False, SENTENCE_MARK, r"\s+[«“\"'(\[—–-]*\p{Ll}", "a sentence never starts in lower case")
CLOSING_NEXT = SrxRule(False, SENTENCE_MARK, r"\s+[»”)\],;:]", "closing quotes and brackets belong to the left")
SENTENCE_END = SrxRule(True, SENTENCE_MARK, r"\s", ". ! ? … (and closing quotes or brackets), then a space")
NOT_IN_WORD = r"(?<![\p{L}\p{N}.])"


def alternatives(words: Iterable[str]) -> str:
    """A regular expression for any of the words, longest first (so "т. е." wins over "е.")."""
    return "|".join(re.escape(w).replace(r"\ ", " ") for w in sorted(set(words), key=lambda w: (-len(w), w)))


def abbreviation_rule(words: Iterable[str], why: str, after: str = r"\s") -> SrxRule:
    """No break after one of the abbreviations, in any case ("См.", "см.")."""
    return SrxRule(False, f"{NOT_IN_WORD}(?iu:{alternatives(words)})", after, why)


def russian() -> SrxLanguage:
    """tm.segment.russian's JOIN and SPLIT rules over tm.lang.ru_abbreviations."""
    latin_initials = "".join(c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if c not in ru.ROMAN_LETTERS)
    continued = [SrxRule(False, f"{NOT_IN_WORD}(?iu:{alternatives([abbr])})",
                         rf"\s+(?:{alternatives(words)})(?![\p{{L}}\p{{N}}])",
                         f"{abbr} goes on in a capitalised word") for abbr, words in sorted(ru.CONTINUED_BY.items())]
    rules = (
        BLOCK_NUMBER, LOWER_NEXT, CLOSING_NEXT,
        abbreviation_rule(sorted(w for w in ru.NEVER_FINAL if w.endswith(".")),
                          "abbreviations that never end a sentence"),
        *continued,
        SrxRule(False, rf"(?:^|(?<=[^\d\s]\s)|(?<=[^\d\s]\s\s))(?:{re.escape(ru.CITY)})", r"\s",
                "г. after a word, not a year, is город"),
        SrxRule(False, rf"(?:^|(?<=[\s(«“]))[А-ЯЁ{latin_initials}]\.", r"\s+\p{Lu}",
                "an initial before a name (Roman numerals aside)"),
        SrxRule(False, r"(?<=\d\s)\p{Ll}{1,4}\.", r"\s+\d",
                "a short unit between numbers: 10 ч. 00 м., 5 млн. 20 тыс."),
        SENTENCE_END,
    )
    return SrxLanguage("tmtool Russian", "[Rr][Uu].*", rules)


def english() -> SrxLanguage:
    """tm.segment.english's JOIN rules over tm.lang.en_abbreviations."""
    always = sorted(w for w in en.ABBREVIATIONS - en.SENTENCE_END_ABBREVIATIONS if w not in {"v."})
    rules = (
        BLOCK_NUMBER, LOWER_NEXT, CLOSING_NEXT,
        abbreviation_rule(always, "abbreviations that never end a sentence"),
        SrxRule(False, rf"{NOT_IN_WORD}v\.", r"\s", "v. in lower case: Prosecutor v. Kunarac"),
        abbreviation_rule(sorted(en.SENTENCE_END_ABBREVIATIONS), "abbreviations that end a sentence only before a "
                          "capital", after=r"\s+[a-z0-9(]"),
        SrxRule(False, r"(?:^|(?<=\s))(?:[A-Z]\.){1,3}", r"\s+\p{Lu}", "initials before a name: J. F. Kennedy"),
        SENTENCE_END,
    )
    return SrxLanguage("tmtool English", "[Ee][Nn].*", rules)


LANGUAGES = {"ru": russian, "en": english}


def srx_languages(codes: Iterable[str] = ("ru", "en")) -> list[SrxLanguage]:
    """The SRX rules of the languages (base codes, in the order given, each once) that tmtool segments."""
    seen = dict.fromkeys(base_language(c) for c in codes)
    return [LANGUAGES[code]() for code in seen if code in LANGUAGES]
