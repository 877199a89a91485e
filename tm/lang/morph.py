"""The one pymorphy3 analyser of Russian, shared by every stage (loading it takes a second), and
the one cache of its parses: a word form is parsed once per process, whichever stage asks."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pymorphy3
    from pymorphy3.analyzer import Parse

KNOWN_WORDS_CACHE = 65536
# Word forms kept parsed: more than a 5 MB document's termbase asks for (about 6,000 of its 43,000 forms; a
# word of mixed scripts goes to mixed_parse), so that no form of it is parsed twice, and bounded (about 1 KB
# a form: predicted words keep many readings), so that a larger input keeps no more.
PARSES_CACHE = 8192
# pymorphy3 reads a word in lower case; only its analysers of single capitals (initials), numbers, punctuation
# and Latin or Roman numerals look at the word as written, and none of them takes a word with a Cyrillic letter.
CYRILLIC_LETTER = re.compile(r"[а-яё]", re.IGNORECASE)
# A word of Latin and Cyrillic letters together: a term lookup's look-alike reading of a name ("Koмиccия"),
# which no stage meets in a text. pymorphy3 predicts many readings for it (about 2 KB), read once: kept apart.
MIXED_SCRIPTS = re.compile(r"[a-z].*[а-яё]|[а-яё].*[a-z]", re.IGNORECASE)
MIXED_CACHE = 256  # a name's look-alike readings as typed and in lower case come together


@lru_cache(maxsize=1)
def analyzer() -> pymorphy3.MorphAnalyzer:
    """The pymorphy3 analyser, loaded once on first use."""
    import pymorphy3  # here, not at the top: a command that needs no dictionary starts without it
    import pymorphy3_dicts_ru

    # The path given, pymorphy3 does not look for its dictionary package among the installed entry
    # points (importlib.metadata: about 100 ms of a 250 ms load).
    return pymorphy3.MorphAnalyzer(path=pymorphy3_dicts_ru.get_path(), lang="ru")


@lru_cache(maxsize=PARSES_CACHE)
def parse(word: str) -> tuple[Parse, ...]:
    """The readings of a word form, most likely first (pymorphy3's parse, cached per exact form); a word of
    two letters or more with a Cyrillic one reads as its lower case, so "Комиссии" and "комиссии" share one."""
    lower = word.lower()
    if lower != word and len(word) > 1 and CYRILLIC_LETTER.search(word):
        return parse(lower)
    return tuple(analyzer().parse(word))


def lookup_parse(word: str) -> tuple[Parse, ...]:
    """parse(), but a word of mixed scripts is kept only in a small cache of its own (mixed_parse)."""
    return mixed_parse(word.lower()) if MIXED_SCRIPTS.search(word) else parse(word)


@lru_cache(maxsize=MIXED_CACHE)
def mixed_parse(lower: str) -> tuple[Parse, ...]:
    """The readings of a word of mixed scripts in lower case (as parse reads it: it has a Cyrillic letter)."""
    return tuple(analyzer().parse(lower))


@lru_cache(maxsize=KNOWN_WORDS_CACHE)
def known_word(word: str) -> bool:
    """True when the dictionary knows the word (case-insensitive); a foreign surname or a brand it does not."""
    return dictionary_knows(word)


def dictionary_knows(word: str) -> bool:
    """known_word without its cache, for a form asked about once (the cache would keep it to the end)."""
    lower = word.lower()
    # the word as written first (one look-up in the word graph): word_is_known also tries "е" as "ё", 4x slower
    return lower in analyzer().dictionary.words or bool(analyzer().word_is_known(lower))
