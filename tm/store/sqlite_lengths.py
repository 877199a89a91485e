"""Every unit's source length kept compactly for search: blocks of 65,536 lengths, one blob each.

Search in a large store holds every unit's length in one array (tm.store.sqlite_rank). Read from
unit_lengths a row at a time that takes seconds at 5M units; read as blobs, a few milliseconds.
A block is written after large writes (tm.store.sqlite.count_common_terms) and dropped by a
trigger when one of its units is deleted or changes its source, so a block always holds what
unit_lengths holds; seqs no block covers are read from unit_lengths itself. A store made before
the blocks has none until it is next opened for writing, and is read from unit_lengths alone.
"""
from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

BLOCK = 1 << 16  # seqs per block; a block's first seq is a multiple of it
BYTE_ORDER = "<u4"  # each value as an unsigned 32-bit little-endian integer


def blocks_schema(table: str, column: str) -> str:
    """A table of blobs, one per BLOCK seqs, and the triggers that drop a block when one of its units
    is deleted or changes its source (so a block never holds a stale value)."""
    return f"""
CREATE TABLE IF NOT EXISTS {table} (
    first INTEGER PRIMARY KEY,  -- the block holds the values of seqs first, first + 1, ... (0: no such unit)
    units INTEGER NOT NULL,  -- how many of them are units
    {column} BLOB NOT NULL
);
CREATE TRIGGER IF NOT EXISTS {table}_delete AFTER DELETE ON units BEGIN
    DELETE FROM {table} WHERE first = old.seq - old.seq % {BLOCK};
END;
CREATE TRIGGER IF NOT EXISTS {table}_update AFTER UPDATE OF seq, source ON units BEGIN
    DELETE FROM {table} WHERE first IN (old.seq - old.seq % {BLOCK}, new.seq - new.seq % {BLOCK});
END;
"""


LENGTH_BLOCKS_SCHEMA = blocks_schema("unit_length_blocks", "lens")

RANGE_SQL = "SELECT group_concat(seq), group_concat(len), count(*) FROM unit_lengths WHERE seq BETWEEN ? AND ?"


def numbers(text: str | None) -> np.ndarray:
    """The integers of a group_concat: one string parsed in C is 10x faster than a row per number."""
    import numpy as np

    return np.fromstring(text, dtype=np.int64, sep=",") if text else np.zeros(0, dtype=np.int64)


def has_blocks(conn: sqlite3.Connection, table: str = "unit_length_blocks") -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)).fetchone() is not None


def top_seq(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT coalesce(max(seq), 0) FROM unit_lengths").fetchone()[0])


def write_blocks(conn: sqlite3.Connection) -> None:
    """Write every block that is missing or no longer reaches the last unit (after a large write)."""
    import numpy as np

    for first, size in missing_blocks(conn, "unit_length_blocks", "lens"):
        seqs, lens, count = conn.execute(RANGE_SQL, (first, first + size - 1)).fetchone()
        block = np.zeros(size, dtype=BYTE_ORDER)
        block[numbers(seqs) - first] = numbers(lens)
        conn.execute("INSERT OR REPLACE INTO unit_length_blocks VALUES (?, ?, ?)", (first, count, block.tobytes()))


def missing_blocks(conn: sqlite3.Connection, table: str, column: str) -> list[tuple[int, int]]:
    """(first seq, size) of each block of the table (its blobs in column) that is missing or no longer
    reaches the last unit."""
    top = top_seq(conn)
    held = dict(conn.execute(f"SELECT first, length({column}) / 4 FROM {table}").fetchall())
    return [(first, min(BLOCK, top + 1 - first)) for first in range(0, top + 1, BLOCK)
            if held.get(first) != min(BLOCK, top + 1 - first)]


def read_lengths(conn: sqlite3.Connection) -> tuple[np.ndarray, int]:
    """(length by seq, 0 where no unit; how many units): the blocks, and unit_lengths where none is held."""
    import numpy as np

    top = top_seq(conn)
    by_seq = np.zeros(top + 1, dtype=np.int64)
    units, done = 0, 0  # seqs below done are read
    held = "SELECT first, units, lens FROM unit_length_blocks ORDER BY first"
    blocks = conn.execute(held) if has_blocks(conn) else ()
    for first, count, blob in blocks:
        lens = np.frombuffer(blob, dtype=BYTE_ORDER)[: max(0, top + 1 - first)]
        units += read_range(conn, by_seq, done, first - 1) + count
        by_seq[first:first + len(lens)] = lens
        done = first + len(lens)
    return by_seq, units + read_range(conn, by_seq, done, top)


def read_range(conn: sqlite3.Connection, by_seq: np.ndarray, low: int, high: int) -> int:
    """Fill by_seq[low..high] from unit_lengths; how many units that range holds."""
    if high < low:
        return 0
    seqs, lens, count = conn.execute(RANGE_SQL, (low, high)).fetchone()
    by_seq[numbers(seqs)] = numbers(lens)
    return int(count)
