"""Footnotes of a PDF extraction: bodies taken from the page foot, marks taken out of the text by evidence.

A footnote body sits at the foot of its page, just before the page furniture, and opens with its
number glued to its first word ("1См. резолюцию 69/142 Генеральной Ассамблеи."). The numbers run
1, 2, 3 ... through the document, so a body is only taken when it carries the next number. When
pdftotext joined a hyphenated word across the line end it sometimes glued the body to the text
line ("...Организации Объединен7Документ S/RES/2206..2015."); the body is cut off and the
hyphen it ate is put back for the line joining to decide.

A footnote mark is digits glued to the text they annotate ("ОДЗЗ.1", "семей5,"). Digits are
only removed with evidence that they are a mark: a body with that number in the document, or
the document's running footnote numbering (marks 1, 2, 3 ... in order, at least
MIN_RUNNING_MARKS of them). Anything else ("Pontoon21", "21х17х4 см", "в13") stays.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

# Names of the repairs, as the build summary prints them.
NOTE_BODY = "footnote bodies"
NOTE_GLUED = "footnote bodies glued to a line"
FOOTNOTE = "footnote digits"  # a mark glued to a word, quote or bracket: "семей5,"
FOOTNOTE_AFTER_STOP = "footnote marks after punctuation"  # "ОДЗЗ.1", "(пункт 97).4"
FOOTNOTE_AFTER_YEAR = "footnote marks after a quote or year"  # '"Space Law in the News"6', "4 - 15 May 20156"

# The repairs that delete characters of the text; on clean text they must never happen.
DELETING = (FOOTNOTE, FOOTNOTE_AFTER_STOP, FOOTNOTE_AFTER_YEAR)

# A body at the start of a line: "1См. резолюцию", "10See General Assembly", "2«Доклад».
NOTE_START = re.compile(r"(?P<number>\d{1,3})(?=[^\W\d_]|[«\"“(])(?P<body>.+)")
# A body glued to a text line after a letter: "Объединен7Документ S/RES/2206..2015., приложение."
NOTE_GLUED_START = re.compile(r"(?<=[^\W\d_])(?P<number>\d{1,3})(?P<body>[A-ZА-ЯЁ][^\W\d_].*)$")
# How far before the page furniture a footnote can start.
MAX_NOTE_LINES = 12

# Digits right after a lowercase letter, a closing quote or bracket, before a space,
# punctuation or the end: "годы»1 и", "Азии»)2.", "семей5,".
MARK_AFTER_WORD = re.compile(r"(?P<digits>\d(?<=[a-zа-яё»”)\]>*]\d)\d?)(?=[\s.,;:!?)\]»]|$)")
# Digits right after the punctuation ending a word, number or quote, before a space and no
# lowercase word or digit, or the end: "ОДЗЗ.1", "(пункт 97).4", "2015.6 The", "<<Стороны>>:5",
# "(Германия)**3". Only with a body of that number (a decimal "3.5 per cent" goes on in lower case).
# (Each of these patterns opens with its first digit, and looks behind it from there: a pattern that
# opens with a look-behind is tried at every character of the line.)
MARK_AFTER_STOP = re.compile(r"(?P<digits>\d(?<=[\w»”\")\]>*?!][.,;:]\d)\d{0,2})(?=\s+[^\sa-zа-яё\d]|\s*$)")
# A number before the stop makes the digits after it a decimal ("over 28.9", "28,9 млрд."), unless
# it is a year ending a sentence: "in 2015.6".
LOWER_START = re.compile(r"[a-zа-яё]")
DIGIT = re.compile(r"\d")
DECIMAL_BEFORE = re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d[.,])\d+[.,]$")
# Digits glued to a closing straight quote or to a year ending a line: '"Space Law in the News"6',
# "Geneva, 4 - 15 May 20157". Only with a body of that number.
MARK_AFTER_YEAR = re.compile(r"(?P<digits>\d(?:(?<=[^\W\d_]\"\d)|(?<=\s(?:19|20)\d\d\d))\d?)$")
# A mark needs this many marks 1, 2, 3 ... in order when the document has no bodies.
MIN_RUNNING_MARKS = 3
MAX_SKIPPED_MARKS = 2  # numbers a run may skip when bodies show the marks
# Units written with a superscript power that PDF extraction flattens: "50 км2" is no footnote.
UNIT_POWERS = frozenset({"м", "км", "см", "мм", "дм", "m", "km", "cm", "mm"})
UNIT_TAIL = 3  # letters read before the digits: the longest unit and one more ("скм2" is no "км2")
WORD_BEFORE = re.compile(r"[a-zа-яё]+$")


@dataclass(frozen=True, slots=True)
class Note:
    """A footnote body: its number and its lines."""

    number: str
    lines: tuple[str, ...]


def note_start(text: str, expected: int, glued: bool) -> re.Match[str] | None:
    """The body with the expected number opening the line (or, glued, ending it)."""
    match = (NOTE_GLUED_START.search(text) if glued else NOTE_START.match(text))
    if match and int(match.group("number")) == expected:
        return match
    return None


def split_notes(texts: list[str], expected: int) -> list[Note]:
    """The lines of a page foot, the first opening note `expected`, as notes 1, 2, 3 ..."""
    notes: list[tuple[str, list[str]]] = []
    for text in texts:
        match = note_start(text, expected, glued=False)
        if match:
            notes.append((match.group("number"), [match.group("body")]))
            expected += 1
        else:
            notes[-1][1].append(text)
    return [Note(number, tuple(lines)) for number, lines in notes]


def page_foot(texts: list[str], expected: int) -> tuple[int, int] | None:
    """Where the footnotes of a page start, (line, offset in it), among the last lines before its
    furniture: the first line opening (or ending in) the body with the expected number."""
    for index in range(max(0, len(texts) - MAX_NOTE_LINES), len(texts)):
        if note_start(texts[index], expected, glued=False):
            return index, 0
        glued = note_start(texts[index], expected, glued=True)
        if glued:
            return index, glued.start()
    return None


def take_notes(texts: list[str], expected: int, repairs: Counter[str]) -> tuple[int, str, list[Note]]:
    """Footnotes at the end of texts (the lines of a page before its furniture).

    Returns the index of the first footnote line, that line's text left before a glued body
    (with the hyphen pdftotext ate put back), and the notes; (len(texts), "", []) when none."""
    foot = page_foot(texts, expected)
    if foot is None:
        return len(texts), "", []
    index, offset = foot
    head = ""
    body_lines = texts[index:]
    if offset:
        head = texts[index][:offset] + "-"
        body_lines = [texts[index][offset:], *texts[index + 1:]]
        repairs[NOTE_GLUED] += 1
    notes = split_notes(body_lines, expected)
    repairs[NOTE_BODY] += len(notes)
    return index, head, notes


# --- marks ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Mark:
    """A candidate mark: where it is (line, start, end), its number and its repair name."""

    line: int
    start: int
    end: int
    number: int
    name: str


def is_unit_power(text: str, start: int) -> bool:
    """True for "км2": digits after a unit of length are a power, not a footnote."""
    word = WORD_BEFORE.search(text, max(0, start - UNIT_TAIL), start)
    return word is not None and word.group() in UNIT_POWERS


def is_decimal(lines: list[str], index: int, start: int, end: int, last_lines: frozenset[int]) -> bool:
    """True for digits after a number and a stop that are its decimal part, not a mark: "over 28.9" |
    "billion"; but "пункты 11 и 54,3" ending a paragraph, or a line before one in capitals, is a mark."""
    text = lines[index]
    if DECIMAL_BEFORE.search(text, 0, start) is None:
        return False
    if text[end:].strip():
        return True
    if index in last_lines or index + 1 == len(lines):
        return False
    return LOWER_START.match(lines[index + 1]) is not None


def candidate_marks(lines: list[str], last_lines: frozenset[int] = frozenset()) -> Iterator[Mark]:
    """Digits that look like marks, in order; not a power of a unit ("км2") nor a decimal ("28.9")."""
    for index, text in enumerate(lines):
        if DIGIT.search(text) is None:  # every mark is digits: most lines of running text have none
            continue
        found = [
            Mark(index, m.start("digits"), m.end("digits"), int(m.group("digits")), name)
            for pattern, name in ((MARK_AFTER_WORD, FOOTNOTE), (MARK_AFTER_STOP, FOOTNOTE_AFTER_STOP),
                                  (MARK_AFTER_YEAR, FOOTNOTE_AFTER_YEAR))
            for m in pattern.finditer(text)
        ]
        for mark in sorted(found, key=lambda m: m.start):
            if mark.name == FOOTNOTE and is_unit_power(text, mark.start):
                continue
            if mark.name == FOOTNOTE_AFTER_STOP and is_decimal(lines, index, mark.start, mark.end, last_lines):
                continue
            yield mark


def evident_marks(lines: list[str], bodies: frozenset[int], last_lines: frozenset[int] = frozenset()) -> list[Mark]:
    """The candidates that are footnote marks: the running numbering 1, 2, 3 ... in order; each with a
    body of its number, or (no body in the document) at least MIN_RUNNING_MARKS of them."""
    running: list[Mark] = []
    for mark in candidate_marks(lines, last_lines):
        last = running[-1].number if running else 0
        if bodies:  # a body of that number; a mark whose body was missed may be skipped
            if mark.number in bodies and last < mark.number <= last + MAX_SKIPPED_MARKS + 1:
                running.append(mark)
        elif mark.number == last + 1 and mark.name == FOOTNOTE:
            running.append(mark)
    if not bodies and len(running) < MIN_RUNNING_MARKS:
        return []
    return running


def remove_marks(lines: list[str], bodies: frozenset[int], repairs: Counter[str],
                 last_lines: frozenset[int] = frozenset()) -> tuple[list[str], list[Mark]]:
    """The lines (in document order) without the footnote marks the evidence shows, and those marks."""
    marks = evident_marks(lines, bodies, last_lines)
    if not marks:
        return lines, []
    out = list(lines)
    for mark in reversed(marks):
        text = out[mark.line]
        out[mark.line] = text[:mark.start] + text[mark.end:]
        repairs[mark.name] += 1
    return out, marks
