"""Inline codes of a segment (TMX bpt/ept/ph/it/ut/hi, XLIFF g/x/bx/ex/ph/mrk) as plain data beside its text.

A unit's text holds one mark character where each code stands, and the unit's codes, in text order,
say what stood there. Three marks, after Okapi's coded text: OPEN_MARK for a code that opens a span
(bpt, bx, the start of g/hi/mrk), CLOSE_MARK for one that closes it, ISOLATED_MARK for a standalone
code (ph, x, it, ut). They are Unicode format characters, so the word index, matching and segmenting
see a word boundary there: 'Строка<x/>вторая' is stored as 'Строка\\ufffaвторая', never 'Строкавторая',
and 'Цена 5<x/>10' never becomes 'Цена 510'. Text without codes is unchanged.

A code keeps its element name, its attributes in file order and, for native-code elements, its
content as an XML fragment (text escaped, <sub> elements with their translatable text kept), so a
TMX or XLIFF file is written back as it came. PO, CSV, txt and search show codes as placeholders
('<1>', '</1>', '<2/>').
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

# Here, not in tm.model (which names them for its units): scoring and the store read marks without
# making the data model's other classes (~25 M instructions of `tmtool search`).
OPEN, CLOSE, ISOLATED = "open", "close", "isolated"  # the kinds of inline code


@dataclass(frozen=True, slots=True)
class InlineCode:
    """One inline code of a text: its mark's offset, kind, element, attributes, content."""

    offset: int
    kind: str  # OPEN, CLOSE or ISOLATED
    element: str  # as the file named it: bpt, ept, ph, it, ut, hi, g, x, bx, ex, mrk
    attrs: tuple[tuple[str, str], ...] = ()
    data: str = ""  # native code content as an XML fragment: '&lt;b&gt;', 'x <sub>note</sub>'


OPEN_MARK, ISOLATED_MARK, CLOSE_MARK = "\ufff9", "\ufffa", "\ufffb"  # interlinear annotation characters
MARKS = {OPEN: OPEN_MARK, CLOSE: CLOSE_MARK, ISOLATED: ISOLATED_MARK}
KIND_OF_MARK = {mark: kind for kind, mark in MARKS.items()}
CODE_PENALTY = 1.0  # match points off when query and source differ in codes (Trados's formatting penalty)


Codes = tuple[InlineCode, ...]


def mark_of(kind: str) -> str:
    return MARKS[kind]


def has_marks(text: str) -> bool:
    """Whether the text holds any code mark (the cheap test before any markup work)."""
    return OPEN_MARK in text or ISOLATED_MARK in text or CLOSE_MARK in text


def codes_fit(text: str, codes: Codes) -> bool:
    """Each code's offset holds its kind's mark, offsets rising: codes and text belong together."""
    last = -1
    for code in codes:
        if code.kind not in MARKS or not last < code.offset < len(text) or text[code.offset] != MARKS[code.kind]:
            return False
        last = code.offset
    return True


def without_stray_marks(text: str, codes: Codes) -> tuple[str, int]:
    """The text with each mark character that holds no code made U+FFFD, and how many there were.

    The three interlinear annotation characters are not for interchange (Unicode 15, 23.8); one in
    an imported text would be taken for a code's mark, so it is replaced and counted as a repair.
    """
    if not has_marks(text) or mark_count(text) == len(codes):  # codes fit their text: every mark holds one
        return text, 0
    held = {c.offset for c in codes}
    stray = [i for i, ch in enumerate(text) if ch in KIND_OF_MARK and i not in held]
    if not stray:
        return text, 0
    chars = list(text)
    for i in stray:
        chars[i] = "\ufffd"
    return "".join(chars), len(stray)


def pieces(text: str, codes: Codes) -> Iterator[str | InlineCode]:
    """The text cut at its codes: runs of text and the codes between them, in order."""
    done = 0
    for code in codes:
        if code.offset > done:
            yield text[done:code.offset]
        yield code
        done = code.offset + 1
    if done < len(text):
        yield text[done:]


def code_numbers(codes: Codes) -> list[int]:
    """Display numbers: 1, 2, ... in order; a closing code takes the number of the span it closes."""
    numbers: list[int] = []
    open_spans: list[int] = []
    counter = 0
    for code in codes:
        if code.kind == CLOSE and open_spans:
            numbers.append(open_spans.pop())
            continue
        counter += 1
        numbers.append(counter)
        if code.kind == OPEN:
            open_spans.append(counter)
    return numbers


def placeholder(kind: str, number: int) -> str:
    return {OPEN: f"<{number}>", CLOSE: f"</{number}>", ISOLATED: f"<{number}/>"}[kind]


def placeholder_text(text: str) -> str:
    """The text with each code mark shown as a numbered placeholder: 'a<1>b</1> c<2/>'."""
    return placeholder_map(text)[0] if has_marks(text) else text


def placeholder_map(text: str) -> tuple[str, list[int]]:
    """placeholder_text, and where each offset of the text (and its end) lands in the result."""
    out: list[str] = []
    where: list[int] = []
    open_spans: list[int] = []
    counter = length = 0
    for ch in text:
        where.append(length)
        kind = KIND_OF_MARK.get(ch)
        if kind is None:
            out.append(ch)
            length += 1
            continue
        if kind == CLOSE and open_spans:
            number = open_spans.pop()
        else:
            counter += 1
            number = counter
            if kind == OPEN:
                open_spans.append(number)
        shown = placeholder(kind, number)
        out.append(shown)
        length += len(shown)
    where.append(length)
    return "".join(out), where


def codes_from_placeholders(text: str, codes: Codes) -> tuple[str, Codes]:
    """Undo placeholder_text: the placeholders of the codes, in order, become their marks again.

    Raises ValueError when one is missing or out of order (the text was edited around them).
    """
    out, moved, done = [], [], 0
    for code, number in zip(codes, code_numbers(codes), strict=True):
        shown = placeholder(code.kind, number)
        at = text.find(shown, done)
        if at < 0:
            raise ValueError(f"placeholder {shown} is missing or out of order")
        out.append(text[done:at])
        moved.append(InlineCode(sum(map(len, out)), code.kind, code.element, code.attrs, code.data))
        out.append(MARKS[code.kind])
        done = at + len(shown)
    out.append(text[done:])
    return "".join(out), tuple(moved)


def match_form(text: str) -> str:
    """The text as matching sees it: codes left out, and a space where a standalone code (a line
    break, an image, a variable) stood between two letters or digits: 'Цена 5<x/>10' is 'Цена 5 10',
    never 'Цена 510'. Formatting around letters ('<b>при</b>мер') joins them: 'пример'."""
    if not has_marks(text):
        return text
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch not in KIND_OF_MARK:
            out.append(ch)
        elif ch == ISOLATED_MARK and out and out[-1].isalnum() and i + 1 < len(text) and text[i + 1].isalnum():
            out.append(" ")
    return "".join(out)


def mark_count(text: str) -> int:
    return sum(text.count(mark) for mark in KIND_OF_MARK) if has_marks(text) else 0


# Storage: one JSON value per unit, '' when it has no codes --------------------------------------

def codes_to_list(codes: Codes) -> list[list[object]]:
    return [[c.offset, c.kind, c.element, [list(a) for a in c.attrs], c.data] for c in codes]


def codes_from_list(items: list[list[Any]]) -> Codes:
    """Codes from their JSON lists (as codes_to_list made them)."""
    return tuple(InlineCode(o, k, e, tuple(map(tuple, a)), d) for o, k, e, a, d in items)


def markup_json(source_codes: Codes, target_codes: Codes) -> str:
    """The stored form: '' without codes, else {"source": [[offset, kind, element, attrs, data], ...], "target": [...]}.

    Both lists are in text order; attrs is a list of [name, value] pairs in file order.
    """
    if not source_codes and not target_codes:
        return ""
    value = {"source": codes_to_list(source_codes), "target": codes_to_list(target_codes)}
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def markup_from_json(value: str) -> tuple[Codes, Codes]:
    """(source codes, target codes) from the stored form."""
    if not value:
        return (), ()
    data = json.loads(value)
    return codes_from_list(data.get("source", [])), codes_from_list(data.get("target", []))
