"""Which digits may be footnote marks: lines of the dev reports as a table (pdftotext text, verbatim)."""
from __future__ import annotations

import random
import re

import pytest

from tm.clean.notes import FOOTNOTE, FOOTNOTE_AFTER_STOP, MARK_AFTER_STOP, MARK_AFTER_YEAR, candidate_marks

# (id: where the lines are from, lines, lines that end a paragraph, expected (number, repair name) candidates)
# "style b" lines are of make_pdf_corpus.py devset OUT --style b --seed 7 (shared/tools).
CASES = [
    ("style b devset-b01.en.txt 183-184: a decimal ending a line, the sentence going on",
     ["Between 2008 and 2013, budgetary resources amounting to over 28.9",
      "billion sum were allocated to the fund to support the implementation of a"], set(), []),
    ("style b devset-b01.ru.txt 184: a Russian decimal comma, then the mark after the abbreviation",
     ["28,9 млрд. сум.8"], set(), [(8, FOOTNOTE_AFTER_STOP)]),
    ("style b devset-b05.ru.txt 76: the decimal stays, the mark after км. goes",
     ["Площадь сухопутной территории: 948,2 кв. км.4"], set(), [(4, FOOTNOTE_AFTER_STOP)]),
    ("devset-a05.ru.txt 84: a mark after a number ending a (preambular) paragraph",
     [", в частности пункты 11 и 54,3", "напоминая, что в 2015 году международное"], {0},
     [(3, FOOTNOTE_AFTER_STOP)]),
    ("devset-a05.ru.txt 84 as if the paragraph went on in lower case: a decimal",
     [", в частности пункты 11 и 54,3", "напоминая, что в 2015 году международное"], set(), []),
    ("style b devset-b02.ru.txt 305: after a closing <<...>> quote and the full stop",
     ["уровня под названием <<Всемирная конференция по коренным народам>>.13"], set(),
     [(13, FOOTNOTE_AFTER_STOP)]),
    ("style b devset-b03.ru.txt 117: after >> and a colon",
     ["совместно именуемые <<Стороны>>:5"], set(), [(5, FOOTNOTE_AFTER_STOP)]),
    ("style b devset-b08.ru.txt 63: after the ** of a name", ["Ахим Кассов (Германия)**3"], set(),
     [(3, FOOTNOTE)]),
    ("devset-a14.en.txt 63: after a question mark and a colon", ["what will it take?:2"], set(),
     [(2, FOOTNOTE_AFTER_STOP)]),
]


@pytest.mark.parametrize(("lines", "last", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_candidate_marks(lines: list[str], last: set[int], expected: list[tuple[int, str]]) -> None:
    found = [(mark.number, mark.name) for mark in candidate_marks(lines, frozenset(last))]
    assert found == expected


# The two patterns as they were written before they opened with their first digit (session 9): the
# same matches on any line.
LOOK_BEHIND_FIRST = [
    (MARK_AFTER_STOP, re.compile(r"(?<=[\w»”\")\]>*?!][.,;:])(?P<digits>\d{1,3})(?=\s+[^\sa-zа-яё\d]|\s*$)")),
    (MARK_AFTER_YEAR, re.compile(r"(?:(?<=[^\W\d_]\")|(?<=\s(?:19|20)\d\d))(?P<digits>\d{1,2})$")),
]
MARK_ALPHABET = "0123456789 .,;:\"»)]>*?!aбZЖ_\n"


def test_marks_patterns_match_as_written_before() -> None:
    rng = random.Random(9)
    lines = ["".join(rng.choices(MARK_ALPHABET, k=rng.randint(0, 14))) for _ in range(20000)]
    lines += ["in 2015.6 The", "May 20156", '"News"6', " 19991", "ОДЗЗ.1", "x.1234 Y", "a,12\n"]
    for now, before in LOOK_BEHIND_FIRST:
        for line in lines:
            assert [m.span("digits") for m in now.finditer(line)] == \
                   [m.span("digits") for m in before.finditer(line)], (now.pattern, line)
