"""Russian abbreviation and initials tables for sentence segmentation, as data.

Entries are lowercase, written as they appear before the space that follows them.
"""
from __future__ import annotations

# Abbreviations that never end a sentence: whatever follows them continues it.
NEVER_FINAL = frozenset({
    "т.е.",  # т.е. так
    "т. е.",  # т. е. так
    "т.к.",  # т.к. иначе
    "т. к.",
    "т.н.",  # т.н. «утечка умов»
    "т. н.",
    "см.",  # см. приложение I
    "ср.",  # ср. пункт 4
    "напр.",  # напр. Мексика
    "им.",  # университет им. Ломоносова
    "ул.",  # ул. Тверская
    "проф.",  # проф. Иванов
    "акад.",  # акад. Сахаров
    "пп.",  # пп. 3 и 4
    "п.",  # п. 5
    "ст.",  # ст. 12 Конвенции
    "гл.",  # гл. IV
    "разд.",  # разд. II
    "рис.",  # рис. 3
    "табл.",  # табл. 1
    "стр.",  # стр. 15
    "прил.",  # прил. 2
    "вкл.",  # вкл. НПО
    "ок.",  # ок. 5 млн.
    "г-н",  # г-н Аннан (no period, listed for completeness of "г." handling)
})

# "г." after a word, not a year, is "город": "в г. Женеве".
CITY = "г."

# Abbreviations that may end a sentence ("в 2002 г.", "и др.", "и т.д."): a following
# lowercase word or number continues the sentence, a capital starts a new one.
MAYBE_FINAL = frozenset({
    "г.", "гг.", "в.", "вв.", "др.", "т.д.", "т. д.", "т.п.", "т. п.", "тыс.", "млн.", "млрд.",
    "руб.", "долл.", "коп.", "чел.", "экз.",
})

# Latin capitals that are Roman numerals, not initials: "приложение I. Далее".
ROMAN_LETTERS = frozenset("IVXLCDM")


def abbreviation_words() -> frozenset[str]:
    """The last word of every abbreviation, without its period: "т. е." -> "е"."""
    words = set()
    for entry in NEVER_FINAL | MAYBE_FINAL:
        words.add(entry.replace(" ", "").rstrip(".").split(".")[-1])
    return frozenset(words)
