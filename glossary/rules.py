"""Extraction rules as data: what an acronym looks like, what heads a name, what may follow."""
from __future__ import annotations

import re

# An acronym: two or more capitals (Cyrillic or Latin), optionally a case ending in lower case.
# Not next to a digit ("Т-80БВМ", "TB2", "MOD081WL") nor inside a web domain ("URA.RU").
# Compounds are one acronym: "РЦБК-Египет", "ООН-Женщины", "ААЗ-МТБЮ", "УНП ООН", "XDR-TB", "UN-Women", and Latin
# capitals with a number of one or two digits, "COVID-19" (Cyrillic ones with a number are models: "ГАЗ-3110").
ACRONYM = re.compile(
    r"(?=[А-ЯЁA-Z])"  # a capital first, so that the look-behinds run only there (3x faster over a text)
    r"(?<!\w)(?<!\d-)(?<![A-Za-zА-ЯЁа-яё]\.)"
    r"(?P<core>[А-ЯЁ]{2,}(?:-[А-ЯЁ]{2,}|-[А-ЯЁ][а-яё]{2,}| ООН(?![\w-]))?"
    r"|[A-Z]{2,}(?:-\d{1,2}(?!\d)|-[A-Z]{2,}|-[A-Z][a-z]{2,})?)"
    r"(?P<ending>[а-яё]{0,3})(?!\w)(?!-\d)(?!\.[A-Za-zА-ЯЁа-яё])")
# An all-capital word this long that the dictionary knows (not as an abbreviation) is a word
# in capitals, not an acronym: НЕЛЬЗЯ, ПАУКООБРАЗНОЕ, ОСУЖДЕНИЕМ.
CAPITALISED_WORD_MIN_LETTERS = 5
# Latin capitals beside a Latin word that is no acronym (capitalised, a single capital, letters with
# digits; not a lower-case word: "the UNESCO report") belong to a foreign name or model, not an
# acronym of their own: "Audi TT", "ASUS Eee PC", "DAVA M", "SMP GT4 RUSSIA".
FOREIGN_NAME_NEIGHBOUR = re.compile(r"[A-Z]|[A-Z][a-z][A-Za-z]*|[A-Za-z]+\d+[A-Za-z\d]*")
# Latin capitals this long that the aligned English line writes as a word (not in capitals) are a word
# in capitals: CADMIUM ("cadmium"), a title in capitals.
LATIN_WORD_MIN_LETTERS = 5
# Case endings an acronym takes in running text: "ВИЧ/СПИДом", "по ВИЧ/СПИДу", "СПИДа".
ACRONYM_ENDINGS = frozenset({"", "а", "у", "ом", "е", "ов", "ам", "ами", "ах"})
# Capitals that are not acronyms.
ROMAN_NUMERAL = re.compile(r"^[IVXLCDM]+$")  # "II. Деятельность", "III"
DOCUMENT_SYMBOL = re.compile(r"[A-Z]/\d|\d/[A-Z]|[A-Z]+/[A-Z]+/")  # "A/56/329", "E/CN.9"

# Lemmas of nouns that head the name of a body or an instrument.
NAME_HEADS = frozenset({
    "организация", "фонд", "программа", "отдел", "департамент", "управление", "комиссия",
    "комитет", "центр", "институт", "союз", "совет", "соглашение", "конвенция", "протокол",
    "конференция", "ассамблея", "секретариат", "секретарь", "группа", "бюро", "агентство",
    "банк", "суд", "форум", "сообщество", "договор", "декларация", "пакт", "служба",
    "общество", "докладчик", "комиссар", "университет", "структура", "трибунал",
    # added for UN text of 2015 (tests/data/terms/unv1_gold.tsv): peacekeeping forces and missions,
    # offices, associations and other bodies. Not "план", "цель", "стандарт": "План действий" of a
    # conference is a short reference, and "конкретная цель деятельности ФАО" no name (report A/58/98);
    # ЦРТ and МСУГС are found by their initials.
    "сила", "миссия", "отделение", "ассоциация", "министерство", "лига", "партия", "академия",
    "инспекция", "инициатива", "армия",
})
# Adjectives that point at a body rather than name it: "Настоящая Декларация…" (this one), "бывший".
NOT_NAME_MODIFIERS = frozenset({"настоящий", "нынешний", "бывший", "прежний", "вышеупомянутый", "данный",
                                "упомянутый", "указанный"})
# Prepositions that open a name's complement: "Отдел по улучшению положения женщин".
NAME_PREPOSITIONS = (
    ("в", "области"), ("в", "интересах"), ("в", "отношении"), ("о", "борьбе", "с"),
    ("по",), ("о",), ("об",), ("для",), ("против",), ("через",),
)
# Nouns of a complement that take "с" and a noun in the instrumental inside a name: "Управление по
# связям с общественностью", "Комитет по сотрудничеству с неправительственными организациями".
WITH_COMPLEMENT_NOUNS = frozenset({"связь", "сотрудничество", "взаимодействие", "отношение"})
WITH_PREPOSITION = "с"
# Heads whose name never continues with a preposition ("Генерального секретаря о насилии…") nor with
# a lower-case genitive ("Генеральной Ассамблеи предложения").
HEADS_WITHOUT_COMPLEMENT = frozenset({"секретарь", "ассамблея"})
# Lemma sequences that are complete names: nothing attaches to them ("…Наций для решения…"),
# and they continue a name across a capital ("Детский фонд Организации Объединенных Наций").
CLOSED_NAMES = ("Организация Объединенных Наций", "Объединенных Наций")
# Genitive words allowed inside a name besides nouns and adjectives: "членов их семей".
GENITIVE_FUNCTION_WORDS = frozenset({"их", "всех"})
JOINERS = frozenset({"и"})
# Parts of speech whose likeliest reading ends a name even when another reading is a genitive noun.
VERB_POS = frozenset({"VERB", "INFN", "PRTS", "GRND"})
# Quotation marks around a word joined inside a name: "Союз крестьян и «зеленых» Литвы".
INNER_QUOTES = frozenset({"«", "»", "\"", "“", "”"})
# Tokens (full-match patterns) a dated instrument takes right after its head: "Конвенция 1949 года
# (№ 97) о…"; each tuple is taken whole or not at all.
NAME_INSERTS = (
    (r"\d{4}", r"года"),
    (r"\(", r"№", r"\d+", r"\)"),
)
# Heads that take NAME_INSERTS: instruments dated by their year of adoption.
DATED_HEADS = frozenset({"конвенция", "протокол", "соглашение", "договор", "декларация", "пакт"})
# Words that open an aside inside a name's complement, closed by ", и" and a word in the case of
# the complement: "Протокол о предупреждении …людьми, особенно женщинами и детьми, и наказании за нее".
PARENTHETICAL_OPENERS = (("особенно",), ("в", "частности"), ("в", "том", "числе"))
PARENTHETICAL_MAX_WORDS = 6
# Prepositions that end a name with a pronoun for something named in it: "наказании за нее".
PRONOUN_PREPOSITIONS = frozenset({"за"})
PRONOUN_LEMMAS = frozenset({"он", "она", "оно", "они"})
# A preposition with a capitalised place name (pymorphy3 tag Geox) ends a name: "…мигрантов в Азии".
PLACE_PREPOSITIONS = frozenset({"в"})
# Cities: "в Нью-Йорке" after a name says where a body met or a team played, it is not part of the
# name ("Комитет в Нью-Йорке", "Лиги чемпионов в Манчестере"); regions and countries may be
# ("…безопасности в Абьее", "…мигрантов в Азии"). Lemmas as pymorphy3 gives them.
VENUES = frozenset({"нью-йорк", "женева", "вена", "найроби", "бангкок", "аддис-абеба", "сантьяго", "бейрут",
                    "рим", "париж", "гаага", "монреаль", "бонн", "вашингтон", "лондон", "брюссель", "москва",
                    "страсбург", "турин", "мадрид", "лион", "копенгаген", "манчестер", "берлин", "киев", "минск",
                    "пекин", "токио", "дели", "каир", "санкт-петербург", "стамбул", "милан", "барселона"})
PLACE_TAG = "Geox"
# pymorphy3 tags of a person's name: one belongs to a name only in the genitive, right after a head
# without adjectives or after another person's name ("Университет Джонса Хопкинса"); not after other
# words ("Адмирал Флота Советского Союза Николая Кузнецова", a ship), nor in the nominative ("…Горшков").
PERSON_TAGS = frozenset({"Name", "Surn", "Patr"})

# Words an acronym's letters may skip when matching initials: "Отдел по улучшению (ОУПЖ)".
INITIALS_SKIPPABLE = frozenset({
    "по", "и", "в", "во", "для", "о", "об", "на", "с", "при", "против", "через",
    "организации", "объединенных", "наций",  # "Управление Верховного комиссара ООН по правам человека (УВКПЧ)"
})
# Skippable words that may still begin a name and give its first letter: "Организации американских государств (ОАГ)".
INITIALS_FIRST_WORDS = frozenset({"организации"})
# Ways of finding a name that do not check its letters against the acronym: their finds are
# tested for glosses (glossary.extract.is_gloss).
GUESSED_METHODS = frozenset({"heads", "chain"})
# Nouns of action that govern a name rather than begin it: "осуществлением передачи знаний (ТОКТЕН)".
GOVERNING_CASES = frozenset({"ablt", "accs"})
# Quotation marks that may hold a name right before its bracketed acronym: «Армия сопротивления Бога» (ЛРА);
# the corpus writes «» as <<>>.
QUOTED_DEFINITION = re.compile(r"(?P<open>«|<<|\")(?P<name>[А-ЯЁA-Z][^«»<>\"()]*)(?:»|>>|\")(?P<tail>[^«»<>\"(),;:]*)$")
QUOTED_TAIL_MAX_WORDS = 4
# How far (in units) an inferred acronym looks for its spelled-out name.
INFER_WINDOW = 12
# Words after which a capitalised word in guillemets is a name: проект «Метрополис».
QUOTED_NAME_AFTER = frozenset({"проект"})
# Russian letters in Latin, to tell a transliterated English acronym (ЮНФПА ~ UNFPA) in aligned units.
TRANSLIT = str.maketrans({
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Е": "E", "Ё": "E", "Ж": "ZH", "З": "Z", "И": "I",
    "Й": "Y", "К": "K", "Л": "L", "М": "M", "Н": "N", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T",
    "У": "U", "Ф": "F", "Х": "KH", "Ц": "TS", "Ч": "CH", "Ш": "SH", "Щ": "SHCH", "Ы": "Y", "Э": "E",
    "Ю": "YU", "Я": "YA",
})
# An English acronym seen with the Russian one in aligned units is taken when it is seen in at
# least ALIGNED_MIN_UNITS of them (and in half), or when it looks like the transliteration.
ALIGNED_MIN_UNITS = 2
ALIGNED_MIN_SIMILARITY = 60.0
# Units whose only acronyms are the Russian one and one English one that pair them, when the text
# never spells the Russian one out.
SOLE_MIN_UNITS = 2
# Capitals that spell a function word are a headline, not an acronym: "ГОЛОСУЙТЕ ЗА".
FUNCTION_WORD_POS = frozenset({"PREP", "CONJ", "PRCL", "INTJ", "NPRO"})
# Lower-case words inside an English name: "Organization for Security and Cooperation in Europe".
EN_CONNECTORS = frozenset({"of", "for", "the", "and", "on", "in", "to", "against", "before", "de", "la", "du", "des",
                           "et", "y", "del"})
# Generic heads an English acronym may leave unlettered: "Climate Change Agriculture and Food Security
# Programme (CCAFS)".
EN_UNLETTERED_HEADS = frozenset({"programme", "program", "project", "initiative", "network", "partnership"})
# Closing quotation marks of a quoted English name before its bracket: "Forces démocratiques … du Rwanda" (FDLR).
EN_CLOSING_QUOTES = "\"”’»"
# How many English words before a bracket may spell a Latin acronym (glossary.infer.english_spells).
EN_SPELLING_WINDOW = 16
# Words after the one comma an English name may hold ("…for the Arab States, Egypt").
EN_COMMA_TAIL_WORDS = 4
# English words that govern a name before "of" and are no part of it: "Member States of the
# Association of Southeast Asian Nations (ASEAN)", "Summit of the Community of … States (CELAC)".
EN_GOVERNING_WORDS = frozenset({"member", "members", "states", "summit", "session", "sessions", "meeting",
                                "president", "chair", "chairman", "government", "governments", "report"})
# Russian and English brackets of one unit are paired by order, unless another order of up to this
# many brackets raises the summed transliteration similarity (rapidfuzz ratio) by more than the gain.
PAIRING_MAX_BRACKETS = 4
PAIRING_MIN_GAIN = 20.0
