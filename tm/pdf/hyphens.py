"""Line-end hyphens decided before tm.clean.hyphenation: by where the hyphen sits, then by the document's words.

A typesetter that hyphenates (LibreOffice here) draws its hyphen as a run of its own, set a little
apart from the last letter; a hyphen of the text itself ("по-|прежнему", "nuclear-|weapon") is
kerned against the letter before it. Where the gap says nothing, a word the document spells whole
elsewhere is joined and one it writes with the hyphen is kept (tm.pdf.vocabulary); the rest go to
tm.clean.hyphenation.join_lines.
"""
from __future__ import annotations

from collections import Counter

from tm.pdf.vocabulary import JOINED_SEEN, Vocabulary, decide

INSERTED = "hyphenation joined (hyphen set apart by the typesetter)"
SOURCE = "hyphen kept (hyphen kerned to its word)"

# Points between the last letter and the hyphen: at most SOURCE_GAP a hyphen of the text, at least
# INSERTED_GAP one the typesetter added (LibreOffice, on the dev set: 0.07 pt at most, 0.2 pt at least).
SOURCE_GAP = 0.1
INSERTED_GAP = 0.15


def gap_decision(gap: float | None) -> str:
    """INSERTED, SOURCE or '' for the gap before a line-end hyphen (None: no hyphen, or not after a letter)."""
    if gap is None:
        return ""
    if gap >= INSERTED_GAP:
        return INSERTED
    return SOURCE if gap <= SOURCE_GAP else ""


def pre_join(lines: list[str], gaps: list[float | None], vocabulary: Vocabulary, repairs: Counter[str]) -> list[str]:
    """The lines with the line-end hyphens that geometry or the vocabulary decide joined up; the rest as they are."""
    out: list[str] = []
    last_gap: float | None = None
    for line, gap in zip(lines, gaps, strict=True):
        if out and out[-1].endswith("-"):
            decision = gap_decision(last_gap) or decide(out[-1], line, vocabulary)
            if decision:
                repairs[decision] += 1
                joined = decision in (INSERTED, JOINED_SEEN)
                out[-1] = (out[-1][:-1] if joined else out[-1]) + line
                last_gap = gap
                continue
        out.append(line)
        last_gap = gap
    return out
