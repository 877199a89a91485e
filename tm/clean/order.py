"""Lines that pdftotext read out of order, put back: the short last line of a one-line-and-a-bit paragraph.

pdftotext reads the short tail of a paragraph that is one full line and a few letters long
before the full line, right under the paragraph number (devset-a04.en.txt lines 316-319):
"80." | "riod." | (blank) | "Attacks on ... during the reporting pe-" | (blank). The tail goes back
after the line whose cut word it ends; the hyphen is then decided as at any line end.
"""
from __future__ import annotations

import re
from collections import Counter

from tm.clean.pages import Line

ORPHAN_TAIL = "paragraph tail read before its line"

LONE_NUMBER = re.compile(r"\d{1,3}\.")
# The tail: at most two short words and punctuation, footnote digits included ("rity.9", "ДЭ);").
TAIL = re.compile(r"[^\W\d_][\w.,;:)>»”\"']*(?: [\w.,;:)>»”\"']+)?")
TAIL_MAX_CHARS = 24
CUT_WORD_END = re.compile(r"[^\W\d_]-$")


def is_orphan_tail(lines: list[Line], index: int) -> bool:
    """True when lines[index] is a paragraph's tail read between its number and its one full line."""
    if index < 1 or index + 1 >= len(lines):
        return False
    number, tail, full = lines[index - 1], lines[index], lines[index + 1]
    ends_paragraph = index + 2 == len(lines) or lines[index + 2].gap
    return (LONE_NUMBER.fullmatch(number.text) is not None and not tail.gap and full.gap and ends_paragraph
            and len(tail.text) <= TAIL_MAX_CHARS and TAIL.fullmatch(tail.text) is not None
            and CUT_WORD_END.search(full.text) is not None)


def put_back_tails(lines: list[Line], repairs: Counter[str]) -> list[Line]:
    """The lines with each orphan tail moved after the full line it ends."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        if is_orphan_tail(lines, index):
            tail, full = lines[index], lines[index + 1]
            out.append(full._replace(gap=False, notes=tail.notes + full.notes))
            out.append(tail._replace(notes=()))
            repairs[ORPHAN_TAIL] += 1
            index += 2
            continue
        out.append(lines[index])
        index += 1
    return out
