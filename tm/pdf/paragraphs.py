"""Blocks from lines: breaks at vertical gaps, first-line indents, paragraph numbers and type changes;
a paragraph runs on across a page break when its last line is full or hyphenated."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from tm.clean.hyphenation import join_lines
from tm.clean.repairs import normalise_text
from tm.model import HEADING, NOTE, Block
from tm.pdf.footnotes import Note
from tm.pdf.front import PARAGRAPH_NUMBER
from tm.pdf.hyphens import pre_join
from tm.pdf.lines import Line
from tm.pdf.measures import Measures
from tm.pdf.vocabulary import Vocabulary, make_vocabulary

PARAGRAPH = "paragraph"
PAGE_JOINED = "paragraphs joined across pages"

# A gap between baselines this many times the usual pitch separates paragraphs.
GAP_FACTOR = 1.25
# A line this many ems to the right of the one before is indented (a first line).
INDENT_EMS = 0.8
# In the front matter only a line this much of the measure wide runs on (a title over two lines).
FRONT_WRAP = 0.6
HEADING_NUMBER = re.compile(r"^(?P<number>[IVXLC]{1,6}|[A-ZА-ЯЁ]|\d{1,2}(?:\.\d{1,2})*)\.\s+(?=\S)")


@dataclass(frozen=True, slots=True)
class PageText:
    """One page's lines of running text (front matter flagged) and its footnote bodies."""

    lines: tuple[Line, ...]
    notes: tuple[Note, ...]
    front: int = 0  # the first this many lines are front matter


def same_style(a: Line, b: Line) -> bool:
    return a.bold == b.bold and abs(a.size - b.size) < 0.5


def wrapped(line: Line, following: Line, m: Measures) -> bool:
    """True when the line ran to the measure: it is full, hyphenated, or the next line's first word would not fit."""
    if line.text.endswith("-") or line.x1 >= m.right - line.size / 2:
        return True
    words = following.text.split(" ")  # a no-break space holds "24 February" together
    per_char = (line.x1 - line.x0) / max(1, len(line.text))
    return line.x1 + per_char * (len(words[0]) + 1 if words else 1) > m.right


def breaks_on_page(prev: Line, line: Line, m: Measures) -> bool:
    """A new block starts at `line`, the next line on the same page."""
    if not same_style(prev, line) or prev.baseline - line.baseline > m.pitch * GAP_FACTOR:
        return True
    if line.x0 - prev.x0 > INDENT_EMS * line.size:
        return True
    return not wrapped(prev, line, m)


def breaks_in_front(prev: Line, line: Line, m: Measures) -> bool:
    """As breaks_on_page, and a short line ends its block: masthead items ("Distr.: General") stand alone."""
    return breaks_on_page(prev, line, m) or prev.x1 - prev.x0 < FRONT_WRAP * (m.right - m.left)


def breaks_at_page(prev: Line, line: Line, m: Measures) -> bool:
    """A new block starts at `line`, the first line of the page after `prev`'s."""
    if not same_style(prev, line) or line.x0 - m.left > INDENT_EMS * line.size:
        return True
    if prev.text.endswith("-"):
        return False
    return bool(PARAGRAPH_NUMBER.match(line.text)) or not wrapped(prev, line, m)


def block_kind(lines: list[Line], front: bool, m: Measures) -> str:
    if front or all(line.bold for line in lines) or lines[0].size > m.body_size + 0.5:
        return HEADING
    return PARAGRAPH


@dataclass(frozen=True, slots=True)
class RawBlock:
    """A block before its lines are joined: kind, lines of text and number (a note's, from its mark)."""

    kind: str
    lines: tuple[str, ...]
    number: str = ""
    hyphen_gaps: tuple[float | None, ...] = ()  # per line, as Line.hyphen_gap; () when unknown
    marks: tuple[str, ...] = ()  # numbers of the footnote marks in it


def finish_block(raw: RawBlock, lang: str, vocabulary: Vocabulary, repairs: Counter[str]) -> Block | None:
    """Join the lines (hyphens by the document's words, then tm.clean.hyphenation), take off a leading number."""
    gaps = list(raw.hyphen_gaps) or [None] * len(raw.lines)
    lines = pre_join([" ".join(normalise_text(t, repairs).split()) for t in raw.lines], gaps, vocabulary, repairs)
    text = " ".join(join_lines(lines, lang, repairs).split())
    number = raw.number
    if raw.kind != NOTE:
        pattern = HEADING_NUMBER if raw.kind == HEADING else PARAGRAPH_NUMBER
        match = pattern.match(text)
        if match and text[match.end():]:
            number, text = match.group("number"), text[match.end():]
    return Block(raw.kind, text, number) if text else None


def group_blocks(pages: list[PageText], m: Measures, repairs: Counter[str]) -> list[RawBlock]:
    """Blocks in reading order; a page's footnotes follow the block running at its foot, once it ends
    (place_notes then moves each to the block with its mark)."""
    blocks: list[RawBlock] = []
    current: list[Line] = []
    current_front = False
    waiting: list[Note] = []

    def close() -> None:
        if current:
            blocks.append(RawBlock(block_kind(current, current_front, m), tuple(x.text for x in current), "",
                                   tuple(x.hyphen_gap for x in current), tuple(k for x in current for k in x.marks)))
            current.clear()
        blocks.extend(RawBlock(NOTE, note.lines, note.number) for note in waiting)
        waiting.clear()

    for page in pages:
        for index, line in enumerate(page.lines):
            front = index < page.front
            if not current or front != current_front:
                fresh = True
            elif index == 0:
                fresh = breaks_at_page(current[-1], line, m)
                repairs[PAGE_JOINED] += not fresh
            else:
                fresh = (breaks_in_front if front else breaks_on_page)(current[-1], line, m)
            if fresh:
                close()
                current_front = front
            current.append(line)
        waiting.extend(page.notes)
        if not current:
            close()
    close()
    return blocks


def place_notes(blocks: list[RawBlock]) -> list[RawBlock]:
    """Each note moved up to follow the last block before it that carries its mark (the same place in a
    translation, whose page breaks fall elsewhere); a note without one stays where it is."""
    out: list[RawBlock] = []
    for block in blocks:
        if block.kind != NOTE or not block.number:
            out.append(block)
            continue
        home = next((i for i in range(len(out) - 1, -1, -1) if block.number in out[i].marks), None)
        if home is None:
            out.append(block)
            continue
        at = home + 1
        while at < len(out) and out[at].kind == NOTE:
            at += 1
        out.insert(at, block)
    return out


def read_blocks(pages: list[PageText], m: Measures, lang: str, repairs: Counter[str]) -> list[Block]:
    """The document's finished blocks, in reading order."""
    raws = place_notes(group_blocks(pages, m, repairs))
    vocabulary = make_vocabulary([normalise_text(t, Counter()) for t in raw.lines] for raw in raws)
    blocks = [finish_block(raw, lang, vocabulary, repairs) for raw in raws]
    return [block for block in blocks if block is not None]
