"""The one pymorphy3 analyser of Russian, shared by every stage (loading it takes a second)."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pymorphy3

KNOWN_WORDS_CACHE = 65536


@lru_cache(maxsize=1)
def analyzer() -> pymorphy3.MorphAnalyzer:
    """The pymorphy3 analyser, loaded once on first use."""
    import pymorphy3  # here, not at the top: a command that needs no dictionary starts without it

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=KNOWN_WORDS_CACHE)
def known_word(word: str) -> bool:
    """True when the dictionary knows the word (case-insensitive); a foreign surname or a brand it does not."""
    return bool(analyzer().word_is_known(word.lower()))
