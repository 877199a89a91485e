"""glossary.heads: a word it says cannot get a head's lemma gets none when parsed; the table keeps its premises."""
from __future__ import annotations

import pytest

from glossary import rules
from glossary.heads import PARADIGM_PREFIXES, head_forms, may_be_predicted_head, one_letter_forms
from tm.app import example_path
from tm.lang.morph import analyzer, known_word
from tm.lang.script import COMPOUND_WORD

# words the dictionary does not know: names, misspellings, compounds, mixed scripts, prefixed heads
UNKNOWN = ["Гутерриш", "Абьее", "подкомиссиями", "Минсоюза", "Евросоюзом", "суперкомиссия", "антифондами",
           "квазисоветом", "Кастро-Рус", "Комитет-Х", "ЮНИСЕФом", "Koмиccия", "организацыя", "Конвенцыи",
           "секритариата", "мегаорганизация", "ультрацентром", "гиперпакта", "Ассамблейного", "трибуналовый",
           "нежурналируемым", "закоммичены", "Гиперсексуализация", "метилендиоксиметамфетамин", "предсессионные"]


def head_lemmas(word: str) -> list[str]:
    """The lemmas of every reading that are a head's (ё as е)."""
    return [p.normal_form.replace("ё", "е") for p in analyzer().parse(word)
            if p.normal_form.replace("ё", "е") in rules.NAME_HEADS]


def test_the_heads_keep_the_premises() -> None:
    """No head has a hyphen or starts with a paradigm prefix; each is seven letters or more or starts so."""
    assert not [h for h in rules.NAME_HEADS if "-" in h or h.startswith(PARADIGM_PREFIXES)]
    assert all(may_be_predicted_head(h) for h in rules.NAME_HEADS)
    assert all(may_be_predicted_head(f) for f in one_letter_forms())


@pytest.mark.parametrize("word", UNKNOWN)
def test_a_word_told_apart_gets_no_head_lemma(word: str) -> None:
    lower = word.lower().replace("ё", "е")
    if not may_be_predicted_head(lower):
        assert head_lemmas(word) == []


def test_no_unknown_word_of_the_report_told_apart_gets_a_head_lemma() -> None:
    words = set(COMPOUND_WORD.findall(example_path().read_text(encoding="utf-8"))) | set(UNKNOWN)
    unknown = [w for w in words if not known_word(w) and w.lower().replace("ё", "е") not in head_forms()]
    told_apart = [w for w in unknown if not may_be_predicted_head(w.lower().replace("ё", "е"))]
    assert len(told_apart) > 10  # the shortcut is taken
    assert [w for w in told_apart if head_lemmas(w)] == []


def test_a_prefixed_head_is_still_parsed() -> None:
    """"подкомиссия" keeps "по": parsed (its lemma is "подкомиссия", not a head, but only parsing tells)."""
    assert may_be_predicted_head("подкомиссия")
    assert may_be_predicted_head("комиссияы")
