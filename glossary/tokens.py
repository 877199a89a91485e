"""Word and break tokens of a sentence, with offsets: the shared input of every extraction rule."""
from __future__ import annotations

import re
from typing import NamedTuple

from glossary.normalise import is_acronym_word, lemma
from tm.lang.script import COMPOUND_WORD

TOKEN = re.compile(rf"(?P<word>{COMPOUND_WORD.pattern})|(?P<num>\d+)|(?P<brk>\S)")
NUMBER_PREFIX = re.compile(r"^\s*(?:\d+|[IVXLCDM]+|[A-ZА-Я])\.\s+")  # "4. Несколько…", "II. Деятельность"


class Token(NamedTuple):
    """One word or break character with its offsets (a tuple: one is made per token of every unit)."""

    text: str
    start: int
    stop: int
    is_word: bool
    capitalised: bool  # a word with a capital first letter (a field: the name finder asks it of every token)

    @property
    def lemma(self) -> str:
        return lemma(self.text) if self.is_word else self.text

    @property
    def acronym(self) -> bool:
        return self.is_word and is_acronym_word(self.text)


# Hyphens that typesetting puts in words ("Юго‑Западной" with U+2011) read as "-"; one character
# for one, so offsets stay those of the text.
HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})


def tokenize(text: str) -> list[Token]:
    """Words (with inner hyphens and slashes), numbers, and single non-space break characters."""
    plain = text.translate(HYPHENS) if "\u2010" in text or "\u2011" in text else text
    make = tuple.__new__  # Token(...) through its Python-level __new__ costs a call per token
    return [make(Token, (text[start:stop], start, stop, word, word and text[start].isupper()))
            for m in TOKEN.finditer(plain) for (start, stop), word in ((m.span(), m.lastgroup == "word"),)]


def sentence_start(text: str) -> int:
    """Offset of the sentence's first word, after a paragraph or heading number."""
    m = NUMBER_PREFIX.match(text)
    return m.end() if m else len(text) - len(text.lstrip())


def clause_before(tokens: list[Token], index: int) -> list[Token]:
    """The words right before tokens[index], back to the nearest break (comma, digit, bracket…)."""
    words: list[Token] = []
    for token in reversed(tokens[:index]):
        if not token.is_word:
            break
        words.append(token)
    return words[::-1]
