"""Unit lengths as blobs (tm.store.sqlite_lengths): read, they equal unit_lengths row for row, whatever
was written, deleted or changed since the blocks were; a store made before them reads the same."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tm.store import SQLiteStore, sqlite_lengths

np = pytest.importorskip("numpy")


@pytest.fixture(scope="module")
def report_db(optimized_report_db: Path) -> Path:
    return optimized_report_db


def copy_of(db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.db"
    copy.write_bytes(db.read_bytes())
    return copy


def row_by_row(conn: sqlite3.Connection) -> tuple[list[int], int]:
    """What read_lengths must give, from unit_lengths one row at a time."""
    rows = conn.execute("SELECT seq, len FROM unit_lengths").fetchall()
    by_seq = [0] * (max((s for s, _ in rows), default=0) + 1)
    for seq, length in rows:
        by_seq[seq] = length
    return by_seq, len(rows)


def read(conn: sqlite3.Connection) -> tuple[list[int], int]:
    by_seq, units = sqlite_lengths.read_lengths(conn)
    return by_seq.tolist(), units


def blocks(conn: sqlite3.Connection) -> list[tuple[int, ...]]:
    return [tuple(r) for r in conn.execute("SELECT first, units FROM unit_length_blocks ORDER BY first")]


def test_an_optimized_store_reads_its_lengths_from_blocks(report_db: Path) -> None:
    with SQLiteStore(report_db, create=False, readonly=True) as store:
        conn = store.connection
        assert blocks(conn) == [(0, conn.execute("SELECT count(*) FROM units").fetchone()[0])]
        assert read(conn) == row_by_row(conn)


def insert_far(conn: sqlite3.Connection, seq: int, source: str) -> None:
    """A unit at a chosen seq (past the first block), as the store's own writes would index its length."""
    conn.execute("INSERT INTO units (seq, id, doc, position, source, src_lang, tgt_lang, kind) "
                 "VALUES (?, ?, 'far', 0, ?, 'ru', 'en', 'sentence')", (seq, f"far:{seq}", source))
    conn.execute("INSERT INTO unit_lengths VALUES (?, ?)", (seq, len(source)))


def test_blocks_follow_writes_deletes_and_changes(report_db: Path, tmp_path: Path) -> None:
    db = copy_of(report_db, tmp_path)
    far = 3 * sqlite_lengths.BLOCK + 17
    with SQLiteStore(db, create=False) as store, store.writer() as writer:
        conn = store.connection
        insert_far(conn, far, "далеко")
        assert read(conn) == row_by_row(conn)  # a seq past every block: from unit_lengths
        writer.optimize()
        assert [first for first, _ in blocks(conn)] == [0, sqlite_lengths.BLOCK, 2 * sqlite_lengths.BLOCK, far - 17]
        insert_far(conn, far + 5, "ещё дальше")  # past the end of the last block
        conn.execute("DELETE FROM units WHERE seq = 7")  # drops block 0
        conn.execute("UPDATE units SET source = 'иначе' WHERE seq = ?", (far,))  # drops the last block
        assert [first for first, _ in blocks(conn)] == [sqlite_lengths.BLOCK, 2 * sqlite_lengths.BLOCK]
        assert read(conn) == row_by_row(conn)
        writer.optimize()
        assert len(blocks(conn)) == 4 and read(conn) == row_by_row(conn)


def test_a_store_made_before_the_blocks_reads_alike_and_gains_them(report_db: Path, tmp_path: Path) -> None:
    db = without_blocks(report_db, tmp_path)
    with SQLiteStore(db, create=False, readonly=True) as store:
        assert not sqlite_lengths.has_blocks(store.connection)
        assert read(store.connection) == row_by_row(store.connection)
    with SQLiteStore(db, create=False) as store:  # opened for writing: the blocks and their triggers come back
        conn = store.connection
        assert len(blocks(conn)) == 1 and read(conn) == row_by_row(conn)
        triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert {"unit_length_blocks_delete", "unit_length_blocks_update"} <= triggers


def without_blocks(db: Path, tmp_path: Path) -> Path:
    """A copy of the store as a store made before the blocks (no table, no triggers)."""
    old = copy_of(db, tmp_path)
    with sqlite3.connect(old) as conn:
        for name in ("unit_length_blocks_delete", "unit_length_blocks_update"):
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("DROP TABLE unit_length_blocks")
    return old


def test_a_store_without_blocks_searches_alike(report_db: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from tm.search import search
    from tm.store import sqlite_rank

    monkeypatch.setattr(sqlite_rank, "LARGE_STORE", 0)  # the in-memory ranking, which reads the lengths
    old = without_blocks(report_db, tmp_path)
    with SQLiteStore(report_db, create=False, readonly=True) as store:
        texts = [r[0] for r in store.connection.execute("SELECT source FROM units WHERE seq % 5 = 0")]
    found = []
    for db in (report_db, old):
        with SQLiteStore(db, create=False, readonly=True) as store:
            found.append([[(h.id, h.score) for h in search(store, t, min_score=50)] for t in texts])
    assert sum(1 for hits in found[0] if hits) > 30 and found[0] == found[1]
