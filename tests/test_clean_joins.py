"""What pdftotext lost where it joined two lines, put back by evidence: cases from the dev reports as data."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import NamedTuple

import pytest

from tm.clean.joins import (
    DASH_RESTORED,
    Cuts,
    apply_repairs,
    document_evidence,
    full_line_length,
    line_repairs,
    restore_at_joins,
)
from tm.lang import profile

JOINS = Path(__file__).parent / "data" / "unpdf" / "joins.tsv"


class JoinCase(NamedTuple):
    source: str
    lang: str
    full: int
    context: tuple[str, ...]
    before: str
    after: str
    line: str


def read_cases() -> list[JoinCase]:
    rows = [row for row in JOINS.read_text(encoding="utf-8").splitlines() if row and not row.startswith("#")]
    cases = []
    for row in rows[1:]:
        source, lang, full, context, before, after, line = row.split("\t")
        cases.append(JoinCase(source, lang, int(full), () if context == "-" else tuple(context.split("|")),
                              before, after, line))
    return cases


CASES = read_cases()


@pytest.mark.parametrize("case", CASES, ids=[f"{c.source} {c.before}" for c in CASES])
def test_join_repaired_by_evidence(case: JoinCase) -> None:
    evidence = document_evidence([case.line, *case.context])
    repaired = apply_repairs(case.line, line_repairs(case.line, case.full, Cuts(profile(case.lang), evidence)))
    assert repaired == case.line.replace(case.before, case.after, 1)


def test_full_line_length_ignores_short_and_joined_lines() -> None:
    """devset-a02.en.layout.txt-like lengths: numbers, a heading, paragraph ends and two joined lines."""
    texts = ["x" * n for n in (3, 3, 12, 40, 78, 80, 81, 82, 82, 83, 84, 85, 160, 250)]
    assert full_line_length(texts) == 82


def test_no_join_in_lines_of_full_length() -> None:
    """The source's own "попрежнему" in lines no longer than the full line stays (UNv1 writes it so)."""
    texts = ["Правительство попрежнему сосредоточивало внимание на выборах в стране", "и на подготовке к ним."] * 3
    repairs: Counter[str] = Counter()
    assert restore_at_joins(texts, "ru", repairs) == texts
    assert not repairs


def test_half_dash_needs_double_dashes_in_the_document() -> None:
    """devset-a02.ru.txt line 135 "развития -это": a " -- " only where the report writes " -- "."""
    texts = (Path(__file__).parent / "data" / "unpdf" / "devset-a02.ru.120-137.txt").read_text(
        encoding="utf-8").splitlines()
    repairs: Counter[str] = Counter()
    assert "развития -- это" in restore_at_joins(texts, "ru", repairs)[15] and repairs[DASH_RESTORED] == 1
    without = [text.replace(" -- ", " — ") for text in texts]
    assert "развития -это" in restore_at_joins(without, "ru", Counter())[15]


PAIRS = frozenset({("государств", "участников"), ("государств", "членов"), ("г", "н"), ("a", "b"),
                   ("ab", "c"), ("i\u0307x", "y"), ("x", "i\u0307y")})
PAIR_LINES = ["Совещание государств участников и государств членов, государств участниковх",
              "a b ab c abc a bb -a b a b_ ab c1 г н г-н", "i\u0307x y x i\u0307y x iy государств  участников"]


@pytest.mark.parametrize("line", PAIR_LINES)
def test_pair_pattern_matches_only_pairs(line: str) -> None:
    """first_words matches where the trie of the pairs' first words, checked against the pairs, does."""
    import re

    from tm.clean.joins import LETTER, first_words, trie_pattern

    firsts = re.compile(rf"(?<![\w-])({trie_pattern({first for first, _ in PAIRS})}) (?=({LETTER}+))")
    low = line.lower()
    expected = [m.end() for m in firsts.finditer(low) if (m.group(1), m.group(2)) in PAIRS]
    pattern = first_words(PAIRS)
    assert pattern is not None and [m.end() for m in pattern.finditer(low)] == expected
    assert expected  # the lines hold some pairs


def test_written_words_as_lowered_forms_counted() -> None:
    from tm.clean.joins import VOCABULARY_WORD, written_words

    texts = ["Секретарь-Генерал и секретарь-генерал", "İstanbul, ISTANBUL; слово1 слово- Слово"]
    counted: Counter[str] = Counter()
    for form, count in Counter(VOCABULARY_WORD.findall("\n".join(texts))).items():
        counted[form.lower()] += count
    assert written_words(texts) == counted and list(written_words(texts)) == list(counted)
    assert written_words(texts[:1]) == Counter({"секретарь-генерал": 2, "и": 1})
