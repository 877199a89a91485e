"""The document's typographic measures: body type size, text margins and line pitch."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from tm.pdf.lines import Line, Page


@dataclass(frozen=True, slots=True)
class Measures:
    """Body size (points), left and right edges of running text, and the usual baseline-to-baseline step."""

    body_size: float
    left: float
    right: float
    pitch: float


def most_common(values: Counter[float], default: float) -> float:
    return values.most_common(1)[0][0] if values else default


def is_body(line: Line, size: float) -> bool:
    """Running-text type: the body size, not bold."""
    return abs(line.size - size) < 0.5 and not line.bold


def measure(pages: list[Page]) -> Measures:
    """Measures from the lines of every page: sizes weighted by characters, edges by lines."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            sizes[line.size] += len(line.text)
    size = most_common(sizes, 12.0)
    body = [line for page in pages for line in page.lines if is_body(line, size)]
    left = most_common(Counter(round(line.x0) for line in body), 0.0)
    rights = sorted(line.x1 for line in body)
    right = rights[int(len(rights) * 0.9)] if rights else 0.0
    steps: Counter[float] = Counter()
    for page in pages:
        lines = [line for line in page.lines if is_body(line, size)]
        for a, b in pairwise(lines):
            steps[round(a.baseline - b.baseline, 1)] += 1
    pitch = most_common(Counter({k: v for k, v in steps.items() if k > 0}), size * 1.15)
    return Measures(size, left, right, pitch)
