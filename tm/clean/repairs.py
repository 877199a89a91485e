"""Character-level repairs of PDF-extracted text, as tables of named rules; every change is counted.

Each rule is a regular expression with a replacement and the readable repair name the build
summary prints. Rules that need context (which glyph a lost U+FFFD stood for) are small functions over the match.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from tm.lang.script import LATIN_LETTER, RUSSIAN_LETTER

REPLACEMENT = "\ufffd"

# Names of the repairs, as the build summary prints them.
CONTROL = "control characters"
NONCHARACTER = "noncharacters U+FFFE/U+FFFF"
ANNOTATION = "interlinear annotation characters U+FFF9-U+FFFB"
NO_BREAK_SPACE = "no-break spaces"
SOFT_HYPHEN = "soft hyphens"
ZERO_WIDTH = "zero-width characters"
FORM_FEED = "form feeds (page breaks)"
FFFD_EN_DASH = "U+FFFD en dash"
FFFD_EM_DASH = "U+FFFD em dash"
FFFD_QUOTES = "U+FFFD quotes"
FFFD_OTHER = "U+FFFD unknown (em dash)"

# C0 controls other than tab and newline, and DEL, become their visible Control Pictures
# (U+2400 block): "\x07" -> "␇". Nothing is dropped silently.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

# XML cannot carry these either; they become the visible substitute symbol "␦" (U+2426).
NONCHARACTERS = re.compile("[\ufffe\uffff]")

# tm.markup marks where an inline code stands with these three: a text that holds them itself would
# show them as codes ("<1>") in every export, so they become "␦" too.
ANNOTATIONS = re.compile("[\ufff9-\ufffb]")

# Any of the three above.
ODD_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufff9-\ufffb\ufffe\uffff]")

INVISIBLES: tuple[tuple[str, str, str], ...] = (
    ("\u00a0", " ", NO_BREAK_SPACE),
    ("\u202f", " ", NO_BREAK_SPACE),  # narrow no-break space, French/Russian number groups
    ("\u00ad", "", SOFT_HYPHEN),
    ("\u200b", "", ZERO_WIDTH),
    ("\u2060", "", ZERO_WIDTH),
    ("\ufeff", "", ZERO_WIDTH),  # a BOM left inside the text by concatenation
)



def visible_char(match: re.Match[str]) -> str:
    """The visible stand-in of a character XML cannot carry: its Control Picture, or ␦ for U+FFFE/U+FFFF."""
    code = ord(match.group())
    return "\u2421" if code == 0x7F else "\u2426" if code > 0x7F else chr(0x2400 + code)


def normalise_text(text: str, repairs: Counter[str]) -> str:
    """Line ends to LF, NFC, form feeds to page breaks, invisibles and controls made explicit."""
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = nfc(text)
    text = count_replace(text, "\f", "\n\n", FORM_FEED, repairs)
    for char, replacement, name in INVISIBLES:
        text = count_replace(text, char, replacement, name, repairs)
    if not ODD_CHARS.search(text):
        return text  # the usual case: one scan instead of two
    text = count_sub(NONCHARACTERS, lambda _: "\u2426", text, NONCHARACTER, repairs)
    text = count_sub(ANNOTATIONS, lambda _: "\u2426", text, ANNOTATION, repairs)
    return count_sub(CONTROL_CHARS, visible_char, text, CONTROL, repairs)


# Blocks whose characters NFC leaves alone whatever surrounds them (Latin, Cyrillic letters without
# their combining marks, punctuation, currency, №): not a combining mark, not changed, never the
# second of a composition; tests/test_clean_nfc.py checks it against unicodedata.
NFC_STABLE_RANGES = ((0x0000, 0x02FF), (0x0400, 0x0482), (0x048A, 0x052F), (0x2010, 0x2027),
                     (0x2030, 0x205E), (0x20A0, 0x20BF), (0x2116, 0x2116))
NFC_MAY_CHANGE = re.compile(
    "[^" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in NFC_STABLE_RANGES) + "]")


def nfc(text: str) -> str:
    """unicodedata.normalize("NFC", text), normalising only the lines that hold a character it may change
    (a line end never composes with its neighbours, so the lines normalise apart); the text itself
    when none changes (no copy of it)."""
    pieces: list[str] = []
    done = 0  # text[:done] is in pieces
    match = NFC_MAY_CHANGE.search(text)
    while match:
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        end = len(text) if end < 0 else end
        line = text[start:end]
        normal = unicodedata.normalize("NFC", line)
        if normal != line:
            pieces += [text[done:start], normal]
            done = end
        match = NFC_MAY_CHANGE.search(text, end)
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def count_replace(text: str, old: str, new: str, name: str, repairs: Counter[str]) -> str:
    count = text.count(old)
    if not count:
        return text
    repairs[name] += count
    return text.replace(old, new)


def count_sub(
    pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str], text: str,
    name: str, repairs: Counter[str],
) -> str:
    text, count = pattern.subn(repl, text)
    if count:
        repairs[name] += count
    return text


# --- U+FFFD: which character was lost, from its neighbours --------------------------------

def quote_pair(match: re.Match[str]) -> str:
    """A Latin-script title gets English curly quotes, anything else Russian guillemets."""
    inner = match.group(1)
    if LATIN_LETTER.search(inner) and not RUSSIAN_LETTER.search(inner):
        return f"\u201c{inner}\u201d"
    return f"\u00ab{inner}\u00bb"


@dataclass(frozen=True, slots=True)
class Rule:
    """One regular-expression repair and the name it is counted under."""

    name: str
    pattern: re.Pattern[str]
    replacement: str | Callable[[re.Match[str]], str]
    per_match: int = 1  # how many lost characters one match repairs


FFFD_RULES: tuple[Rule, ...] = (
    # "1980�1999" -> "1980–1999"
    Rule(FFFD_EN_DASH, re.compile(r"\ufffd(?<=\d\ufffd)(?=\d)"), "\u2013"),
    # "�Levels and Trends ... Asia�" -> "“Levels and Trends ... Asia”": opens after a space or
    # bracket and hugs the next word; closes hugging the previous word.
    Rule(
        FFFD_QUOTES,
        re.compile(r"\ufffd(?<![^\s(\[]\ufffd)(?=[^\s\ufffd])([^\ufffd\n]{1,300}?[^\s\ufffd])\ufffd(?=[\s.,;:!?)\]]|$)"),
        quote_pair,
        per_match=2,
    ),
    # "Комиссии � и" -> "Комиссии — и"
    Rule(FFFD_EM_DASH, re.compile(r"\ufffd(?<!\S\ufffd)(?=\s|$)"), "\u2014"),
    Rule(FFFD_OTHER, re.compile(r"\ufffd"), "\u2014"),
)


def repair_lost_characters(text: str, repairs: Counter[str]) -> str:
    """Replace every U+FFFD by the dash or quote its context calls for."""
    if REPLACEMENT not in text:
        return text
    for rule in FFFD_RULES:
        text, count = rule.pattern.subn(rule.replacement, text)
        if count:
            repairs[rule.name] += count * rule.per_match
    return text


def repair_text(text: str, repairs: Counter[str]) -> str:
    """The character repairs of one joined paragraph or heading, then single spaces. (Footnote marks
    are taken out earlier, over the whole document, where the evidence is: tm.clean.notes.)"""
    text = repair_lost_characters(text, repairs)
    return " ".join(text.split())
