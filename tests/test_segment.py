"""Russian sentence segmentation on cases written as data (tests/data/segment_ru.txt)."""
from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from tm.segment import segment_text
from tm.segment.russian import JOIN_RULES, joined_by, sentence_spans

CASES_FILE = Path(__file__).parent / "data" / "segment_ru.txt"


def read_cases() -> list[str]:
    lines = CASES_FILE.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def expected_sentences(case: str) -> list[str]:
    return [part for part in case.split("|") if part.strip()]


@pytest.mark.parametrize("case", read_cases(), ids=lambda case: case[:40])
def test_segment_case(case: str) -> None:
    text = case.replace("|", "")
    expected = expected_sentences(case)
    actual = segment_text(text, "ru")
    assert actual == expected, "\nexpected:\n  " + "\n  ".join(expected) + "\nactual:\n  " + "\n  ".join(actual)


def test_sentences_are_slices_in_order() -> None:
    for case in read_cases():
        text = case.replace("|", "")
        spans = sentence_spans(text)
        assert all(a_stop <= b_start for (_, a_stop), (b_start, _) in pairwise(spans))
        assert "".join(text[start:stop] for start, stop in spans).replace(" ", "") == text.replace(" ", "")


# (left, right, the JOIN rule that keeps them together)
BOUNDARIES = [
    ("Направления: 1) исследования;", "2) диалог.", "unterminated_left"),
    ("Это т. е.", "так.", "lower_right"),
    ("Издан «Доклад.", "», и далее.", "closing_right"),
    ("См.", "Приложение I.", "never_final_left"),
    ("ГЭФ инвестировал 200 млн. долл.", "США в портфель ассигнований на СОЗ.", "continued_left"),  # UNv1:3489
    ("Встреча прошла в г.", "Женеве.", "city_left"),
    ("Выступил Кофи А.", "Аннан.", "initial_left"),
    ("Доклад «Миграция.", "Обзор» опубликован.", "open_quote_left"),
    ("Это было в 2002 г.", "В докладе сказано.", ""),
    ("Выступил в приложении I.", "Далее.", ""),
]


@pytest.mark.parametrize("left, right, rule", BOUNDARIES, ids=[b[2] or b[0] for b in BOUNDARIES])
def test_join_rule_names(left: str, right: str, rule: str) -> None:
    assert joined_by(left, right) == rule


def test_every_join_rule_is_exercised() -> None:
    assert {rule.__name__ for rule in JOIN_RULES} <= {b[2] for b in BOUNDARIES}


def test_empty_paragraph() -> None:
    assert segment_text("", "ru") == []
