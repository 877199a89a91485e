"""The translation-memory store: an SQLite file holding documents, units and terms."""
from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tm.errors import StoreError
from tm.model import Unit

SCHEMA_VERSION = 1
APPLICATION_ID = 0x746D746C  # "tmtl": marks a file as a tmtool store
DEFAULT_DB = "tmtool.db"

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    name TEXT PRIMARY KEY,
    src_lang TEXT NOT NULL,
    tgt_lang TEXT NOT NULL,
    checksum TEXT NOT NULL,
    signature TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS units (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    doc TEXT NOT NULL,
    position INTEGER NOT NULL,
    block INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    src_lang TEXT NOT NULL,
    tgt_lang TEXT NOT NULL,
    para TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    score REAL,
    flagged INTEGER NOT NULL DEFAULT 0,
    origin TEXT NOT NULL DEFAULT 'build',
    created TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '[]',
    props TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS units_by_doc ON units(doc, position);
CREATE TABLE IF NOT EXISTS terms (
    id TEXT PRIMARY KEY,
    doc TEXT NOT NULL,
    position INTEGER NOT NULL,
    data TEXT NOT NULL
);
"""

UNIT_COLUMNS = (
    "id", "doc", "position", "block", "source", "target", "src_lang", "tgt_lang", "para", "kind",
    "score", "flagged", "origin", "created", "notes", "props",
)


def default_db_path() -> str:
    """The store used when --db is not given: $TMTOOL_DB or ./tmtool.db."""
    return os.environ.get("TMTOOL_DB") or DEFAULT_DB


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    name: str
    src_lang: str
    tgt_lang: str
    checksum: str
    signature: str
    summary: dict[str, int]


def unit_to_row(unit: Unit) -> tuple[object, ...]:
    return (
        unit.id, unit.doc, unit.position, unit.block, unit.source, unit.target, unit.src_lang, unit.tgt_lang,
        unit.para, unit.kind, unit.score, int(unit.flagged), unit.origin, unit.created,
        json.dumps(list(unit.notes), ensure_ascii=False),
        json.dumps([list(p) for p in unit.props], ensure_ascii=False),
    )


def row_to_unit(row: sqlite3.Row) -> Unit:
    return Unit(
        id=row["id"], doc=row["doc"], source=row["source"], target=row["target"],
        src_lang=row["src_lang"], tgt_lang=row["tgt_lang"], para=row["para"], kind=row["kind"],
        position=row["position"], block=row["block"], score=row["score"], flagged=bool(row["flagged"]),
        origin=row["origin"], created=row["created"], notes=tuple(json.loads(row["notes"])),
        props=tuple((k, v) for k, v in json.loads(row["props"])),
    )


class TranslationMemory:
    """An open tmtool store. Use as a context manager; writes go through transaction()."""

    def __init__(self, path: str | Path, *, create: bool = True, readonly: bool = False) -> None:
        self.path = Path(path)
        if not self.path.exists() and not create:
            raise StoreError(f"{self.path}: no such store (run 'tmtool build' first, or pass --db)")
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a directory, not a tmtool store")
        if readonly and not self.path.exists():
            raise StoreError(f"{self.path}: no such store")
        uri = f"file:{self.path}?mode=ro" if readonly else f"file:{self.path}?mode=rwc"
        try:
            self.conn = sqlite3.connect(uri, uri=True, timeout=30.0, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self._check_or_init(readonly)
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path}: not a tmtool store ({err})") from err

    def _check_or_init(self, readonly: bool) -> None:
        app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        tables = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id == 0 and tables == 0:
            if readonly:
                raise StoreError(f"{self.path}: empty database, not a tmtool store")
            self._init_schema()
            return
        if app_id != APPLICATION_ID:
            raise StoreError(f"{self.path}: not a tmtool store (another SQLite database)")
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: store schema version {version} is newer than this tmtool "
                f"understands ({SCHEMA_VERSION}); upgrade tmtool"
            )

    def _init_schema(self) -> None:
        try:
            with self.transaction():
                for statement in SCHEMA.split(";"):
                    if statement.strip():
                        self.conn.execute(statement)
                self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.OperationalError as err:
            raise StoreError(f"{self.path}: cannot create store ({err})") from err

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One all-or-nothing write; other writers wait (up to 30 s) for the lock."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as err:
            raise StoreError(f"{self.path}: cannot write ({err})") from err
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as err:
            raise StoreError(f"{self.path}: cannot write ({err})") from err

    def replace_document(self, info: DocumentInfo, units: Iterable[Unit]) -> int:
        """Store a document's units in place of any earlier build of it; returns the count."""
        with self.transaction() as conn:
            self._write_document(conn, info, units)
            return int(conn.execute("SELECT count(*) FROM units WHERE doc = ?", (info.name,)).fetchone()[0])

    def _write_document(self, conn: sqlite3.Connection, info: DocumentInfo, units: Iterable[Unit]) -> None:
        try:
            conn.execute("DELETE FROM units WHERE doc = ?", (info.name,))
            conn.execute(
                "INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?)",
                (info.name, info.src_lang, info.tgt_lang, info.checksum, info.signature,
                 json.dumps(info.summary, ensure_ascii=False, sort_keys=True)),
            )
            placeholders = ", ".join("?" * len(UNIT_COLUMNS))
            conn.executemany(
                f"INSERT INTO units ({', '.join(UNIT_COLUMNS)}) VALUES ({placeholders})",
                (unit_to_row(u) for u in units),
            )
        except sqlite3.OperationalError as err:
            raise StoreError(f"{self.path}: cannot write ({err})") from err

    def documents(self) -> list[DocumentInfo]:
        rows = self.conn.execute("SELECT * FROM documents ORDER BY name").fetchall()
        return [
            DocumentInfo(r["name"], r["src_lang"], r["tgt_lang"], r["checksum"], r["signature"],
                         json.loads(r["summary"]))
            for r in rows
        ]

    def units(self, doc: str | None = None, translated_only: bool = False) -> Iterator[Unit]:
        """Units in document order (documents by name, then position)."""
        sql = "SELECT * FROM units"
        clauses, args = [], []
        if doc is not None:
            clauses.append("doc = ?")
            args.append(doc)
        if translated_only:
            clauses.append("target != ''")
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY doc, position, seq"
        for row in self.conn.execute(sql, args):
            yield row_to_unit(row)

    def count_units(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM units").fetchone()[0])
