"""Lookup from any of the four names, case-insensitively; unknown queries exit 1 with suggestions."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.lookup import TermNotFound, find_terms
from glossary.model import TermEntry
from glossary.termbase import compile_termbase
from tm.app import build_memory, build_termbase, example_path, store_build
from tm.cli import main
from tm.store import open_store


@pytest.fixture(scope="module")
def entries() -> list[TermEntry]:
    return compile_termbase(build_memory(example_path()).units)


@pytest.fixture(scope="module")
def terms_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("terms") / "terms.db"
    result = build_memory(example_path())
    with open_store(db) as store:
        store_build(result, store)
        build_termbase(store, result.info.name)
    return db


# query -> Russian acronym (or full form) of the first entry found
QUERIES = [
    ("МОТ", "МОТ"), ("мот", "МОТ"), ("ILO", "МОТ"), ("ilo", "МОТ"),
    ("Международная организация труда", "МОТ"), ("International Labour Organization", "МОТ"),
    ("организация труда", "МОТ"), ("организации труда", "МОТ"), ("labour", "МОТ"),
    ("юнфпа", "ЮНФПА"), ("Population Fund", "ЮНФПА"), ("hiv", "ВИЧ"),
    ("Отдел народонаселения", "Отдел народонаселения"), ("population division", "Отдел народонаселения"),
    ("Европейская экономическая комиссия", "ЕЭК"), ("европейской экономической комиссии", "ЕЭК"),  # a variant
]


@pytest.mark.parametrize("query,expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_lookup(entries: list[TermEntry], query: str, expected: str) -> None:
    assert find_terms(entries, query)[0].ru_term == expected


def test_unknown_query_suggests_nearest(entries: list[TermEntry]) -> None:
    with pytest.raises(TermNotFound) as err:
        find_terms(entries, "ЮНИСЕВ")
    assert "ЮНИСЕФ" in err.value.suggestions


def test_cli_lookup(terms_db: Path) -> None:
    done = CliRunner().invoke(main, ["terms", "lookup", "ilo", "--db", str(terms_db)])
    assert done.exit_code == 0, done.output
    assert done.output.startswith("МОТ — Международная организация труда\n  en: ILO — International Labour Organization")
    assert "7 occurrences" in done.output


def test_cli_unknown_exits_1_with_suggestions(terms_db: Path) -> None:
    done = CliRunner().invoke(main, ["terms", "lookup", "ЮНИСЕВ", "--db", str(terms_db)])
    assert done.exit_code == 1
    assert "ЮНИСЕФ" in done.output


def test_cli_list_kind_json(terms_db: Path) -> None:
    done = CliRunner().invoke(main, ["terms", "list", "--kind", "acronym", "--json", "--db", str(terms_db)])
    assert done.exit_code == 0, done.output
    data = [json.loads(line) for line in done.output.splitlines()]  # JSON Lines: one entry per line
    assert {d["kind"] for d in data} == {"acronym"} and len(data) == 27


def test_cli_usage_error_exits_2(terms_db: Path) -> None:
    done = CliRunner().invoke(main, ["terms", "list", "--kind", "verb", "--db", str(terms_db)])
    assert done.exit_code == 2


def test_cli_lookup_falls_back_to_the_reference_table(terms_db: Path) -> None:
    done = CliRunner().invoke(main, ["terms", "lookup", "ЮНЕСКО", "--db", str(terms_db)])
    assert done.exit_code == 0, done.output
    assert done.output.startswith("ЮНЕСКО — ") and "found: reference" in done.output
    assert "from the reference table: not in the documents" in done.output


def test_cli_lookup_case_ending_and_look_alike_letters(terms_db: Path) -> None:
    for query in ("МОТа", "MOT"):
        done = CliRunner().invoke(main, ["terms", "lookup", query, "--db", str(terms_db)])
        assert done.output.startswith("МОТ — Международная организация труда"), (query, done.output)


def test_cli_list_has_a_header_row(terms_db: Path) -> None:
    done = CliRunner().invoke(main, ["terms", "list", "--db", str(terms_db)])
    assert done.output.splitlines()[0] == (
        "kind\tru_acronym\tru_full_form\ten_acronym\ten_full_form\toccurrences\tdocuments")
