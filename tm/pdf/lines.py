"""Lines of text with their geometry, read from a PDF by pdfminer.six: page, baseline, size, font, pieces.

pdfminer gives every character its box, font and size; a line here is the characters that share a
baseline, so a paragraph number set apart by a tab and the text after it are one line, and a
superscript (smaller type raised above the baseline) is kept as a raised piece of its line.
"""
from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from pdfminer.high_level import extract_pages
from pdfminer.layout import (
    LAParams,
    LTAnno,
    LTChar,
    LTComponent,
    LTContainer,
    LTPage,
    LTTextLine,
)
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfexceptions import PDFException, PSException

from tm.errors import InputError

# A character at most this fraction of its line's size, raised by RAISE_FRACTION of it, is superscript.
SUPERSCRIPT_SIZE = 0.8
RAISE_FRACTION = 0.2
# Lines whose baselines differ by less than this fraction of their size share one baseline.
BASELINE_TOLERANCE = 0.25
SPACES = re.compile(r"[ \t\r\n]+")
# Runs on one baseline closer than this fraction of their size touch: no space between them.
WORD_GAP = 0.15
BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of a line's text: either on the baseline or raised (a superscript)."""

    text: str
    raised: bool = False


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a page: its box, baseline (points from the page foot), size, weight and text pieces."""

    page: int
    x0: float
    x1: float
    baseline: float
    size: float
    bold: bool
    pieces: tuple[Piece, ...]
    hyphen_gap: float | None = None  # points between a line-end hyphen and the letter before it
    marks: tuple[str, ...] = ()  # numbers of the footnote marks taken out of it

    @property
    def text(self) -> str:
        """The whole text, superscripts included, with single spaces (no-break spaces kept)."""
        return SPACES.sub(" ", "".join(p.text for p in self.pieces)).strip(" ")


@dataclass(frozen=True, slots=True)
class Page:
    """A page's number (from 1), size and lines from top to bottom."""

    number: int
    width: float
    height: float
    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class Glyph:
    text: str
    x0: float
    x1: float
    y0: float
    size: float
    bold: bool


def is_bold(fontname: str) -> bool:
    """True for a bold face by its name: 'BAAAAA+LiberationSerif-Bold'."""
    name = fontname.split("+")[-1].lower()
    return any(word in name for word in BOLD_NAMES)


def text_lines(item: LTComponent) -> Iterator[LTTextLine]:
    """Every text line inside a layout object, in figures and boxes too."""
    if isinstance(item, LTTextLine):
        yield item
    elif isinstance(item, LTContainer):
        for child in item:
            yield from text_lines(child)


def line_glyphs(line: LTTextLine) -> list[Glyph]:
    """The characters of one pdfminer line; a space pdfminer infers between words is a glyph too."""
    glyphs: list[Glyph] = []
    for item in line:
        if isinstance(item, LTChar):
            glyphs.append(Glyph(item.get_text(), item.x0, item.x1, item.y0, item.size, is_bold(item.fontname)))
        elif isinstance(item, LTAnno) and item.get_text() == " " and glyphs:
            last = glyphs[-1]
            glyphs.append(Glyph(" ", last.x1, last.x1, last.y0, last.size, last.bold))
    if len(glyphs) > 2 and glyphs[-1].text == "-" and glyphs[-2].text == " " and glyphs[-2].x0 == glyphs[-2].x1 \
            and glyphs[-3].text.isalpha():
        # pdfminer inferred a space before a line-end hyphen set apart from its word: the typesetter's hyphen.
        del glyphs[-2]
    return glyphs


def dominant_size(glyphs: list[Glyph]) -> float:
    sizes = Counter(round(g.size, 1) for g in glyphs if g.text.strip())
    return sizes.most_common(1)[0][0] if sizes else 0.0


def make_line(page: int, glyphs: list[Glyph]) -> Line | None:
    """A line from characters on one baseline (in reading order); None when they are all blank."""
    size = dominant_size(glyphs)
    if not size:
        return None
    body = [g for g in glyphs if g.text.strip() and round(g.size, 1) == size]
    baseline = statistics.median(g.y0 for g in body)
    pieces: list[Piece] = []
    for g in glyphs:
        raised = bool(g.text.strip()) and g.size <= SUPERSCRIPT_SIZE * size and g.y0 > baseline + RAISE_FRACTION * size
        if pieces and pieces[-1].raised == raised:
            pieces[-1] = Piece(pieces[-1].text + g.text, raised)
        else:
            pieces.append(Piece(g.text, raised))
    bold = sum(1 for g in body if g.bold) * 2 > len(body)
    inked = [g for g in glyphs if g.text.strip()]
    return Line(page, min(g.x0 for g in inked), max(g.x1 for g in inked), baseline, size, bold, tuple(pieces),
                hyphen_gap(glyphs))


def hyphen_gap(glyphs: list[Glyph]) -> float | None:
    """Points between a line-end hyphen and the letter right before it; None when the line ends otherwise."""
    while glyphs and not glyphs[-1].text.strip():
        glyphs = glyphs[:-1]
    if len(glyphs) < 2 or glyphs[-1].text != "-" or not glyphs[-2].text.isalpha():
        return None
    return glyphs[-1].x0 - glyphs[-2].x1


def same_baseline(a: list[Glyph], b: list[Glyph]) -> bool:
    """True when two runs of characters sit on one baseline (or one is a superscript of the other)."""
    sa, sb = dominant_size(a), dominant_size(b)
    ya = statistics.median(g.y0 for g in a if round(g.size, 1) == sa)
    yb = statistics.median(g.y0 for g in b if round(g.size, 1) == sb)
    big, small = max(sa, sb), min(sa, sb)
    if small > SUPERSCRIPT_SIZE * big:
        return abs(ya - yb) < BASELINE_TOLERANCE * big
    low, high = (ya, yb) if sa >= sb else (yb, ya)
    return low <= high < low + big * 0.7


def joined_runs(first: list[Glyph], second: list[Glyph]) -> list[Glyph]:
    """Two runs on one baseline, left to right, with a space between them unless they touch."""
    end = max(g.x1 for g in first)
    if second[0].x0 - end < WORD_GAP * second[0].size or not first[-1].text.strip():
        return first + second
    return [*first, Glyph(" ", end, end, second[0].y0, second[0].size, second[0].bold), *second]


def page_lines(number: int, page: LTPage) -> tuple[Line, ...]:
    """The page's lines from top to bottom, each with its characters from left to right."""
    runs = [g for g in (line_glyphs(t) for t in text_lines(page)) if any(x.text.strip() for x in g)]
    groups: list[list[Glyph]] = []
    for run in sorted(runs, key=lambda r: -max(g.y0 for g in r)):
        for group in groups:
            if same_baseline(group, run):
                group[:] = joined_runs(*sorted([group, run], key=lambda r: r[0].x0))
                break
        else:
            groups.append(list(run))
    lines = [line for line in (make_line(number, g) for g in groups) if line is not None]
    return tuple(sorted(lines, key=lambda line: (-line.baseline, line.x0)))


def read_pages(data: bytes, where: str) -> list[Page]:
    """Every page of a PDF as lines; a damaged or locked file is an InputError naming it."""
    params = LAParams(line_margin=0.0, char_margin=4.0)
    try:
        return [Page(n, p.width, p.height, page_lines(n, p))
                for n, p in enumerate(extract_pages(io.BytesIO(data), laparams=params), start=1)]
    except (PDFPasswordIncorrect, PDFEncryptionError) as err:
        raise InputError(where, "is an encrypted PDF file; tmtool cannot read it") from err
    except (PDFException, PSException) as err:
        raise InputError(where, f"is a damaged PDF file ({err})") from err
