"""A large store ranks word-index candidates in memory (tm.store.sqlite_rank): on the same postings
it gives the same hits as the SQL ranking, query by query, and its length array follows the store."""
from __future__ import annotations

from pathlib import Path

import pytest

from tm.app import build_memory, example_path, store_with_termbase
from tm.model import DocumentInfo, Unit
from tm.search import search
from tm.store import SQLiteStore, open_store, sqlite_rank

pytest.importorskip("numpy")


@pytest.fixture(scope="module")
def report_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("ranked") / "report.db"
    with open_store(db) as store:
        store_with_termbase(store, build_memory(example_path()))
    return db


def queries(db: Path) -> list[str]:
    """Stored sources long enough for the word index, as they are and with a word dropped or changed."""
    with SQLiteStore(db, create=False, readonly=True) as store:
        sources = [r[0] for r in store.connection.execute("SELECT source FROM units WHERE length(source) > 90")]
    out = []
    for i, source in enumerate(sources[::7]):
        words = source.split()
        out += [source, " ".join(words[:i % len(words)] + words[i % len(words) + 1:]), source.replace("и", "или", 1)]
    return out


def hits(db: Path, texts: list[str]) -> list[list[tuple[str, float, float]]]:
    with open_store(db, create=False, readonly=True) as store:
        return [[(h.id, h.score, h.similarity) for h in search(store, t, min_score=50, limit=5)] for t in texts]


def test_in_memory_ranking_gives_the_sql_hits(report_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = queries(report_db)
    assert len(texts) > 60
    by_sql = hits(report_db, texts)
    monkeypatch.setattr(sqlite_rank, "LARGE_STORE", 0)
    by_memory = hits(report_db, texts)
    assert sum(1 for h in by_sql if h) > 60
    assert by_memory == by_sql


@pytest.fixture(scope="module")
def short_db(tmp_path_factory: pytest.TempPathFactory, report_db: Path) -> Path:
    """A store of short units: runs of 1-4 words of the report's sources (the trigram index's field)."""
    with SQLiteStore(report_db, create=False, readonly=True) as store:
        sources = [r[0] for r in store.connection.execute("SELECT source FROM units")]
    texts = list(dict.fromkeys(" ".join(s.split()[i:i + 1 + i % 4]) for s in sources for i in range(0, 12, 3)))
    db = tmp_path_factory.mktemp("ranked") / "short.db"
    units = [Unit(id=f"s:{i}", doc="s", source=t, target="", position=i) for i, t in enumerate(texts) if t]
    with SQLiteStore(db) as store, store.writer() as writer:
        writer.replace_document(DocumentInfo("s", "ru", "en", "x", "sig", {}), units)
        writer.optimize()
    return db


def test_in_memory_ranking_of_short_queries_gives_the_sql_hits(short_db: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    with SQLiteStore(short_db, create=False, readonly=True) as store:
        stored = [r[0] for r in store.connection.execute("SELECT source FROM units WHERE seq % 7 = 0")]
    texts = [t for s in stored for t in (s, s.replace("о", "а", 1), s[1:])]
    by_sql = hits(short_db, texts)
    monkeypatch.setattr(sqlite_rank, "LARGE_STORE", 0)
    by_memory = hits(short_db, texts)
    assert sum(1 for h in by_sql if len(h) == 5) > 100
    assert by_memory == by_sql


def test_the_length_array_holds_every_unit(report_db: Path) -> None:
    with SQLiteStore(report_db, create=False, readonly=True) as store:
        conn = store.connection
        lengths = sqlite_rank.UnitLengths(conn)
        rows = conn.execute("SELECT seq, length(source) FROM units").fetchall()
    assert lengths.units == len(rows)
    assert all(lengths.by_seq[seq] == n for seq, n in rows)


def test_a_gap_in_the_seqs_is_read_as_such(tmp_path: Path, report_db: Path) -> None:
    db = tmp_path / "gap.db"
    db.write_bytes(report_db.read_bytes())
    with SQLiteStore(db, create=False) as store:
        store.connection.execute("DELETE FROM units WHERE seq = 5")
        store.connection.commit()
        lengths = sqlite_rank.UnitLengths(store.connection)
        rows = store.connection.execute("SELECT seq, length(source) FROM units").fetchall()
    assert lengths.by_seq[5] == 0 and all(lengths.by_seq[seq] == n for seq, n in rows)


def test_a_unit_stored_after_the_array_counts_as_fitting() -> None:
    import numpy as np

    lengths = sqlite_rank.UnitLengths.__new__(sqlite_rank.UnitLengths)
    lengths.by_seq = np.array([0, 40, 50])
    assert lengths.of(np.array([1, 2, 9]), 77).tolist() == [40, 50, 77]


def test_threads_share_one_array_until_the_store_changes(tmp_path: Path, report_db: Path) -> None:
    db = tmp_path / "shared.db"
    db.write_bytes(report_db.read_bytes())
    with SQLiteStore(db, create=False, readonly=True) as one, SQLiteStore(db, create=False, readonly=True) as two:
        assert sqlite_rank.shared_lengths(one.connection) is sqlite_rank.shared_lengths(two.connection)
        before = sqlite_rank.shared_lengths(one.connection)
    with SQLiteStore(db, create=False) as store:
        store.connection.execute("DELETE FROM units WHERE seq = 3")
        store.connection.commit()
        after = sqlite_rank.shared_lengths(store.connection)
    assert after is not before and after.units == before.units - 1 and after.by_seq[3] == 0
