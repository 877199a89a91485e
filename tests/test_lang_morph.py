"""tm.lang.morph: a word with a Cyrillic letter reads as its lower case, and shares its parses."""
from __future__ import annotations

import pytest

from tm.app import example_path
from tm.lang.morph import CYRILLIC_LETTER, analyzer, parse
from tm.lang.script import COMPOUND_WORD


def readings(word: str) -> list[tuple[str, str, str, float, tuple[str, ...]]]:
    """pymorphy3's own readings, uncached: form, tag, lemma, score and the analysers that gave them."""
    return [(p.word, str(p.tag), p.normal_form, p.score, tuple(type(m[0]).__name__ for m in p.methods_stack))
            for p in analyzer().parse(word)]


@pytest.mark.parametrize("word", ["Комиссии", "КОМИССИИ", "Гутерриш", "ЮНИСЕФом", "Koмиccия", "Кастро-Рус", "ООН"])
def test_a_word_and_its_lower_case_share_one_parse(word: str) -> None:
    assert parse(word) is parse(word.lower())
    assert [(p.word, str(p.tag), p.normal_form) for p in parse(word)] == [r[:3] for r in readings(word)]


@pytest.mark.parametrize("word", ["Я", "В", "II", "UN", "Council", "COVID"])
def test_a_single_letter_or_a_latin_word_is_parsed_as_written(word: str) -> None:
    assert [(p.word, str(p.tag), p.normal_form) for p in parse(word)] == [r[:3] for r in readings(word)]


def test_every_capitalised_word_of_the_report_reads_as_its_lower_case() -> None:
    words = {w for w in COMPOUND_WORD.findall(example_path().read_text(encoding="utf-8"))
             if w.lower() != w and len(w) > 1 and CYRILLIC_LETTER.search(w)}
    assert len(words) > 100
    assert [w for w in sorted(words) if readings(w) != readings(w.lower())] == []
