"""The language facts the stages consult, as one frozen record per language."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LanguageProfile:
    """What tmtool knows about one language: how to segment, join lines, anchor and cut its text."""

    code: str  # base language, lower case: "ru"
    # The stages' rules by name (the stages hold the tables, so that this package imports none of them):
    segmenter: str  # tm.segment.SEGMENTERS: one paragraph -> its sentences, exact slices of it
    hyphenation: str  # tm.clean.hyphenation.HYPHENATION_RULES: a line-end hyphen joined, kept, or joined though unknown
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
    hyphen_prefixes: frozenset[str] = frozenset()  # first parts that keep their hyphen at a line break: "non-"
    # Of those, the ones that are also a word's first syllable ("ex-|pect", "co-|ordination", "pre-|vent"):
    # they keep it only before a word the document writes on its own ("co-|chair" where it writes "chair").
    syllable_prefixes: frozenset[str] = frozenset()
    # Prefixes written solid with the word after them, whatever the halves: "транс|корейской".
    solid_prefixes: frozenset[str] = frozenset()
    # Prefixes that the UN's style always joins with a hyphen ("non-existent", "self-reliance"), and
    # the words that start with them but are written solid ("nonetheless").
    hyphened_prefixes: frozenset[str] = frozenset()
    solid_words: frozenset[str] = frozenset()

    @property
    def transliterates_names(self) -> bool:
        """Its names are written in a non-Latin script, so anchors meet the other side in Latin."""
        return bool(self.transliteration)
