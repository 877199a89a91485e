"""Words keys (tm.store.sqlite_words): every unit's key is that of its words, blocks follow the store's
writes, scoring with keys gives the scores without them, and a large store's ranking always scores
the units with the query's words, however many variants of it outrank them."""
from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path

import pytest

from tm.match import comparable
from tm.model import DocumentInfo, Unit
from tm.search import normalize_text, rank_rows, search
from tm.store import SQLiteStore, open_store, sqlite_rank, sqlite_words
from tm.store.base import Candidate
from tm.words import words_key

np = pytest.importorskip("numpy")


@pytest.fixture(scope="module")
def report_db(optimized_report_db: Path) -> Path:
    return optimized_report_db


def crc_key(words: str) -> int:
    return zlib.crc32(words.encode("utf-8")) % 0xFFFFFFFF + 1


# (text, its words as written by hand): numbers, punctuation, case and spacing are not words.
WORDS = [
    ("Доклад Генерального секретаря", "доклад генерального секретаря"),
    ("В 2003 году, МОТ (Женева) — 15 %.", "в году мот женева"),
    ("  ЮНФПА:   10-15 мая  ", "юнфпа мая"),
    ("A/58/98 report", "a report"),
    ("", ""),
]


@pytest.mark.parametrize(("text", "words"), WORDS)
def test_a_words_key_is_that_of_the_words_alone(text: str, words: str) -> None:
    # Stores keep these keys: a change here makes every stored key wrong, so it is pinned to crc32.
    assert words_key(text) == crc_key(words)
    assert 0 < words_key(text) < 2**32


def stored_keys(conn: sqlite3.Connection) -> dict[int, int]:
    """What the blocks must hold: each unit's key, computed here from its source."""
    return {seq: words_key(comparable(source)) for seq, source in conn.execute("SELECT seq, source FROM units")}


def read_keys(conn: sqlite3.Connection) -> dict[int, int]:
    by_seq, _ = sqlite_words.read_word_keys(conn)
    return {int(seq): int(by_seq[seq]) for seq in np.flatnonzero(by_seq)}


def test_every_unit_has_the_key_of_its_words(report_db: Path) -> None:
    with SQLiteStore(report_db, create=False, readonly=True) as store:
        keys = read_keys(store.connection)
        assert len(keys) > 250 and keys == stored_keys(store.connection)


def test_a_changed_unit_loses_its_block_until_the_next_large_write(report_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    db.write_bytes(report_db.read_bytes())
    with SQLiteStore(db, create=False) as store, store.writer() as writer:
        conn = store.connection
        conn.execute("UPDATE units SET source = 'совсем другие слова' WHERE seq = 3")
        assert read_keys(conn) == {}  # the one block is dropped: no key is known, none is stale
        writer.optimize()
        assert read_keys(conn) == stored_keys(conn)


def test_a_store_made_before_the_keys_gains_them_when_opened_for_writing(report_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    db.write_bytes(report_db.read_bytes())
    with sqlite3.connect(db) as conn:
        for name in ("unit_word_blocks_delete", "unit_word_blocks_update"):
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("DROP TABLE unit_word_blocks")
    with SQLiteStore(db, create=False, readonly=True) as store:
        assert read_keys(store.connection) == {}
    with SQLiteStore(db, create=False) as store:
        assert read_keys(store.connection) == stored_keys(store.connection)


def test_scores_with_keys_are_the_scores_without(report_db: Path) -> None:
    with SQLiteStore(report_db, create=False, readonly=True) as store:
        rows = store.connection.execute("SELECT seq, id, source FROM units").fetchall()
    keyed = [Candidate(seq, id_, source, words_key(comparable(source))) for seq, id_, source in rows]
    plain = [Candidate(seq, id_, source) for seq, id_, source in rows]
    queries = [normalize_text(source) for _, _, source in rows[::9]]
    queries += [q.replace("1", "2") for q in queries] + [q.upper() for q in queries[:20]]
    for query in queries:
        with_keys = [(score, raw, c.key) for score, raw, c in rank_rows(query, keyed, 50.0)]
        assert with_keys == [(score, raw, c.key) for score, raw, c in rank_rows(query, plain, 50.0)]


@pytest.fixture(scope="module")
def variants_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sentence in 60 variants sharing its rare words and length, 12 of them with all its words."""
    base = "Совещание экспертов по вопросам статистики труда рассмотрело доклад о занятости в {} году"
    other = ["Конференция", "Комиссия", "Группа", "Комитет"]
    texts = [base.format(1990 + i) for i in range(12)]
    texts += [base.replace("Совещание", other[i % 4]).format(1950 + i) for i in range(48)]
    db = tmp_path_factory.mktemp("words") / "variants.db"
    units = [Unit(id=f"v:{i:02d}", doc="v", source=t, target="", position=i) for i, t in enumerate(texts)]
    with SQLiteStore(db) as store:
        with store.writer() as writer:
            writer.replace_document(DocumentInfo("v", "ru", "en", "x", "sig", {}), units)
        with store.writer() as writer:
            writer.optimize()
    return db


def test_the_units_with_the_query_words_are_scored_past_the_ranking_cap(
        variants_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    query = "Совещание экспертов по вопросам статистики труда рассмотрело доклад о занятости в 2525 году"
    monkeypatch.setattr(sqlite_rank, "LARGE_STORE", 0)  # the in-memory ranking, which reads the keys
    monkeypatch.setattr(sqlite_rank, "rescored", lambda units, base=0: 3)  # 3 units by rank: too few for the 12
    with open_store(variants_db, create=False, readonly=True) as store:
        hits = search(store, query, limit=12)
    assert sorted(h.id for h in hits) == [f"v:{i:02d}" for i in range(12)]
    assert all(h.score >= 95 for h in hits)
    unkeyed = tmp_path / "unkeyed.db"  # the same store with no key known: only the ranking's 3
    unkeyed.write_bytes(variants_db.read_bytes())
    with sqlite3.connect(unkeyed) as conn:
        conn.execute("DELETE FROM unit_word_blocks")
    with open_store(unkeyed, create=False, readonly=True) as store:
        assert len([h for h in search(store, query, limit=12) if h.score >= 95]) <= 3
