"""The termbase of report A/58/98 scored against the hand-made gold list (tests/data/gold_terms.tsv)."""
from __future__ import annotations

from pathlib import Path

import pytest

from glossary.model import ACRONYM, NAME, TermEntry
from glossary.reference import Reference
from termscore import load_gold, score_terms
from glossary.termbase import compile_termbase
from tm.app import build_memory, example_path

GOLD = Path(__file__).parent / "data" / "gold_terms.tsv"

# kind -> (min precision, min recall); measured 1.0/1.0 for both kinds (names were 0.90/0.84 before
# asides, dated instruments, lower-case mentions and concept variants)
THRESHOLDS = {ACRONYM: (1.0, 1.0), NAME: (0.95, 0.95)}


@pytest.fixture(scope="module")
def report_terms() -> list[TermEntry]:
    return compile_termbase(build_memory(example_path()).units)


@pytest.mark.parametrize("kind", sorted(THRESHOLDS))
def test_extraction_against_gold(report_terms: list[TermEntry], kind: str) -> None:
    score = score_terms([e for e in report_terms if e.kind == kind], [g for g in load_gold(GOLD) if g.kind == kind])
    precision, recall = THRESHOLDS[kind]
    assert score.precision >= precision, score.spurious
    assert score.recall >= recall, score.missed
    assert score.exact_forms == score.matched, score.wrong_forms
    assert score.exact_english == score.matched


def test_every_acronym_of_the_report_is_in_the_gold(report_terms: list[TermEntry]) -> None:
    gold = {g.ru_acronym for g in load_gold(GOLD) if g.kind == ACRONYM}
    assert {e.ru_acronym for e in report_terms if e.kind == ACRONYM} == gold


def test_text_alone_finds_the_bracketed_full_forms() -> None:
    """Without the reference table, every acronym spelled out in the text still gets its form."""
    entries = {e.ru_acronym: e for e in compile_termbase(build_memory(example_path()).units, Reference.empty())}
    wrong = {
        g.ru_acronym: entries[g.ru_acronym].ru_full_form
        for g in load_gold(GOLD)
        if g.kind == ACRONYM and g.found in ("text", "inferred") and entries[g.ru_acronym].ru_full_form != g.ru_full_form
    }
    # Known miss, kept visible: "программой исследования международной миграции в Латинской Америке
    # (ИМИЛА)" — without the reference table the head noun "программа" is taken into the name.
    assert set(wrong) == {"ИМИЛА"}, wrong


def test_gold_file_is_well_formed() -> None:
    gold = load_gold(GOLD)
    assert len({(g.kind, g.ru_acronym or g.ru_full_form) for g in gold}) == len(gold)
    assert all(g.kind in (ACRONYM, NAME) and g.ru_full_form for g in gold)
