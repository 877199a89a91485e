"""The structure of a report: headings and numbered paragraphs, from its lines.

UN reports number their paragraphs 1, 2, 3 ... through the whole document, while headings
carry their own numbers ("I.", "A.", "1.") and stand alone between blank lines. So a line
opening with the next paragraph number starts a paragraph; a short run of lines opening with
another number and ending without a full stop is a heading. The PDF sometimes runs two
paragraphs together on one line ("...миграции. 10. Статистический отдел ..."); they are split.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from tm.clean.notes import Note
from tm.clean.pages import Line
from tm.model import HEADING, NOTE

PARAGRAPH = "paragraph"
RUN_TOGETHER = "run-together paragraphs"

ROMAN = r"[IVXLC]{1,7}"
HEADING_START = re.compile(rf"(?P<number>{ROMAN}|[A-ZА-ЯЁ]|\d{{1,2}})\.\s+(?=[«\"“(]?[A-ZА-ЯЁ])")
# A paragraph number alone on its line, its text on the next (pdftotext of a hanging indent): "2."
LONE_NUMBER = re.compile(r"(?P<number>\d{1,3})\.")
# A paragraph number set off by the wide space of a hanging indent (pdftotext -layout): "76.   - создание"
HANGING_NUMBER = re.compile(r"(?P<number>\d{1,3})\.\s{2,}(?=\S)")
PARAGRAPH_START = re.compile(r"(?P<number>\d{1,3})\.\s+(?=[«\"“(]?[A-ZА-ЯЁ])")
# "...ответные меры. 2. Передвижение": a paragraph number after the end of a sentence.
INLINE_PARAGRAPH = re.compile(r"[.!?…][»”)]?(?P<space>\s+)(?P<number>\d{1,3})\.\s+(?=[«\"“(]?[A-ZА-ЯЁ])")
SENTENCE_MARKS = tuple(".!?…")
CLOSING_MARKS = "»”)]\"'"
WRAP_MARKS = tuple(",-–—/\ufffd")
HEADING_END_PUNCTUATION = tuple(".!?…;:,")

# Headings that carry no number: they are known by their words alone.
UNNUMBERED_HEADINGS = frozenset({
    "резюме", "введение", "выводы", "заключение", "рекомендации", "содержание", "приложение",
    "summary", "introduction", "conclusions", "recommendations", "contents", "annex",
})
# The masthead of a UN document's first page: each line is a heading of its own. (id, example)
MASTHEAD_LINES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"Организация Объединенных Наций|United Nations"), "Организация Объединенных Наций"),
    (re.compile(r"Генеральная Ассамблея|Совет Безопасности|Экономический и Социальный Совет"
                r"|General Assembly|Security Council|Economic and Social Council"), "Генеральная Ассамблея"),
    (re.compile(r"Distr\.:\s*\w+"), "Distr.: General"),
    (re.compile(r"Original:\s*\w+"), "Original: English"),
    (re.compile(r"Russian|English|French|Spanish|Arabic|Chinese"), "Russian"),
)
HEADING_MAX_LINES = 6
HEADING_MAX_CHARS = 400
# A text without blank lines has one paragraph per line when at most this share of its lines
# (or one line) visibly wrap into the next and at least this share end a sentence (the PDF text
# of the report: 80% and 8%).
MAX_WRAPPED_SHARE = 0.1
MIN_SENTENCE_END_SHARE = 0.5


@dataclass(slots=True)
class RawBlock:
    """A heading or paragraph as lines still to be joined and repaired."""

    kind: str
    number: str = ""
    lines: list[str] = field(default_factory=list)


def is_masthead_line(text: str) -> bool:
    return any(pattern.fullmatch(text) for pattern, _ in MASTHEAD_LINES)


def ends_sentence(text: str) -> bool:
    return text.rstrip(CLOSING_MARKS).endswith(SENTENCE_MARKS)


UNNUMBERED_HEADING_MAX_CHARS = max(map(len, UNNUMBERED_HEADINGS))


def is_unnumbered_heading(text: str) -> bool:
    stem = text.rstrip(".")
    # lower() never shortens a string, so a longer line cannot be one (and is not lowered)
    return len(stem) <= UNNUMBERED_HEADING_MAX_CHARS and stem.lower() in UNNUMBERED_HEADINGS


def opens_numbered(text: str) -> bool:
    """The line opens with a number of its own: a heading or paragraph starts there."""
    return bool(HEADING_START.match(text) or PARAGRAPH_START.match(text) or HANGING_NUMBER.match(text)
                or LONE_NUMBER.fullmatch(text))


def heading_group(lines: list[Line], start: int, line_mode: bool) -> int:
    """Index after the lines that would form a heading starting at start (up to a gap or a numbered line)."""
    end = start + 1
    while (not line_mode and end < len(lines) and not lines[end].gap and end - start < HEADING_MAX_LINES + 1
           and not opens_numbered(lines[end].text)):
        end += 1
    return end


def is_heading_shaped(texts: list[str]) -> bool:
    """Short, few lines, no final sentence punctuation."""
    joined = " ".join(texts)
    return (
        len(texts) <= HEADING_MAX_LINES
        and len(joined) <= HEADING_MAX_CHARS
        and not joined.endswith(HEADING_END_PUNCTUATION)
    )


def continues_after(lines: list[Line], end: int) -> bool:
    """True when the line after a group goes on in lower case: the group was cut by a page break."""
    return end < len(lines) and lines[end].text[:1].islower()


@dataclass(slots=True)
class StructureReader:
    """Walks the lines once, tracking the number the next paragraph should carry."""

    lines: list[Line]
    line_mode: bool
    repairs: Counter[str]
    expected: int = 1
    blocks: list[RawBlock] = field(default_factory=list)
    current: RawBlock | None = None
    numbered: bool = False  # a paragraph number alone on the line before: this line is its text
    pending_notes: list[Note] = field(default_factory=list)  # footnote bodies to follow the current block

    def at_boundary(self, index: int) -> bool:
        line = self.lines[index]
        return self.line_mode or index == 0 or line.gap or ends_sentence(self.lines[index - 1].text)

    def heading_end(self, index: int) -> int:
        """Index after the heading starting at index, or 0 if none starts there."""
        text = self.lines[index].text
        if is_unnumbered_heading(text):
            return index + 1
        match = HEADING_START.match(text)
        if not match:
            return 0
        end = heading_group(self.lines, index, self.line_mode)
        if not is_heading_shaped([line.text for line in self.lines[index:end]]):
            return 0
        return 0 if continues_after(self.lines, end) else end

    def add_heading(self, start: int, end: int) -> None:
        self.close()
        texts = [line.text for line in self.lines[start:end]]
        match = HEADING_START.match(texts[0])
        number = ""
        if match:
            number = match.group("number")
            texts[0] = texts[0][match.end():]
        self.blocks.append(RawBlock(HEADING, number, texts))

    def paragraph_number(self, index: int, boundary: bool) -> re.Match[str] | None:
        """The paragraph number opening line index, if it is the expected one (or after a gap);
        boundary is at_boundary(index)."""
        line = self.lines[index]
        match = PARAGRAPH_START.match(line.text)
        if not match:
            return None
        number = int(match.group("number"))
        if number == self.expected or ((line.gap or self.line_mode) and boundary):
            return match
        return None

    def starts_paragraph(self, index: int) -> bool:
        """An unnumbered line starts a new paragraph after a blank line that is not a page break.

        Whatever the line before ends with: a UN resolution's preambular paragraphs end with a
        comma and the next starts in lower case («…в странах,» / «признавая необходимость…»).
        """
        line = self.lines[index]
        if self.current is None or self.line_mode:
            return True
        return line.gap and not line.page_break

    def open_paragraph(self, number: str) -> None:
        self.close()
        self.current = RawBlock(PARAGRAPH, number)
        if number:
            self.expected = int(number) + 1

    def close(self) -> None:
        if self.current is not None and self.current.lines:
            self.blocks.append(self.current)
        self.current = None
        self.blocks.extend(RawBlock(NOTE, note.number, list(note.lines)) for note in self.pending_notes)
        self.pending_notes = []

    def add_text(self, text: str) -> None:
        """Add a line to the current paragraph, splitting off paragraphs run into it."""
        if not INLINE_PARAGRAPH.search(text):
            if text and self.current is not None:
                self.current.lines.append(text)
            return
        for number, piece in self.split_run_together(text):
            if number:
                self.repairs[RUN_TOGETHER] += 1
                self.open_paragraph(number)
            if piece and self.current is not None:
                self.current.lines.append(piece)

    def split_run_together(self, text: str) -> list[tuple[str, str]]:
        """("", text before), then (number, text) for each expected paragraph number inside."""
        pieces: list[tuple[str, str]] = []
        number, start, wanted = "", 0, self.expected
        for match in INLINE_PARAGRAPH.finditer(text):
            if int(match.group("number")) == wanted:
                pieces.append((number, text[start:match.start("space")].strip()))
                number, start, wanted = match.group("number"), match.end(), wanted + 1
        pieces.append((number, text[start:].strip()))
        return pieces

    def numbered_yet(self) -> bool:
        """True once a numbered paragraph was read: the masthead is behind."""
        return self.expected > 1

    def read(self) -> list[RawBlock]:
        index = 0
        while index < len(self.lines):
            index = self.read_line(index)
        self.close()
        return self.blocks

    def read_line(self, index: int) -> int:
        """Take the line at index (a heading may take several); return the next index."""
        line = self.lines[index]
        text = line.text
        if line.notes:
            if self.current is None:
                self.blocks.extend(RawBlock(NOTE, note.number, list(note.lines)) for note in line.notes)
            else:
                self.pending_notes.extend(line.notes)
        if self.numbered:
            self.numbered = False
            self.add_text(text)
            return index + 1
        if self.current is None and not self.numbered_yet() and is_masthead_line(text):
            self.add_heading(index, index + 1)
            return index + 1
        lone = LONE_NUMBER.fullmatch(text)
        if lone and index + 1 < len(self.lines) and (
                int(lone.group("number")) == self.expected or (line.gap and self.at_boundary(index))):
            self.open_paragraph(lone.group("number"))
            self.numbered = True
            return index + 1
        hanging = HANGING_NUMBER.match(text)
        if hanging and int(hanging.group("number")) == self.expected:
            self.open_paragraph(hanging.group("number"))
            self.add_text(text[hanging.end():])
            return index + 1
        boundary = self.at_boundary(index)
        if boundary:
            end = self.heading_end(index)
            if end:
                self.add_heading(index, end)
                return end
        match = self.paragraph_number(index, boundary)
        if match:
            self.open_paragraph(match.group("number"))
            text = text[match.end():]
        elif self.starts_paragraph(index):
            self.open_paragraph("")
        self.add_text(text)
        return index + 1


def wrapped(line: Line, following: Line) -> bool:
    """True when a line visibly goes on in the next: "так и" | "стран", "комиссии —" | "ЕВРОСТАТ"."""
    return line.text.endswith(WRAP_MARKS) or following.text[:1].islower()


def lines_are_paragraphs(lines: list[Line]) -> bool:
    """One paragraph per line: no blank lines, hardly a line wrapped into the next, most end a sentence."""
    if len(lines) < 2 or any(line.gap for line in lines[1:]):
        return False
    wraps = sum(1 for line, following in pairwise(lines) if wrapped(line, following))
    ends = sum(1 for line in lines if ends_sentence(line.text))
    few_wraps = wraps <= max(1, MAX_WRAPPED_SHARE * (len(lines) - 1)) and wraps < ends
    return few_wraps and ends >= MIN_SENTENCE_END_SHARE * len(lines)


def read_structure(lines: list[Line], repairs: Counter[str]) -> list[RawBlock]:
    """Headings and paragraphs of a document, in order, as raw lines."""
    return StructureReader(lines, lines_are_paragraphs(lines), repairs).read()
