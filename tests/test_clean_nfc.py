"""The NFC shortcut of tm.clean.repairs: the same text as unicodedata.normalize("NFC") on every input."""
from __future__ import annotations

import random
import unicodedata

import pytest

from tm.clean.repairs import NFC_STABLE_RANGES, nfc


def composition_seconds() -> set[str]:
    """Every character that is the second of a canonical two-character decomposition (so may compose)."""
    found = set()
    for code in range(0x110000):
        decomposition = unicodedata.decomposition(chr(code))
        if decomposition and not decomposition.startswith("<") and len(decomposition.split()) == 2:
            found.add(chr(int(decomposition.split()[1], 16)))
    return found


def test_stable_ranges_hold_no_character_nfc_may_change() -> None:
    seconds = composition_seconds()
    changed = [hex(code) for first, last in NFC_STABLE_RANGES for code in range(first, last + 1)
               if unicodedata.normalize("NFC", chr(code)) != chr(code) or unicodedata.combining(chr(code))
               or chr(code) in seconds]
    assert changed == []


CASES = [
    "Организация Объединенных Наций",
    "е\u0308ж и\u0306 А\u0301",  # Cyrillic with combining marks: composed
    "ОО\n\u0301Н",  # a mark after a line end composes with nothing
    "\u2000 \u212b \u2126",  # singletons: en quad, angstrom, ohm
    "Ａ\uac00\u1100\u1161",  # full width, Hangul syllable and jamo that compose
    "line one\nline a\u0323\u0307 two\r\n\u0958",
    "",
]


@pytest.mark.parametrize("text", CASES)
def test_nfc_is_unicodedata_nfc(text: str) -> None:
    assert nfc(text) == unicodedata.normalize("NFC", text)


def test_nfc_on_random_mixtures() -> None:
    rng = random.Random(15)
    pool = "aеЁ \n.\u0301\u0308\u0306\u0323\u212b\u2000\u1100\u1161\u11a8\uac00\u0958\u00c5\u0041\u030a«»−"
    for _ in range(5000):
        text = "".join(rng.choice(pool) for _ in range(rng.randrange(12)))
        assert nfc(text) == unicodedata.normalize("NFC", text), repr(text)
