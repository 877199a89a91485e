"""The PostgreSQL posting tables hold exactly the rows unit_terms implies, whichever way a write made them.

A bulk write into an empty store makes new posting tables at its end (index built once); a small
bulk write into a larger store adds its rows in key order; a write outside bulk adds them per
batch; removing a document takes its rows away again.
"""
from __future__ import annotations

import pytest

from tm.model import DocumentInfo, Unit
from tm.store import open_store
from tm.store.postgres import PostgresStore

# The rows of each posting table as unit_terms implies them (trigram keys without any length bucket).
IMPLIED = {"word_postings": "SELECT unnest(words), len, seq FROM unit_terms",
           "gram_postings": "SELECT left(unnest(grams), 3), len, seq FROM unit_terms"}


def units(doc: str, count: int) -> list[Unit]:
    return [Unit(id=f"{doc}:{i}", doc=doc, source=f"Доклад {doc} номер {i} о «правах» \\ \"мигрантов\" {i % 7}",
                 position=i) for i in range(count)]


def add(store: PostgresStore, doc: str, count: int, bulk: bool) -> None:
    with store.writer() as writer:
        if bulk:
            with writer.bulk_indexing():
                writer.add_prepared(writer.prepare(units(doc, count)))
        else:
            writer.add_prepared(writer.prepare(units(doc, count)))
        writer.put_document(DocumentInfo(doc, "ru", "en", "x", "sig", {}))


def assert_postings_implied(store: PostgresStore) -> None:
    conn = store.connection
    for table, implied in IMPLIED.items():
        extra = conn.execute(f"SELECT count(*) FROM (SELECT term, len, seq FROM {table} EXCEPT ALL {implied}) d")
        missing = conn.execute(f"SELECT count(*) FROM ({implied} EXCEPT ALL SELECT term, len, seq FROM {table}) d")
        assert (extra.fetchone(), missing.fetchone()) == ((0,), (0,)), table


@pytest.mark.parametrize("steps", [
    [("a", 200, True), ("b", 10, True), ("c", 500, True)],  # rebuilt, added in key order, rebuilt again
    [("a", 50, False), ("b", 30, True), ("c", 5, False)],
])
def test_postings_follow_unit_terms(pg_url: str, steps: list[tuple[str, int, bool]]) -> None:
    with open_store(pg_url) as store:
        assert isinstance(store, PostgresStore)
        for doc, count, bulk in steps:
            add(store, doc, count, bulk)
            assert_postings_implied(store)
        with store.writer() as writer:
            writer.remove_document("b")
        assert_postings_implied(store)
        words = store.connection.execute("SELECT count(*) FROM word_postings").fetchone()
        assert words is not None and words[0] > 0
        query = "доклад c номер 3 о «правах» \\ \"мигрантов\" 3"
        assert [c.id for c in store.search_candidates(query, 90.0)][0] == "c:3"
