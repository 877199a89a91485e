"""Cleaning PDF-extracted text: each repair, on real excerpts of the report, as tables of cases."""
from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tm.clean import clean_document
from tm.clean.hyphenation import JOINED, JOINED_UNKNOWN, KEPT, join_lines

P, H = "paragraph", "heading"

# (id, raw text, expected blocks as (kind, number, text), expected repair counts)
CASES = [
    (
        "page debris and repeat across a page break",
        "11. Документы были представлены на различных региональных встречах, включая двадцать \n"
        "\n\n\n \n\n 7 \n \n\n A/58/98\n\n"
        "на различных региональных встречах, включая двадцать девятую сессию \nКомиссии. \n",
        [(P, "11", "Документы были представлены на различных региональных встречах, включая двадцать "
                   "девятую сессию Комиссии.")],
        {"page debris": 2, "page-break repeats": 1},
    ),
    (
        "page-break repeat starting mid-word",
        "3. Доклад для \nрассмотрения Ассамблеей. В этой же резолюции к Генеральному секретарю \n"
        " самблеей. В этой же резолюции к Генеральному секретарю обращена просьба \nеще раз.\n",
        [(P, "3", "Доклад для рассмотрения Ассамблеей. В этой же резолюции к Генеральному секретарю "
                  "обращена просьба еще раз.")],
        {"page-break repeats": 1},
    ),
    (
        "page-break repeat of a whole line",
        "29. Исследование международной миграции \nвысококвалифицированной рабочей силы и ее последствий для стран \n"
        " коквалифицированной рабочей силы и ее последствий для стран \nпроисхождения.\n",
        [(P, "29", "Исследование международной миграции высококвалифицированной рабочей силы и ее "
                   "последствий для стран происхождения.")],
        {"page-break repeats": 1},
    ),
    (
        "an indented line that repeats nothing is kept",
        "32. Миграция может способствовать росту как стран происхождения, так и \n"
        " стран назначения. Считается так.\n",
        [(P, "32", "Миграция может способствовать росту как стран происхождения, так и стран назначения. "
                   "Считается так.")],
        {},
    ),
    (
        "a number alone on a line inside running text is no page number",
        "5. Совещание состоялось в апреле \n2003 \nгода в Женеве.\n",
        [(P, "5", "Совещание состоялось в апреле 2003 года в Женеве.")],
        {"page debris": 0},
    ),
    (
        "U+FFFD en dash between numbers",
        "14. В течение периода 2001\ufffd2003 годов.\n",
        [(P, "14", "В течение периода 2001\u20132003 годов.")],
        {"U+FFFD en dash": 1},
    ),
    (
        "U+FFFD em dash between words, also at a line end",
        "6. В рамках сессии Европейской экономической комиссии \ufffd \nЕВРОСТАТ по статистике. Цель \ufffd укрепить.\n",
        [(P, "6", "В рамках сессии Европейской экономической комиссии \u2014 ЕВРОСТАТ по статистике. "
                  "Цель \u2014 укрепить.")],
        {"U+FFFD em dash": 2},
    ),
    (
        "U+FFFD quotes around a Latin title spanning lines, footnote digits after quotes",
        "4. Отдел издал «Международная миграция, 1980\ufffd1999 годы»1 и \ufffdLevels and Trends of International \n"
        "Migration to Selected Countries in Asia\ufffd («Масштабы и тенденции \n"
        "международной миграции в отдельные страны Азии»)2. Кроме того, он опубликовал \ufffdInternational Migration Report\ufffd \n"
        "(«Доклад о международной миграции за 2002 год»)3, в котором.\n",
        [(P, "4", "Отдел издал «Международная миграция, 1980\u20131999 годы» и \u201cLevels and Trends of "
                  "International Migration to Selected Countries in Asia\u201d («Масштабы и тенденции "
                  "международной миграции в отдельные страны Азии»). Кроме того, он опубликовал "
                  "\u201cInternational Migration Report\u201d («Доклад о международной миграции за 2002 год»), "
                  "в котором.")],
        {"U+FFFD quotes": 4, "U+FFFD en dash": 1, "footnote digits": 3},
    ),
    (
        "footnote digits without evidence stay: marks 4-6, no bodies, no running numbering from 1",
        "6. Отдел издал «Рекомендации: пересмотренный вариант 1»4, в котором. Конвенция \n"
        "о защите прав трудящихся-мигрантов и членов их семей5, которая. Протокол против \n"
        "ввоза мигрантов по суше, морю и воздуху6. В июле 50 км2 земли.\n",
        [(P, "6", "Отдел издал «Рекомендации: пересмотренный вариант 1»4, в котором. Конвенция о защите "
                  "прав трудящихся-мигрантов и членов их семей5, которая. Протокол против ввоза мигрантов "
                  "по суше, морю и воздуху6. В июле 50 км2 земли.")],
        {"footnote digits": 0},
    ),
    (
        "footnote digits with the running numbering 1, 2, 3 go; the 1 of a title and km2 stay",
        "5. Отдел издал «Международная миграция»1 и \nдоклад («Масштабы»)2, а также «Доклад»3. \n"
        "6. Отдел издал «Рекомендации: пересмотренный вариант 1»4, в котором. Конвенция \n"
        "о защите прав трудящихся-мигрантов и членов их семей5, которая. В июле 50 км2 земли.\n",
        [(P, "5", "Отдел издал «Международная миграция» и доклад («Масштабы»), а также «Доклад»."),
         (P, "6", "Отдел издал «Рекомендации: пересмотренный вариант 1», в котором. Конвенция о защите "
                  "прав трудящихся-мигрантов и членов их семей, которая. В июле 50 км2 земли.")],
        {"footnote digits": 5},
    ),
    (
        "paragraphs run together on one line",
        "9. Так, комиссии расширили масштабы своей работы над проблемами \n"
        "международной миграции. 10. Статистический отдел продолжает \nсоставление сводок. "
        "В 2002 году. 11. Центр продолжает.\n",
        [(P, "9", "Так, комиссии расширили масштабы своей работы над проблемами международной миграции."),
         (P, "10", "Статистический отдел продолжает составление сводок. В 2002 году."),
         (P, "11", "Центр продолжает.")],
        {"run-together paragraphs": 2},
    ),
    (
        "a number that is not the next paragraph does not split",
        "12. Они составляют \nлишь \n3 процента. Всего 2. Было 13. Так.\n",
        [(P, "12", "Они составляют лишь 3 процента. Всего 2. Было 13. Так.")],
        {},
    ),
    (
        "headings: unnumbered, Roman, letter, number, multi-line, Cyrillic С; paragraph numbers",
        "  Резюме \n В соответствии с резолюцией 56/203 представлена информация. \n"
        "  I. Введение \n \n \n\n1. По оценкам Организации. \n\n"
        " II. Деятельность соответствующих организаций, входящих \nи не входящих в систему Организации Объединенных \n"
        "Наций  \n \n\n A. Секретариат Организации Объединенных Наций \n \n\n"
        " 1. Департамент по экономическим и социальным вопросам \n \n\n"
        "2. Несколько подразделений работают. \n 3. С учетом результатов этой деятельности. \n\n"
        " С. Организации, не входящие в систему \n \n\n4. Поскольку так.\n",
        [(H, "", "Резюме"),
         (P, "", "В соответствии с резолюцией 56/203 представлена информация."),
         (H, "I", "Введение"),
         (P, "1", "По оценкам Организации."),
         (H, "II", "Деятельность соответствующих организаций, входящих и не входящих в систему "
                   "Организации Объединенных Наций"),
         (H, "A", "Секретариат Организации Объединенных Наций"),
         (H, "1", "Департамент по экономическим и социальным вопросам"),
         (P, "2", "Несколько подразделений работают."),
         (P, "3", "С учетом результатов этой деятельности."),
         (H, "С", "Организации, не входящие в систему"),
         (P, "4", "Поскольку так.")],
        {},
    ),
    (
        "line-end hyphenation decided by the dictionary",
        "17. Грань технического сотрудничест-\nва. Учебного и научно-исследователь-\nского института. "
        "Защита трудящихся-\nмигрантов и женщин-\nмигрантов. Социально-\n экономического. "
        "Так по-\nпрежнему. Буркина-\nФасо и ВИЧ-\nрисков. Этому де-\nлу.\n",
        [(P, "17", "Грань технического сотрудничества. Учебного и научно-исследовательского института. "
                   "Защита трудящихся-мигрантов и женщин-мигрантов. Социально-экономического. "
                   "Так по-прежнему. Буркина-Фасо и ВИЧ-рисков. Этому делу.")],
        {"hyphenation joined": 3, "hyphen kept": 6},
    ),
    (
        "line-end slash",
        "21. Программа по ВИЧ/ \nСПИДу работает.\n",
        [(P, "21", "Программа по ВИЧ/СПИДу работает.")],
        {"line-end slash joined": 1},
    ),
    (
        "control characters are shown, not dropped",
        "Текст\x07 с\x00 управляющими\x7f символами.\n",
        [(P, "", "Текст\u2407 с\u2400 управляющими\u2421 символами.")],
        {"control characters": 3},
    ),
    (
        "BOM, CRLF, no-break space, soft hyphen",
        "\ufeffВ 2002\u00a0году со\u00adтрудничество.\r\nДалее.\r\n",
        [(P, "", "В 2002 году сотрудничество."), (P, "", "Далее.")],  # one paragraph per line
        {"no-break spaces": 1, "soft hyphens": 1},
    ),
]


def block_tuples(text: str, lang: str = "ru") -> list[tuple[str, str, str]]:
    return [(b.kind, b.number, b.text) for b in clean_document(text, lang).blocks]


@pytest.mark.parametrize("raw, blocks, repairs", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_clean_case(raw: str, blocks: list[tuple[str, str, str]], repairs: dict[str, int]) -> None:
    cleaned = clean_document(raw, "ru")
    assert [(b.kind, b.number, b.text) for b in cleaned.blocks] == blocks
    assert {name: cleaned.repairs[name] for name in repairs} == repairs


# (left line, right line, joined text, decision): the dictionary decides, not a guess.
HYPHENATION = [
    ("технического сотрудничест-", "ва.", "технического сотрудничества.", JOINED),
    ("научно-исследователь-", "ского", "научно-исследовательского", JOINED),
    ("этому де-", "лу.", "этому делу.", JOINED),
    ("трудящихся-", "мигрантов", "трудящихся-мигрантов", KEPT),
    ("прав трудящихся-", "женщин мигрантов", "прав трудящихся-женщин мигрантов", KEPT),
    ("по-", "прежнему", "по-прежнему", KEPT),
    ("государств-", "членов", "государств-членов", KEPT),
    ("социально-", "экономического", "социально-экономического", KEPT),
    ("Информационно-", "пропагандистские", "Информационно-пропагандистские", KEPT),
    ("Буркина-", "Фасо,", "Буркина-Фасо,", KEPT),
    ("в 1990-", "х годах", "в 1990-х годах", KEPT),
    ("созданным микропредприя-", "тиям", "созданным микропредприятиям", JOINED_UNKNOWN),
    ("в (научно-", "технической) сфере", "в (научно-технической) сфере", KEPT),
]


@pytest.mark.parametrize("left, right, joined, decision", HYPHENATION, ids=[h[2] for h in HYPHENATION])
def test_hyphenation(left: str, right: str, joined: str, decision: str) -> None:
    repairs: Counter[str] = Counter()
    assert join_lines([left, right], "ru", repairs) == joined
    assert repairs == Counter({decision: 1})


EN_HYPHENATION = [
    ("inter-", "national", "international", JOINED),
    ("non-", "governmental", "non-governmental", KEPT),
    ("self-", "reliance", "self-reliance", KEPT),
    ("Asia-", "Pacific", "Asia-Pacific", KEPT),
    ("1990-", "s", "1990-s", KEPT),
]


@pytest.mark.parametrize("left, right, joined, decision", EN_HYPHENATION, ids=[h[2] for h in EN_HYPHENATION])
def test_english_hyphenation(left: str, right: str, joined: str, decision: str) -> None:
    repairs: Counter[str] = Counter()
    assert join_lines([left, right], "en", repairs) == joined
    assert repairs == Counter({decision: 1})


EN_CASES = [
    (
        "paragraphs separated by blank lines, wrapped lines joined",
        "Summary\n\nThe present report is submitted\nin accordance with resolution 56/203.\n\n"
        "1. According to United Nations estimates, the number of inter-\nnational migrants grew.\n"
        "2. Migration is linked to development.\n",
        [(H, "", "Summary"),
         (P, "", "The present report is submitted in accordance with resolution 56/203."),
         (P, "1", "According to United Nations estimates, the number of international migrants grew."),
         (P, "2", "Migration is linked to development.")],
    ),
    (
        "one paragraph per line",
        "The first paragraph is one line.\nThe second one is another line.\nA third one.\n",
        [(P, "", "The first paragraph is one line."),
         (P, "", "The second one is another line."),
         (P, "", "A third one.")],
    ),
    (
        "page debris and lost characters",
        "The period 2001\ufffd2003 saw the \ufffdInternational Migration Report\ufffd published\n\n 7 \n\n"
        "A/58/98\n\nby the Division \ufffd and others.\n",
        [(P, "", "The period 2001\u20132003 saw the \u201cInternational Migration Report\u201d published "
                 "by the Division \u2014 and others.")],
    ),
]


@pytest.mark.parametrize("raw, blocks", [c[1:] for c in EN_CASES], ids=[c[0] for c in EN_CASES])
def test_english_case(raw: str, blocks: list[tuple[str, str, str]]) -> None:
    assert block_tuples(raw, "en") == blocks


def test_empty_text_gives_no_blocks() -> None:
    assert clean_document("", "ru").blocks == []
    assert clean_document(" \n\n 7 \n", "ru").blocks == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("аб Ы.-\n\ufffd\x07\x00\x7f1»(«/ A"), max_size=200))
def test_no_lost_or_control_characters_survive(raw: str) -> None:
    for block in clean_document(raw, "ru").blocks:
        assert "\ufffd" not in block.text
        assert not any(ord(c) < 32 or ord(c) == 127 for c in block.text)
        assert block.text == block.text.strip() and "  " not in block.text
