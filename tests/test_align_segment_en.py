"""English segmentation of the target side: cases as data, '|' marks each sentence boundary."""
from __future__ import annotations

import pytest

from tm.segment.english import segment_english

CASES = [
    "Several countries, e.g. Canada and Australia, admit migrants.| The report says so.",
    "The Fund, i.e. UNFPA, helped.| It also reported.",
    "See resolution No. 97 of 2001.| Next item.",
    "He paid 5 U.S. dollars.| Then he left.",
    "Mr. Annan met Dr. Smith in New York.| They spoke.",
    "J. F. Kennedy said so.| Then 3.5 per cent rose.",
    "Semilarski vs. the Prosecutor's Office.| The case continues.",
    "The meeting rose at 6.05 p.m. and resumed later.| It ended.",
    "Migration rose (see para. 12).| Remittances fell.",
]


@pytest.mark.parametrize("case", CASES, ids=[c[:24] for c in CASES])
def test_segment_english(case: str) -> None:
    assert segment_english(case.replace("|", "")) == case.split("| ")
