"""Concordance: units whose source holds a word or phrase, with source and target shown.

Words match on word boundaries. A Russian word also matches its other inflected forms: the
forms pymorphy3 lists for each dictionary reading of it that keep the same lemma and part of
speech ('мигрантов' finds 'мигрант', 'мигрантам'; 'стали' finds forms of both 'стать' and
'сталь', since the word alone cannot tell them apart). Words pymorphy3 does not know match as
written. The store finds the units holding every word in one of its forms; a regular
expression confirms each.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from tm.lang.morph import parse as parses
from tm.lang.script import LETTERS_AND_DIGITS, RUSSIAN_LETTER
from tm.markup import has_marks, placeholder_map, placeholder_text
from tm.store.base import Store

# Between the words of a phrase: spaces, hyphens and dashes ("трудящихся-мигрантов" = "трудящихся мигрантов").
JOINER = r"[\s\-\u2010-\u2015]+"


@dataclass(frozen=True, slots=True)
class ConcordanceHit:
    """A unit holding the phrase; spans are (start, end) offsets of each occurrence in source."""

    id: str
    source: str
    target: str
    spans: tuple[tuple[int, int], ...]

    def marked(self, left: str = "[", right: str = "]") -> str:
        """The source with each occurrence bracketed."""
        out, done = [], 0
        for start, end in self.spans:
            out += [self.source[done:start], left, self.source[start:end], right]
            done = end
        return "".join(out) + self.source[done:]


def fold(text: str) -> str:
    """Lower case with ё as е, char by char so that offsets in the folded text fit the original."""
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text).replace("ё", "е")


@functools.lru_cache(maxsize=4096)
def word_forms(word: str, inflect: bool = True) -> frozenset[str]:
    """The word and, for a known Russian word, its forms with the same lemma and part of speech."""
    forms = {fold(word)}
    if inflect and RUSSIAN_LETTER.search(word):
        for parse in parses(word):
            if parse.is_known:
                forms |= {fold(f.word) for f in parse.lexeme
                          if f.normal_form == parse.normal_form and f.tag.POS == parse.tag.POS}
    return frozenset(forms)


def phrase_pattern(words: list[str], inflect: bool) -> re.Pattern[str]:
    """A pattern for the phrase over folded text: each word as any of its forms, on word boundaries."""
    groups = ["(?:" + "|".join(sorted(map(re.escape, word_forms(w, inflect)), key=len, reverse=True)) + ")"
              for w in words]
    return re.compile(r"(?<!\w)" + JOINER.join(groups) + r"(?!\w)")


def shown_hit(unit_id: str, source: str, target: str, spans: tuple[tuple[int, int], ...]) -> ConcordanceHit:
    """A hit as shown: inline codes as placeholders ('<1/>'), the spans moved to fit."""
    if not has_marks(source + target):
        return ConcordanceHit(unit_id, source, target, spans)
    shown, where = placeholder_map(source)
    return ConcordanceHit(unit_id, shown, placeholder_text(target), tuple((where[a], where[b]) for a, b in spans))


def concordance(
    store: Store, phrase: str, *, limit: int = 20, inflect: bool = True, doc: str | None = None
) -> list[ConcordanceHit]:
    """Units (of document doc, when given) whose source holds the phrase (word boundaries; inflected
    forms when inflect)."""
    words = LETTERS_AND_DIGITS.findall(phrase)
    if not words:
        return []
    pattern = phrase_pattern(words, inflect)
    hits: list[ConcordanceHit] = []
    for unit in store.phrase_candidates([word_forms(w, inflect) for w in words], doc):
        spans = tuple(m.span() for m in pattern.finditer(fold(unit.source)))
        if spans:
            hits.append(shown_hit(unit.id, unit.source, unit.target, spans))
            if len(hits) >= limit:
                break
    return hits
