"""Sentence and paragraph alignment: bead-shape table, bead cost, banded fill, backtrack.

The dynamic programme walks a grid of (source items consumed, target items consumed); each step
is a bead shape from BEADS. A bead costs its length mismatch (Gale–Church style, characters)
minus the weighted cosine of its lexical anchors, plus the shape's penalty. Only a band of each
row is filled: the whole grid for small inputs, otherwise a corridor around the path found by
aligning blocks of items first (coarse to fine), so time and memory grow linearly.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from tm.align.anchors import AnchorRows


@dataclass(frozen=True, slots=True)
class BeadShape:
    """A step of the alignment: `src` source items matched with `tgt` target items."""

    name: str
    src: int
    tgt: int
    penalty: float


SKIP = 3.0
BEADS: tuple[BeadShape, ...] = (
    BeadShape("1-1", 1, 1, 0.0),
    BeadShape("1-2", 1, 2, 0.6),
    BeadShape("2-1", 2, 1, 0.6),
    BeadShape("2-2", 2, 2, 1.0),
    BeadShape("1-3", 1, 3, 1.6),
    BeadShape("3-1", 3, 1, 1.6),
    BeadShape("1-0", 1, 0, SKIP),
    BeadShape("0-1", 0, 1, SKIP),  # filled along the row, after the others
)
# Two skips cost more than the worst 1-1 bead: one sentence each side is paired, and flagged.
LENGTH_COST_CAP = 5.0
SHAPES = {shape.name: shape for shape in BEADS}
# The 0-1 bead stays in the same row, so it is filled along the row after every bead from a row above.
ALONG_ROW = SHAPES["0-1"]
FROM_ROW_ABOVE = tuple(shape for shape in BEADS if shape is not ALONG_ROW)
BEAD_INDEX = {shape.name: index for index, shape in enumerate(BEADS)}  # what the backtrack table stores
MAX_SPAN = max(max(s.src, s.tgt) for s in BEADS)


@dataclass(frozen=True, slots=True)
class AlignParams:
    """Weights of the bead cost and the size of the search."""

    length_weight: float = 1.0
    lexical_weight: float = 3.0
    length_variance: float = 6.8  # Gale & Church's s² for character counts
    full_cells: int = 4_000_000  # grids up to this size are filled whole
    coarse_items: int = 800  # a coarse pass aligns at most this many blocks per side,
    coarse_block: int = 8  # of at most this many items: a larger input gets coarser passes in turn
    band_extra: int = 40
    chunk: int = 128
    rows_per_block: int = 1024  # bead costs are computed for at most this many grid rows at a time,
    block_cells: int = 131_072  # and for at most this many cells (so a wide band takes fewer rows)
    skip: float = SKIP  # the cost of a 1-0 or 0-1 bead
    merge_scale: float = 1.0  # multiplies the penalties of 1-2, 2-1, 2-2, 1-3, 3-1
    ratio: float = 0.0  # target/source characters; 0 = estimate from the two sides
    prior_ratio: float = 1.0  # English is about as long as Russian in characters
    prior_weight: float = 2000.0  # characters of belief in the prior


@dataclass(frozen=True, slots=True)
class Bead:
    """Source items `src` aligned with target items `tgt` (either may be empty), with a 0..1 score."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float
    shape: str


@dataclass(frozen=True, slots=True)
class Side:
    """One side of an alignment problem: item lengths in characters and their anchor vectors."""

    lengths: np.ndarray
    rows: AnchorRows

    def __len__(self) -> int:
        return len(self.lengths)

    def slice(self, start: int, stop: int) -> Side:
        """Items start..stop-1 as a side of their own."""
        ptr = self.rows.indptr[start:stop + 1]
        a, b = (int(ptr[0]), int(ptr[-1])) if len(ptr) else (0, 0)
        rows = AnchorRows(ptr - a, self.rows.ids[a:b], self.rows.weights[a:b])
        return Side(self.lengths[start:stop], rows)


Fences = tuple[np.ndarray, np.ndarray]  # 1.0 where an item is a fence, per side


@dataclass(frozen=True, slots=True)
class Band:
    """Row i of the grid holds target positions lo[i] .. lo[i]+width-1."""

    lo: np.ndarray
    width: int


@dataclass(frozen=True, slots=True)
class Grid:
    """Precomputed sums the bead cost needs: length prefix sums, anchor norms, banded similarities."""

    src_len: np.ndarray
    tgt_len: np.ndarray
    src_norm: tuple[np.ndarray, np.ndarray, np.ndarray]  # bead_norms of each side
    tgt_norm: tuple[np.ndarray, np.ndarray, np.ndarray]
    sim: np.ndarray  # sim[p, q - sim_lo[p]] = anchor dot product of source p and target q
    sim_lo: np.ndarray
    ratio: float
    src_fences: np.ndarray | None = None  # prefix counts of fence items (paragraph separators)
    tgt_fences: np.ndarray | None = None


def prefix(values: np.ndarray) -> np.ndarray:
    return np.concatenate(([0.0], np.cumsum(values, dtype=np.float64)))


def squared_norms(rows: AnchorRows, n: int) -> np.ndarray:
    owner = np.repeat(np.arange(n), np.diff(rows.indptr))
    return np.bincount(owner, weights=rows.weights.astype(np.float64) ** 2, minlength=n)


def neighbour_dots(rows: AnchorRows, n: int, gap: int, chunk: int = 8192) -> np.ndarray:
    """Anchor dot product of item p with item p + gap, for every p (0 past the end), a chunk of rows at a time."""
    out = np.zeros(n)
    span = int(rows.ids.max()) + 1 if len(rows.ids) else 1
    for c0 in range(0, n, chunk):
        c1 = min(n, c0 + chunk + gap)
        a, b = int(rows.indptr[c0]), int(rows.indptr[c1])
        owner = np.repeat(np.arange(c1 - c0, dtype=np.int64), np.diff(rows.indptr[c0:c1 + 1]))
        keys, where = np.unique(owner * span + rows.ids[a:b], return_inverse=True)  # a coarse block repeats ids
        weights = np.bincount(where, weights=rows.weights[a:b].astype(np.float64))
        _, mine, theirs = np.intersect1d(keys, keys - gap * span, assume_unique=True, return_indices=True)
        # keys[theirs] - gap * span == keys[mine]: item keys[mine] // span meets item + gap on one anchor
        owners = keys[mine] // span
        inside = owners < min(chunk, n - c0)  # the rows past the chunk are the next chunk's
        np.add.at(out, c0 + owners[inside], weights[mine][inside] * weights[theirs][inside])
    return out


def bead_norms(rows: AnchorRows, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Prefix sums of squared norms and of neighbour dots, so that a bead's items are one summed vector."""
    return prefix(squared_norms(rows, n)), prefix(neighbour_dots(rows, n, 1)), prefix(neighbour_dots(rows, n, 2))


def dense_block(rows: AnchorRows, start: int, stop: int, local: np.ndarray) -> np.ndarray:
    """Rows start..stop-1 as a dense matrix over the local anchor ids `local` (sorted)."""
    a, b = rows.indptr[start], rows.indptr[stop]
    owner = np.repeat(np.arange(stop - start), np.diff(rows.indptr[start:stop + 1]))
    out = np.zeros((stop - start, len(local)), np.float32)
    ids = rows.ids[a:b]
    pos = np.minimum(np.searchsorted(local, ids), len(local) - 1)
    known = local[pos] == ids
    out[owner[known], pos[known]] = rows.weights[a:b][known]
    return out


def band_similarity(src: Side, tgt: Side, lo: np.ndarray, width: int, chunk: int) -> np.ndarray:
    """Anchor dot products of each source item with the target items of its band."""
    n, m = len(src), len(tgt)
    sim = np.zeros((n, width), np.float32)
    for i0 in range(0, n, chunk):
        i1 = min(n, i0 + chunk)
        c0, c1 = int(lo[i0]), min(m, int(lo[i1 - 1]) + width)
        if c1 <= c0:
            continue
        s_ids = src.rows.ids[src.rows.indptr[i0]:src.rows.indptr[i1]]
        t_ids = tgt.rows.ids[tgt.rows.indptr[c0]:tgt.rows.indptr[c1]]
        local = np.intersect1d(s_ids, t_ids)
        if not len(local):
            continue
        full = dense_block(src.rows, i0, i1, local) @ dense_block(tgt.rows, c0, c1, local).T
        cols = lo[i0:i1, None] + np.arange(width) - c0
        inside = cols < c1 - c0
        sim[i0:i1] = np.where(inside, full[np.arange(i1 - i0)[:, None], np.minimum(cols, c1 - c0 - 1)], 0.0)
    return sim


def length_ratio(src: Side, tgt: Side, params: AlignParams) -> float:
    """Target/source characters, pulled towards the prior when the sides are short."""
    weight = params.prior_weight
    return (float(tgt.lengths.sum()) + weight * params.prior_ratio) / (float(src.lengths.sum()) + weight)


def make_grid(src: Side, tgt: Side, band: Band, params: AlignParams, fences: Fences | None = None) -> Grid:
    """Everything bead_cost reads, computed once per alignment."""
    n, m = len(src), len(tgt)
    margin = MAX_SPAN + 2
    row_lo = band.lo[np.minimum(np.arange(n) + 1, n)]
    sim_lo = np.maximum(0, row_lo - margin)
    sim = band_similarity(src, tgt, sim_lo, min(m, band.width + 2 * margin + MAX_SPAN), params.chunk)
    ratio = params.ratio or length_ratio(src, tgt, params)
    s_fences, t_fences = (prefix(fences[0]), prefix(fences[1])) if fences else (None, None)
    return Grid(prefix(src.lengths), prefix(tgt.lengths), bead_norms(src.rows, n),
                bead_norms(tgt.rows, m), sim, sim_lo, ratio, s_fences, t_fences)


def length_cost(grid: Grid, ls: np.ndarray, lt: np.ndarray, params: AlignParams) -> np.ndarray:
    expected = grid.ratio * ls
    delta = (lt - expected) / np.sqrt(params.length_variance * (expected + lt) / 2 + 1.0)
    cost: np.ndarray = params.length_weight * np.minimum(delta * delta / 2, LENGTH_COST_CAP)
    return cost


def clamp(values: np.ndarray, low: int, high: int) -> np.ndarray:
    # np.clip's Python wrapper dominates on the small arrays of short paragraphs.
    out: np.ndarray = np.minimum(np.maximum(values, low), high)
    return out


def span_norm(norms: tuple[np.ndarray, np.ndarray, np.ndarray], start: np.ndarray, stop: np.ndarray,
              size: int) -> np.ndarray:
    """Squared norm of the summed anchor vectors of items start..stop-1 (a bead of `size` items)."""
    squares, next_dots, second_dots = norms
    out: np.ndarray = squares[stop] - squares[start]
    if size >= 2:
        out = out + 2 * (next_dots[np.maximum(stop - 1, start)] - next_dots[start])
    if size >= 3:
        out = out + 2 * (second_dots[np.maximum(stop - 2, start)] - second_dots[start])
    return out


def bead_terms(grid: Grid, shape: BeadShape, i: np.ndarray, j: np.ndarray,
               params: AlignParams) -> tuple[np.ndarray, np.ndarray]:
    """Length cost and anchor cosine of beads of `shape` ending at cells (i, j) (broadcast arrays)."""
    a, b = shape.src, shape.tgt
    m = len(grid.tgt_len) - 1
    ia, jb, jc = np.maximum(i - a, 0), clamp(j - b, 0, m), clamp(j, 0, m)
    length = length_cost(grid, grid.src_len[i] - grid.src_len[ia], grid.tgt_len[jc] - grid.tgt_len[jb], params)
    norms = span_norm(grid.src_norm, ia, i, a) * span_norm(grid.tgt_norm, jb, jc, b)
    dot = np.zeros(np.broadcast(i, j).shape)
    width = grid.sim.shape[1]
    for da in range(a):
        p = np.maximum(i - 1 - da, 0)
        for d in range(1, b + 1):
            col = j - d - grid.sim_lo[p]
            inside = (col >= 0) & (col < width)
            dot += np.where(inside, grid.sim[p, clamp(col, 0, width - 1)], 0.0)
    sim = np.where(norms > 0, np.minimum(1.0, dot / np.sqrt(np.maximum(norms, 1e-12))), 0.0)
    return length, sim


def fenced(grid: Grid, shape: BeadShape, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """A bead may hold no fence item, or be exactly one fence matched 1-1 with the other side's."""
    if grid.src_fences is None or grid.tgt_fences is None:
        return np.ones(np.broadcast(i, j).shape, bool)
    m = len(grid.tgt_len) - 1
    ks = grid.src_fences[i] - grid.src_fences[np.maximum(i - shape.src, 0)]
    kt = grid.tgt_fences[clamp(j, 0, m)] - grid.tgt_fences[clamp(j - shape.tgt, 0, m)]
    pair = shape.src == 1 and shape.tgt == 1
    out: np.ndarray = ((ks == 0) & (kt == 0)) | ((ks == 1) & (kt == 1) & pair)
    return out


def shape_costs(grid: Grid, band: Band, shape: BeadShape, r0: int, r1: int, m: int, params: AlignParams) -> np.ndarray:
    """Cost of a bead of `shape` ending at every cell of rows r0..r1-1 (inf where it cannot end)."""
    i = np.arange(r0, r1)[:, None]
    j = band.lo[r0:r1, None] + np.arange(band.width)[None, :]
    if shape.src > len(grid.src_len) - 1 or shape.tgt > m:
        return np.full(j.shape, np.inf)
    valid = (i >= shape.src) & (j >= shape.tgt) & (j <= m) & fenced(grid, shape, i, j)
    if shape.src == 0 or shape.tgt == 0:
        return np.where(valid, params.skip, np.inf)
    length, sim = bead_terms(grid, shape, i, j, params)
    return np.where(valid, length - params.lexical_weight * sim + shape.penalty * params.merge_scale, np.inf)


def shifted_row(row: np.ndarray, shift: int) -> np.ndarray:
    """row[k + shift] for every k, inf outside the row."""
    width = len(row)
    out = np.full(width, np.inf)
    if shift >= 0:
        out[:width - shift] = row[shift:]
    else:
        out[-shift:] = row[:width + shift]
    return out


def fill_row(cost: np.ndarray, back: np.ndarray, band: Band, i: int, m: int,
             costs: list[np.ndarray], skip: float) -> None:
    """Best cost of every cell of row i from rows above, then 0-1 steps along the row.

    `cost` keeps only the last rows (row r in cost[r % len(cost)]); `back` keeps every row."""
    width = band.width
    ring = len(cost)
    best = np.full(width, np.inf)
    arg = np.full(width, -1, np.int8)
    for k, shape in enumerate(FROM_ROW_ABOVE):  # costs[k] are this shape's costs
        shift = int(band.lo[i] - band.lo[i - shape.src]) - shape.tgt if shape.src <= i else width
        if abs(shift) >= width:
            continue
        total = shifted_row(cost[(i - shape.src) % ring], shift) + costs[k]
        better = total < best
        best = np.where(better, total, best)
        arg[better] = BEAD_INDEX[shape.name]
    if i == 0:
        best[0], arg[0] = 0.0, -1
    steps = np.arange(width) * skip
    run = np.minimum.accumulate(best - steps) + steps
    skipped = (run < best - 1e-9) & (band.lo[i] + np.arange(width) <= m)
    best[skipped], arg[skipped] = run[skipped], BEAD_INDEX[ALONG_ROW.name]
    cost[i % ring], back[i] = best, arg


def backtrack(back: np.ndarray, band: Band, n: int, m: int) -> list[tuple[BeadShape, int, int]]:
    """The beads of the best path as (shape, end i, end j), first to last."""
    out = []
    i, j = n, m
    while i > 0 or j > 0:
        s = int(back[i, j - band.lo[i]])
        if s < 0:
            raise ValueError(f"alignment path broken at ({i}, {j})")
        shape = BEADS[s]
        out.append((shape, i, j))
        i, j = i - shape.src, j - shape.tgt
    return out[::-1]


def bead_score(length: float, sim: float, shape: BeadShape) -> float:
    """Confidence 0..1: high when lengths agree or anchors agree; skips score 0."""
    if shape.src == 0 or shape.tgt == 0:
        return 0.0
    fit = math.exp(-length - shape.penalty / 2)
    return round(1.0 - (1.0 - fit) * (1.0 - sim), 4)


def make_beads(path: list[tuple[BeadShape, int, int]], grid: Grid, params: AlignParams) -> list[Bead]:
    """Beads of the path, each scored from its length cost and anchor cosine."""
    ends = np.array([(i, j) for _, i, j in path], np.int64).reshape(-1, 2)
    scores = np.zeros(len(path))
    for shape in BEADS:
        rows = [k for k, (s, _, _) in enumerate(path) if s is shape]
        if rows and shape.src and shape.tgt:
            length, sim = bead_terms(grid, shape, ends[rows, 0], ends[rows, 1], params)
            scores[rows] = [bead_score(float(x), float(y), shape) for x, y in zip(length, sim, strict=True)]
    return [Bead(tuple(range(i - s.src, i)), tuple(range(j - s.tgt, j)), float(scores[k]), s.name)
            for k, (s, i, j) in enumerate(path)]


def full_band(m: int) -> Band:
    return Band(np.zeros(0, np.int64), m + 1)


def fill(src: Side, tgt: Side, band: Band, params: AlignParams, fences: Fences | None = None) -> list[Bead]:
    """Fill the banded grid and backtrack the cheapest path."""
    n, m = len(src), len(tgt)
    if not len(band.lo):
        band = Band(np.zeros(n + 1, np.int64), m + 1)
    grid = make_grid(src, tgt, band, params, fences)
    cost = np.full((MAX_SPAN + 1, band.width), np.inf)  # the rows a bead can reach back to
    back = np.full((n + 1, band.width), -1, np.int8)
    rows = max(1, min(params.rows_per_block, params.block_cells // band.width))
    for r0 in range(0, n + 1, rows):
        r1 = min(n + 1, r0 + rows)
        blocks = [shape_costs(grid, band, shape, r0, r1, m, params) for shape in FROM_ROW_ABOVE]
        for i in range(r0, r1):
            fill_row(cost, back, band, i, m, [block[i - r0] for block in blocks], params.skip)
    return make_beads(backtrack(back, band, n, m), grid, params)


def coarsen(side: Side, size: int) -> Side:
    """Blocks of `size` consecutive items as single items (anchors pooled, lengths summed)."""
    starts = np.arange(0, len(side), size)
    lengths = np.add.reduceat(side.lengths, starts) if len(side) else side.lengths
    indptr = np.concatenate((side.rows.indptr[starts], side.rows.indptr[-1:]))
    return Side(lengths, AnchorRows(indptr, side.rows.ids, side.rows.weights))


def corner_band(corners: list[tuple[int, int]], n: int, m: int, extra: int) -> Band:
    """A band through given corners (paragraph pair boundaries), as wide as the largest step."""
    xs = np.array([0] + [c[0] for c in corners] + [n], np.float64)
    ys = np.array([0] + [c[1] for c in corners] + [m], np.float64)
    step = int(np.max(np.diff(xs) + np.diff(ys))) if len(xs) > 1 else 0
    width = min(m + 1, 2 * step + extra)
    centre = np.interp(np.arange(n + 1), xs, ys)
    lo = np.clip(np.round(centre).astype(np.int64) - width // 2, 0, m + 1 - width)
    return Band(np.maximum.accumulate(lo), width)


def align_fenced(src: Side, tgt: Side, fences: Fences, corners: list[tuple[int, int]],
                 params: AlignParams | None = None) -> list[Bead]:
    """Align items split by fence items: the i-th source fence must meet the i-th target fence."""
    params = params or AlignParams()
    band = corner_band(corners, len(src), len(tgt), params.band_extra)
    return fill(src, tgt, band, params, fences)


def corridor(beads: list[Bead], src_size: int, tgt_size: int, n: int, m: int, extra: int) -> Band:
    """A band around the coarse path, wide enough for every row to hold the stretch of the path it crosses.

    Row i must hold the target positions the coarse path takes at that row (all of a vertical run,
    where whole target blocks are skipped), widened by a block on each side; rows between corners
    interpolate. Consecutive rows then always overlap, so a path from (0, 0) to (n, m) exists.
    """
    xs, ys = [0], [0]
    for bead in beads:
        xs.append(min(n, (bead.src[-1] + 1) * src_size) if bead.src else xs[-1])
        ys.append(min(m, (bead.tgt[-1] + 1) * tgt_size) if bead.tgt else ys[-1])
    xs.append(n)
    ys.append(m)
    need_lo, need_hi = path_rows(np.array(xs, np.int64), np.array(ys, np.int64), n)
    half = src_size + tgt_size + extra // 2
    lo, hi = need_lo - half, need_hi + half
    width = int(min(m + 1, np.max(hi - lo) + 1))
    lo = np.clip(lo, 0, m + 1 - width)
    return Band(np.maximum.accumulate(lo), width)


def path_rows(xs: np.ndarray, ys: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """The lowest and highest target position of a monotone polyline through (xs, ys) at each row 0..n."""
    rows = np.arange(n + 1)
    corner_x, first = np.unique(xs, return_index=True)
    last = np.append(first[1:] - 1, len(xs) - 1)
    low, high = ys[first].astype(np.float64), ys[last].astype(np.float64)
    k = np.searchsorted(corner_x, rows, side="right") - 1  # the last corner at or before each row
    on_corner = corner_x[k] == rows
    nxt = np.minimum(k + 1, len(corner_x) - 1)
    span = np.maximum(corner_x[nxt] - corner_x[k], 1)
    between = high[k] + (low[nxt] - high[k]) * (rows - corner_x[k]) / span
    need_lo = np.where(on_corner, low[k], np.floor(between)).astype(np.int64)
    need_hi = np.where(on_corner, high[k], np.ceil(between)).astype(np.int64)
    return need_lo, need_hi


def align(src: Side, tgt: Side, params: AlignParams | None = None) -> list[Bead]:
    """Align two sequences of items; every item appears in exactly one bead, in order."""
    params = params or AlignParams()
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [Bead((i,), (), 0.0, "1-0") for i in range(n)] + [Bead((), (j,), 0.0, "0-1") for j in range(m)]
    if (n + 1) * (m + 1) <= params.full_cells:
        return fill(src, tgt, full_band(m), params)
    # Blocks of a few items, so the corridor stays a few blocks wide whatever the size: memory and
    # time grow linearly, and a coarse grid that is still too large is aligned coarse to fine in turn.
    src_size = max(2, min(params.coarse_block, math.ceil(n / params.coarse_items)))
    tgt_size = max(2, min(params.coarse_block, math.ceil(m / params.coarse_items)))
    coarse = align(coarsen(src, src_size), coarsen(tgt, tgt_size), params)
    return fill(src, tgt, corridor(coarse, src_size, tgt_size, n, m, params.band_extra), params)
