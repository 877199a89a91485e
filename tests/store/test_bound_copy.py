"""Writing units leaves their strings as they were: sqlite3 keeps the UTF-8 form of a str it binds inside
that str (sys.getsizeof counts it), so the SQLite store binds a copy of each non-ASCII source and target;
the row holds the same text."""
from __future__ import annotations

import sys
from pathlib import Path

from tm.model import DocumentInfo, Unit
from tm.store import open_store
from tm.store.sqlite import bound_copy

TEXTS = [("Доклад Генерального секретаря.", "Report of the Secretary-General."),
         ("МОТ провела семинар в 2004 году.", "ILO held a seminar in 2004."), ("ASCII only.", "")]


def test_writing_units_does_not_grow_their_strings(tmp_path: Path) -> None:
    units = [Unit(id=f"d:{i}", doc="d", source=s, target=t, position=i) for i, (s, t) in enumerate(TEXTS)]
    sizes = [(sys.getsizeof(u.source), sys.getsizeof(u.target)) for u in units]
    with open_store(tmp_path / "t.db") as store, store.writer() as writer:
        writer.replace_document(DocumentInfo("d", "ru", "en", "", "", {}), units)
    assert [(sys.getsizeof(u.source), sys.getsizeof(u.target)) for u in units] == sizes
    with open_store(tmp_path / "t.db", create=False, readonly=True) as store:
        assert [(u.source, u.target) for u in store.units("d")] == TEXTS


def test_binding_the_string_itself_would_grow_it() -> None:
    """What bound_copy is for: the premise, checked on this Python."""
    import sqlite3

    text = "".join(["Доклад ", "секретаря"])  # a str of its own, not a shared constant
    before = sys.getsizeof(text)
    sqlite3.connect(":memory:").execute("SELECT ?", (text,)).fetchone()
    assert sys.getsizeof(text) > before
    assert bound_copy(text) == text and bound_copy("ascii") == "ascii"
