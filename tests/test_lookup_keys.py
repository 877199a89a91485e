"""Lookup keys stored with the term records (glossary.lookup_keys): the same answers as lemmatising at
lookup time, for every query of tests/data/terms/lookup_queries.tsv, on a store with keys, on one whose
records have none (upgraded from schema 2) and on a schema-2 store opened read-only."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from glossary.lookup_keys import entry_keys, keys_from_json, keys_to_json
from glossary.termstore import entry_from_json
from tm.app import build_examples, store_all_with_termbase
from tm.errors import StoreError
from tm.store import TermRecord, open_store

REPO = Path(__file__).resolve().parent.parent
QUERIES = [line.split("\t")[0] for line in (REPO / "tests/data/terms/lookup_queries.tsv").read_text(
    encoding="utf-8").splitlines()[1:] if line.strip() and not line.startswith("#")]

# Every query's answers (whole entries) or its suggestions, and whether pymorphy3 was loaded.
PROBE = """
import json, sys
from dataclasses import asdict
from glossary.lookup import TermNotFound, find_terms
from glossary.reference import Reference
from tm.stored_terms import store_terms
from tm.store import open_store

with open_store(sys.argv[1], create=False, readonly=True) as store:
    entries = store_terms(store)
answers = {}
for query in json.loads(sys.argv[2]):
    try:
        answers[query] = [asdict(e) for e in find_terms(entries, query, Reference.load())]
    except TermNotFound as miss:
        answers[query] = {"suggestions": list(miss.suggestions)}
print(json.dumps({"answers": answers, "pymorphy3": "pymorphy3" in sys.modules}, ensure_ascii=False))
"""


def probe(db: Path, queries: list[str]) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    out = subprocess.run([sys.executable, "-c", PROBE, str(db), json.dumps(queries)], capture_output=True,
                         text=True, check=True, env=env)
    result: dict[str, object] = json.loads(out.stdout)
    return result


@pytest.fixture(scope="module")
def report_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled examples with their termbases, as `tmtool build --example` stores them."""
    db = tmp_path_factory.mktemp("keys") / "examples.db"
    with open_store(db) as store:
        store_all_with_termbase(store, build_examples())
    return db


def altered_copy(report_db: Path, path: Path, *statements: str) -> Path:
    """A copy of the report's store at path with the SQL statements run on it."""
    shutil.copy(report_db, path)
    with sqlite3.connect(path) as conn:
        for statement in statements:
            conn.execute(statement)
    return path


def without_keys(report_db: Path, tmp_path: Path) -> Path:
    """The report's store as a schema-2 store that was opened for writing by this tmtool: keys ''."""
    return altered_copy(report_db, tmp_path / "blank.db", "UPDATE terms SET lookup_keys = ''")


def schema_2_store(report_db: Path, tmp_path: Path) -> Path:
    """The report's store as tmtool wrote it before terms.lookup_keys: schema 2, no such column."""
    return altered_copy(report_db, tmp_path / "schema2.db",
                        "ALTER TABLE terms DROP COLUMN lookup_keys", "PRAGMA user_version = 2")


def test_every_record_of_a_build_has_its_keys(report_db: Path) -> None:
    with open_store(report_db, create=False, readonly=True) as store:
        records = store.term_records()
    assert records
    for r in records:
        assert keys_from_json(r.lookup_keys, r.id) == entry_keys(entry_from_json(r.data, r.id))


def test_lookups_answer_alike_with_keys_without_them_and_on_a_schema_2_store(report_db: Path,
                                                                            tmp_path: Path) -> None:
    keyed = probe(report_db, QUERIES)
    assert len(keyed["answers"]) == len(QUERIES) >= 30  # type: ignore[arg-type]
    assert probe(without_keys(report_db, tmp_path), QUERIES) == {**keyed, "pymorphy3": True}
    assert probe(schema_2_store(report_db, tmp_path), QUERIES) == {**keyed, "pymorphy3": True}


@pytest.mark.parametrize("query", ["МОТ", "MOT", "ilo", "Международная организация труда",
                                   "международной организации труда", "организация труда"])
def test_a_query_of_words_the_termbase_holds_loads_no_analyser(report_db: Path, query: str) -> None:
    found = probe(report_db, [query])
    assert found["pymorphy3"] is False
    assert found["answers"][query]  # type: ignore[index]


def test_a_schema_2_store_opened_for_writing_gains_the_column(report_db: Path, tmp_path: Path) -> None:
    db = schema_2_store(report_db, tmp_path)
    with open_store(db) as store:
        assert {r.lookup_keys for r in store.term_records()} == {""}
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    assert probe(db, ["МОТ"]) == {**probe(report_db, ["МОТ"]), "pymorphy3": True}


def test_damaged_keys_name_the_record() -> None:
    with pytest.raises(StoreError, match=r"a\.txt:term001: damaged lookup keys"):
        keys_from_json('{"concept": 1}', "a.txt:term001")
    assert keys_from_json("", "a.txt:term001") is None


def test_postgres_store_without_the_column_reads_no_keys(pg_url: str) -> None:
    keys = keys_to_json(entry_keys(entry_from_json('{"id": "a:term001", "kind": "acronym", "ru_acronym": "МОТ"}',
                                                   "t")))
    with open_store(pg_url) as store, store.writer() as writer:
        writer.replace_terms("a", [TermRecord("a:term001", "a", 0, "{}", keys)])
    with open_store(pg_url) as store:
        assert [r.lookup_keys for r in store.term_records()] == [keys]
        store.connection.execute("ALTER TABLE terms DROP COLUMN lookup_keys")  # type: ignore[attr-defined]
    with open_store(pg_url, readonly=True) as store:
        assert store.term_records() == [TermRecord("a:term001", "a", 0, "{}")]
    with open_store(pg_url) as store:  # opened for writing: the column is back, '' in the old rows
        assert store.term_records() == [TermRecord("a:term001", "a", 0, "{}")]
        with store.writer() as writer:
            writer.replace_terms("a", [TermRecord("a:term001", "a", 0, "{}", keys)])
        assert [r.lookup_keys for r in store.term_records()] == [keys]
