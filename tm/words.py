"""The words of a text as scoring sees them (numbers, punctuation, case and spacing left out), and
the key a store keeps of them (tm.store.sqlite_words)."""
from __future__ import annotations

import zlib

from rapidfuzz.utils import default_process


def words_of(text: str) -> str:
    """Lower-case words, numbers left out: two texts with the same words differ only in placeables."""
    # rapidfuzz's default_process (lower case, non-alphanumerics to spaces) runs in C: 2x a regex.
    processed = default_process(text)
    if processed.replace(" ", "").isalpha():  # letters only: no word to leave out (3x faster, in C)
        return " ".join(processed.split())
    return " ".join(w for w in processed.split() if not w.isdigit())


def words_key(text: str) -> int:
    """A 32-bit key of words_of(text), never 0 (a store's "not known"); equal words give equal keys."""
    return key_of_words(words_of(text))


def key_of_words(words: str) -> int:
    """The key of a words_of result (stores keep these: changing it makes their keys wrong)."""
    return zlib.crc32(words.encode("utf-8")) % 0xFFFFFFFF + 1
