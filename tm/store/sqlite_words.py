"""Every unit's words key (tm.words.words_key) kept for search: blocks of 65,536 keys, one blob each.

Two texts with the same words (differing only in numbers, punctuation, case, spacing) score 95 or
more (tm.search). Holding every unit's key, a large store tells which of the units holding a query's
rare words have all its words, before it reads any of them: those are always scored, however many
variants of the sentence share its rare words and length; and scoring needs to compute the words
only of units whose key is the query's. Blocks are written with the length blocks
(tm.store.sqlite_lengths: the same triggers drop a block whose units change); a unit in no block
has key 0, "not known", and is treated as before the keys existed.
"""
from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from tm.match import comparable
from tm.store.sqlite_lengths import BYTE_ORDER, blocks_schema, has_blocks, missing_blocks, top_seq

if TYPE_CHECKING:
    import numpy as np

TABLE = "unit_word_blocks"
COLUMN = "keys"
WORD_BLOCKS_SCHEMA = blocks_schema(TABLE, COLUMN)


def write_word_blocks(conn: sqlite3.Connection) -> None:
    """Write every words block that is missing or no longer reaches the last unit (after a large write)."""
    import numpy as np

    from tm.words import words_key  # here: rapidfuzz is not for a store that only looks terms up

    for first, size in missing_blocks(conn, TABLE, COLUMN):
        rows = conn.execute("SELECT seq, source FROM units WHERE seq BETWEEN ? AND ?", (first, first + size - 1))
        keys = {seq - first: words_key(comparable(source)) for seq, source in rows}
        block = np.zeros(size, dtype=BYTE_ORDER)
        block[list(keys)] = list(keys.values())
        conn.execute(f"INSERT OR REPLACE INTO {TABLE} VALUES (?, ?, ?)", (first, len(keys), block.tobytes()))


def read_word_keys(conn: sqlite3.Connection) -> tuple[np.ndarray, int]:
    """(words key by seq, 0 where no unit or not known; how many units the blocks hold)."""
    import numpy as np

    keys = np.zeros(top_seq(conn) + 1, dtype=np.uint32)
    held = 0
    if has_blocks(conn, TABLE):
        for first, count, blob in conn.execute(f"SELECT first, units, {COLUMN} FROM {TABLE} ORDER BY first"):
            block = np.frombuffer(blob, dtype=BYTE_ORDER)[: max(0, len(keys) - first)]
            keys[first:first + len(block)] = block
            held += count
    return keys, held


class WordKeys:
    """Every unit's words key by seq, read once (0: no unit, or a unit no block holds)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.by_seq, _ = read_word_keys(conn)

    def of(self, seqs: np.ndarray) -> np.ndarray:
        """The words keys of the units at seqs (0 for a unit stored after the keys were read)."""
        import numpy as np

        inside = seqs < len(self.by_seq)
        return np.where(inside, self.by_seq[np.where(inside, seqs, 0)], 0)

    def keys_of(self, seqs: list[int]) -> dict[int, int]:
        """The words key of each unit at seqs, by seq."""
        import numpy as np

        return dict(zip(seqs, self.of(np.asarray(seqs, dtype=np.int64)).tolist(), strict=True))
