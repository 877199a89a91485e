"""The bilingual build: clean and segment both sides, align paragraphs then sentences, make ru→en units.

Alignment runs twice: the first pass uses anchors only (numbers, names, Latin words, punctuation,
paragraph numbers); its confident 1-1 pairs teach a small lexicon of the document itself, and the
second pass aligns again with that lexicon among the anchors.

Paragraphs are paired by the documents' structure where it is there: in order when both sides have
as many, else by the paragraph numbers and heading numbers found once on each side; each such pair
is kept when its length and anchors agree, and the DP pairs the paragraphs between the kept ones.
A paragraph number on one side only ("31. признает…" ↔ "Recognizes…") is no anchor and no length.
"""
from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from tm.align.anchors import (
    Lexicon,
    anchor_rows,
    base_anchors,
    inverse_frequency,
    learn_lexicon,
    sentence_anchors,
)
from tm.align.beads import AlignParams, Bead, Side, align, align_fenced, length_ratio
from tm.align.refine import (
    PairCost,
    Piece,
    Sides,
    cut_test,
    gaussian_length_cost,
    refine,
)
from tm.clean import Cleaned, clean_document
from tm.model import HEADING, NOTE, SENTENCE, Unit, unit_id
from tm.segment import segment_text

ALIGNER = "beads-anchors.1"
LOW_CONFIDENCE = 0.5
MERGE_SHAPES = frozenset({"1-2", "2-1", "2-2", "1-3", "3-1"})
DOUBTFUL_MERGE_FACTOR = 0.5
LEXICON_MIN_SCORE = 0.6
# The lexicon pass reads at most this many source sentences: its sample of pairs is large enough.
FIRST_PASS_SENTENCES = 8_000
# Translators drop or add a paragraph more often than they merge two: skips cost less, merges more.
PARAGRAPH_SKIP = 1.75
PARAGRAPH_MERGE_SCALE = 2.5
DEFAULT_PARAMS = AlignParams()
# Paragraph pairs up to this many sentences (both sides) are aligned together in one banded pass.
FENCED_SPAN_LIMIT = 120
LEADING_NUMBER = re.compile(r"^\s*(\d{1,4})\.\s")
# A paragraph pair the structure gives is kept when its bead cost (length mismatch minus weighted
# anchor cosine) is at most this: a 1-1 bead whose lengths are two standard deviations apart costs 2.
STRUCTURE_MAX_COST = 2.5
# Up to this many structural pairs in a row that fail the check, between two that pass, stay paired.
STRUCTURE_GAP = 2
# Equal paragraph counts pair in order when at most this share of the places numbered on both sides
# hold different numbers (the UN dev pair: 29 of 836, a Cyrillic В for a Latin B, a heading 1 for a
# paragraph 1; a pdftotext report whose masthead shifted every number: all of them).
NUMBERS_DISAGREEING_MAX = 0.1


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of one side: its number (if any), kind, and sentences."""

    number: str
    kind: str
    sentences: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Document:
    """One side of a bilingual pair: language, paragraphs, and a flat list of their sentences."""

    lang: str
    paragraphs: tuple[Paragraph, ...]

    @property
    def sentences(self) -> list[str]:
        return [s for p in self.paragraphs for s in p.sentences]

    def starts(self) -> list[int]:
        """Index of each paragraph's first sentence, plus the total at the end."""
        out = [0]
        for p in self.paragraphs:
            out.append(out[-1] + len(p.sentences))
        return out


def paragraph_number(number: str, text: str) -> str:
    match = LEADING_NUMBER.match(text)
    return number or (match.group(1) if match else "")


def make_document(cleaned: Cleaned, lang: str) -> Document:
    """Segment every block; a heading is one sentence."""
    paragraphs = []
    for block in cleaned.blocks:
        sentences = [block.text] if block.kind == HEADING else segment_text(block.text, lang)
        if sentences:
            paragraphs.append(Paragraph(paragraph_number(block.number, block.text), block.kind, tuple(sentences)))
    return Document(lang, tuple(paragraphs))


def numberless(doc: Document) -> list[str]:
    """The sentences as the aligner weighs them: a paragraph number left at the start of a paragraph's
    first sentence ("31. признает…") is dropped, so that it is neither an anchor nor length."""
    out = []
    for p in doc.paragraphs:
        match = LEADING_NUMBER.match(p.sentences[0]) if p.sentences else None
        first = [p.sentences[0][match.end():]] if match else list(p.sentences[:1])
        out += first + list(p.sentences[1:])
    return out


def text_document(text: str, lang: str) -> Document:
    """A document from plain text: paragraphs separated by blank lines."""
    return make_document(clean_document(text, lang), lang)


def make_side(bags: Sequence[Sequence[str]], lengths: Sequence[float],
              vocab: dict[str, int], idf: dict[str, float]) -> Side:
    return Side(np.asarray(lengths, np.float64), anchor_rows(bags, vocab, idf))


def paragraph_bags(doc: Document, bags: list[list[str]]) -> list[list[str]]:
    """A paragraph's anchors: its sentences' anchors pooled, and its kind. Its number is no anchor: a
    number on one side only ("31. признает…" ↔ "Recognizes…") would count against the pair, and
    numbers on both sides pair their paragraphs directly (structure_corners)."""
    starts = doc.starts()
    return [[a for bag in bags[starts[k]:starts[k + 1]] for a in bag] + [f"kind:{p.kind}"]
            for k, p in enumerate(doc.paragraphs)]


def paragraph_keys(doc: Document) -> list[str]:
    """What names a paragraph in the document's structure: its number, or a heading's number."""
    return [f"{'h' if p.kind == HEADING else 'p'}:{p.number}" if p.number else "" for p in doc.paragraphs]


def structure_corners(src: Document, tgt: Document) -> list[tuple[int, int]]:
    """Paragraph pairs the structure gives: all of them, in order, when both sides have as many and
    no two numbered paragraphs in the same place disagree; otherwise the paragraphs (or headings)
    whose number occurs once on each side, kept where the numbers run in the same order on both sides."""
    s_keys, t_keys = paragraph_keys(src), paragraph_keys(tgt)
    if len(s_keys) == len(t_keys) and numbers_agree(s_keys, t_keys):
        return [(k, k) for k in range(len(s_keys))]
    s_count, t_count = Counter(s_keys), Counter(t_keys)
    t_where = {key: j for j, key in enumerate(t_keys) if key and s_count[key] == 1 and t_count[key] == 1}
    candidates = [(i, t_where[key]) for i, key in enumerate(s_keys) if key in t_where]
    return increasing_run(candidates)


def numbers_agree(s_keys: list[str], t_keys: list[str]) -> bool:
    """Equally many paragraphs pair in order only if the numbers in the same places mostly agree: a
    masthead line on one side and a stray fragment on the other can make the counts equal by chance,
    every number then one place off; the language versions of one UN document differ in a few."""
    both = [(a, b) for a, b in zip(s_keys, t_keys, strict=True) if a and b]
    differ = sum(1 for a, b in both if a != b)
    return differ <= NUMBERS_DISAGREEING_MAX * len(both)


def increasing_run(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of (i, j) pairs, i increasing, whose j increase too."""
    tails: list[int] = []  # tails[k]: index in pairs of the smallest j ending a run of length k + 1
    before = [-1] * len(pairs)
    for idx, (_, j) in enumerate(pairs):
        k = bisect.bisect_left([pairs[t][1] for t in tails], j)
        before[idx] = tails[k - 1] if k else -1
        if k == len(tails):
            tails.append(idx)
        else:
            tails[k] = idx
    out, idx = [], tails[-1] if tails else -1
    while idx >= 0:
        out.append(pairs[idx])
        idx = before[idx]
    return out[::-1]


def verified(corners: list[tuple[int, int]], sides: tuple[list[list[str]], list[list[str]]],
             lengths: tuple[list[int], list[int]], idf: dict[str, float], params: AlignParams) -> list[tuple[int, int]]:
    """The structural pairs whose length and anchors agree as well as a plausible bead's do."""
    length = gaussian_length_cost(params.ratio or 1.0, params.length_variance)
    out = []
    for i, j in corners:
        sim = cosine(sides[0][i], sides[1][j], idf)
        cost = params.length_weight * length(lengths[0][i], lengths[1][j]) - params.lexical_weight * sim
        if cost <= STRUCTURE_MAX_COST:
            out.append((i, j))
    return out


def paragraph_beads(src: Document, tgt: Document, s_bags: list[list[str]], t_bags: list[list[str]],
                    params: AlignParams) -> list[Bead]:
    """Paragraph pairs: the structure's pairs where they check out, the DP between them; one bead of
    everything when either side is a single paragraph."""
    if len(src.paragraphs) <= 1 or len(tgt.paragraphs) <= 1:
        return [Bead(tuple(range(len(src.paragraphs))), tuple(range(len(tgt.paragraphs))), 1.0, "all")]
    s_par, t_par = paragraph_bags(src, s_bags), paragraph_bags(tgt, t_bags)
    idf = inverse_frequency(s_par, t_par)
    vocab: dict[str, int] = {}
    s_len = [sum(len(x) for x in p.sentences) for p in src.paragraphs]
    t_len = [sum(len(x) for x in p.sentences) for p in tgt.paragraphs]
    paragraph_params = replace(params, skip=PARAGRAPH_SKIP, merge_scale=PARAGRAPH_MERGE_SCALE)
    s_side, t_side = make_side(s_par, s_len, vocab, idf), make_side(t_par, t_len, vocab, idf)
    structure = structure_corners(src, tgt)
    corners = verified(structure, (s_par, t_par), (s_len, t_len), idf, params)
    given = set(structure)
    beads: list[Bead] = []
    last = (-1, -1)
    for i, j in [*corners, (len(src.paragraphs), len(tgt.paragraphs))]:
        s0, t0 = last[0] + 1, last[1] + 1
        if 0 < i - s0 == j - t0 <= STRUCTURE_GAP and all((s0 + k, t0 + k) in given for k in range(i - s0)):
            # a short run the structure pairs, between two pairs that check out: in order, as given
            beads += [Bead((s0 + k,), (t0 + k,), 1.0, "1-1") for k in range(i - s0)]
        elif i > s0 or j > t0:
            inner = align(s_side.slice(s0, i), t_side.slice(t0, j), paragraph_params)
            beads += [shift(b, s0, t0) for b in inner]
        if i < len(src.paragraphs):
            beads.append(Bead((i,), (j,), 1.0, "1-1"))
        last = (i, j)
    return beads


def span(starts: list[int], items: tuple[int, ...]) -> tuple[int, int]:
    return (starts[items[0]], starts[items[-1] + 1]) if items else (0, 0)


def shift(bead: Bead, ds: int, dt: int) -> Bead:
    return Bead(tuple(i + ds for i in bead.src), tuple(j + dt for j in bead.tgt), bead.score, bead.shape)


@dataclass(frozen=True, slots=True)
class PassResult:
    """Sentence beads of one pass, and what scoring a pair of texts needs afterwards."""

    beads: list[Bead]
    lexicon: Lexicon | None
    idf: dict[str, float]
    ratio: float


def align_pass(src: Document, tgt: Document, bases: tuple[list[list[str]], list[list[str]]],
               lexicon: Lexicon | None, params: AlignParams) -> PassResult:
    """Paragraphs first, then the sentences inside each paragraph pair; beads index sentences."""
    s_text, t_text = numberless(src), numberless(tgt)
    s_bags = [sentence_anchors(s, src.lang, lexicon, b) for s, b in zip(s_text, bases[0], strict=True)]
    t_bags = [sentence_anchors(t, tgt.lang, lexicon, b) for t, b in zip(t_text, bases[1], strict=True)]
    vocab: dict[str, int] = {}
    idf = inverse_frequency(s_bags, t_bags)
    s_side = make_side(s_bags, [len(s) for s in s_text], vocab, idf)
    t_side = make_side(t_bags, [len(t) for t in t_text], vocab, idf)
    s_starts, t_starts = src.starts(), tgt.starts()
    ratio = length_ratio(s_side, t_side, params)
    params = replace(params, ratio=ratio)
    paragraphs = paragraph_beads(src, tgt, s_bags, t_bags, params)
    pairs = [(span(s_starts, pb.src), span(t_starts, pb.tgt)) for pb in paragraphs]
    if len(pairs) > 1 and max(s1 - s0 + t1 - t0 for (s0, s1), (t0, t1) in pairs) <= FENCED_SPAN_LIMIT:
        sides = ((s_bags, s_side.lengths), (t_bags, t_side.lengths))
        return PassResult(fenced_beads(pairs, sides, vocab, idf, params), lexicon, idf, ratio)
    beads: list[Bead] = []
    for (s0, s1), (t0, t1) in pairs:
        inner = align(s_side.slice(s0, s1), t_side.slice(t0, t1), params)
        beads.extend(shift(b, s0, t0) for b in inner)
    return PassResult(beads, lexicon, idf, ratio)


@dataclass(frozen=True, slots=True)
class FencedSide:
    """A side's sentences with a fence item between paragraph pairs; index maps items to sentences (-1: fence)."""

    side: Side
    fences: np.ndarray
    index: list[int]


def fenced_side(bags: list[list[str]], lengths: np.ndarray, spans: list[tuple[int, int]],
                vocab: dict[str, int], idf: dict[str, float]) -> FencedSide:
    item_bags, item_len, index = [], [], []
    for k, (a, b) in enumerate(spans):
        if k:
            item_bags.append([f"fence:{k}"])
            item_len.append(0.0)
            index.append(-1)
        item_bags += bags[a:b]
        item_len += [float(x) for x in lengths[a:b]]
        index += range(a, b)
    fences = np.array([1.0 if x < 0 else 0.0 for x in index])
    return FencedSide(make_side(item_bags, item_len, vocab, idf), fences, index)


def fenced_beads(pairs: list[tuple[tuple[int, int], tuple[int, int]]],
                 sides: tuple[tuple[list[list[str]], np.ndarray], tuple[list[list[str]], np.ndarray]],
                 vocab: dict[str, int], idf: dict[str, float], params: AlignParams) -> list[Bead]:
    """Sentences of every paragraph pair in one banded pass; fences keep beads inside their pair."""
    src = fenced_side(*sides[0], [p[0] for p in pairs], vocab, idf)
    tgt = fenced_side(*sides[1], [p[1] for p in pairs], vocab, idf)
    # one fence between each two paragraph pairs on either side, so the fence lists are equally long
    s_fences = [i for i, x in enumerate(src.index) if x < 0]
    t_fences = [j for j, x in enumerate(tgt.index) if x < 0]
    corners = list(zip(s_fences, t_fences, strict=True))
    beads = align_fenced(src.side, tgt.side, (src.fences, tgt.fences), corners, params)
    return [Bead(tuple(src.index[i] for i in b.src), tuple(tgt.index[j] for j in b.tgt), b.score, b.shape)
            for b in beads if not any(src.index[i] < 0 for i in b.src)]


def confident_pairs(beads: list[Bead], s_text: list[str], t_text: list[str]) -> list[tuple[str, str]]:
    return [(s_text[b.src[0]], t_text[b.tgt[0]]) for b in beads
            if b.shape == "1-1" and b.score >= LEXICON_MIN_SCORE]


def align_sentences(src: Document, tgt: Document, params: AlignParams = DEFAULT_PARAMS) -> PassResult:
    """Align two documents sentence by sentence, learning a lexicon from a first pass."""
    bases = ([base_anchors(s, src.lang) for s in numberless(src)], [base_anchors(t, tgt.lang) for t in numberless(tgt)])
    s_first, t_first = first_pass_sizes(len(bases[0]), len(bases[1]))
    s_part, t_part = prefix_document(src, s_first), prefix_document(tgt, t_first)
    first = align_pass(s_part, t_part, (bases[0][:s_first], bases[1][:t_first]), None, params)
    lexicon = learn_lexicon(confident_pairs(first.beads, s_part.sentences, t_part.sentences))
    return align_pass(src, tgt, bases, lexicon, params)


def first_pass_sizes(n: int, m: int) -> tuple[int, int]:
    """How many sentences of each side the lexicon pass reads: all, or a proportional beginning."""
    if n <= FIRST_PASS_SENTENCES:
        return n, m
    return FIRST_PASS_SENTENCES, min(m, round(FIRST_PASS_SENTENCES * m / n * 1.05) + 20)


def prefix_document(doc: Document, size: int) -> Document:
    """The first `size` sentences of a document, paragraphs kept (the last one cut short)."""
    paragraphs, left = [], size
    for p in doc.paragraphs:
        if left <= 0:
            break
        paragraphs.append(Paragraph(p.number, p.kind, p.sentences[:left]))
        left -= len(p.sentences)
    return Document(doc.lang, tuple(paragraphs))


def cosine(a: list[str], b: list[str], idf: dict[str, float]) -> float:
    sa, sb = set(a), set(b)
    na = sum(idf.get(x, 0.0) ** 2 for x in sa)
    nb = sum(idf.get(x, 0.0) ** 2 for x in sb)
    dot = sum(idf.get(x, 0.0) ** 2 for x in sa & sb)
    return dot / math.sqrt(na * nb) if na > 0 and nb > 0 else 0.0


def pair_cost(result: PassResult, src_lang: str, tgt_lang: str, params: AlignParams) -> PairCost:
    """The bead cost of the DP, for two texts: length mismatch minus weighted anchor cosine."""
    length = gaussian_length_cost(result.ratio, params.length_variance)

    def cost(source: str, target: str) -> float:
        s_bag = sentence_anchors(source, src_lang, result.lexicon)
        t_bag = sentence_anchors(target, tgt_lang, result.lexicon)
        sim = cosine(s_bag, t_bag, result.idf)
        return params.length_weight * length(len(source), len(target)) - params.lexical_weight * sim
    return cost


@dataclass(frozen=True, slots=True)
class Aligned:
    """A piece of the alignment and the index of its first source sentence (-1 if none)."""

    piece: Piece
    first: int


def align_documents(src: Document, tgt: Document, params: AlignParams = DEFAULT_PARAMS) -> list[Aligned]:
    """Sentence beads, cut further where both sides agree on a soft boundary."""
    result = align_sentences(src, tgt, params)
    cost = pair_cost(result, src.lang, tgt.lang, params)
    s_text, t_text = src.sentences, tgt.sentences
    s_first, t_first = set(src.starts()), set(tgt.starts())
    tests = (cut_test(s_text, src.lang), cut_test(t_text, tgt.lang))
    out = []
    for b in result.beads:
        sides = Sides([s_text[i] for i in b.src], [t_text[j] for j in b.tgt],
                      [i in s_first for i in b.src], [j in t_first for j in b.tgt])
        pieces = refine(sides, b.score, b.shape, cost, tests, (src.lang, tgt.lang))
        out += [Aligned(doubtful_merge(p), b.src[0] if b.src else -1) for p in pieces]
    return out


def doubtful_merge(piece: Piece) -> Piece:
    """A merge bead (1-2, 2-1, 2-2, 1-3, 3-1) pairs more sentences than the segmenters found partners
    for; on the dev sets 46 of 252 merge units are wrong against 33 of 9738 1-1 units (`bench/align_eval.py`):
    it is half as sure, so that it is flagged unless its lengths and anchors agree perfectly."""
    if piece.shape not in MERGE_SHAPES:
        return piece
    return replace(piece, score=round(piece.score * DOUBTFUL_MERGE_FACTOR, 4))


def is_flagged(piece: Piece) -> bool:
    return piece.score < LOW_CONFIDENCE or not piece.source or not piece.target


def sentence_origin(doc: Document) -> list[tuple[int, Paragraph]]:
    return [(k, p) for k, p in enumerate(doc.paragraphs) for _ in p.sentences]


def bilingual_units(name: str, src: Document, aligned: list[Aligned], tgt_lang: str) -> list[Unit]:
    """One unit per aligned piece that has source text; target sentences without a source are left out."""
    origin = sentence_origin(src)
    units: list[Unit] = []
    for item in aligned:
        piece = item.piece
        if not piece.source:
            continue
        block, para = origin[item.first]
        pos = len(units)
        units.append(Unit(
            id=unit_id(name, pos), doc=name, source=piece.source, target=piece.target, src_lang=src.lang,
            tgt_lang=tgt_lang, para=para.number, kind=para.kind if para.kind in (HEADING, NOTE) else SENTENCE,
            position=pos, block=block, score=piece.score, flagged=is_flagged(piece),
            props=(("x-bead", piece.shape),),
        ))
    return units


def alignment_summary(aligned: list[Aligned]) -> dict[str, int]:
    pieces = [a.piece for a in aligned]
    return {
        "aligned": sum(1 for p in pieces if p.source and p.target),
        "low_confidence": sum(1 for p in pieces if p.source and is_flagged(p)),
        "unmatched_source": sum(1 for p in pieces if not p.target),
        "unmatched_target": sum(1 for p in pieces if not p.source),
    }
