"""The extraction patterns of issue 12, each with its real example.

Sentences marked [UNv1 n] are line n of the UN Parallel Corpus v1.0 development set (United Nations;
Ziemski, Junczys-Dowmunt and Pouliquen, LREC 2016), copied with that credit; [FLORES] marks a sentence
of the FLORES-200 devtest (Meta AI, CC BY-SA 4.0), copied with that attribution; the others are the
issue's examples (news text, which may not be copied) put into a short sentence. The dev set as a whole is scored by
`python bench/term_score.py --unv1` against tests/data/terms/unv1_gold.tsv.
"""
from __future__ import annotations

import pytest

from glossary.extract import acronyms_in
from glossary.model import ACRONYM, FOUND_TEXT
from glossary.names import names_in
from glossary.normalise import dictionary_form
from glossary.reference import Reference
from glossary.termbase import compile_termbase
from tm.model import Unit

# 1. capitals that are not acronyms; compounds that are one acronym (6.)
ACRONYMS = [
    ("НЕЛЬЗЯ так поступать", []),
    ("ПАУКООБРАЗНОЕ существо", []),
    ("с ОСУЖДЕНИЕМ выступили", []),
    ("танки Т-80БВМ и Bayraktar TB2", []),
    ("модуль MOD081WL", []),
    ("сообщает URA.RU со ссылкой", []),
    ("УНП ООН участвовало в ряде мероприятий", ["УНП ООН"]),  # [UNv1 1048]
    ("Египет (РЦБК-Египет)", ["РЦБК-Египет"]),  # [UNv1 547]
    ("программы ООН-Хабитат и ООН-Женщины", ["ООН-Хабитат", "ООН-Женщины"]),
    ("источник ВИЧ-инфекции", ["ВИЧ"]),
    ("пандемия COVID-19 и автомобиль ГАЗ-3110", ["COVID-19"]),
    # Latin capitals inside a foreign name or model (news-like sentences written for this test)
    ("песню записал музыкант Давид Манукян (DAVA M).", []),
    ("он выиграл заезд в классе SMP GT4 RUSSIA.", []),
    ("бойца MMA и мотоцикл KTM", ["MMA", "KTM"]),
    ("высвобождали водителя из красной Audi TT.", []),  # [FLORES]
    ("Серия ASUS Eee PC, ранее представленная во всём мире", []),  # [FLORES]
    ("туберкулез с исключительно высокой устойчивостью к лекарствам (XDR-TB).", ["XDR-TB"]),  # [FLORES]
    ("в докладе UN-Women и COVID-19", ["UN-Women", "COVID-19"]),
]


@pytest.mark.parametrize("text,expected", ACRONYMS, ids=[t for t, _ in ACRONYMS])
def test_acronyms(text: str, expected: list[str]) -> None:
    assert [a for a, _, _ in acronyms_in(text)] == expected


# sentence -> acronym, the dictionary form of its bracketed definition (2. start, 3. glosses, 5. forms, 6. forms)
DEFINED = [
    # 2. the head noun is kept, whatever the reference table knows
    ("Имею честь обратиться по вопросу о Временных силах Организации Объединенных Наций по обеспечению "
     "безопасности в Абьее (ЮНИСФА), которые были учреждены Советом Безопасности.",  # [UNv1 85]
     "ЮНИСФА", "Временные силы Организации Объединенных Наций по обеспечению безопасности в Абьее"),
    ("Имею честь обратиться к вопросу о Многопрофильной комплексной миссии Организации Объединенных Наций "
     "по стабилизации в Мали (МИНУСМА), учрежденной Советом Безопасности.",  # [UNv1 375]
     "МИНУСМА", "Многопрофильная комплексная миссия Организации Объединенных Наций по стабилизации в Мали"),
    ("необходимо сохранить присутствие Вооруженных сил Организации Объединенных Наций по поддержанию мира "
     "на Кипре (ВСООНК) после 31 января 2015 года,",  # [UNv1 822]
     "ВСООНК", "Вооруженные силы Организации Объединенных Наций по поддержанию мира на Кипре"),
    ("Комитет рекомендовал Региональному отделению Организации Объединенных Наций для Центральной Африки "
     "(ЮНОЦА) оказать помощь.",  # [UNv1 3954]
     "ЮНОЦА", "Региональное отделение Организации Объединенных Наций для Центральной Африки"),
    ("Специальный посланник Генерального секретаря по Судану и Южному Судану и Временные силы Организации "
     "Объединенных Наций по обеспечению безопасности в Абьее (ЮНИСФА),",  # [UNv1 1194]
     "ЮНИСФА", "Временные силы Организации Объединенных Наций по обеспечению безопасности в Абьее"),
    # 2. a governing word is not pulled in
    ("в региональном семинаре-практикуме для государств - членов Ассоциации государств Юго-Восточной Азии "
     "(АСЕАН), проведенном в Сеуле",  # [UNv1 1048]
     "АСЕАН", "Ассоциация государств Юго-Восточной Азии"),
    ("в Гвинее-Бисау, прилагаемые Экономическим сообществом западноафриканских государств (ЭКОВАС), в "
     "частности",  # [UNv1 2064]
     "ЭКОВАС", "Экономическое сообщество западноафриканских государств"),
    ("включая резолюции Генеральной ассамблеи Организации американских государств (ОАГ),",  # [UNv1 1373]
     "ОАГ", "Организация американских государств"),
    ("оказать дополнительную поддержку Группе по транснациональной преступности (ГТП), учрежденной в рамках "
     "Инициативы для стран западноафриканского побережья (ИЗАП),",  # [UNv1 2772]
     "ИЗАП", "Инициатива для стран западноафриканского побережья"),
    ("Мы примем участие в конференции, организуемой итальянским Институтом международных отношений (IAI).",
     "IAI", "Институт международных отношений"),  # [UNv1 3375], shortened
    ("в частности метилендиоксиметамфетамина (МДМА), широко известного",  # [UNv1 1004]
     "МДМА", "метилендиоксиметамфетамин"),
    # 2. the name is not cut to its tail: a comma inside the name
    ("Доклад Организации Объединенных Наций по вопросам образования, науки и культуры (ЮНЕСКО) опубликован.",
     "ЮНЕСКО", "Организация Объединенных Наций по вопросам образования, науки и культуры"),
    ("Работа Службы Организации Объединенных Наций по вопросам деятельности, связанной с разминированием "
     "(ЮНМАС), продолжена.", "ЮНМАС",
     "Служба Организации Объединенных Наций по вопросам деятельности, связанной с разминированием"),
    ("с использованием справочника, разработанного Ассоциацией адвокатов защиты, практикующих в "
     "Международном трибунале по бывшей Югославии (ААЗ-МТБЮ).",  # [UNv1 1273], shortened
     "ААЗ-МТБЮ", "Ассоциация адвокатов защиты, практикующих в Международном трибунале по бывшей Югославии"),
    # 5. plural names stay plural
    ("лидеры деструктивных Демократических сил освобождения Руанды (ДСОР) направили",  # [UNv1 883]
     "ДСОР", "Демократические силы освобождения Руанды"),
    ("обеспечивая соблюдение Международных стандартов учета в государственном секторе (МСУГС).",  # [UNv1 1034]
     "МСУГС", "Международные стандарты учета в государственном секторе"),
    ("темп, набранный в ходе достижения Целей развития тысячелетия (ЦРТ), и",  # [UNv1 1979]
     "ЦРТ", "Цели развития тысячелетия"),
    # 6. quoted names and compound acronyms
    ("выводы о том, что <<Армия сопротивления Бога>> (ЛРА) продолжает действовать",  # [UNv1 1432]
     "ЛРА", "Армия сопротивления Бога"),
    ("принимая к сведению занесение организации <<Аль-Каида>> на Аравийском полуострове (АКАП) и",  # [UNv1 2713]
     "АКАП", "<<Аль-Каида>> на Аравийском полуострове"),
    ("Региональный центр Базельской конвенции по подготовке кадров и передаче технологий для арабских "
     "государств, Египет (РЦБК-Египет)",  # [UNv1 547]
     "РЦБК-Египет",
     "Региональный центр Базельской конвенции по подготовке кадров и передаче технологий для арабских "
     "государств, Египет"),
    ("Правящая партия Организация народов Юго\u2011Западной Африки (СВАПО) также сохранила большинство",
     "СВАПО", "Организация народов Юго\u2011Западной Африки"),  # [FLORES], with its non-breaking hyphen
    ("мандатов Управление Организации Объединенных Наций по наркотикам и преступности (УНП ООН) объединило",
     "УНП ООН", "Управление Организации Объединенных Наций по наркотикам и преступности"),  # [UNv1 2642]
    ("организовано Структурой Организации Объединенных Наций по вопросам гендерного равенства и расширения "
     "прав и возможностей женщин (ООН-Женщины) и",  # [UNv1 329]
     "ООН-Женщины",
     "Структура Организации Объединенных Наций по вопросам гендерного равенства и расширения прав и "
     "возможностей женщин"),
    # a noun phrase before a code: what stands before a cardinal numeral counts, it does not name
    ("Официальной валютой Фолклендских островов является фунт Фолкендских островов (FKP), стоимость которого "
     "эквивалентна стоимости одного британского фунта стерлингов (GBP).", "GBP",
     "британский фунт стерлингов"),  # [FLORES]
]


def acronym_entry(sentence: str, acronym: str, reference: Reference | None = None):  # type: ignore[no-untyped-def]
    entries = compile_termbase([Unit(id="d:1", doc="d", source=sentence)], reference)
    return next(e for e in entries if e.kind == ACRONYM and e.ru_acronym == acronym)


@pytest.mark.parametrize("sentence,acronym,form", DEFINED, ids=[d[1] for d in DEFINED])
@pytest.mark.parametrize("with_reference", [True, False], ids=["reference", "text-alone"])
def test_bracket_definitions(sentence: str, acronym: str, form: str, with_reference: bool) -> None:
    entry = acronym_entry(sentence, acronym, None if with_reference else Reference.empty())
    assert (entry.found, entry.ru_full_form) == (FOUND_TEXT, form)


# 3. a gloss in brackets is not a definition
GLOSSES = [
    ("Выступил профессор Принстонского университета (США) Джон Смит.", "США"),
    ("задержан предполагаемый боевик ДАИШ (ИГИЛ) в пригороде", "ИГИЛ"),
    ("в частности по линии деятельности его Миссии (ЭКОМИБ),", "ЭКОМИБ"),  # [UNv1 2064]
    ("удалось обнаружить туберкулез с исключительно высокой устойчивостью к лекарствам (XDR-TB).",
     "XDR-TB"),  # [FLORES]
]


@pytest.mark.parametrize("sentence,acronym", GLOSSES, ids=[g[1] for g in GLOSSES])
def test_glosses_are_not_definitions(sentence: str, acronym: str) -> None:
    assert acronym_entry(sentence, acronym, Reference.empty()).found != FOUND_TEXT


# 5. dictionary forms: the lemma of the text's word, adjectives agreeing, plural names plural
FORMS = [
    ("Высшего государственного совета", "Высший государственный совет"),
    ("Временного технического секретариата", "Временный технический секретариат"),
    ("Рижского мирного соглашения", "Рижское мирное соглашение"),
    ("Минских соглашений", "Минские соглашения"),
    ("средствах массовой информации", "средства массовой информации"),
    ("прямых иностранных инвестиций", "прямые иностранные инвестиции"),
    ("Объединенной программы Организации Объединенных Наций по ВИЧ/СПИДу",
     "Объединенная программа Организации Объединенных Наций по ВИЧ/СПИДу"),
    ("<<Армия сопротивления Бога>>", "Армия сопротивления Бога"),
]


@pytest.mark.parametrize("phrase,form", FORMS, ids=[f for f, _ in FORMS])
def test_dictionary_forms(phrase: str, form: str) -> None:
    assert dictionary_form(phrase) == form


# 4. names that ran past their end
ENDS = [
    ("В соответствии с резолюцией 1696 (XVI) Генеральной Ассамблеи предложения, направляемые согласно "
     "резолюции 845 (IX), рассматриваются.", "Генеральной Ассамблеи"),  # [UNv1 3845]
    ("Заседание Комитета по правам ребенка в Нью-Йорке состоялось в мае.", "Комитета по правам ребенка"),
    ("совещание Комиссии по народонаселению и развитию в Женеве", "Комиссии по народонаселению и развитию"),
    ("по линии Центра по международной миграции в Азии", "Центра по международной миграции в Азии"),  # kept
    # news-like sentences written for this test (the WMT text itself may not be copied)
    ("Прогноз Банка России по инфляции вырос.", "Банка России"),
    ("Команды сыграют матч Лиги чемпионов в Манчестере.", "Лиги чемпионов"),
    ("Опрос: Правящий Союз крестьян снова лидирует.", "Союз крестьян"),
    ("Опрос: Правящий Союз крестьян и «зеленых» Литвы снова лидирует.", "Союз крестьян и «зеленых» Литвы"),
    # a bare head joins no lower-case word; a verb with a noun homonym ends a name ("были", of «быль»)
    ("как указано в Декларации и пункте 86 доклада", "Декларации"),
    ("Положения Программы действий были одобрены.", "Программы действий"),
    ("Настоящая Декларация независимости хранится в архиве.", "Декларация независимости"),
    # a complement noun that takes "с": the name runs on ("…по связям | с общественностью" was cut)
    ("Как сообщили в Управлении по связям с общественностью и СМИ, пожар потушен.",
     "Управлении по связям с общественностью"),
    ("Заседание Комиссии по народонаселению и развитию с целью обзора прошло.",
     "Комиссии по народонаселению и развитию"),
]


@pytest.mark.parametrize("sentence,name", ENDS, ids=[n for _, n in ENDS])
def test_names_end_where_they_end(sentence: str, name: str) -> None:
    assert [n.phrase for n in names_in(sentence, 0)] == [name]


# English from the aligned unit that defines an acronym (with targets, the reference table empty)
ALIGNED = [
    ("Имею честь коснуться вопроса о Силах Организации Объединенных Наций по наблюдению за разъединением "
     "(СООННР), которые были учреждены Советом Безопасности.",
     "I have the honour to refer to the United Nations Disengagement Observer Force (UNDOF), established by "
     "the Security Council.", "СООННР", "UNDOF", "United Nations Disengagement Observer Force"),  # [UNv1 2357]
    ("по поддержке процесса реформирования сектора безопасности (РСБ) в Гвинее-Бисау, прилагаемые "
     "Экономическим сообществом западноафриканских государств (ЭКОВАС),",
     "Commending the efforts of the Economic Community of West African States (ECOWAS) to support the "
     "security sector reform (SSR) process", "ЭКОВАС", "ECOWAS",
     "Economic Community of West African States"),  # [UNv1 2064], the brackets in the other order
    ("для государств - членов Ассоциации государств Юго-Восточной Азии (АСЕАН), проведенном в Сеуле",
     "for Member States of the Association of Southeast Asian Nations (ASEAN), held in Seoul", "АСЕАН",
     "ASEAN", "Association of Southeast Asian Nations"),  # [UNv1 1048]
    ("По итогам 2014 года валовой внутренний продукт (ВВП) страны вырос на 8,1 процента",
     "The outcomes for 2014 indicate that the country's gross domestic product (GDP) grew by 8.1 per cent",
     "ВВП", "GDP", "gross domestic product"),  # [UNv1 2183]
    ("в том числе АМКХУД и Азиатско-тихоокеанской конференции на уровне министров по вопросам жилья и "
     "развития городов (АПМКХУД) и", "including AMCHUD and the Asia-Pacific Ministerial Conference on Housing "
     "and Urban Development (APMCHUD) and", "АПМКХУД", "APMCHUD",
     "Asia-Pacific Ministerial Conference on Housing and Urban Development"),  # [UNv1 1534]
    # a quoted English name before its bracket
    ("18 апреля 2014 года лидеры деструктивных Демократических сил освобождения Руанды (ДСОР) направили письмо",
     'On 18 April 2014, the leaders of the Rwandan negative force "Forces démocratiques de libération du Rwanda" '
     "(FDLR) had sent a letter", "ДСОР", "FDLR", "Forces démocratiques de libération du Rwanda"),  # [UNv1 883]
    # a lower-case term whose letters are not its initials: as many words as the Russian
    ("Эти вещества по своим свойствам аналогичны кокаину, героину и диэтиламиду лизергиновой кислоты (ЛСД)",
     "The substances were similar to cocaine, heroin and lysergic acid diethylamide (LSD)", "ЛСД", "LSD",
     "lysergic acid diethylamide"),  # [UNv1 977]
    # the acronym leaves its generic last head unlettered; the governing group is no part of the name
    ("Член независимой научной группы экспертов Консультативной группы по международным сельскохозяйственным "
     "исследованиям в рамках Программы по проблемам сельского хозяйства и продовольственной безопасности в "
     "условиях изменения климата (CCAFS), член консультативной группы",
     "Member of the independent science panel of the Consultative Group on International Agricultural Research "
     "of the Climate Change Agriculture and Food Security Programme (CCAFS), the Chicago Council",
     "CCAFS", "CCAFS", "Climate Change Agriculture and Food Security Programme"),  # [UNv1 2577]
    # a Russian bracket that holds no acronym: all brackets paired by place
    ("Пхеньян, 25 января (Центральное телеграфное агентство Кореи) -- Департамент по вопросам политики "
     "Государственного комитета обороны (ГКО) КНДР в воскресенье обнародовал заявление",
     "Pyongyang, 25 January (KCNA) -- The Policy Department of the National Defence Commission (NDC) of the DPRK "
     "made public a statement", "ГКО", "NDC", "National Defence Commission"),  # [UNv1 682]
]


@pytest.mark.parametrize("ru,en,acronym,en_acronym,en_name", ALIGNED, ids=[a[2] for a in ALIGNED])
def test_english_from_the_aligned_definition(ru: str, en: str, acronym: str, en_acronym: str, en_name: str) -> None:
    entries = compile_termbase([Unit(id="d:1", doc="d", source=ru, target=en)], Reference.empty())
    entry = next(e for e in entries if e.ru_acronym == acronym)
    assert (entry.en_acronym, entry.en_full_form, entry.en_source) == (en_acronym, en_name, "aligned")


# 1. Latin capitals that the aligned English line writes as a word are a word in capitals
WORDS_IN_CAPITALS = [
    ("в пробах нашли CADMIUM в опасных дозах", "cadmium was found in the samples", []),
    ("союз NATO заявил", "NATO said", ["NATO"]),
    ("вышел альбом группы METALLICA", "Metallica released an album", []),
    ("агентство REGNUM сообщило", "REGNUM reported", ["REGNUM"]),
]


@pytest.mark.parametrize("ru,en,expected", WORDS_IN_CAPITALS, ids=[w[0] for w in WORDS_IN_CAPITALS])
def test_latin_words_in_capitals(ru: str, en: str, expected: list[str]) -> None:
    entries = compile_termbase([Unit(id="d:1", doc="d", source=ru, target=en)], Reference.empty())
    assert [e.ru_acronym for e in entries if e.kind == ACRONYM] == expected


# English acronyms one to one: a unit whose only acronyms are the Russian one and one English one
SOLE = [
    (("153. Национальный институт по проблемам колонизации (НИПК) сразу же после своего создания в 1948 году "
      "занимался изменением аграрной структуры страны.",),
     ("153. Since its creation in 1948, INC has administered a policy of transforming the country's agrarian "
      "structure.",), "НИПК", "INC"),  # [UNv1 3880]
    # news-like: an acronym the text never spells out takes no English acronym from one unit ("AM" is a time)
    (("ДТП произошло утром на трассе.",), ("The accident happened at 7 AM on the highway.",), "ДТП", ""),
]


@pytest.mark.parametrize("ru,en,acronym,en_acronym", SOLE, ids=[s[2] for s in SOLE])
def test_sole_english_acronym(ru: tuple[str, ...], en: tuple[str, ...], acronym: str, en_acronym: str) -> None:
    units = [Unit(id=f"d:{i}", doc="d", source=r, target=e) for i, (r, e) in enumerate(zip(ru, en, strict=True))]
    entry = next(e for e in compile_termbase(units, Reference.empty()) if e.ru_acronym == acronym)
    assert entry.en_acronym == en_acronym


# 3. with the aligned English: a Latin acronym whose English words before the bracket do not spell it
# is a gloss of the body's name, not its acronym
LATIN_GLOSSES = [
    ("В рамках партнёрства NPWS и Ассоциации спортивных стрелков Австралии (NSW) в ходе охотничьей программы "
     "были набраны волонтёры.", "In a partnership of NPWS and the Sporting Shooters Association of Australia (NSW) "
     "Inc, qualified volunteers were recruited.", "NSW", ""),  # [FLORES]
    ("Министерство экономики, торговли и промышленности Японии (METI) заявило, что ему было известно о 27 "
     "cлучаях.", "Japan's Ministry of Economy, Trade and Industry (METI) said that it had been aware of 27 "
     "accidents.", "METI", "Министерство экономики, торговли и промышленности Японии"),  # [FLORES]
]


@pytest.mark.parametrize("ru,en,acronym,form", LATIN_GLOSSES, ids=[g[2] for g in LATIN_GLOSSES])
def test_latin_glosses_with_english(ru: str, en: str, acronym: str, form: str) -> None:
    entries = compile_termbase([Unit(id="d:1", doc="d", source=ru, target=en)], Reference.empty())
    entry = next(e for e in entries if e.ru_acronym == acronym)
    assert (entry.ru_full_form if entry.found == FOUND_TEXT else "") == form
