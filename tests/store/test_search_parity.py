"""The same data gives the same search results in both backends: each supplies candidates, tm.search scores.

Both stores get the bundled report's units and deterministic near-duplicates of them (a word
dropped, two swapped, a number or an ending changed); the queries are stored sources, fresh
variants, 1-4 word fragments and text that is not there, and every query's hits (ids and match %)
must be equal, and so must the concordance's.
"""
from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from store.pgcluster import Cluster, psql

from tm.app import build_memory, example_path
from tm.concordance import concordance
from tm.model import DocumentInfo, Unit
from tm.search import Searcher
from tm.store import Store, open_store


def edited(words: list[str], rng: random.Random) -> list[str]:
    """One small edit of a word list (at least two words)."""
    k = rng.randrange(len(words) - 1)
    edit = rng.randrange(4)
    if edit == 0:
        return words[:k] + words[k + 1:]
    if edit == 1:
        return [*words[:k], words[k + 1], words[k], *words[k + 2:]]
    if edit == 2:
        return [*words[:k], str(rng.randrange(1, 3000)), *words[k + 1:]]
    return [*words[:k], words[k][:-2] + rng.choice(("ами", "ой", "е")), *words[k + 1:]]


def variants(sources: list[str], count: int, seed: int) -> Iterator[str]:
    rng = random.Random(seed)
    longer = [s for s in sources if len(s.split()) >= 3]
    for _ in range(count):
        words = rng.choice(longer).split()
        for _ in range(rng.randint(1, 3)):
            words = edited(words, rng) if len(words) >= 3 else words
        yield " ".join(words)


REPORT = [u.source for u in build_memory(example_path()).units]
STORED = sorted(set(REPORT) | set(variants(REPORT, 3000, seed=1)))
UNITS = [Unit(id=f"p:{i:05d}", doc="parity", source=s, target=f"t{i}", position=i) for i, s in enumerate(STORED)]
rng = random.Random(2)
QUERIES = (rng.sample(STORED, 40) + list(variants(REPORT, 40, seed=3))
           + [" ".join(rng.choice(REPORT).split()[:rng.randint(1, 4)]) for _ in range(40)]
           + ["Совершенно другой текст о погоде.", "The weather is fine today.", "ООН", "в", "Мнения"])


def filled(location: str) -> Store:
    store = open_store(location)
    with store.writer() as writer, writer.bulk_indexing():
        writer.add_prepared(writer.prepare(UNITS))
        writer.put_document(DocumentInfo("parity", "ru", "en", "x", "parity", {}))
        writer.optimize()
    return store


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory, pg_cluster: Cluster) -> Iterator[tuple[Store, Store]]:
    psql(pg_cluster, "CREATE DATABASE parity")
    sqlite = filled(str(Path(tmp_path_factory.mktemp("parity")) / "parity.db"))
    postgres = filled(pg_cluster.url("parity"))
    yield sqlite, postgres
    sqlite.close()
    postgres.close()


@pytest.mark.parametrize("min_score", [75.0, 50.0])
def test_fuzzy_search_gives_the_same_hits(stores: tuple[Store, Store], min_score: float) -> None:
    sqlite, postgres = Searcher(stores[0]), Searcher(stores[1])
    differ = []
    for query in QUERIES:
        a = [(h.id, h.score) for h in sqlite.search(query, min_score=min_score, limit=5)]
        b = [(h.id, h.score) for h in postgres.search(query, min_score=min_score, limit=5)]
        if a != b:
            differ.append((query, a, b))
    assert not differ, f"{len(differ)} of {len(QUERIES)} queries differ, first: {differ[:3]}"


@pytest.mark.parametrize("phrase", ["Генеральная Ассамблея", "мигрантов", "доклад", "трудящихся-мигрантов"])
def test_concordance_gives_the_same_hits(stores: tuple[Store, Store], phrase: str) -> None:
    a, b = (concordance(store, phrase) for store in stores)
    assert a == b and a


def test_a_store_made_before_the_posting_tables_gains_them_on_opening(stores: tuple[Store, Store], pg_url: str) -> None:
    filled(pg_url).close()
    with open_store(pg_url) as older:
        older.connection.execute("DROP TABLE word_postings, gram_postings")  # type: ignore[attr-defined]
    sqlite = Searcher(stores[0])
    with open_store(pg_url) as upgraded:
        postgres = Searcher(upgraded)
        for query in QUERIES[::4]:
            a = [(h.id, h.score) for h in sqlite.search(query, limit=5)]
            assert [(h.id, h.score) for h in postgres.search(query, limit=5)] == a, query


def made_before_the_posting_tables(url: str) -> None:
    """The store as a tmtool before the posting tables left it: trigram keys with a length bucket
    (len // 4) appended, a GIN index over them, no posting tables."""
    filled(url).close()
    with open_store(url) as older:
        conn = older.connection  # type: ignore[attr-defined]
        conn.execute("DROP TABLE word_postings, gram_postings")
        conn.execute("UPDATE unit_terms SET grams = ARRAY(SELECT g || (len / 4) FROM unnest(grams) g) "
                     "WHERE grams IS NOT NULL")
        conn.execute("CREATE INDEX unit_terms_grams ON unit_terms USING gin (grams)")


def test_a_store_made_before_the_posting_tables_is_searched_read_only_alike(
        stores: tuple[Store, Store], pg_url: str, caplog: pytest.LogCaptureFixture) -> None:
    made_before_the_posting_tables(pg_url)
    sqlite = Searcher(stores[0])
    with open_store(pg_url, create=False, readonly=True) as older:
        postgres = Searcher(older)
        for query in QUERIES[::3]:
            a = [(h.id, h.score) for h in sqlite.search(query, limit=5)]
            assert [(h.id, h.score) for h in postgres.search(query, limit=5)] == a, query
        assert older.search_candidates("доклад", 50.0, doc="parity")
    warned = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warned) == 1 and "without posting tables" in warned[0] and "opened for writing" in warned[0]
    with open_store(pg_url) as upgraded:  # opened for writing: it gains them, and searches alike
        for query in QUERIES[::7]:
            a = [(h.id, h.score) for h in sqlite.search(query, limit=5)]
            assert [(h.id, h.score) for h in Searcher(upgraded).search(query, limit=5)] == a, query
