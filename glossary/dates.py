"""The year of a document, from its masthead: a date line ("15 May 2003", "15 мая 2003 года") or a
document symbol that holds a year ("E/CN.5/2015/L.2", "S/2015/123") or a General Assembly session
("A/58/98": the 58th session opened in 2003). The first date of running text is no evidence: it is
as often the date of a resolution cited ("резолюцией 56/203 … от 21 февраля 2002 года")."""
from __future__ import annotations

import re
from collections.abc import Sequence

from tm.model import Unit

MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December"
          "|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря")
# A masthead line that is a date and nothing else.
DATE_LINE = re.compile(rf"\s*\d{{1,2}} (?:{MONTHS}) (?P<year>(?:19|20)\d\d)(?: года| г\.)?\s*")
# A document symbol with a year of its own: "E/CN.5/2015/L.2", "S/2015/123", "A/CONF.171/13" has none.
SYMBOL_YEAR = re.compile(r"\s*[A-Z]+(?:/[A-Z0-9.\-]+)*/(?P<year>(?:19|20)\d\d)(?:/[A-Za-z0-9.\-]+)*\s*")
# A General Assembly symbol with its session: "A/58/98", "A/RES/70/1", "A/C.3/58/L.5".
SESSION_SYMBOL = re.compile(r"\s*A/(?:[A-Z][A-Z0-9.]*/)*(?P<session>\d{1,2})/[A-Za-z0-9.\-/]+\s*")
FIRST_SESSION_YEAR = 1945  # the first session opened in 1946: session n opens in 1945 + n
# A file name's language and format: "E_CN.5_2015_L.2.ru.txt" -> "E_CN.5_2015_L.2".
FILE_SUFFIX = re.compile(r"(?:\.[a-z]{2})?\.[a-z]+$")
# How many units from the start the masthead may fill.
MASTHEAD_UNITS = 12


def year_of_line(text: str) -> int | None:
    """The year a masthead line gives: a date, a symbol's year, a session's opening year."""
    for pattern in (DATE_LINE, SYMBOL_YEAR):
        m = pattern.fullmatch(text)
        if m:
            return int(m.group("year"))
    m = SESSION_SYMBOL.fullmatch(text)
    return FIRST_SESSION_YEAR + int(m.group("session")) if m else None


def symbol_of(doc: str) -> str:
    """The document symbol a file name spells: "A_58_98.ru.txt" -> "A/58/98"."""
    return FILE_SUFFIX.sub("", doc.rsplit("/", 1)[-1]).replace("_", "/")


def document_year(units: Sequence[Unit]) -> int | None:
    """The year of the document: its masthead's date line, else its symbol (in the masthead, else
    the file name's)."""
    head = [u.source for u in units[:MASTHEAD_UNITS]]
    dated = [m for m in map(DATE_LINE.fullmatch, head) if m]
    if dated:
        return int(dated[0].group("year"))
    for text in head:
        year = year_of_line(text)
        if year is not None:
            return year
    return year_of_line(symbol_of(units[0].doc)) if units else None
