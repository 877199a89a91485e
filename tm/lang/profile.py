"""The language facts the stages consult, as one frozen record per language."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

Segmenter = Callable[[str], list[str]]
# (the hyphenated word, its last part, the word starting the next line) -> the repair's name
HyphenDecision = Callable[[str, str, str], str]


@dataclass(frozen=True, slots=True)
class LanguageProfile:
    """What tmtool knows about one language: how to segment, join lines, anchor and cut its text."""

    code: str  # base language, lower case: "ru"
    segment: Segmenter  # one paragraph -> its sentences, exact slices of it
    hyphen_decision: HyphenDecision  # a hyphen at a line end: joined, kept, joined though unknown
    abbreviations: frozenset[str]  # lower case, with their periods: what the segmenter will not end a sentence on
    # Letter -> Latin spelling; empty for a Latin-script language. Anchors transliterate the names of
    # a language that has one, and take any Latin word in its text for a foreign word.
    transliteration: Mapping[str, str]
    dictionary: bool  # tm.lang.morph knows its words: refine tells common words from names with it
    # The aligner's refine step (tm.align.refine): the rules that veto a soft cut, by name, in the
    # order they are tried, and the word tables those rules read.
    refine_vetoes: tuple[str, ...]
    function_words: frozenset[str]  # a cut after them leaves a phrase unfinished: "в | Москве"
    enclitics: frozenset[str] = frozenset()  # never start a sentence: "ли", "же"
    place_words: frozenset[str] = frozenset()  # precede a place's name: "улица | Ставропольская"
    name_titles: frozenset[str] = frozenset()  # precede a name: "Pope | Francis"
    name_heads: frozenset[str] = frozenset()  # end a multi-word name: "the Nobel | Committee"
    demonym_endings: tuple[str, ...] = ()  # a nationality qualifies what follows: "the Russian | President"

    @property
    def transliterates_names(self) -> bool:
        """Its names are written in a non-Latin script, so anchors meet the other side in Latin."""
        return bool(self.transliteration)
