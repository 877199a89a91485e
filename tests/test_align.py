"""The aligner: bead-shape cases as data, a FLORES golden case, edge cases and path invariants."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tm.align.beads import (
    BEADS,
    SHAPES,
    AlignParams,
    Band,
    Bead,
    Side,
    align,
    bead_norms,
    bead_terms,
    corridor,
    make_grid,
    neighbour_dots,
    span_norm,
)
from tm.align.anchors import AnchorRows, anchor_rows
from tm.align.documents import (
    Document,
    Paragraph,
    align_documents,
    align_sentences,
    doubtful_merge,
    is_flagged,
    text_document,
)
from tm.align.refine import Piece

DATA = Path(__file__).parent / "data" / "align"
CASES = sorted(p.stem for p in DATA.glob("*.gold"))


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def one_paragraph(lang: str, sentences: list[str]) -> Document:
    return Document(lang, (Paragraph("", "paragraph", tuple(sentences)),) if sentences else ())


def read_gold(path: Path) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    out = []
    for line in read_lines(path):
        src, tgt = line.split(":")
        out.append((tuple(json.loads(src)), tuple(json.loads(tgt))))
    return out


@pytest.mark.parametrize("case", CASES)
def test_bead_case(case: str) -> None:
    src = one_paragraph("ru", read_lines(DATA / f"{case}.ru"))
    tgt = one_paragraph("en", read_lines(DATA / f"{case}.en"))
    beads = align_sentences(src, tgt).beads
    assert [(b.src, b.tgt) for b in beads] == read_gold(DATA / f"{case}.gold")


def test_cases_cover_the_bead_shapes() -> None:
    shapes = {f"{len(s)}-{len(t)}" for case in CASES for s, t in read_gold(DATA / f"{case}.gold")}
    assert {"1-1", "1-2", "2-1", "2-2", "1-0", "0-1"} <= shapes <= set(SHAPES)


# ---- FLORES golden case: documents as paragraphs (heading line, then 4 lines a paragraph) ----

def flores() -> tuple[list[str], list[str], list[list[int]]]:
    ru, en = read_lines(DATA / "flores" / "flores.ru"), read_lines(DATA / "flores" / "flores.en")
    paragraphs = []
    for row in read_lines(DATA / "flores" / "flores.docs"):
        _, first, count = row.split("\t")[:3]
        lines = list(range(int(first) - 1, int(first) - 1 + int(count)))
        paragraphs += [lines[:1]] + [lines[k:k + 4] for k in range(1, len(lines), 4)]
    return ru, en, paragraphs


def render(lines: list[str], paragraphs: list[list[int]]) -> str:
    return "\n\n".join(" ".join(lines[i] for i in p) for p in paragraphs)


def key(text: str) -> str:
    return "".join(c for c in text if c.isalnum()).casefold()


def gold_lines(lines: list[str], kept: list[int], texts: list[str]) -> list[set[int]]:
    """The gold lines each text overlaps, found in order in the letters-and-digits stream of `kept`."""
    bounds, stream = [], ""
    for i in kept:
        bounds.append((len(stream), len(stream) + len(key(lines[i])), i))
        stream += key(lines[i])
    out, cursor = [], 0
    for text in texts:
        at = stream.find(key(text), cursor) if key(text) else -1
        end = at + len(key(text))
        out.append({i for a, b, i in bounds if a < end and b > at} if at >= 0 else set())
        cursor = end if at >= 0 else cursor
    return out


def link_f1(ru: list[str], en: list[str], src_lines: list[int], tgt_lines: list[int], src: str, tgt: str) -> float:
    aligned = align_documents(text_document(src, "ru"), text_document(tgt, "en"))
    s_cover = gold_lines(ru, src_lines, [a.piece.source for a in aligned])
    t_cover = gold_lines(en, tgt_lines, [a.piece.target for a in aligned])
    pred = {(a, b) for s, t in zip(s_cover, t_cover) for a in s for b in t}
    gold = {(i, i) for i in set(src_lines) & set(tgt_lines)}
    tp = len(pred & gold)
    precision, recall = tp / max(1, len(pred)), tp / max(1, len(gold))
    return 2 * precision * recall / max(1e-9, precision + recall)


def test_flores_golden_f1() -> None:
    ru, en, paragraphs = flores()
    lines = [i for p in paragraphs for i in p]
    assert link_f1(ru, en, lines, lines, render(ru, paragraphs), render(en, paragraphs)) >= 0.99


@pytest.mark.parametrize("side", ["missing", "extra"])
def test_a_missing_or_extra_paragraph_leaves_the_rest_aligned(side: str) -> None:
    ru, en, paragraphs = flores()
    gone = paragraphs[7]
    short = [p for p in paragraphs if p is not gone]
    full, part = [i for p in paragraphs for i in p], [i for p in short for i in p]
    if side == "missing":  # the English lacks paragraph 7
        score = link_f1(ru, en, full, part, render(ru, paragraphs), render(en, short))
    else:  # the Russian lacks it, so the English has an extra one
        score = link_f1(ru, en, part, full, render(ru, short), render(en, paragraphs))
    assert score >= 0.98


# ---- edge cases ----

def test_empty_side_gives_only_unmatched_beads() -> None:
    src = one_paragraph("ru", ["Первое предложение.", "Второе предложение."])
    beads = align_sentences(src, one_paragraph("en", [])).beads
    assert [(b.src, b.tgt) for b in beads] == [((0,), ()), ((1,), ())]
    assert all(b.score == 0.0 for b in beads)


def test_one_sentence_each() -> None:
    beads = align_sentences(one_paragraph("ru", ["Доклад принят."]), one_paragraph("en", ["The report was adopted."])).beads
    assert [(b.src, b.tgt, b.shape) for b in beads] == [((0,), (0,), "1-1")]


def test_very_unequal_lengths_stay_in_one_bead() -> None:
    long_en = [("The Commission took note of the report of the Secretary-General on international migration "
                "and development, including the recommendations contained in paragraphs 45 to 52 thereof.")]
    beads = align_sentences(one_paragraph("ru", ["Принято."]), one_paragraph("en", long_en)).beads
    assert [(b.src, b.tgt) for b in beads] == [((0,), (0,))]
    assert beads[0].score < 0.5  # the length mismatch makes it low-confidence


# ---- the DP itself: invariants, and the band agreeing with the full grid ----

def plain_side(lengths: list[float]) -> Side:
    n = len(lengths)
    return Side(np.asarray(lengths, np.float64),
                AnchorRows(np.zeros(n + 1, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32)))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(1, 300), max_size=40), st.lists(st.integers(1, 300), max_size=40))
def test_beads_are_monotone_and_cover_every_item_once(src: list[int], tgt: list[int]) -> None:
    beads = align(plain_side([float(x) for x in src]), plain_side([float(x) for x in tgt]))
    assert [i for b in beads for i in b.src] == list(range(len(src)))
    assert [j for b in beads for j in b.tgt] == list(range(len(tgt)))
    assert {b.shape for b in beads} <= {s.name for s in BEADS}
    assert all(0.0 <= b.score <= 1.0 for b in beads)


def test_banded_search_finds_the_diagonal() -> None:
    rng = np.random.default_rng(7)
    lengths = rng.integers(20, 300, size=600).astype(float)
    params = AlignParams(full_cells=10_000, coarse_items=30)  # forces the coarse-to-fine band
    beads = align(plain_side(list(lengths)), plain_side(list(lengths * 1.2)), params)
    assert [(b.src, b.tgt) for b in beads] == [((i,), (i,)) for i in range(600)]


def anchored_side(lengths: list[float], anchored: int) -> Side:
    """Items whose first `anchored` each carry their own anchor (id = index), the rest none."""
    n, k = len(lengths), min(len(lengths), anchored)
    indptr = np.concatenate([np.arange(k + 1), np.full(n - k, k)]).astype(np.int64)
    return Side(np.asarray(lengths), AnchorRows(indptr, np.arange(k, dtype=np.int64), np.ones(k, np.float32)))


@pytest.mark.parametrize("tail", [100, 400])
@pytest.mark.parametrize("skip", [0.5, 1.0])
def test_coarse_path_with_a_long_skip_run_is_followed(tail: int, skip: float) -> None:
    """The coarse path skips whole target blocks in one row (as the lexicon pass's target prefix does at
    its end): every row of the band must hold that run, or backtrack finds the path broken at (n, m)."""
    src = anchored_side([100.0] * 300, 300)
    tgt = anchored_side([100.0] * (300 + tail), 300)
    params = AlignParams(full_cells=10_000, coarse_items=30, ratio=1.0, skip=skip)
    beads = align(src, tgt, params)
    assert [j for b in beads for j in b.tgt] == list(range(300 + tail))
    assert [(b.src, b.tgt) for b in beads if b.src] == [((i,), (i,)) for i in range(300)]


def test_corridor_is_a_few_blocks_wide_and_holds_the_coarse_path() -> None:
    """Blocks of 8 items: the band is about four blocks wide however long the input, so memory is linear."""
    beads = [Bead((k,), (k,), 1.0, "1-1") for k in range(1000)]
    band = corridor(beads, 8, 8, 8000, 8000, 40)
    assert band.width <= 80
    rows = np.arange(8001)
    assert np.all((band.lo <= rows) & (rows < band.lo + band.width))


# ---- a bead's anchors are one summed vector: its norm counts what its sentences share ----

@settings(max_examples=50, deadline=None)
@given(st.lists(st.lists(st.sampled_from("abcdef"), max_size=4), min_size=3, max_size=8), st.integers(0, 5))
def test_span_norm_is_the_norm_of_the_summed_vectors(bags: list[list[str]], start: int) -> None:
    vocab: dict[str, int] = {}
    idf = {a: 1.0 + ord(a) % 3 for a in "abcdef"}
    rows = anchor_rows(bags, vocab, idf)
    dense = np.zeros((len(bags), 6))
    for k, bag in enumerate(bags):
        for a in set(bag):
            dense[k, vocab[a]] = idf[a]
    norms = bead_norms(rows, len(bags))
    for size in (1, 2, 3):
        stop = min(len(bags), start + size)
        first = stop - size
        if first < 0:
            continue
        got = span_norm(norms, np.array([first]), np.array([stop]), size)[0]
        assert got == pytest.approx(float(np.sum(dense[first:stop].sum(axis=0) ** 2)))
    for gap in (1, 2):  # a chunk of rows at a time gives the same dots as all rows at once
        assert np.allclose(neighbour_dots(rows, len(bags), gap, chunk=2), neighbour_dots(rows, len(bags), gap))


def test_shared_anchors_do_not_make_a_merge_look_better() -> None:
    """Sentences x+a, x+b against x+c, x+d: each 1-1 pair has cosine 1/2, and so should the 2-2 bead
    have 4/6 (the summed vectors 2x+a+b and 2x+c+d), not 1 as when the shared x was counted apart."""
    vocab: dict[str, int] = {}
    idf = {a: 1.0 for a in "xabcd"}
    src = Side(np.array([10.0, 10.0]), anchor_rows([["x", "a"], ["x", "b"]], vocab, idf))
    tgt = Side(np.array([10.0, 10.0]), anchor_rows([["x", "c"], ["x", "d"]], vocab, idf))
    params = AlignParams(ratio=1.0)
    grid = make_grid(src, tgt, full_band_of(2, 2), params)
    _, one = bead_terms(grid, SHAPES["1-1"], np.array([1]), np.array([1]), params)
    _, two = bead_terms(grid, SHAPES["2-2"], np.array([2]), np.array([2]), params)
    assert (one[0], two[0]) == (pytest.approx(0.5), pytest.approx(4 / 6))


def full_band_of(n: int, m: int) -> Band:
    return Band(np.zeros(n + 1, np.int64), m + 1)


# ---- confidence: a merge bead is half as sure (most wrong units on the dev sets are merges) ----

FLAG_CASES = [
    ("1-1", 0.9, False),
    ("1-1", 0.4, True),
    ("2-1", 0.9, True),
    ("1-2", 0.99, True),
    ("2-2", 1.0, False),  # lengths and anchors agree perfectly
    ("split", 0.9, False),  # a piece refine cut from a bead
]


@pytest.mark.parametrize(("shape", "score", "flagged"), FLAG_CASES)
def test_merge_beads_are_flagged_unless_perfect(shape: str, score: float, flagged: bool) -> None:
    piece = doubtful_merge(Piece("Исходный текст.", "Source text.", score, shape))
    assert is_flagged(piece) is flagged
