"""The masthead and front matter of page 1: every line above the first paragraph of running text."""
from __future__ import annotations

import re

from tm.pdf.lines import Line
from tm.pdf.measures import Measures, is_body

# A first line may be indented by up to this many ems.
INDENT_LIMIT = 3
PARAGRAPH_NUMBER = re.compile(r"^(?P<number>\d{1,3})\.\s+(?=\S)")


def starts_running_text(line: Line, m: Measures) -> bool:
    """Body type at the text's left edge (or indented from it) that is numbered or fills the measure."""
    if not is_body(line, m.body_size) or not -2 <= line.x0 - m.left <= INDENT_LIMIT * line.size:
        return False
    return bool(PARAGRAPH_NUMBER.match(line.text)) or line.x1 >= m.right - line.size


def front_length(first_page: list[Line], m: Measures) -> int:
    """How many lines of page 1 come before its running text (all of them when it has none)."""
    for index, line in enumerate(first_page):
        if starts_running_text(line, m):
            return index
    return len(first_page)
