"""The look-up table of tests/data/terms/lookup_queries.tsv: every query answered, on whole words,
with the reference table as the marked fall-back (issue 12, pattern 8)."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from glossary.lookup import REFERENCE_NOTE, TermNotFound, find_terms
from glossary.model import FOUND_REFERENCE, TermEntry
from glossary.reference import Reference
from glossary.termbase import compile_termbase
from tm.app import build_memory, example_path

TABLE = Path(__file__).parent / "data" / "terms" / "lookup_queries.tsv"
ROWS = list(csv.DictReader([ln for ln in TABLE.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")],
                           delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def entries() -> list[TermEntry]:
    return compile_termbase(build_memory(example_path()).units)


def test_the_table_has_thirty_answered_queries_at_least() -> None:
    assert len([r for r in ROWS if r["source"] != "miss"]) >= 30


@pytest.mark.parametrize("row", ROWS, ids=[r["query"] for r in ROWS])
def test_query(entries: list[TermEntry], row: dict[str, str]) -> None:
    if row["source"] == "miss":
        with pytest.raises(TermNotFound) as err:
            find_terms(entries, row["query"], Reference.load())
        assert err.value.suggestions  # a miss always names the nearest terms
        assert {t for t in row["expected"].split("; ") if t} <= set(err.value.suggestions)
        return
    found = find_terms(entries, row["query"], Reference.load())
    first = found[0]
    assert first.ru_term == row["expected"]
    from_reference = first.id.startswith("reference:")
    assert from_reference == (row["source"] == "reference")
    if from_reference:
        assert first.found == FOUND_REFERENCE and REFERENCE_NOTE in first.notes
    unwanted = {t for t in (row["must_not"] or "").split("; ") if t}
    assert not unwanted & {e.ru_term for e in found}


def test_short_acronyms_do_not_match_inside_words(entries: list[TermEntry]) -> None:
    """ЕС is no part of «экономический», ВОЗ none of «возможностей»."""
    with pytest.raises(TermNotFound):
        find_terms([e for e in entries if e.ru_acronym not in ("ЕС", "ВОЗ")], "ЕС")
    assert all(e.ru_acronym != "" or "возможност" not in e.ru_full_form.lower()
               for e in find_terms(entries, "ВОЗ", Reference.load()))
