"""Russian abbreviation and initials tables for sentence segmentation, as data.

Entries are lowercase, written as they appear before the space that follows them. The examples
marked "UNv1" are from the UN Parallel Corpus v1.0 dev set (United Nations; Ziemski,
Junczys-Dowmunt, Pouliquen, LREC 2016); tests/data/un_abbreviations.tsv holds them whole.
"""
from __future__ import annotations

# Abbreviations that never end a sentence: whatever follows them continues it.
NEVER_FINAL = frozenset({
    "т.е.",  # т.е. так
    "т. е.",  # т. е. так; UNv1 writes "т.е. он был установлен"
    "т.к.",  # т.к. иначе
    "т. к.",
    "т.н.",  # т.н. «утечка умов»
    "т. н.",
    "см.",  # UNv1: "(см. приложение)"
    "ср.",  # ср. пункт 4
    "напр.",  # напр. Мексика
    "им.",  # университет им. Ломоносова
    "ул.",  # ул. Тверская
    "проф.",  # проф. Иванов
    "акад.",  # акад. Сахаров
    "пп.",  # пп. 3 и 4
    "п.",  # п. 5
    "ст.",  # UNv1: "Согласно ст. 3 этого закона"
    "гл.",  # гл. IV
    "разд.",  # разд. II
    "рис.",  # рис. 3
    "табл.",  # табл. 1
    "стр.",  # стр. 15
    "прил.",  # прил. 2
    "вкл.",  # вкл. НПО
    "ок.",  # ок. 5 млн.
    "г-н",  # UNv1: "г-н Ахтем Чийгоз" (no period, listed for completeness of "г." handling)
    "г-жа",  # UNv1: "г-жа Мишель Бачелет" (no period either)
})

# Abbreviations that end a phrase going on in a capitalised word: the pair is one sentence.
# abbreviation -> the words that continue it.
CONTINUED_BY: dict[str, frozenset[str]] = {
    "долл.": frozenset({"США"}),  # UNv1: "в размере 7 млн. долл. США для проектов", "составил 43,3 млн. долл. США, что"
}

# "г." after a word, not a year, is "город": "в г. Женеве".
CITY = "г."

# Abbreviations that may end a sentence ("в 2002 г.", "и др.", "и т.д."): a following
# lowercase word or number continues the sentence, a capital starts a new one.
MAYBE_FINAL = frozenset({
    "г.", "в.", "вв.", "т.п.", "т. п.", "руб.", "коп.", "чел.", "экз.",
    "гг.",  # "в 1990-х гг. Комиссия" (no case in UNv1)
    "др.",  # UNv1: "Магрибский банк и др.)."
    "т.д.", "т. д.",  # UNv1: "средний возраст учащихся и т. д., но не качественные результаты"
    "тыс.",  # UNv1: "в объеме до 5819 тыс. долл. США"
    "млн.",  # UNv1: "Фонд утвердил пакет помощи в размере 7 млн. долл. США"
    "млрд.",  # UNv1: "превысила 3 млрд. долл. США."
    "долл.",  # UNv1: "более 136 000 долл. США в виде пожертвований" (see CONTINUED_BY)
})

# Latin capitals that are Roman numerals, not initials: "приложение I. Далее".
ROMAN_LETTERS = frozenset("IVXLCDM")


def abbreviation_words() -> frozenset[str]:
    """The last word of every abbreviation, without its period: "т. е." -> "е"."""
    words = set()
    for entry in NEVER_FINAL | MAYBE_FINAL:
        words.add(entry.replace(" ", "").rstrip(".").split(".")[-1])
    return frozenset(words)
