"""The year of a document from its masthead (glossary.dates): a date line, a symbol's year, a session."""
from __future__ import annotations

import pytest

from glossary.dates import document_year, year_of_line
from glossary.termbase import compile_termbase
from tm.model import Unit

LINES = [
    ("15 May 2003", 2003),
    ("1 июля 2015 года", 2015),
    ("E/CN.5/2015/L.2", 2015),
    ("S/2015/123", 2015),
    ("A/58/98", 2003),  # the 58th session of the General Assembly opened in 2003
    ("A/RES/70/1", 2015),
    ("A/C.3/58/L.5", 2003),
    ("A/CONF.171/13", None),
    ("Distr.: General", None),
    ("В 2015 году доклад", None),
]


@pytest.mark.parametrize("line,year", LINES, ids=[t for t, _ in LINES])
def test_year_of_line(line: str, year: int | None) -> None:
    assert year_of_line(line) == year


def units(doc: str, *texts: str) -> list[Unit]:
    return [Unit(id=f"{doc}:{i}", doc=doc, source=t, position=i) for i, t in enumerate(texts)]


DOCUMENTS = [
    # the masthead date wins over the symbol; a date inside a sentence is a resolution's, not the document's
    (units("a.ru.txt", "A/58/98", "Distr.: General", "15 May 2004", "Резюме"), 2004),
    (units("a.ru.txt", "Резюме", "В соответствии с резолюцией 56/203 от 21 февраля 2002 года"), None),
    (units("E_CN.5_2015_L.2.ru.txt", "Доклад Генерального секретаря"), 2015),  # the file name's symbol
    (units("A_58_98.ru.txt", "Резюме"), 2003),
]


@pytest.mark.parametrize("doc,year", DOCUMENTS, ids=[str(i) for i in range(len(DOCUMENTS))])
def test_document_year(doc: list[Unit], year: int | None) -> None:
    assert document_year(doc) == year


def test_the_masthead_date_picks_the_reference_row() -> None:
    """"Всемирная туристская организация" was WTO in English until 2005, UNWTO since."""
    text = "Представитель Всемирной туристской организации выступил с докладом."
    early = compile_termbase(units("d.ru.txt", "15 May 2003", text))
    late = compile_termbase(units("d.ru.txt", "15 May 2015", text))
    assert [e.en_acronym for e in early] == ["WTO"] and [e.en_acronym for e in late] == ["UNWTO"]
