"""Page furniture: running heads and feet (repeated at one place on many pages) and the page footer."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from tm.clean.symbol import is_symbol
from tm.pdf.lines import Line, Page

RUNNING_HEAD = "running heads removed"
PAGE_FOOTER = "page footers removed"

# Lines this far (a fraction of the page height) from the top or foot are in the margins.
MARGIN_BAND = 0.12
# Two lines within this many points of height are at the same place on their pages.
SAME_PLACE = 3.0
DIGITS = re.compile(r"\d+")
# "15-12670 (R)", "15-12670 (R)    2", "2", "Page 2", "2/14": what a UN page footer is made of.
FOOTER = re.compile(r"^(?:\d{2}-\d{5}\s*(?:\(\w\))?|\d{1,4}|page\s+\d+|\d{1,4}\s*/\s*\d{1,4}|\s)+$", re.IGNORECASE)


def place_key(line: Line) -> tuple[str, int]:
    """Text with its digits normalised, and height rounded: a repeat is the same key on another page."""
    return DIGITS.sub("#", line.text).casefold(), round(line.baseline / SAME_PLACE)


def in_margin(line: Line, page: Page) -> str:
    """'top', 'foot' or '' for a line in a page's top or bottom margin band."""
    if line.baseline > page.height * (1 - MARGIN_BAND):
        return "top"
    if line.baseline < page.height * MARGIN_BAND:
        return "foot"
    return ""


def repeated_keys(pages: list[Page]) -> set[tuple[str, int]]:
    """Keys of margin lines found on at least two pages (near the same height: one step either side)."""
    seen: Counter[tuple[str, int]] = Counter()
    for page in pages:
        keys = {place_key(line) for line in page.lines if in_margin(line, page)}
        seen.update({(text, spot + shift) for text, spot in keys for shift in (-1, 0, 1)})
    return {key for key, count in seen.items() if count >= 2}


def furniture_kind(line: Line, page: Page, repeated: set[tuple[str, int]]) -> str:
    """The repair that removes this line, or '' when it is not furniture."""
    where = in_margin(line, page)
    if not where:
        return ""
    if where == "foot" and FOOTER.match(line.text):
        return PAGE_FOOTER
    if place_key(line) in repeated:
        return RUNNING_HEAD if where == "top" else PAGE_FOOTER
    if where == "top" and is_symbol(line.text.strip()):
        return RUNNING_HEAD  # the document symbol heads a page even where no other page repeats it
    return ""


def strip_furniture(pages: list[Page], repairs: Counter[str]) -> list[Page]:
    """The pages without their running heads, feet and page footers; each removal counted."""
    repeated = repeated_keys(pages) if len(pages) > 1 else set()
    out = []
    for page in pages:
        kept: list[Line] = []
        for line in page.lines:
            kind = furniture_kind(line, page, repeated)
            if kind:
                repairs[kind] += 1
            else:
                kept.append(line)
        out.append(replace(page, lines=tuple(kept)))
    return out
