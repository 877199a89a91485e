"""normalize_text skips its split and join when the text is in form already, and a search's candidates are
made comparable and lower-cased in one batch: the same output as text by text (words_of as a check)."""
from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.utils import default_process

from tm.markup import ISOLATED_MARK, OPEN_MARK
from tm.match import comparable, comparable_all, lower_all, normalize_text
from tm.search import words_of

TEXTS = (
    "", " ", "a", "Доклад Генерального секретаря", "  два  пробела ", "tab\there", "nbsp\u00a0here",
    "line\u2028sep", "thin\u2009space", "narrow\u202fnbsp", "ideo\u3000space", "end ", " start", "e\u0301te",
    "\u00e9t\u00e9", "soft\u00adhyphen", "zero\u200bwidth", "İstanbul", "1 000 человек, 25%", "a  1  b", "²3 Ⅻ x",
    "x\u0870y z", "(a) b; c.", "\x1cfs\x85nel", "Ё и й",
)


def reference_normalize(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def reference_words(text: str) -> str:
    return " ".join(w for w in default_process(text).split() if not w.isdigit())


@pytest.mark.parametrize("text", TEXTS)
def test_normalize_text_is_the_split_and_join(text: str) -> None:
    assert normalize_text(text) == reference_normalize(text)


@pytest.mark.parametrize("text", TEXTS)
def test_words_of_is_the_split_and_join(text: str) -> None:
    assert words_of(text) == reference_words(text)


def test_every_whitespace_but_the_space_is_unprintable() -> None:
    """What normalize_text's fast path rests on: a printable text splits only at ' '."""
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert [c for c in spaces if c.isprintable()] == [" "]


# Batches that pass the one test, and batches that each of its parts fails: a code mark, a text that is
# not NFC alone or only across a boundary ("e" then a combining accent), spaces at an edge, a newline.
BATCHES = (
    [], [""], ["", ""], ["Доклад", "Генерального секретаря"], ["e", "\u0301te"], ["e\u0301te", "x"],
    ["a ", "b"], ["a", " b"], ["a  b"], ["a\nb", "c"], ["Цена 5" + ISOLATED_MARK + "10", "x"],
    [OPEN_MARK + "при" + "\ufffbмер"], ["ΟΔΟΣ", "Σ ΑΘΗΝΑ"], ["İstanbul", "ΣΑ"], list(TEXTS),
)


@pytest.mark.parametrize("texts", BATCHES)
def test_comparable_all_is_comparable_of_each(texts: list[str]) -> None:
    assert comparable_all(texts) == [comparable(t) for t in texts]
    forms = comparable_all(texts)
    assert lower_all(forms) == [f.lower() for f in forms]


@given(st.lists(st.text(alphabet=st.sampled_from("aéΣσς \u0301\u00a0\nЁё" + ISOLATED_MARK + "İ"), max_size=8),
                max_size=6))
def test_comparable_all_property(texts: list[str]) -> None:
    forms = comparable_all(texts)
    assert forms == [comparable(t) for t in texts]
    assert lower_all(forms) == [f.lower() for f in forms]
