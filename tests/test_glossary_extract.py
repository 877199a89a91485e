"""Extraction patterns, one data table per pattern of issue 3."""
from __future__ import annotations

import pytest

from glossary.extract import acronyms_in, define, default_strategies
from glossary.infer import initials_start
from glossary.model import FOUND_INFERRED, FOUND_REFERENCE, FOUND_TEXT, FOUND_UNDEFINED
from glossary.names import names_in
from glossary.normalise import dictionary_form
from glossary.reference import Reference
from glossary.termbase import NO_ENGLISH, compile_termbase
from glossary.tokens import tokenize
from tm.model import Unit

# text -> acronyms found (combined forms split; numerals, symbols and "№ 97" are not acronyms)
ACRONYMS = [
    ("Программа ТОКТЕН доказала", ["ТОКТЕН"]),
    ("встречи ЕЭК/ЕВРОСТАТ по статистике", ["ЕЭК", "ЕВРОСТАТ"]),
    ("связи миграции с заболеваемостью ВИЧ/СПИДом", ["ВИЧ", "СПИД"]),
    ("по ВИЧ/СПИДу (ЮНЭЙДС)", ["ВИЧ", "СПИД", "ЮНЭЙДС"]),
    ("источник ВИЧ-инфекции", ["ВИЧ"]),
    ("II. Деятельность соответствующих организаций", []),
    ("III. Возможные механизмы", []),
    ("мигрантов (A/56/329) и о торговле", []),
    ("A/58/98", []),
    ("Конвенция 1949 года (№ 97) о трудящихся", []),
    ("С. Организации, не входящие в систему", []),
    ("Организация Объединенных Наций", []),
    ("the UNESCO report", ["UNESCO"]),
    ("ГОЛОСУЙТЕ ЗА НАС", ["ГОЛОСУЙТЕ"]),  # a headline: "ЗА" spells a preposition, "НАС" a pronoun
]


@pytest.mark.parametrize("text,expected", ACRONYMS, ids=[t for t, _ in ACRONYMS])
def test_acronyms(text: str, expected: list[str]) -> None:
    assert [a for a, _, _ in acronyms_in(text)] == expected


# sentence with "(ACRONYM)" -> the full name found before the bracket, and how
BRACKETS = [
    ("Несколько подразделений Департамента по экономическим и социальным вопросам (ДЭСВ) осуществляют",
     "ДЭСВ", "Департамента по экономическим и социальным вопросам", "initials"),
    ("объединяя усилия Института, Международной организации труда (МОТ) и Фонда",
     "МОТ", "Международной организации труда", "initials"),
    ("и Фонда Организации Объединенных Наций в области народонаселения (ЮНФПА).",
     "ЮНФПА", "Фонда Организации Объединенных Наций в области народонаселения", "heads"),
    ("является ключевым видом деятельности Учебного и научно-исследовательского института Организации "
     "Объединенных Наций (ЮНИТАР) в сфере", "ЮНИТАР",
     "Учебного и научно-исследовательского института Организации Объединенных Наций", "heads"),
    ("партнерам из числа неправительственных организаций (НПО) и персоналу",
     "НПО", "неправительственных организаций", "heads"),
    ("присоединения к Генеральному соглашению по торговле услугами (ГАТС) и",
     "ГАТС", "Генеральному соглашению по торговле услугами", "heads"),
    ("и Экономическая комиссия для Азии и Тихого океана (ЭСКАТО) расширили",
     "ЭСКАТО", "Экономическая комиссия для Азии и Тихого океана", "heads"),
    ("Во-вторых, она занималась осуществлением передачи знаний через репатриантов (ТОКТЕН) —",
     "ТОКТЕН", "передачи знаний через репатриантов", "chain"),
]


@pytest.mark.parametrize("sentence,acronym,phrase,method", BRACKETS, ids=[b[1] for b in BRACKETS])
def test_bracket_definitions_without_reference(sentence: str, acronym: str, phrase: str, method: str) -> None:
    paren = sentence.index(f"({acronym})")
    found = define(acronym, 0, sentence, paren, default_strategies(None))
    assert found is not None
    assert (found.phrase, found.method) == (phrase, method)


def test_reference_finds_the_start_the_letters_cannot() -> None:
    sentence = "базу данных своей программы исследования международной миграции в Латинской Америке (ИМИЛА)."
    found = define("ИМИЛА", 0, sentence, sentence.index("(ИМИЛА"), default_strategies(Reference.load().start_of))
    assert found is not None
    assert (found.phrase, found.method) == ("исследования международной миграции в Латинской Америке", "reference")


# acronym, words -> the word its initials start at (None: no match)
INITIALS = [
    ("ОУПЖ", "Отдел по улучшению положения женщин", "Отдел"),
    ("ЭКОСОС", "Экономического и Социального Совета", "Экономического"),
    ("ДЭСВ", "подразделений Департамента по экономическим и социальным вопросам", "Департамента"),
    ("УВКПЧ", "Управление Верховного комиссара Организации Объединенных Наций по правам человека", "Управление"),
    ("ЛАКДЦ", "Латиноамерикано-карибский демографический центр", "Латиноамерикано-карибский"),
    ("ОБСЕ", "Организация по безопасности и сотрудничеству в Европе", "Организация"),
    ("ЮНФПА", "Фонда Организации Объединенных Наций в области народонаселения", None),
    ("ЕЭК", "Экономическая комиссия для Европы", None),
]


@pytest.mark.parametrize("acronym,phrase,start", INITIALS, ids=[i[0] for i in INITIALS])
def test_initials(acronym: str, phrase: str, start: str | None) -> None:
    words = [t for t in tokenize(phrase) if t.is_word]
    index = initials_start(acronym, words)
    assert (words[index].text if index is not None else None) == start


# text form -> dictionary form (only the head phrase changes case)
DICTIONARY_FORMS = [
    ("Международной организации труда", "Международная организация труда"),
    ("Фондом Организации Объединенных Наций для развития в интересах женщин",
     "Фонд Организации Объединенных Наций для развития в интересах женщин"),
    ("неправительственных организаций", "неправительственная организация"),
    ("Продовольственной и сельскохозяйственной организации Объединенных Наций",
     "Продовольственная и сельскохозяйственная организация Объединенных Наций"),
    ("Учебного и научно-исследовательского института Организации Объединенных Наций",
     "Учебный и научно-исследовательский институт Организации Объединенных Наций"),
    ("Экономического и Социального Совета", "Экономический и Социальный Совет"),
    ("Генеральному соглашению по торговле услугами", "Генеральное соглашение по торговле услугами"),
    ("Международной конвенции о защите прав всех трудящихся-мигрантов и членов их семей",
     "Международная конвенция о защите прав всех трудящихся-мигрантов и членов их семей"),
    ("Амстердамского договора", "Амстердамский договор"),
    ("передачи знаний через репатриантов", "передача знаний через репатриантов"),
    ("Латиноамерикано-карибский демографический центр", "Латиноамерикано-карибский демографический центр"),
    ("Организации Объединенных Наций", "Организация Объединенных Наций"),
]


@pytest.mark.parametrize("text,expected", DICTIONARY_FORMS, ids=[t for t, _ in DICTIONARY_FORMS])
def test_dictionary_form(text: str, expected: str) -> None:
    assert dictionary_form(text) == expected


# sentence -> names in it (a name runs on through genitives, "и", name prepositions, lists)
NAMES = [
    ("На Отдел народонаселения возложена ответственность", ["Отдел народонаселения"]),
    ("В связи с этим Отдел народонаселения Секретариата Организации Объединенных Наций обратился",
     ["Отдел народонаселения", "Секретариата Организации Объединенных Наций"]),
    ("Помимо этого, Статистический отдел Европейской экономической комиссии организует",
     ["Статистический отдел", "Европейской экономической комиссии"]),
    ("такие, как Комиссия по народонаселению и развитию или специальная сессия Генеральной Ассамблеи.",
     ["Комиссия по народонаселению и развитию", "Генеральной Ассамблеи"]),
    ("параллельно с этапом Экономического и Социального Совета Отдел по поддержке ЭКОСОС и координации, также",
     ["Экономического и Социального Совета", "Отдел по поддержке ЭКОСОС и координации"]),
    ("и Протокола против незаконного ввоза мигрантов по суше, морю и воздуху.",
     ["Протокола против незаконного ввоза мигрантов по суше, морю и воздуху"]),
    ("Генеральная Ассамблея просила Генерального секретаря представить доклад",
     ["Генеральная Ассамблея", "Генерального секретаря"]),
    ("в системе Организации Объединенных Наций для решения вопросов", ["Организации Объединенных Наций"]),
    ("После заключения в 1997 году Амстердамского договора, в котором", ["Амстердамского договора"]),
    ("Международный проект «Метрополис» предусматривает", ["Метрополис"]),
    ("Принятый Конференцией План действий содержит", ["Конференцией"]),  # a participle is no part of it; one word: no entry
    ("«Международный форум по вопросам социального развития»", []),
]


@pytest.mark.parametrize("sentence,expected", NAMES, ids=[n[0][:40] for n in NAMES])
def test_names(sentence: str, expected: list[str]) -> None:
    assert [n.phrase for n in names_in(sentence, 0)] == expected


def units_of(*sentences: str) -> list[Unit]:
    return [Unit(id=f"d:{i:05d}", doc="d", source=s, position=i) for i, s in enumerate(sentences)]


# sentences -> (acronym, how found, dictionary form)
ENTRIES = [
    (("Отдел по улучшению положения женщин осуществляет деятельность.", "ОУПЖ организовал заседание."),
     "ОУПЖ", FOUND_INFERRED, "Отдел по улучшению положения женщин"),
    (("Совещание Экономического и Социального Совета Отдел по поддержке ЭКОСОС и координации провел.",),
     "ЭКОСОС", FOUND_INFERRED, "Экономический и Социальный Совет"),
    (("Совместные встречи ЕЭК/ЕВРОСТАТ по статистике.",), "ЕВРОСТАТ", FOUND_REFERENCE,
     "Статистическое бюро Европейских сообществ"),
    (("Связь между мобильностью населения и ВИЧ/СПИДом обусловлена.",), "СПИД", FOUND_REFERENCE,
     "синдром приобретенного иммунодефицита"),
    (("Работа Международной организации труда (МОТ) важна.",), "МОТ", FOUND_TEXT, "Международная организация труда"),
    (("Проект ЩЖЦ не определен.",), "ЩЖЦ", FOUND_UNDEFINED, ""),
]


@pytest.mark.parametrize("sentences,acronym,found,full_form", ENTRIES, ids=[e[1] for e in ENTRIES])
def test_entries(sentences: tuple[str, ...], acronym: str, found: str, full_form: str) -> None:
    entry = next(e for e in compile_termbase(units_of(*sentences)) if e.ru_acronym == acronym)
    assert (entry.found, entry.ru_full_form) == (found, full_form)


def test_entry_without_english_says_so() -> None:
    entry = next(e for e in compile_termbase(units_of("Проект ЩЖЦ не определен.")) if e.ru_acronym == "ЩЖЦ")
    assert not entry.has_english and NO_ENGLISH in entry.notes


def test_aligned_units_supply_a_missing_english_acronym() -> None:
    units = [Unit(id=f"d:{i:05d}", doc="d", source=s, target=t, position=i) for i, (s, t) in enumerate([
        ("Проект ЩЖЦ начат.", "The XYZ project started."), ("ЩЖЦ завершен.", "XYZ is complete.")])]
    entry = next(e for e in compile_termbase(units) if e.ru_acronym == "ЩЖЦ")
    assert (entry.en_acronym, entry.en_source) == ("XYZ", "aligned")


# aligned (source, target) pairs -> English acronym taken for "ЩЖЦ" (None: none)
ALIGNED = [
    ((("ЩЖЦ начат.", "XYZ started."), ("ЩЖЦ завершен.", "XYZ is complete.")), "XYZ"),  # agreed in 2 units
    ((("ЩЖЦ начат.", "The FIFA XYZ started."),), None),  # one unit, nothing like "SHCHZHTS"
    ((("Проект ЮНИТАР начат.", "The UNITAR FIFA project."),), "UNITAR"),  # one unit, the transliteration
]


@pytest.mark.parametrize("pairs,expected", ALIGNED, ids=["agreed", "ambiguous", "transliterated"])
def test_aligned_acronym(pairs: tuple[tuple[str, str], ...], expected: str | None) -> None:
    units = [Unit(id=f"d:{i:05d}", doc="d", source=s, target=t, position=i) for i, (s, t) in enumerate(pairs)]
    entry = next(e for e in compile_termbase(units, Reference.empty()) if e.ru_acronym in ("ЩЖЦ", "ЮНИТАР"))
    assert (entry.en_acronym or None) == expected


def test_empty_document_gives_empty_termbase() -> None:
    assert compile_termbase([]) == []
