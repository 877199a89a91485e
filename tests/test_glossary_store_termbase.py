"""One termbase per store (issue 12, pattern 9): a concept of several documents is one entry,
with each document's occurrences; `terms list --doc` shows one document's own entries."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.merge import merge_documents
from glossary.termbase import compile_termbase
from glossary.termstore import entry_from_json, entry_to_json
from tm.app import build_memory, build_termbase, example_path, store_build
from tm.cli import main
from tm.model import Unit
from tm.store import open_store


def test_one_concept_of_two_documents_is_one_entry() -> None:
    first = compile_termbase([Unit(id="a:1", doc="a", source="Доклад Международной организации труда (МОТ) и США.")])
    second = compile_termbase([Unit(id="b:1", doc="b", source="МОТ и США, и снова США.")])
    merged = merge_documents([*first, *second])
    by_term = {e.ru_term: e for e in merged}
    assert sorted(by_term) == ["МОТ", "США"]
    assert by_term["США"].documents == (("a", 1), ("b", 2)) and by_term["США"].occurrences == 3
    assert by_term["МОТ"].ru_full_form == "Международная организация труда"
    assert by_term["МОТ"].documents == (("a", 1), ("b", 1))


def test_documents_survive_the_store_record() -> None:
    entry = merge_documents(compile_termbase([Unit(id="a:1", doc="a", source="МОТ")]))[0]
    assert entry_from_json(entry_to_json(entry), "t").documents == (("a", 1),)
    single = compile_termbase([Unit(id="a:1", doc="a", source="МОТ")])[0]
    assert "documents" not in json.loads(entry_to_json(single))  # a document's own entry is stored as before


@pytest.fixture(scope="module")
def two_documents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("store") / "terms.db"
    with open_store(db) as store:
        for name in ("first.txt", "second.txt"):
            result = build_memory(example_path(), doc=name)
            store_build(result, store)
            build_termbase(store, name)
    return db


def test_cli_list_is_store_wide(two_documents: Path) -> None:
    done = CliRunner().invoke(main, ["terms", "list", "--kind", "acronym", "--db", str(two_documents)])
    assert done.exit_code == 0, done.output
    rows = [line.split("\t") for line in done.output.splitlines()[1:]]
    assert len(rows) == 27  # not 54
    ilo = next(r for r in rows if r[1] == "МОТ")  # after the kind column
    assert ilo[5] == "14" and ilo[6] == "first.txt (7); second.txt (7)"


def test_cli_list_doc(two_documents: Path) -> None:
    done = CliRunner().invoke(main, ["terms", "list", "--doc", "second.txt", "--kind", "acronym",
                                     "--db", str(two_documents)])
    rows = [line.split("\t") for line in done.output.splitlines()[1:]]
    assert len(rows) == 27 and next(r for r in rows if r[1] == "МОТ")[5:] == ["7", "second.txt"]


def test_cli_lookup_names_the_documents(two_documents: Path) -> None:
    done = CliRunner().invoke(main, ["terms", "lookup", "МОТ", "--db", str(two_documents)])
    assert "14 occurrences" in done.output and "documents: first.txt (7); second.txt (7)" in done.output
