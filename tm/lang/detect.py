"""Which language a text is in, from its letters: the script most of them belong to, then the letters
that only some languages of that script use. Enough to tell a Russian source from an English one.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass

from tm.lang import base_language

# The script each language tmtool has a profile for is written in.
SCRIPTS = {"ru": "CYRILLIC", "en": "LATIN"}
# Letters that mark one language among those of its script, and the language a script's text is
# taken for when none of them occurs (UN documents come in Russian and English).
MARKERS = {
    "CYRILLIC": (("uk", "іїєґ"), ("be", "ў"), ("sr", "ђјљњћџ"), ("ru", "ыэё")),
    "LATIN": (("de", "äöüß"), ("es", "ñ¿¡"), ("fr", "çèêëœ"), ("pt", "ãõ")),
}
DEFAULT_BY_SCRIPT = {"CYRILLIC": "ru", "LATIN": "en"}
LANGUAGE_NAMES = {"ru": "Russian", "en": "English", "uk": "Ukrainian", "be": "Belarusian", "sr": "Serbian",
                  "de": "German", "es": "Spanish", "fr": "French", "pt": "Portuguese"}
MIN_LETTERS = 200  # fewer letters than this say too little to refuse a file
MIN_SCRIPT_SHARE = 0.5  # a text is in the script of at least half its letters
MIN_MARKER_SHARE = 0.003  # marker letters of a language, per letter of the text, to take it for that language
SAMPLE_CHARS = 200_000  # the start of a long text says enough


@dataclass(frozen=True, slots=True)
class Guess:
    """The likely language of a text, the script of most of its letters and that script's share."""

    lang: str
    script: str
    share: float
    letters: int

    @property
    def name(self) -> str:
        return LANGUAGE_NAMES.get(self.lang, self.lang or f"{self.script.title()}-script")


def script_of(letter: str) -> str:
    """'CYRILLIC' for 'я', 'LATIN' for 'é', from the Unicode name's first word."""
    return unicodedata.name(letter, "UNKNOWN").split(" ", 1)[0]


def guess_language(text: str) -> Guess:
    """The likely language of text from its letter statistics."""
    sample = Counter(c for c in text[:SAMPLE_CHARS] if c.isalpha())
    total = sum(sample.values())
    if not total:
        return Guess("", "", 0.0, 0)
    scripts: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    # Each distinct letter named once (a name per letter was ~0.06 s of a 5 MB build), in the order
    # letters first occur, so that scripts tie as they did when counted letter by letter.
    for letter, n in sample.items():
        low = letter.lower()
        # a letter whose lower case is two characters ('İ' -> 'i' + a combining dot) is named as written
        scripts[script_of(low if len(low) == 1 else letter)] += n
        counts[low] += n
    script, count = scripts.most_common(1)[0]
    marked = [(sum(counts[m] for m in marks), lang) for lang, marks in MARKERS.get(script, ())]
    best, lang = max(marked, default=(0, ""))
    if best < MIN_MARKER_SHARE * total or (lang != DEFAULT_BY_SCRIPT.get(script) and counts_favour_default(
            script, marked, best)):
        lang = DEFAULT_BY_SCRIPT.get(script, "")
    return Guess(lang, script, count / total, total)


def counts_favour_default(script: str, marked: list[tuple[int, str]], best: int) -> bool:
    """Russian letters ы э ё outnumber another language's markers: a quoted Ukrainian name stays Russian."""
    default = DEFAULT_BY_SCRIPT.get(script)
    return any(lang == default and count >= best for count, lang in marked)


def language_mismatch(text: str, lang: str) -> Guess | None:
    """The likely language when text does not look like lang (by script or marker letters), else None."""
    code = base_language(lang)
    script = SCRIPTS.get(code)
    guess = guess_language(text)
    if script is None or guess.letters < MIN_LETTERS:
        return None
    if guess.script != script or guess.share < MIN_SCRIPT_SHARE or (guess.lang and guess.lang != code):
        return guess
    return None
