"""Lines of a PDF extraction without its page furniture: running heads and feet, page-break repeats.

A page break shows as blank lines around a lone page number (" 7 ") and the document symbol
(" A/58/98"); those lines go. The first line of a new page often repeats the tail of the
previous line ("...к Генеральному секретарю" then " самблеей. В этой же резолюции к
Генеральному секретарю обращена"); the repeated words go and the text stays whole.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from tm.clean.notes import Note, take_notes
from tm.clean.symbol import SYMBOL_PATTERNS
from tm.lang.script import SPACE_DELIMITED

PAGE_DEBRIS = "page debris"
PAGE_REPEAT = "page-break repeats"

# Whole lines that are page furniture, never text.
DEBRIS_LINES: tuple[re.Pattern[str], ...] = (
    *SYMBOL_PATTERNS,  # the document symbol: "A/58/98", "E/CN.9/2003/2", "ICCD/CRIC.13./4"
    re.compile(r"\d{2}-\d{5} \([A-Z]\)"),  # UN job number: "03-39889 (R)"
    re.compile(r"\d{2}-\d{5} \([A-Z]\)\s+\d{1,4}"),  # job and page number (pdftotext -layout): "15-50756 (R)    1"
    re.compile(r"\d{1,4}\s+\d{2}-\d{5} \([A-Z]\)"),  # page and job number: "2    15-50756 (R)"
)
# A lone page number (" 7 ") is furniture when a blank line is next to it; a number alone on
# a line inside running text ("в апреле" | "2003" | "года") is not.
PAGE_NUMBER = re.compile(r"\d{1,4}")
DEBRIS_MAX_CHARS = 24

# A page-break repeat is at least two words and this many characters long, so that an
# ordinary line starting with the word the previous one ended with is left alone.
MIN_REPEAT_CHARS = 12
REPEAT_CONTEXT_LINES = 2


class Line(NamedTuple):
    """One line of text, stripped, with what preceded it (a tuple: one is made per input line)."""

    text: str
    indented: bool = False  # began with whitespace
    gap: bool = False  # blank lines or page furniture came before it
    page_break: bool = False  # page furniture came before it
    notes: tuple[Note, ...] = ()  # footnote bodies of the page foot just before it (tm.clean.notes)


def is_debris(stripped: str, beside_blank: bool) -> bool:
    if len(stripped) > DEBRIS_MAX_CHARS:
        return False
    if beside_blank and PAGE_NUMBER.fullmatch(stripped):
        return True
    return any(pattern.fullmatch(stripped) for pattern in DEBRIS_LINES)


FIRST_TWO_WORDS = re.compile(r"\s*\S+\s+\S+")


def word_ends(text: str) -> list[int]:
    """Offsets just after each word of text: "ab cd" -> [2, 5]."""
    return [m.end() for m in SPACE_DELIMITED.finditer(text)]


def repeated_prefix(line: str, before: str) -> int:
    """Length of the longest run of whole words opening line that ends the text before it."""
    two = FIRST_TWO_WORDS.match(line)
    if two is None or line[:two.end()] not in before:
        return 0  # every candidate opens with the first two words, so they must occur before
    best = 0
    for end in word_ends(line)[1:]:
        prefix = line[:end]
        if len(prefix) >= MIN_REPEAT_CHARS and before.endswith(prefix):
            best = end
    return best


def drop_repeat(line: Line, lines: list[Line], repairs: Counter[str]) -> Line:
    """The line without the words that repeat the end of the previous page."""
    if not (line.indented or line.page_break) or not lines:
        return line
    before = " ".join(previous.text for previous in lines[-REPEAT_CONTEXT_LINES:])
    cut = repeated_prefix(line.text, before)
    if not cut:
        return line
    repairs[PAGE_REPEAT] += 1
    return line._replace(text=line.text[cut:].lstrip())


def content_lines(text: str, repairs: Counter[str]) -> list[Line]:
    """The text's non-blank lines without page furniture, page-break repeats and footnote bodies
    (which ride on the next line as its `notes`)."""
    raws = text.split("\n")
    lines: list[Line] = []
    gap, page_break = True, False  # the start of the text is a boundary like a blank line
    page_start, next_note = 0, 1
    pending: list[Note] = []
    for index, raw in enumerate(raws):
        stripped = raw.strip()
        if not stripped:
            gap = True
            continue
        short = len(stripped) <= DEBRIS_MAX_CHARS
        beside_blank = short and (gap or index + 1 == len(raws) or not raws[index + 1].strip())
        if short and is_debris(stripped, beside_blank):
            repairs[PAGE_DEBRIS] += 1
            gap = page_break = True
            notes = foot_notes(lines, page_start, next_note, repairs)
            if notes:
                pending.extend(notes)
                next_note = int(notes[-1].number) + 1
            page_start = len(lines)
            continue
        indented = raw[:1].isspace()
        line = Line(stripped, indented, gap, page_break, tuple(pending))
        if indented or page_break:
            line = drop_repeat(line, lines, repairs)
            if not line.text:
                continue
        lines.append(line)
        pending = []
        gap = page_break = False
    if pending and lines:
        lines[-1] = lines[-1]._replace(notes=lines[-1].notes + tuple(pending))
    return lines


def foot_notes(lines: list[Line], page_start: int, expected: int, repairs: Counter[str]) -> list[Note]:
    """Take the footnote bodies off the end of lines (the page since page_start) and return them."""
    if len(lines) <= page_start:
        return []
    page = lines[page_start:]
    first, head, notes = take_notes([line.text for line in page], expected, repairs)
    if not notes:
        return []
    del lines[page_start + first:]
    if head:
        lines.append(page[first]._replace(text=head))
    return notes
