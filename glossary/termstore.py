"""Saving and loading termbase entries in the store's `terms` table (one JSON record per entry)."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import asdict, fields
from typing import Any

from glossary.model import TermEntry
from tm.errors import StoreError
from tm.store.sqlite import TranslationMemory

FIELDS = tuple(f.name for f in fields(TermEntry))


def entry_to_json(entry: TermEntry) -> str:
    data = asdict(entry)
    data["notes"] = list(entry.notes)
    data["ru_variants"] = list(entry.ru_variants)
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def entry_from_json(text: str, where: str) -> TermEntry:
    """An entry from its stored JSON; unknown keys (from a newer tmtool) are ignored."""
    try:
        data: dict[str, Any] = json.loads(text)
    except json.JSONDecodeError as err:
        raise StoreError(f"{where}: damaged term record ({err})") from err
    known = {k: v for k, v in data.items() if k in FIELDS}
    known["notes"] = tuple(known.get("notes", ()))
    known["ru_variants"] = tuple(known.get("ru_variants", ()))
    try:
        return TermEntry(**known)
    except TypeError as err:
        raise StoreError(f"{where}: incomplete term record ({err})") from err


def write_terms(store: TranslationMemory, conn: sqlite3.Connection, doc: str, entries: Sequence[TermEntry]) -> None:
    """Replace one document's terms inside a transaction the caller holds."""
    try:
        conn.execute("DELETE FROM terms WHERE doc = ?", (doc,))
        conn.executemany(
            "INSERT INTO terms (id, doc, position, data) VALUES (?, ?, ?, ?)",
            [(e.id, doc, i, entry_to_json(e)) for i, e in enumerate(entries)],
        )
    except sqlite3.DatabaseError as err:
        raise StoreError(f"{store.path}: cannot write terms ({err})") from err


def save_terms(store: TranslationMemory, doc: str, entries: Sequence[TermEntry]) -> int:
    """Replace one document's terms in the store, in one transaction; returns the count."""
    with store.transaction() as conn:
        write_terms(store, conn, doc, entries)
    return len(entries)


def load_terms(store: TranslationMemory, doc: str | None = None) -> list[TermEntry]:
    """The stored entries, by document name then position."""
    sql = "SELECT id, data FROM terms"
    args: tuple[str, ...] = ()
    if doc is not None:
        sql, args = sql + " WHERE doc = ?", (doc,)
    try:
        rows = store.conn.execute(sql + " ORDER BY doc, position", args).fetchall()
    except sqlite3.DatabaseError as err:
        raise StoreError(f"{store.path}: cannot read terms ({err})") from err
    return [entry_from_json(row["data"], f"{store.path}: term {row['id']}") for row in rows]
