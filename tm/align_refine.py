"""Splitting aligned beads further at soft boundaries that both languages agree on.

A headline or a sentence without final punctuation runs into the next sentence once lines are
joined ("…народ Хабаровска Врио главы…"). Inside each bead, a cut before a capitalised word is
a soft boundary; the bead is cut in two where the two halves match each other better (length
and anchors) than the whole does, by more than the price of every soft boundary used.
"""
from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from tm.align import LENGTH_COST_CAP

SOFT_CUT = re.compile(r"(?<=[\w\"»”)])\s+[\"«“(]?(?P<word>[A-ZА-ЯЁ]\w*)")
# razdel keeps "…отметки. решение о…" whole (lower case after the stop); the gold often does not.
STOP_BEFORE_LOWER = re.compile(r"[.!?…][\"»”]?(\s+)(?=[a-zа-яё])")
WORD = re.compile(r"\w+")
NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
MIN_PIECE = 12  # characters; shorter pieces are never cut off
MAX_CUTS = 12

# How sure a cut is: a sentence boundary, a soft cut before a word that mostly starts sentences
# ("In", "The", "Это", "Однако"), or a soft cut before a capitalised common word ("Врио", "Mexico").
HARD, STRONG, WEAK = 0, 1, 2
# The price of cutting at a boundary of each strength: the halves must match this much better.
CUT_PRICE = {HARD: 0.0, STRONG: 0.35, WEAK: 0.6}
# Capitalised function words: mid-text they start a sentence the segmenter missed.
STRONG_STARTERS = frozenset([
    "a", "an", "the", "in", "on", "at", "to", "of", "for", "from", "by", "with", "as", "after",
    "before", "since", "during", "when", "while", "if", "but", "and", "or", "so", "yet", "it",
    "its", "he", "she", "they", "we", "i", "you", "this", "that", "these", "those", "there", "here",
    "his", "her", "their", "our", "my", "your", "however", "meanwhile", "also", "now", "today",
    "yesterday", "earlier", "later", "then", "according", "what", "why", "how", "who", "where",
    "which", "one", "two", "three", "four", "five", "several", "many", "some", "most", "all", "no",
    "not", "despite", "although", "because",
    "в", "во", "на", "по", "с", "со", "к", "о", "об", "от", "из", "за", "для", "при", "до", "после",
    "это", "этот", "эта", "эти", "тот", "та", "те", "там", "здесь", "как", "но", "а", "и", "или",
    "однако", "также", "тогда", "теперь", "сегодня", "вчера", "ранее", "позже", "он", "она", "оно",
    "они", "мы", "я", "вы", "его", "ее", "её", "их", "что", "почему", "где", "кто", "когда", "если",
    "хотя", "потому", "поэтому", "кроме", "между", "среди", "у", "не", "ни", "все", "всё", "многие",
    "некоторые",
])
PairCost = Callable[[str, str], float]
Starter = Callable[[str], int]  # the strength of a soft cut before this word, 0 for no cut
Cut = tuple[int, int]  # (offset in the joined text, strength)


@dataclass(frozen=True, slots=True)
class Piece:
    """Source text aligned with target text, with the bead's shape and score."""

    source: str
    target: str
    score: float
    shape: str


def after_function_word(sentence: str, at: int) -> bool:
    """'в | Москве', 'the | Moscow': a cut right after a preposition or article splits a phrase."""
    words = WORD.findall(sentence[max(0, at - 20):at])
    return bool(words) and words[-1].lower() in STRONG_STARTERS


def soft_cuts(sentence: str, starter: Starter) -> list[Cut]:
    cuts = [(m.start(), starter(m.group("word"))) for m in SOFT_CUT.finditer(sentence)
            if not after_function_word(sentence, m.start())]
    cuts += [(m.start(1), WEAK) for m in STOP_BEFORE_LOWER.finditer(sentence)]
    return sorted((c, strength) for c, strength in cuts if strength)


def cut_points(sentences: Sequence[str], starter: Starter) -> list[Cut]:
    """Where the joined text may be cut, with the strength of each cut; sentence boundaries are hard."""
    out, offset = [], 0
    for n, sentence in enumerate(sentences):
        if n:
            out.append((offset - 1, HARD))
        out += [(offset + c, strength) for c, strength in soft_cuts(sentence, starter)]
        offset += len(sentence) + 1
    return out


def usable(text: str, cuts: list[Cut]) -> list[Cut]:
    inside = [(c, soft) for c, soft in cuts if MIN_PIECE <= c <= len(text) - MIN_PIECE]
    return inside[:MAX_CUTS]


def allowed(s_strength: int, t_strength: int) -> bool:
    """Two hard cuts are the DP's business."""
    return 0 < s_strength + t_strength


def best_split(source: str, target: str, s_cuts: list[Cut], t_cuts: list[Cut], cost: PairCost) -> tuple[int, int] | None:
    """The cut pair whose halves beat the whole by more than their soft-boundary price."""
    whole = cost(source, target)
    best, where = whole, None
    for sc, s_strength in s_cuts:
        for tc, t_strength in t_cuts:
            if not allowed(s_strength, t_strength):
                continue
            price = CUT_PRICE[s_strength] + CUT_PRICE[t_strength]
            total = cost(source[:sc].strip(), target[:tc].strip()) + cost(source[sc:].strip(), target[tc:].strip()) + price
            if total < best:
                best, where = total, (sc, tc)
    return where


def split_bead(source: str, target: str, s_cuts: list[Cut], t_cuts: list[Cut], cost: PairCost) -> list[tuple[str, str]]:
    """Cut recursively while cutting pays."""
    where = best_split(source, target, usable(source, s_cuts), usable(target, t_cuts), cost)
    if where is None:
        return [(source, target)]
    sc, tc = where
    left = split_bead(source[:sc], target[:tc], [c for c in s_cuts if c[0] < sc], [c for c in t_cuts if c[0] < tc], cost)
    right = split_bead(source[sc:].lstrip(), target[tc:].lstrip(),
                       shifted(s_cuts, source, sc), shifted(t_cuts, target, tc), cost)
    return left + right


def shifted(cuts: list[Cut], text: str, at: int) -> list[Cut]:
    gap = len(text[at:]) - len(text[at:].lstrip())
    return [(c - at - gap, soft) for c, soft in cuts if c > at]


def refine(src: Sequence[str], tgt: Sequence[str], score: float, shape: str, cost: PairCost,
           starters: tuple[Starter, Starter]) -> list[Piece]:
    """The pieces of one bead (its source and target sentences), cut where both sides agree."""
    source, target = " ".join(src), " ".join(tgt)
    if not src or not tgt:
        return [Piece(source, target, score, shape)]
    s_cuts, t_cuts = cut_points(src, starters[0]), cut_points(tgt, starters[1])
    if all(strength == HARD for _, strength in s_cuts + t_cuts):
        return [Piece(source, target, score, shape)]
    parts = split_bead(source, target, s_cuts, t_cuts, cost)
    if len(parts) == 1:
        return [Piece(source, target, score, shape)]
    return [Piece(s.strip(), t.strip(), score, "split") for s, t in parts]


def lower_case_words(sentences: Sequence[str]) -> set[str]:
    return {w for s in sentences for w in WORD.findall(s) if w[:1].islower()}


@functools.lru_cache(maxsize=65536)
def common_russian_word(word: str) -> bool:
    """Known to the dictionary and not a name, place or organisation (pymorphy3's first parse)."""
    import pymorphy3  # loaded only when a Russian side is refined

    morph = russian_morphology(pymorphy3)
    lower = word.lower()
    return bool(morph.word_is_known(lower)) and not (NAME_TAGS & set(morph.parse(lower)[0].tag.grammemes))


_MORPH: list[object] = []


def russian_morphology(module: object) -> Any:
    if not _MORPH:
        _MORPH.append(module.MorphAnalyzer())  # type: ignore[attr-defined]
    return _MORPH[0]


def starter_test(sentences: Sequence[str], lang: str) -> Starter:
    """Strength of a soft cut before a capitalised word: a function word, a common word, or a name (0)."""
    lower = lower_case_words(sentences)
    russian = lang.split("-")[0].lower() == "ru"

    def strength(word: str) -> int:
        key = word.lower()
        if key in STRONG_STARTERS:
            return STRONG
        common = key in lower or (russian and common_russian_word(word))
        return WEAK if common else 0
    return strength


def gaussian_length_cost(ratio: float, variance: float) -> Callable[[int, int], float]:
    def cost(ls: int, lt: int) -> float:
        expected = ratio * ls
        delta = (lt - expected) / math.sqrt(variance * (expected + lt) / 2 + 1.0)
        return min(delta * delta / 2, LENGTH_COST_CAP)
    return cost
