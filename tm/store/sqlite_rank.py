"""Word-index candidates of a large store, ranked in memory (numpy) instead of in SQL.

In SQL, each posting costs a GROUP BY row and a unit_lengths lookup (measured at 1M units: the
postings alone 1.5 ms a query, grouped 6 ms, with their lengths 16 ms); here the postings are
read as plain rowid lists, every unit's length is held in one array (read once per open store),
and counting, the length window and the order are array operations. So a large store can read
the postings of more of the query's words (the budget grows with the store), which is what
tells a query's best near-duplicate from the thousands of variants sharing its rarest words.
The order is the SQL one: the summed weight of the terms held times the square of the length fit.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tm.store.sqlite_lengths import numbers, read_lengths
from tm.store.sqlite_words import WordKeys

if TYPE_CHECKING:
    import sqlite3

    import numpy as np

LARGE_STORE = 200_000  # units from which candidates are ranked here (below, SQL is as fast and needs no array)
POSTINGS_PER_UNIT = 0.004  # a large store's posting budget per stored unit: 4,000 at 1M, 20,000 at 5M
RESCORED_BASE = 300  # units scored exactly at 1M units; more in a larger store (its square root)
# Units with the query's words scored beside those, at most: they score 95 or more, and a sentence can
# have thousands of variants with its rare words and length (numbers changed, a word dropped) that
# the ranking cannot tell apart.
SAME_WORDS_MOST = 1000


class UnitLengths:
    """Every unit's source length by seq (0 for a seq with no unit), read once (tm.store.sqlite_lengths),
    and its words key (tm.store.sqlite_words)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.by_seq, self.units = read_lengths(conn)
        self.words = WordKeys(conn)

    def of(self, seqs: np.ndarray, unknown: int) -> np.ndarray:
        """Lengths of the units at seqs; a unit stored after the array was read counts as `unknown`."""
        import numpy as np

        inside = seqs < len(self.by_seq)
        return np.where(inside, self.by_seq[np.where(inside, seqs, 0)], unknown)


# One array per store file and state, shared by the threads of a process (a server opens a store
# per thread): keyed by path and the file change counter of the SQLite header, which every
# committed write bumps (the store writes through a rollback journal, not a WAL).
_SHARED: dict[str, tuple[bytes, UnitLengths]] = {}
_SHARED_LOCK = threading.Lock()


def change_counter(path: str) -> bytes:
    """Bytes 24-27 of an SQLite file: its change counter."""
    with open(path, "rb") as db:
        return os.pread(db.fileno(), 4, 24)


def shared_lengths(conn: sqlite3.Connection) -> UnitLengths:
    """The store's UnitLengths, read once per process and store state."""
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    if not path:  # an in-memory database
        return UnitLengths(conn)
    with _SHARED_LOCK:
        state = change_counter(path)
        held = _SHARED.get(path)
        if held is None or held[0] != state:
            held = _SHARED[path] = (state, UnitLengths(conn))
        return held[1]


def posting_budget(units: int, floor: int) -> int:
    return max(floor, round(units * POSTINGS_PER_UNIT))


def rescored(units: int, base: int = RESCORED_BASE) -> int:
    """Units scored exactly per query (or another count): base at 1M units, growing with the square root of the store.

    Also a short query's trigram budget and candidates: at 5M units, 200 candidates from 8,000
    postings missed the best match of 2 short and 4 medium queries out of 150, 447 from 17,900 none.
    """
    return max(base, round(base * (units / 1_000_000) ** 0.5))


def postings(cursor: sqlite3.Cursor, quoted_term: str) -> np.ndarray:
    """The seqs of the units holding one term, in order."""

    return numbers(cursor.execute("SELECT group_concat(rowid) FROM units_fts WHERE units_fts MATCH ?",
                                  (quoted_term,)).fetchone()[0])


def short_postings(cursor: sqlite3.Cursor, quoted_gram: str, keys: tuple[int, int]) -> np.ndarray:
    """The trigram-index rowids (length * LENGTH_KEY + seq) holding one trigram, within a range of them."""
    sql = "SELECT group_concat(rowid) FROM short_fts WHERE short_fts MATCH ? AND rowid BETWEEN ? AND ?"
    return numbers(cursor.execute(sql, (quoted_gram, *keys)).fetchone()[0])


def ranked_short(lists: Sequence[np.ndarray], length_key: int, n: int, limit: int,
                 same: SameWords) -> list[int]:
    """The seqs of the `limit` likeliest short units: trigrams held times the square of the length fit, then rowid;
    then those of the other units with the query's words.

    The order of sqlite_search.short_sql: the length is the rowid's high part.
    """
    import numpy as np

    rowids, held = np.unique(np.concatenate(lists), return_counts=True)
    lens = rowids // length_key
    keys = same.words.of(rowids % length_key)
    keep = same.may_score(keys, lens)
    rowids, held, lens, keys = rowids[keep], held[keep], lens[keep], keys[keep]
    fit = 2.0 * np.minimum(lens, n) / (lens + n)
    return same.after(rowids % length_key, keys, best_first(rowids, held * fit * fit, limit))


class SameWords:
    """What the store's words keys tell of the units found for a query: which have its words, and
    which differ in words and are too long or short to reach the minimum score."""

    def __init__(self, words: WordKeys, query_key: int, lengths: tuple[int, int]) -> None:
        self.words = words
        self.query_key = query_key
        self.lengths = lengths  # of a source whose words differ and can reach min_score (tm.match.length_bounds)

    def may_score(self, keys: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """Which units (their words keys and lengths) can reach min_score: with the query's words (or
        not known), or of a fitting length.

        The candidate window is wider (tm.match.candidate_lengths) only for same-words units, which
        score 95 from 50% similarity up; with the key known to differ, a unit needs the narrower one.
        """
        return (keys == self.query_key) | (keys == 0) | ((lens >= self.lengths[0]) & (lens <= self.lengths[1]))

    def after(self, seqs: np.ndarray, keys: np.ndarray, order: np.ndarray) -> list[int]:
        """seqs[order], then (in seq order, SAME_WORDS_MOST at most) the other seqs whose words key (in keys) is the
        query's."""
        import numpy as np

        extra = np.setdiff1d(np.flatnonzero(keys == self.query_key), order)[:SAME_WORDS_MOST]
        return [int(s) for s in seqs[order]] + [int(s) for s in seqs[extra]]


def best_first(keys: np.ndarray, score: np.ndarray, limit: int) -> np.ndarray:
    """Indexes of the `limit` highest scores, best first, ties by the lower key (as SQL's ORDER BY ... DESC, key)."""
    import numpy as np

    if len(score) > limit:  # only the best `limit` need a full order
        edge = score[np.argpartition(-score, limit - 1)[:limit]].min()
        chosen = np.flatnonzero(score >= edge)  # ties at the edge keep the lower keys
        return chosen[np.lexsort((keys[chosen], -score[chosen]))[:limit]]
    return np.lexsort((keys, -score))[:limit]


def ranked(lists: Sequence[np.ndarray], weights: Sequence[float], lengths: UnitLengths, n: int,
           window: tuple[int, int], limit: int, same: SameWords) -> list[int]:
    """The seqs of the `limit` likeliest units: held weight times the square of the length fit, then seq;
    then those of the other units in the window with the query's words."""
    import numpy as np

    seqs, inverse = np.unique(np.concatenate(lists), return_inverse=True)
    held = np.bincount(inverse, weights=np.repeat(np.asarray(weights, dtype=np.float64), [len(p) for p in lists]))
    lens = lengths.of(seqs, n)
    keep = (lens >= window[0]) & (lens <= window[1])
    seqs, held, lens = seqs[keep], held[keep], lens[keep]
    keys = same.words.of(seqs)
    keep = same.may_score(keys, lens)
    seqs, held, lens, keys = seqs[keep], held[keep], lens[keep], keys[keep]
    fit = 2.0 * np.minimum(lens, n) / (lens + n)
    return same.after(seqs, keys, best_first(seqs, held * fit * fit, limit))


def rows_of(cursor: sqlite3.Cursor, seqs: list[int]) -> list[tuple[int, str, str]]:
    """(seq, id, source) of the units at seqs, in that order."""
    if not seqs:
        return []
    marks = ", ".join("?" * len(seqs))
    found = {row[0]: row for row in cursor.execute(f"SELECT seq, id, source FROM units WHERE seq IN ({marks})", seqs)}
    return [found[s] for s in seqs if s in found]
