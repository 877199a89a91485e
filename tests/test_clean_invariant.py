"""No repair without evidence: on clean text (UN dev set, FLORES; tests/data/clean_text) cleaning
changes nothing but whitespace, and no repair of a deleting kind is made."""
from __future__ import annotations

from pathlib import Path

import pytest

from tm.clean import Cleaned, clean_document
from tm.clean.notes import DELETING
from tm.clean.pages import PAGE_DEBRIS, PAGE_REPEAT

DATA = Path(__file__).parent / "data" / "clean_text"
SAMPLES = [(name, lang) for name in ("unv1_sample", "flores_sample") for lang in ("ru", "en")]
# Repairs that take characters out of the text.
DELETING_KINDS = (*DELETING, PAGE_DEBRIS, PAGE_REPEAT)
INVISIBLE = str.maketrans("", "", "\u200b\u2060\ufeff\u00ad")  # zero-width and soft hyphen: not text


def letters(text: str) -> str:
    """The text without whitespace and invisible characters."""
    return "".join(text.translate(INVISIBLE).split())


def rebuilt(cleaned: Cleaned) -> str:
    """The cleaned text with the numbers the structure took out of it put back ("12." of paragraph 12)."""
    pieces = []
    for block in cleaned.blocks:
        if block.number:
            pieces.append(f"{block.number}.")
        pieces.append(block.text)
    return letters("".join(pieces))


def sample(name: str, lang: str) -> list[str]:
    return (DATA / f"{name}.{lang}.txt").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize(("name", "lang"), SAMPLES, ids=[f"{n}.{lang}" for n, lang in SAMPLES])
def test_clean_text_as_one_document(name: str, lang: str) -> None:
    text = "\n".join(sample(name, lang)) + "\n"
    cleaned = clean_document(text, lang)
    assert rebuilt(cleaned) == letters(text)
    assert {kind: cleaned.repairs[kind] for kind in DELETING_KINDS} == dict.fromkeys(DELETING_KINDS, 0)


@pytest.mark.parametrize(("name", "lang"), SAMPLES, ids=[f"{n}.{lang}" for n, lang in SAMPLES])
def test_clean_text_line_by_line(name: str, lang: str) -> None:
    for line in sample(name, lang):
        cleaned = clean_document(line, lang)
        assert rebuilt(cleaned) == letters(line), line
        assert not any(cleaned.repairs[kind] for kind in DELETING_KINDS), line


# Digits the old footnote repair deleted in ordinary text (the examples): no evidence, they stay.
REAL_DIGITS = [
    ("ru", "Понтон Pontoon21 установлен на озере."),
    ("ru", "Размер коробки 21х17х4 см, вес 2 кг."),
    ("ru", "Встреча назначена в13 часов."),
    ("en", "DLR provided a small lander on board Hayabusa2."),  # UNv1 dev set
    ("en", "Finland has contributed over Euro131 million to the programme."),  # UNv1 dev set, shortened
]


@pytest.mark.parametrize(("lang", "text"), REAL_DIGITS, ids=[t for _, t in REAL_DIGITS])
def test_real_digits_stay(lang: str, text: str) -> None:
    cleaned = clean_document(text, lang)
    assert [block.text for block in cleaned.blocks] == [text]
    assert not any(cleaned.repairs[kind] for kind in DELETING)
