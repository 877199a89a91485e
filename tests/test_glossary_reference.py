"""The curated reference table: well formed, one row per acronym, and read errors that name the line."""
from __future__ import annotations

import pytest

from glossary.reference import Reference, parse_rows
from tm.errors import InputError


def test_reference_rows_are_complete() -> None:
    rows = Reference.load().rows
    assert len(rows) >= 60
    acronyms = [r.ru_acronym for r in rows if r.ru_acronym]
    assert len(acronyms) == len(set(acronyms))
    assert all(r.ru_full_form for r in rows)
    assert all(r.en_full_form or r.note for r in rows)  # a row without English says why


# category -> names that must be there (issue 3: every principal organ, regional commission…)
REQUIRED = [
    ("principal organ", {"Генеральная Ассамблея", "Совет Безопасности", "Экономический и Социальный Совет",
                         "Совет по Опеке", "Международный Суд", "Секретариат Организации Объединенных Наций"}),
    ("regional commission", {"ЭКА", "ЕЭК", "ЭКЛАК", "ЭСКАТО", "ЭСКЗА"}),
    ("common", {"НПО", "ВИЧ", "СПИД"}),
]


@pytest.mark.parametrize("category,names", REQUIRED, ids=[c for c, _ in REQUIRED])
def test_required_names_present(category: str, names: set[str]) -> None:
    rows = [r for r in Reference.load().rows if r.category == category]
    assert names <= {r.ru_acronym for r in rows} | {r.ru_full_form for r in rows}


# lookups in the table: inflected names and acronyms find their row
FINDS = [("МОТ", "", "ILO"), ("", "Международной организации труда", "International Labour Organization"),
         ("", "Генеральной Ассамблеи", "General Assembly"), ("ЮНИСЕФ", "", "UNICEF")]


@pytest.mark.parametrize("acronym,name,english", FINDS)
def test_find(acronym: str, name: str, english: str) -> None:
    row = Reference.load().find(acronym, name)
    assert row is not None and english in (row.en_acronym, row.en_full_form)


BAD_FILES = [
    (["a\tb"], 1, "header"),
    (["# comment", "category\tru_acronym\tru_full_form\ten_acronym\ten_full_form\tnote", "x\ty"], 3, "expected 6"),
]


@pytest.mark.parametrize("lines,line,message", BAD_FILES, ids=["header", "short row"])
def test_bad_table_names_the_line(lines: list[str], line: int, message: str) -> None:
    with pytest.raises(InputError) as err:
        parse_rows(lines, "t.tsv")
    assert err.value.line == line and message in err.value.message
