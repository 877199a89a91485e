"""Character classes and word patterns, one definition each, named for what they match."""
from __future__ import annotations

import re

# A letter of any script: a word character that is no digit and no underscore.
LETTER = r"[^\W\d_]"
# A letter of the Russian alphabet, either case.
RUSSIAN_LETTER = re.compile(r"[а-яё]", re.IGNORECASE)
# A letter of the basic Latin alphabet, either case.
LATIN_LETTER = re.compile(r"[A-Za-z]")
# Every code point of the Unicode Cyrillic block, letters or not: how Cyrillic a decoded text looks.
CYRILLIC_CODE_POINTS = range(0x0400, 0x0500)

# A run of letters: "Буркина" of "Буркина-Фасо".
LETTER_RUN = re.compile(rf"{LETTER}+")
# Letters joined by hyphens or slashes: "ВИЧ/СПИДа", "научно-исследовательский".
COMPOUND_WORD = re.compile(rf"{LETTER}+(?:[-/]{LETTER}+)*")
# Letters joined by apostrophes or hyphens, or a run of digits: "O'Brien", "Айя-Софию", "2020".
WORD_OR_NUMBER = re.compile(rf"{LETTER}+(?:['’-]{LETTER}+)*|\d+")
# Letters and digits together, as the search index sees words: "COVID19".
LETTERS_AND_DIGITS = re.compile(r"[^\W_]+")
# Whatever lies between spaces: "(R)", "A/58/98".
SPACE_DELIMITED = re.compile(r"\S+")
