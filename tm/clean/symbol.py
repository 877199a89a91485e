"""The document symbol of a UN report ("A/69/907"), read from its masthead and running heads.

The symbol is printed on page 1 beside the masthead and as the running head of every page, a line
of its own in pdftotext's default text and a column of a line in its -layout text ("United
Nations      A/69/907"). The symbol is the symbol-shaped column the document repeats most
(the first such column wins a tie, the masthead's); "" when it has none.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

# A UN document symbol: an organ of one or two capitals, or a longer one, then parts after "/":
# "A/58/98", "S/2015/157", "E/CN.9/2003/2", "ICCD/CRIC.13./4", "UNEP/POPS/COP.7/11".
SYMBOL_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"[A-Z]{1,2}(?:/[A-Za-z0-9.]+){1,5}"),
    re.compile(r"[A-Z]{3,6}(?:/[A-Za-z0-9.]+){1,5}"),
)
COLUMN_GAP = re.compile(r"\s{2,}")  # what parts the columns of a -layout line
MAX_SYMBOL_CHARS = 40
DIGIT = re.compile(r"\d")


def is_symbol(text: str) -> bool:
    """True for a whole string shaped like a document symbol, with a digit in it ("A/58/98", not "N/A")."""
    return (len(text) <= MAX_SYMBOL_CHARS and DIGIT.search(text) is not None
            and any(pattern.fullmatch(text) for pattern in SYMBOL_PATTERNS))


def document_symbol(lines: Iterable[str]) -> str:
    """The symbol the lines repeat most as a line or a column of their own; "" when none."""
    seen: Counter[str] = Counter()
    for line in lines:
        if "/" not in line:  # every symbol holds one
            continue
        for column in COLUMN_GAP.split(line.strip()):
            if is_symbol(column):
                seen[column] += 1
    if not seen:
        return ""
    most = max(seen.values())
    return next(symbol for symbol, count in seen.items() if count == most)


def slash_lines(text: str) -> Iterator[str]:
    """The lines of text that hold a "/", in order, each once: all document_symbol reads, without a list
    of every line of the text."""
    at = text.find("/")
    while at >= 0:
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        yield text[text.rfind("\n", 0, at) + 1:end]
        at = text.find("/", end)
