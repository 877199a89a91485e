"""The name finder's shortcuts answer as the full tests would: which words are heads, where a name may start."""
from __future__ import annotations

import pytest

from glossary import rules
from glossary.names import head_of, name_starts, word_is_head, word_phrase_parses
from glossary.normalise import is_acronym_word, lemma
from glossary.tokens import tokenize
from tm.app import example_path
from tm.lang.script import COMPOUND_WORD


def parsed_is_head(word: str) -> bool:
    """word_is_head without its shortcut: every word parsed."""
    return not is_acronym_word(word) and lemma(word) in rules.NAME_HEADS and any(
        p.tag.POS == "NOUN" for p in word_phrase_parses(word))


# heads in several forms, ё, hyphens, words the dictionary does not know, Latin, and near misses
WORDS = ["Комиссия", "комиссии", "КОМИССИИ", "Объединённых", "союзом", "Союз", "союзный", "подкомиссия",
         "Суда", "суда", "судно", "ВОЗ", "Фонда", "фондовый", "фондам", "Бюро", "группе", "групповой",
         "Совет", "советник", "Совета-наблюдателя", "Организаций", "организационный", "Комитет-Х",
         "Евросоюз", "Минсоюза", "секретариате", "Секретаря", "Минздрав", "Гутерриш", "Абьее", "Council",
         "Unesco", "Кастро-Рус", "силами", "Силы", "сила", "лиги", "Лигой", "армии", "Армией", "партии"]


@pytest.mark.parametrize("word", WORDS)
def test_word_is_head_as_parsed(word: str) -> None:
    assert word_is_head(word) == parsed_is_head(word)


def test_word_is_head_as_parsed_on_the_report() -> None:
    words = sorted(set(COMPOUND_WORD.findall(example_path().read_text(encoding="utf-8"))))
    differ = [w for w in words if word_is_head(w) != parsed_is_head(w)]
    assert differ == []
    assert sum(map(word_is_head, words)) > 50  # the report names many bodies


# sentence -> the tokens name_starts gives (a capital in a run of words holding a head after it)
STARTS = [
    ("Доклад Генерального секретаря о работе", ["Доклад", "Генерального"]),
    ("В 2001 году Совет Безопасности", ["Совет"]),
    ("Москва, Совет и Фонд.", ["Совет", "Фонд"]),
    ("созыва конференции Организации Объединенных Наций", ["Организации"]),  # "конференции" heads a lower-case name
    ("Программа (ПРООН) и Фонд", ["Программа", "Фонд"]),
    ("Он сказал это вчера.", []),
]


@pytest.mark.parametrize("sentence,expected", STARTS, ids=[s for s, _ in STARTS])
def test_name_starts(sentence: str, expected: list[str]) -> None:
    tokens = tokenize(sentence)
    heads = [k for k, t in enumerate(tokens) if t.is_word and word_is_head(t.text)]
    assert [tokens[i].text for i in name_starts(tokens, heads)] == expected


def test_no_name_starts_outside_name_starts() -> None:
    """Every capital of the report at which head_of finds a head is one name_starts gives."""
    for line in example_path().read_text(encoding="utf-8").splitlines():
        tokens = tokenize(line)
        heads = [k for k, t in enumerate(tokens) if t.is_word and word_is_head(t.text)]
        starts = set(name_starts(tokens, heads))
        found = {i for i, t in enumerate(tokens) if t.capitalised and head_of(tokens, i) is not None}
        assert found <= starts, line


QUOTED_CASES = ["проект «Метрополис» начат", "проект « Метрополис » начат", "файл «%s» не найден",
                "Значение «exact» означает", "«Метрополис»", "1 «Метрополис»", "проект «Метро-полис»"]


def test_may_hold_name_false_only_without_names() -> None:
    """may_hold_name's shortcut (no head, no capitalised word in guillemets after a word) drops no name."""
    from glossary.names import may_hold_name

    lines = [*example_path().read_text(encoding="utf-8").splitlines(), *QUOTED_CASES]
    dropped = [line for line in lines if not may_hold_name(line)]
    assert dropped and [line for line in dropped if tokens_names(line)] == []
    assert [tokens_names(line) for line in QUOTED_CASES[:2]] == [["Метрополис"], ["Метрополис"]]
    assert may_hold_name("проект «Метрополис» начат") and not may_hold_name("файл «%s» не найден")


def tokens_names(line: str) -> list[str]:
    """names_in without may_hold_name: every line tokenized."""
    from glossary import names

    original = names.may_hold_name
    names.may_hold_name = lambda text: True
    try:
        return [n.phrase for n in names.names_in(line, 0)]
    finally:
        names.may_hold_name = original
