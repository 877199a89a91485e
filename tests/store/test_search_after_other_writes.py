"""A store kept open for searching (a server's thread, a long session) follows writes made through
another connection or process: what its search remembers of the store (term counts, every unit's
length and words key) is read again once the file has changed."""
from __future__ import annotations

from pathlib import Path

import pytest

from tm.model import DocumentInfo, Unit
from tm.search import search
from tm.store import SQLiteStore, open_store, sqlite_rank

pytest.importorskip("numpy")

QUERY = "Совещание экспертов по вопросам статистики труда рассмотрело доклад о занятости в 2525 году"
SAME_WORDS = "Совещание экспертов по вопросам статистики труда рассмотрело доклад о занятости в 2626 году"
NEW_WORDS = "Зюзюкинский пфырлинский квакобрязг"  # words no unit of the report holds


@pytest.fixture
def copy_db(optimized_report_db: Path, tmp_path: Path) -> Path:
    db = tmp_path / "copy.db"
    db.write_bytes(optimized_report_db.read_bytes())
    return db


@pytest.mark.parametrize("large", [True, False], ids=["in-memory ranking", "SQL ranking"])
def test_a_unit_changed_by_another_connection_is_found_and_scored_anew(
        copy_db: Path, large: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if large:
        monkeypatch.setattr(sqlite_rank, "LARGE_STORE", 0)  # the arrays of lengths and words keys
    with open_store(copy_db, create=False, readonly=True) as reader:
        assert not [h for h in search(reader, QUERY) if h.score >= 95]  # read the arrays, the counts
        with SQLiteStore(copy_db, create=False) as other, other.writer() as writer:
            other.connection.execute("UPDATE units SET source = ? WHERE seq = 3", (SAME_WORDS,))
            writer.optimize()  # new blocks of lengths and keys, new common-term counts
        hits = search(reader, QUERY)
        assert hits and hits[0].source == SAME_WORDS and hits[0].score == 99.0


@pytest.mark.parametrize("large", [True, False], ids=["in-memory ranking", "SQL ranking"])
def test_words_first_stored_by_another_connection_are_searched(
        copy_db: Path, large: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if large:
        monkeypatch.setattr(sqlite_rank, "LARGE_STORE", 0)
    query = NEW_WORDS
    with open_store(copy_db, create=False, readonly=True) as reader:
        assert search(reader, query, min_score=50) == []  # the words' counts (none) are remembered
        with SQLiteStore(copy_db, create=False) as other, other.writer() as writer:
            writer.replace_document(DocumentInfo("new.txt", "ru", "en", "x", "sig", {}),
                                    [Unit(id="new.txt:0", doc="new.txt", source=query, target="")])
        assert [h.source for h in search(reader, query, min_score=50)][:1] == [query]


def test_postgres_words_first_stored_by_another_connection_are_searched(pg_url: str) -> None:
    query = NEW_WORDS + " и другие"
    with open_store(pg_url) as other, other.writer() as writer:
        writer.replace_document(DocumentInfo("old.txt", "ru", "en", "x", "sig", {}),
                                [Unit(id="old.txt:0", doc="old.txt", source="Доклад о правах мигрантов", target="")])
    with open_store(pg_url, create=False, readonly=True) as reader:
        assert search(reader, query, min_score=50) == []  # asked once: the store holds none of its words
        with open_store(pg_url) as other, other.writer() as writer:
            writer.replace_document(DocumentInfo("new.txt", "ru", "en", "x", "sig", {}),
                                    [Unit(id="new.txt:0", doc="new.txt", source=query, target="")])
        assert [h.source for h in search(reader, query, min_score=50)][:1] == [query]
