"""guess_language names each distinct letter once: the same guess as naming every letter in turn
(the reference below, the former code), on texts of many scripts and on the shipped documents."""
from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tm.lang import detect
from tm.lang.detect import Guess, guess_language

DATA = Path(__file__).resolve().parent.parent / "tm" / "data"


def letter_by_letter(text: str) -> Guess:
    """The former guess_language: every letter's Unicode name looked up."""
    sample = [c for c in text[:detect.SAMPLE_CHARS] if c.isalpha()]
    letters = [c.lower() for c in sample]
    if not letters:
        return Guess("", "", 0.0, 0)
    scripts = Counter(unicodedata.name(low if len(low) == 1 else c, "UNKNOWN").split(" ", 1)[0]
                      for c, low in zip(sample, letters, strict=True))
    script, count = scripts.most_common(1)[0]
    counts = Counter(letters)
    marked = [(sum(counts[m] for m in marks), lang) for lang, marks in detect.MARKERS.get(script, ())]
    best, lang = max(marked, default=(0, ""))
    if best < detect.MIN_MARKER_SHARE * len(letters) or (
            lang != detect.DEFAULT_BY_SCRIPT.get(script) and detect.counts_favour_default(script, marked, best)):
        lang = detect.DEFAULT_BY_SCRIPT.get(script, "")
    return Guess(lang, script, count / len(letters), len(letters))


# Letters of several scripts, markers of each language, a two-character lower case (İ), ties.
ALPHABET = "абвгдыэёіїєґўђјљњћџabcdefäöüßñçèêëœãõİΑβγאבגあいア漢字 .,1"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=300))
def test_same_guess_as_letter_by_letter(text: str) -> None:
    assert guess_language(text) == letter_by_letter(text)


def test_same_guess_on_ties() -> None:
    for text in ("аb", "bа", "abаб", "αаa", "İа", "аİ"):
        assert guess_language(text) == letter_by_letter(text), text


def test_same_guess_on_the_shipped_documents() -> None:
    for path in sorted(DATA.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert guess_language(text) == letter_by_letter(text), path.name
