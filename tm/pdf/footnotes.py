"""Footnotes: marks (superscript digits raised in running text) and bodies (smaller type at the page foot)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from tm.pdf.lines import Line, Piece

MARK_REMOVED = "footnote marks removed"
POWER_KEPT = "superscript powers kept"
NOTE_LINES = "footnote lines set apart"

# Footnote type is smaller than the body's by more than this fraction.
NOTE_SIZE = 0.9
MARK = re.compile(r"^\s*\d{1,3}\s*$")
NOTE_START = re.compile(r"^(?P<number>\d{1,3})(?!\d)\s*(?=\S)")
# "50 км2", "10 m3": a raised digit after a unit of length or area is a power, not a mark.
UNIT_BEFORE = re.compile(r"(?<![^\W\d_])(?:м|км|см|мм|дм|m|km|cm|mm)$")


@dataclass(frozen=True, slots=True)
class Note:
    """A footnote body: its number and its lines (number taken off the first)."""

    number: str
    lines: tuple[str, ...]


def without_marks(line: Line, repairs: Counter[str]) -> Line:
    """The line with its footnote marks taken out, their numbers kept in `marks`."""
    pieces: list[Piece] = []
    marks: list[str] = []
    for piece in line.pieces:
        if piece.raised and MARK.match(piece.text):
            before = "".join(p.text for p in pieces)
            if UNIT_BEFORE.search(before):
                repairs[POWER_KEPT] += 1
            else:
                marks.append(piece.text.strip())
                repairs[MARK_REMOVED] += 1
                continue
        pieces.append(Piece(piece.text))
    return replace(line, pieces=tuple(pieces), marks=tuple(marks))


def note_zone(lines: list[Line], body_size: float) -> int:
    """Index of the first line of the page's foot made only of footnote-size type."""
    start = len(lines)
    while start > 0 and lines[start - 1].size < body_size * NOTE_SIZE:
        start -= 1
    return start


def split_notes(lines: list[Line], expected: set[str]) -> list[Note]:
    """Footnote bodies from the small lines at a page foot; a line opens a note with an expected number."""
    notes: list[tuple[str, list[str]]] = []
    for line in lines:
        start = NOTE_START.match(line.text)
        number = start.group("number") if start else ""
        if start and (not notes or number in expected or number == next_number(notes[-1][0])):
            notes.append((start.group("number"), [line.text[start.end():]]))
        elif notes:
            notes[-1][1].append(line.text)
        else:
            notes.append(("", [line.text]))
    return [Note(number, tuple(texts)) for number, texts in notes]


def next_number(number: str) -> str:
    return str(int(number) + 1) if number.isdigit() else ""


def page_notes(lines: list[Line], body_size: float, repairs: Counter[str]) -> tuple[list[Line], list[Note]]:
    """A page's running lines (marks removed) and its footnote bodies."""
    zone = note_zone(lines, body_size)
    body = [without_marks(line, repairs) for line in lines[:zone]]
    if zone < len(lines):
        repairs[NOTE_LINES] += len(lines) - zone
    return body, split_notes(lines[zone:], {mark for line in body for mark in line.marks})
