"""Extraction patterns, one data table per pattern of issue 3."""
from __future__ import annotations

import pytest

from glossary.extract import acronyms_in, default_strategies, define
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
    ("ГОЛОСУЙТЕ ЗА НАС", []),  # a headline: a preposition, a pronoun and a dictionary word in capitals
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
    # an aside inside the complement, resumed by ", и" and a word in the complement's case; "за" + pronoun
    (("преступности: Протокола о предупреждении и пресечении торговли людьми, особенно женщинами и детьми, и "
      "наказании за нее и Протокола против незаконного ввоза мигрантов по суше, морю и воздуху."),
     ["Протокола о предупреждении и пресечении торговли людьми, особенно женщинами и детьми, и наказании за нее",
      "Протокола против незаконного ввоза мигрантов по суше, морю и воздуху"]),
    ("Протокол о защите детей, особенно девочек, в котором", ["Протокол о защите детей"]),  # not resumed
    # dated instruments: year, "(№ N)", a bracketed participle; "и об" continues the complement
    (("а именно Конвенция 1949 года (№ 97) о трудящихся мигрантах (пересмотренная) и Конвенция 1975 года "
      "(№ 143) о злоупотреблениях в области миграции и об обеспечении трудящимся-мигрантам равенства возможностей."),
     ["Конвенция 1949 года (№ 97) о трудящихся мигрантах (пересмотренная)",
      ("Конвенция 1975 года (№ 143) о злоупотреблениях в области миграции и об обеспечении трудящимся-мигрантам "
       "равенства возможностей")]),
    ("Конвенция 1951 года и Протокол 1967 года, касающиеся статуса", ["Конвенция 1951 года", "Протокол 1967 года"]),
    ("Отдел 2003 года", ["Отдел"]),  # only instruments are dated
    # a lower-case head before a capital: a candidate, kept only when confirmed (see ENTRIES below)
    ("возможность созыва конференции Организации Объединенных Наций по международной миграции и развитию.",
     ["Организации Объединенных Наций", "конференции Организации Объединенных Наций по международной миграции и развитию"]),
    ("своей Региональной программы расширения возможностей и прав трудящихся-женщин мигрантов в Азии Фонд",
     ["Региональной программы расширения возможностей и прав трудящихся-женщин мигрантов в Азии", "Фонд"]),
    # a person's name: in the genitive right after a bare head, not after other words nor in the nominative
    ("данные Университета Джонса Хопкинса.", ["Университета Джонса Хопкинса"]),
    ("с фрегата «Адмирал Флота Советского Союза Горшков» пуски", ["Советского Союза"]),
    ("«Адмирал Флота Советского Союза Николая Кузнецова»", ["Советского Союза"]),
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


# sentences -> the name entries compiled from them, as (dictionary form, occurrences, other Russian forms)
NAME_ENTRIES = [
    # lower-case mentions count when a capitalised mention confirms the name ...
    (("Вопрос о созыве конференции Организации Объединенных Наций по миграции и развитию.",
      "40. Конференция Организации Объединенных Наций по миграции и развитию рассматривается.",
      "Созыв конференции Организации Объединенных Наций по миграции и развитию не решен."),
     [("Конференция Организации Объединенных Наций по миграции и развитию", 3, ()),
      ("Организация Объединенных Наций", 2, ())]),
    # ... and are nothing alone
    (("Вопрос о созыве конференции Организации Объединенных Наций по миграции и развитию.",
      "Созыв конференции Организации Объединенных Наций по миграции и развитию не решен."),
     [("Организация Объединенных Наций", 2, ())]),
    # "Head + genitive" seen once: a name when no other name has that head ...
    (("Фонд работает с целевой группой Пакта стабильности в регионе.",), [("Пакт стабильности", 1, ())]),
    # ... a short reference to a named body when one has it
    (("Детский фонд Организации Объединенных Наций (ЮНИСЕФ) помогает детям.",
      "Этим Фондом информационной работы руководит совет."), []),
    # after the country a body belongs to, a complement is the sentence's, not the name's (issue 12)
    (("Банк России снизил ставку.", "Решение Банка России ожидали.", "Прогноз Банка России по инфляции вырос."),
     [("Банк России", 3, ())]),
    # two Russian names the reference table gives the same English: one entry, both names
    (("Так, Экономическая комиссия для Европы (ЕЭК) расширила работу.",
      "Работают Статистический отдел Европейской экономической комиссии и Европейская экономическая комиссия."),
     [("Статистический отдел", 1, ())]),
]


@pytest.mark.parametrize("sentences,expected", NAME_ENTRIES, ids=[str(i) for i in range(len(NAME_ENTRIES))])
def test_name_entries(sentences: tuple[str, ...], expected: list[tuple[str, int, tuple[str, ...]]]) -> None:
    entries = [e for e in compile_termbase(units_of(*sentences)) if e.kind == "name"]
    assert [(e.ru_full_form, e.occurrences, e.ru_variants) for e in entries] == expected


def test_second_russian_name_becomes_a_variant() -> None:
    entries = compile_termbase(units_of(
        "Так, Экономическая комиссия для Европы (ЕЭК) расширила работу.",
        "Работают Статистический отдел Европейской экономической комиссии и Европейская экономическая комиссия."))
    entry = next(e for e in entries if e.ru_acronym == "ЕЭК")
    assert (entry.ru_full_form, entry.ru_variants, entry.occurrences) == (
        "Экономическая комиссия для Европы", ("Европейская экономическая комиссия",), 3)


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
