"""Lexical anchors that survive translation ru→en: numbers, Latin words, names, punctuation, a learned lexicon.

Each sentence becomes a bag of anchor strings shared by both languages ("num:2020", "lat:covid",
"nm:ptn" for Путин/Putin, "p:?"); the aligner compares bags by weighted cosine.
"""
from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from tm.lang import profile
from tm.lang.script import WORD_OR_NUMBER

# Latin spellings that sound alike, folded so both sides meet (Moscow/Moskva -> mskv).
SOUND_FOLD = (("kh", "h"), ("ck", "k"), ("c", "k"), ("q", "k"), ("w", "v"), ("ph", "f"), ("x", "ks"), ("zh", "j"))
VOWELS = set("aeiouyhj")
SKELETON_SIZE = 3
MIN_SKELETON = 2  # a one-consonant skeleton matches too many names

# Punctuation that translators keep: a question stays a question, brackets stay brackets.
PUNCTUATION_TAGS = {
    "?": "p:?", "!": "p:!", "(": "p:(", "%": "p:%", "$": "p:$", "€": "p:$", "№": "p:no", ":": "p::",
    '"': "p:quote", "«": "p:quote", "»": "p:quote", "“": "p:quote", "”": "p:quote", "„": "p:quote",
}
PUNCTUATION_MARKS = re.compile("[" + re.escape("".join(PUNCTUATION_TAGS)) + "]")

STEM_SIZE = 5
MIN_STEM_WORD = 3
LEXICON_MIN_COUNT = 2
LEXICON_MIN_DICE = 0.25
LEXICON_SAMPLE = 6000
LEXICON_TRANSLATIONS = 2  # English stems kept for each Russian stem, the most associated first


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Russian stem -> English stems that co-occur with it in confidently aligned pairs."""

    entries: dict[str, tuple[str, ...]]


def stem(word: str) -> str:
    return word.lower()[:STEM_SIZE]


def skeleton(latin: str) -> str:
    """Consonant skeleton of a name: 'Biden' and 'Байден' both give 'bdn'."""
    text = latin.lower()
    for old, new in SOUND_FOLD:
        text = text.replace(old, new)
    consonants = [c for c in text if c.isascii() and c.isalpha() and c not in VOWELS]
    folded = [c for i, c in enumerate(consonants) if i == 0 or c != consonants[i - 1]]
    return "".join(folded[:SKELETON_SIZE])


def transliterate(word: str, table: Mapping[str, str]) -> str:
    return "".join(table.get(c, c) for c in word.lower())


@functools.lru_cache(maxsize=200_000)
def word_anchors(word: str, lang: str) -> tuple[str, ...]:
    """Anchors of one word in a language: a number, a name's skeleton, a Latin word."""
    if word.isdigit():
        # Digit runs alone, so 1,000 / 1 000 and 3.5 / 3,5 meet on both sides.
        return (f"num:{word.lstrip('0') or '0'}",)
    table = profile(lang).transliteration
    native = any(c in table for c in word.lower())  # in the language's own, non-Latin script
    out = []
    if word[:1].isupper() and len(word) > 1:
        bone = skeleton(transliterate(word, table) if native else word)
        if len(bone) >= MIN_SKELETON:
            out.append(f"nm:{bone}")
    if not native and (word[:1].isupper() or bool(table)) and word.isascii():
        # Latin words inside Russian text (brands, acronyms) appear unchanged in English.
        out.append(f"lat:{word.lower()}")
    return tuple(out)


def punctuation_anchors(text: str) -> list[str]:
    return list({PUNCTUATION_TAGS[c] for c in PUNCTUATION_MARKS.findall(text)})


@functools.lru_cache(maxsize=200_000)
def word_stem(word: str) -> str:
    return stem(word) if len(word) >= MIN_STEM_WORD and not word.isdigit() else ""


def lexicon_anchors(words: Sequence[str], transliterates: bool, lexicon: Lexicon | None) -> list[str]:
    """Lexicon anchors: the side that transliterates names maps its stems through the lexicon."""
    if lexicon is None:
        return []
    stems = {word_stem(w) for w in words} - {""}
    if not transliterates:
        return [f"lx:{s}" for s in stems]
    return [f"lx:{e}" for s in stems for e in lexicon.entries.get(s, ())]


def base_anchors(text: str, lang: str) -> list[str]:
    """Anchors that need no lexicon: numbers, names, Latin words, punctuation."""
    code = profile(lang).code
    return [a for w in WORD_OR_NUMBER.findall(text) for a in word_anchors(w, code)] + punctuation_anchors(text)


def sentence_anchors(text: str, lang: str, lexicon: Lexicon | None = None, base: list[str] | None = None) -> list[str]:
    """The anchors of one sentence in its language (whose profile says whether names need transliteration)."""
    anchors = base_anchors(text, lang) if base is None else base
    if lexicon is None:
        return anchors
    return anchors + lexicon_anchors(WORD_OR_NUMBER.findall(text), profile(lang).transliterates_names, lexicon)


def content_stems(text: str) -> set[str]:
    return {word_stem(w) for w in WORD_OR_NUMBER.findall(text)} - {""}


def learn_lexicon(pairs: Iterable[tuple[str, str]]) -> Lexicon:
    """Stem pairs that co-occur in aligned sentence pairs more than chance (Dice association)."""
    src_count: Counter[str] = Counter()
    tgt_count: Counter[str] = Counter()
    joint: Counter[tuple[str, str]] = Counter()
    for n, (src, tgt) in enumerate(pairs):
        if n >= LEXICON_SAMPLE:
            break
        s_stems, t_stems = content_stems(src), content_stems(tgt)
        src_count.update(s_stems)
        tgt_count.update(t_stems)
        joint.update((s, t) for s in s_stems for t in t_stems)
    best: dict[str, list[tuple[float, str]]] = {}
    for (s, t), c in joint.items():
        if c < LEXICON_MIN_COUNT:
            continue
        dice = 2 * c / (src_count[s] + tgt_count[t])
        if dice >= LEXICON_MIN_DICE:
            best.setdefault(s, []).append((dice, t))
    return Lexicon({s: tuple(t for _, t in sorted(c, reverse=True)[:LEXICON_TRANSLATIONS]) for s, c in best.items()})


@dataclass(frozen=True, slots=True)
class AnchorRows:
    """Sparse weighted anchor vectors of a list of sentences (CSR layout, unit-free ids)."""

    indptr: np.ndarray
    ids: np.ndarray
    weights: np.ndarray


def anchor_rows(bags: Sequence[Sequence[str]], vocab: dict[str, int], idf: dict[str, float]) -> AnchorRows:
    """Pack bags of anchors into CSR arrays; repeated anchors in a bag count once."""
    indptr = [0]
    ids: list[int] = []
    weights: list[float] = []
    for bag in bags:
        for a in set(bag):
            ids.append(vocab.setdefault(a, len(vocab)))
            weights.append(idf.get(a, 1.0))
        indptr.append(len(ids))
    return AnchorRows(np.asarray(indptr, np.int64), np.asarray(ids, np.int64), np.asarray(weights, np.float32))


def inverse_frequency(src: Sequence[Sequence[str]], tgt: Sequence[Sequence[str]]) -> dict[str, float]:
    """Anchors seen on both sides, weighted by rarity; one-sided anchors never match, so weigh 0."""
    df_s = Counter(a for bag in src for a in set(bag))
    df_t = Counter(a for bag in tgt for a in set(bag))
    total = len(src) + len(tgt) + 1
    return {a: math.log(total / (df_s[a] + df_t[a])) if a in df_t else 0.0 for a in df_s} | {
        a: math.log(total / (df_s[a] + df_t[a])) if a in df_s else 0.0 for a in df_t
    }
