"""The translation-memory store: an SQLite file holding documents, units and terms."""
from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from types import TracebackType
from typing import TYPE_CHECKING

from tm.errors import StoreError
from tm.markup import markup_from_json, markup_json
from tm.store.base import Candidate, PhraseCandidate, PreparedUnits, TermRecord
from tm.store.sqlite_index import add_blocks, count_common_terms, index_new_units, schema_statements
from tm.store.sqlite_lengths import has_blocks
from tm.store.sqlite_schema import (
    ADDED_COLUMNS,
    APPLICATION_ID,
    BULK_CACHE_MB,
    FTS_AUTOMERGE,
    MARKUP_COLUMN,
    SCHEMA,
    SCHEMA_VERSION,
    SHORT_INDEX_SCHEMA,
    SHORT_KEY,
    UNTRANSLATED_INDEX,
)
from tm.store.sqlite_search import (
    SHORT_MAX,
    CandidateSearch,
    phrase_rows,
    targets_of,
)
from tm.store.sqlite_words import TABLE as WORD_BLOCKS

if TYPE_CHECKING:  # imported where units and documents are made: a term lookup or a search makes none
    from pathlib import Path

    from tm.model import DocumentInfo, Unit

UNIT_COLUMNS = (
    "id", "doc", "position", "block", "source", "target", "src_lang", "tgt_lang", "para", "kind",
    "score", "flagged", "origin", "created", "notes", "props", "markup",
)


INSERT_UNIT = f"INSERT INTO units ({', '.join(UNIT_COLUMNS)}) VALUES ({', '.join('?' * len(UNIT_COLUMNS))})"


def bound_copy(text: str) -> str:
    """The text to bind: sqlite3 keeps the UTF-8 form of a str it binds inside that str, for the str's
    life, so a unit's own source would carry a second copy (2 bytes a Cyrillic letter) for as long as the
    caller holds its units: 4.6 MB of a 5 MB build's peak. A copy is let go once its row is written."""
    return text if text.isascii() else text.encode().decode()


def unit_to_row(unit: Unit) -> tuple[object, ...]:
    """A unit as a row of UNIT_COLUMNS."""
    return (
        unit.id, unit.doc, unit.position, unit.block, bound_copy(unit.source), bound_copy(unit.target),
        unit.src_lang, unit.tgt_lang,
        unit.para, unit.kind, unit.score, int(unit.flagged), unit.origin, unit.created,
        json.dumps(list(unit.notes), ensure_ascii=False) if unit.notes else "[]",
        json.dumps([list(p) for p in unit.props], ensure_ascii=False) if unit.props else "[]",
        markup_json(unit.source_codes, unit.target_codes),
    )


def row_to_unit(row: sqlite3.Row) -> Unit:
    """A unit from its row (a store made before inline codes has no markup column)."""
    from tm.model import Unit

    try:
        codes = markup_from_json(row["markup"])
    except IndexError:
        codes = ((), ())
    return Unit(
        id=row["id"], doc=row["doc"], source=row["source"], target=row["target"],
        src_lang=row["src_lang"], tgt_lang=row["tgt_lang"], para=row["para"], kind=row["kind"],
        position=row["position"], block=row["block"], score=row["score"], flagged=bool(row["flagged"]),
        origin=row["origin"], created=row["created"], notes=tuple(json.loads(row["notes"])),
        props=tuple((k, v) for k, v in json.loads(row["props"])),
        source_codes=codes[0], target_codes=codes[1],
    )


SQLITE_READONLY_ROLLBACK = 776


def shown_path(path: str) -> str:
    """str(PurePosixPath(path)): repeated slashes and '.' parts dropped, '..' kept, '' as '.' (two leading
    slashes are kept, as POSIX allows them a meaning). Elsewhere than POSIX, pathlib's own answer."""
    if os.name != "posix":
        from pathlib import Path

        return str(Path(path))
    root = "//" if path.startswith("//") and not path.startswith("///") else "/" if path.startswith("/") else ""
    return root + "/".join(part for part in path.split("/") if part not in ("", ".")) or "."


def file_uri(path: str, mode: str) -> str:
    """The SQLite URI of a file: '%', '?' and '#' escaped, or SQLite would read 'a#b.db' as the file 'a'
    (a store written under another name than the one given); an absolute path after 'file://', so that
    one starting '//' is not taken for a host."""
    escaped = path.replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    return f"file://{escaped}?mode={mode}" if escaped.startswith("/") else f"file:{escaped}?mode={mode}"


def open_connection(uri: str) -> sqlite3.Connection:
    conn = sqlite3.connect(uri, uri=True, timeout=30.0, isolation_level=None)
    conn.row_factory = sqlite3.Row
    return conn


def needs_rollback(conn: sqlite3.Connection) -> bool:
    """True when the database has a hot journal this read-only connection cannot roll back."""
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.OperationalError as err:
        if getattr(err, "sqlite_errorcode", None) == SQLITE_READONLY_ROLLBACK:
            return True
        raise
    return False


def roll_back_journal(path: str) -> None:
    """Finish an interrupted write the way SQLite does: roll its journal back (needs write access)."""
    try:
        with contextlib.closing(sqlite3.connect(file_uri(path, "rw"), uri=True, timeout=30.0)) as conn:
            conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.OperationalError as err:
        raise StoreError(
            f"{path}: an interrupted write left a journal that needs write access to undo ({err})"
        ) from err


def unit_filter(doc: str | None, translated_only: bool) -> tuple[str, list[str]]:
    """A WHERE clause (or "") and its arguments: one document's units, with a target only."""
    clauses, args = [], []
    if doc is not None:
        clauses.append("doc = ?")
        args.append(doc)
    if translated_only:
        clauses.append("target != ''")
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), args


def count_of(conn: sqlite3.Connection, doc: str | None, translated_only: bool) -> int:
    """How many units (of one document; with a target only, when translated_only)."""
    where, args = unit_filter(doc, translated_only)
    return int(conn.execute("SELECT count(*) FROM units" + where, args).fetchone()[0])


def counts_by_doc(conn: sqlite3.Connection) -> dict[str, tuple[int, int]]:
    """Each document's (units, units with a target), one scan."""
    untranslated = dict(conn.execute("SELECT doc, count(*) FROM units WHERE target = '' GROUP BY doc").fetchall())
    rows = conn.execute("SELECT doc, count(*) FROM units GROUP BY doc")  # both counts read indexes only
    return {str(doc): (int(n), int(n) - int(untranslated.get(doc, 0))) for doc, n in rows}


def position_after(conn: sqlite3.Connection, doc: str) -> int:
    """The position after a document's last unit (0 for a new document)."""
    row = conn.execute("SELECT max(position) FROM units WHERE doc = ?", (doc,)).fetchone()
    return 0 if row[0] is None else int(row[0]) + 1


def last_seq(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT coalesce(max(seq), 0) FROM units").fetchone()[0])


def has_document(conn: sqlite3.Connection, name: str) -> bool:
    """A document row, or units, under this name."""
    sql = "SELECT EXISTS (SELECT 1 FROM documents WHERE name = ?) OR EXISTS (SELECT 1 FROM units WHERE doc = ?)"
    return bool(conn.execute(sql, (name, name)).fetchone()[0])


# An id that starts with the old name and ':' (tm.model.unit_id) gets the new name: ?1 old + ':', ?2 new + ':'.
RENAMED_ID = "CASE WHEN substr(id, 1, length(?1)) = ?1 THEN ?2 || substr(id, length(?1) + 1) ELSE id END"


def terms_of(conn: sqlite3.Connection, doc: str | None, path: str) -> list[TermRecord]:
    """Stored term records (of one document), by document then position."""
    keys = "lookup_keys" if has_lookup_keys(conn) else "''"  # a store of schema 2 opened read-only has none
    sql = f"SELECT id, doc, position, data, {keys} FROM terms"
    args: tuple[str, ...] = ()
    if doc is not None:
        sql, args = sql + " WHERE doc = ?", (doc,)
    try:
        rows = conn.execute(sql + " ORDER BY doc, position", args).fetchall()
    except sqlite3.DatabaseError as err:
        raise StoreError(f"{path}: cannot read terms ({err})") from err
    return [TermRecord(r[0], r[1], r[2], r[3], r[4]) for r in rows]


def has_lookup_keys(conn: sqlite3.Connection) -> bool:
    return any(row[1] == "lookup_keys" for row in conn.execute("PRAGMA table_info(terms)"))


class SQLiteWriter:
    """One write transaction on an SQLite store (see tm.store.base.Writer)."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self._conn = conn
        self._path = path

    def replace_document(self, info: DocumentInfo, units: Iterable[Unit]) -> None:
        """Store a document's row and units in place of any earlier version of it."""
        try:
            self._conn.execute("DELETE FROM units WHERE doc = ?", (info.name,))
            self.put_document(info)
            after = last_seq(self._conn)
            self._conn.executemany(INSERT_UNIT, (unit_to_row(u) for u in units))
            index_new_units(self._conn, after)
        except sqlite3.OperationalError as err:
            raise StoreError(f"{self._path}: cannot write ({err})") from err

    def put_document(self, info: DocumentInfo) -> None:
        """Record (or update) a document's row without touching its units."""
        try:
            self._conn.execute(
                "INSERT OR REPLACE INTO documents (name, src_lang, tgt_lang, checksum, signature, summary, symbol)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (info.name, info.src_lang, info.tgt_lang, info.checksum, info.signature,
                 json.dumps(info.summary, ensure_ascii=False, sort_keys=True), info.symbol),
            )
        except sqlite3.OperationalError as err:
            raise StoreError(f"{self._path}: cannot write ({err})") from err

    def prepare(self, units: Iterable[Unit]) -> PreparedUnits:
        """Units as rows for add_prepared; touches no connection, so a reader thread may call it."""
        return [unit_to_row(u) for u in units]

    def add_prepared(self, batch: PreparedUnits) -> None:
        """Append and index units made rows by prepare."""
        try:
            after = last_seq(self._conn)
            self._conn.executemany(INSERT_UNIT, batch)
            index_new_units(self._conn, after)
        except sqlite3.IntegrityError as err:
            raise StoreError(f"{self._path}: cannot add units ({err})") from err
        except sqlite3.OperationalError as err:
            raise StoreError(f"{self._path}: cannot write ({err})") from err

    @contextlib.contextmanager
    def bulk_indexing(self, cache_mb: int = BULK_CACHE_MB) -> Iterator[None]:
        """A larger page cache and no incremental merging of the indexes.

        FTS5 merges its segments as it goes (automerge); during one large import that work is
        redone by the final optimize, so it is paused and set back before the commit.
        """
        conn = self._conn
        cache = conn.execute("PRAGMA cache_size").fetchone()[0]
        conn.execute(f"PRAGMA cache_size = {-cache_mb * 1024}")
        for index in ("units_fts", "short_fts"):
            conn.execute(f"INSERT INTO {index}({index}, rank) VALUES ('automerge', 0)")
        try:
            yield
        finally:
            conn.execute(f"PRAGMA cache_size = {int(cache)}")
        for index in ("units_fts", "short_fts"):
            conn.execute(f"INSERT INTO {index}({index}, rank) VALUES ('automerge', {FTS_AUTOMERGE})")

    def optimize(self) -> None:
        """Merge each index into one segment after a large write (lookups get faster)."""
        self._conn.execute("INSERT INTO units_fts(units_fts) VALUES ('optimize')")
        self._conn.execute("INSERT INTO short_fts(short_fts) VALUES ('optimize')")
        count_common_terms(self._conn)

    def replace_terms(self, doc: str, records: Iterable[TermRecord]) -> None:
        """Store a document's term records in place of its earlier ones."""
        try:
            self._conn.execute("DELETE FROM terms WHERE doc = ?", (doc,))
            self._conn.executemany("INSERT INTO terms (id, doc, position, data, lookup_keys) VALUES (?, ?, ?, ?, ?)",
                                   ((r.id, r.doc, r.position, r.data, r.lookup_keys) for r in records))
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self._path}: cannot write terms ({err})") from err

    def count_units(self, doc: str | None = None) -> int:
        """How many units the store holds (of one document), this transaction's writes included."""
        return count_of(self._conn, doc, False)

    def next_position(self, doc: str) -> int:
        """The position after a document's last unit (0 for a new document)."""
        return position_after(self._conn, doc)

    def remove_document(self, name: str) -> None:
        """Delete a document's row, units and term records; the triggers take its units out of the indexes."""
        if not has_document(self._conn, name):
            raise StoreError(f"{self._path}: no document named {name!r}")
        for table, column in (("units", "doc"), ("terms", "doc"), ("documents", "name")):
            self._conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (name,))

    def rename_document(self, old: str, new: str) -> None:
        """Rename a document with its units and term records (ids 'old:…' become 'new:…'); sources keep their seq,
        so the indexes need no change."""
        if not has_document(self._conn, old):
            raise StoreError(f"{self._path}: no document named {old!r}")
        if has_document(self._conn, new):
            raise StoreError(f"{self._path}: a document named {new!r} exists already")
        try:
            for table in ("units", "terms"):
                self._conn.execute(f"UPDATE {table} SET doc = ?3, id = {RENAMED_ID} WHERE doc = ?4",
                                   (f"{old}:", f"{new}:", new, old))
            self._conn.execute("UPDATE documents SET name = ? WHERE name = ?", (new, old))
        except sqlite3.IntegrityError as err:
            raise StoreError(f"{self._path}: cannot rename {old!r} to {new!r} ({err})") from err

    def term_records(self, doc: str | None = None) -> list[TermRecord]:
        """Stored term records (of one document), this transaction's writes included."""
        return terms_of(self._conn, doc, self._path)


class SQLiteStore:
    """A tmtool store in one SQLite file (see tm.store.base.Store); writes go through writer()."""

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True, readonly: bool = False) -> None:
        # The file as str(Path(path)) shows it, without importing pathlib (with urllib.parse and ipaddress,
        # about 17 M instructions of a `tmtool terms lookup`): the path property makes the Path when asked.
        self._file = shown_path(os.fspath(path))
        self.readonly = readonly
        self._search: CandidateSearch | None = None
        if not os.path.exists(self._file) and not create:
            raise StoreError(f"{self._file}: no such store (run 'tmtool build' first, or pass --db)")
        if os.path.isdir(self._file):
            raise StoreError(f"{self._file}: is a directory, not a tmtool store")
        if os.path.exists(self._file) and not os.path.isfile(self._file):
            # SQLite would hang on a FIFO, or leave a journal beside /dev/null.
            raise StoreError(f"{self._file}: not a regular file (a device, FIFO or socket), not a tmtool store")
        if readonly and not os.path.exists(self._file):
            raise StoreError(f"{self._file}: no such store")
        if not os.path.isdir(os.path.dirname(self._file) or "."):
            raise StoreError(f"{self._file}: directory {self.path.parent} does not exist")
        created = not os.path.exists(self._file)
        try:
            self._conn = self._connect(readonly)
            self._check_or_init(readonly)
        except (sqlite3.Error, StoreError) as err:
            if created:  # a store that could not be made is not left behind as an empty file
                self._remove_new_store()
            if isinstance(err, StoreError):
                raise
            if isinstance(err, sqlite3.OperationalError):
                raise StoreError(f"{self._file}: cannot open the store ({err})") from err
            raise StoreError(f"{self._file}: not a tmtool store ({err})") from err

    def _remove_new_store(self) -> None:
        if hasattr(self, "_conn"):
            self._conn.close()
        for leftover in (self._file, self._file + "-journal"):
            with contextlib.suppress(FileNotFoundError):
                os.remove(leftover)

    @property
    def path(self) -> Path:
        """The store's file."""
        from pathlib import Path

        return Path(self._file)

    @property
    def location(self) -> str:
        """The store's file, for messages."""
        return self._file

    @property
    def connection(self) -> sqlite3.Connection:
        """The open SQLite connection; SQLite-specific, for checks of the file itself (tests, tools)."""
        return self._conn

    def _connect(self, readonly: bool) -> sqlite3.Connection:
        uri = file_uri(self._file, "ro" if readonly else "rwc")
        conn = open_connection(uri)
        if readonly and needs_rollback(conn):
            # A killed writer left a hot journal that a read-only connection may not roll back.
            conn.close()
            roll_back_journal(self._file)
            conn = open_connection(uri)
        return conn

    def _check_or_init(self, readonly: bool) -> None:
        app_id = self._conn.execute("PRAGMA application_id").fetchone()[0]
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        tables = self._conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id == 0 and tables == 0:
            if readonly:
                raise StoreError(f"{self._file}: empty database, not a tmtool store")
            self._init_schema()
            return
        if app_id != APPLICATION_ID:
            raise StoreError(f"{self._file}: not a tmtool store (another SQLite database)")
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self._file}: store schema version {version} is newer than this tmtool "
                f"understands ({SCHEMA_VERSION}); upgrade tmtool"
            )
        if not readonly and version < SCHEMA_VERSION:
            self._add_columns()
        if not readonly and not self.has_short_index():
            self._add_short_index()
        if not readonly and not (has_blocks(self._conn) and has_blocks(self._conn, WORD_BLOCKS)):
            with self._transaction() as conn:
                add_blocks(conn)
        if not readonly and not self._has_table("units_untranslated"):
            with self._transaction() as conn:
                conn.execute(UNTRANSLATED_INDEX)
        if not readonly and not self._has_markup_column():
            with self._transaction() as conn:
                conn.execute(MARKUP_COLUMN)

    def _has_markup_column(self) -> bool:
        return any(row[1] == "markup" for row in self._conn.execute("PRAGMA table_info(units)"))

    def _add_columns(self) -> None:
        """Bring an older store's tables up to this schema: the columns added since, then the version."""
        try:
            with self._transaction() as conn:
                for table, column, statement in ADDED_COLUMNS:
                    names = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
                    if column not in names:
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.OperationalError as err:
            raise StoreError(f"{self._file}: cannot upgrade the store ({err})") from err

    def has_short_index(self) -> bool:
        """Stores made before the trigram index lack it; search then uses the word index alone."""
        return self._has_table("short_lengths")

    def _has_table(self, name: str) -> bool:
        return self._conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None

    def _add_short_index(self) -> None:
        filled = self._has_table("short_fts")
        with self._transaction() as conn:
            for statement in schema_statements(SHORT_INDEX_SCHEMA):
                conn.execute(statement)
            if not filled:
                conn.execute(f"INSERT INTO short_fts(rowid, source) SELECT {SHORT_KEY} AS k, source FROM units "
                             f"WHERE length(source) <= {SHORT_MAX} ORDER BY k")
            conn.execute("INSERT OR REPLACE INTO unit_lengths SELECT seq, length(source) FROM units")
            count_common_terms(conn)

    def _init_schema(self) -> None:
        try:
            with self._transaction() as conn:
                for statement in schema_statements(SCHEMA):
                    conn.execute(statement)
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.OperationalError as err:
            raise StoreError(f"{self._file}: cannot create store ({err})") from err

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One all-or-nothing write; other writers wait (up to 30 s) for the lock."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as err:
            raise StoreError(f"{self._file}: cannot write ({err})") from err
        try:
            yield self._conn
        except BaseException as err:
            # SQLite may have rolled back by itself (disk full, I/O error): a second ROLLBACK would
            # fail and hide the cause.
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            if isinstance(err, sqlite3.OperationalError):
                raise StoreError(f"{self._file}: cannot write ({err})") from err
            raise
        try:
            self._conn.execute("COMMIT")
        except sqlite3.OperationalError as err:
            raise StoreError(f"{self._file}: cannot write ({err})") from err

    @contextlib.contextmanager
    def writer(self) -> Iterator[SQLiteWriter]:
        """A write transaction: committed when the block ends, rolled back if it raises."""
        if self.readonly:
            raise StoreError(f"{self._file}: opened read-only, cannot write")
        with self._transaction() as conn:
            yield SQLiteWriter(conn, self._file)
        self._search = None  # the term counts it remembers may have changed

    def documents(self) -> list[DocumentInfo]:
        """The stored documents, by name."""
        from tm.model import DocumentInfo

        rows = self._conn.execute("SELECT * FROM documents ORDER BY name").fetchall()
        return [
            DocumentInfo(r["name"], r["src_lang"], r["tgt_lang"], r["checksum"], r["signature"],
                         json.loads(r["summary"]), r["symbol"] if "symbol" in r.keys() else "")
            for r in rows
        ]  # a store of schema 1 opened read-only has no symbol column

    def units(self, doc: str | None = None, translated_only: bool = False) -> Iterator[Unit]:
        """Units in document order (documents by name, then position)."""
        where, args = unit_filter(doc, translated_only)
        sql = "SELECT * FROM units" + where + " ORDER BY doc, position, seq"
        for row in self._conn.execute(sql, args):
            yield row_to_unit(row)

    def count_units(self, doc: str | None = None, translated_only: bool = False) -> int:
        """How many units the store holds (of one document; with a target only, when translated_only)."""
        return count_of(self._conn, doc, translated_only)

    def unit_counts(self) -> dict[str, tuple[int, int]]:
        """Each document's (units, translated units), in one pass over the units."""
        return counts_by_doc(self._conn)

    def pairs(self) -> Iterator[tuple[str, str]]:
        """(source, target) of every unit, in storage order; for deduplication."""
        cursor = self._conn.cursor()
        cursor.row_factory = None  # plain tuples, as the interface promises
        yield from cursor.execute("SELECT source, target FROM units")

    def term_records(self, doc: str | None = None) -> list[TermRecord]:
        """Stored term records (of one document), by document then position."""
        return terms_of(self._conn, doc, self._file)

    def next_position(self, doc: str) -> int:
        """The position after a document's last unit (0 for a new document)."""
        return position_after(self._conn, doc)

    def search_candidates(self, query: str, min_score: float, doc: str | None = None) -> list[Candidate]:
        """Units (of one document) worth scoring for a normalized query at min_score %, likeliest first."""
        if self._search is None:
            self._search = CandidateSearch(self._conn, self.has_short_index())
        return self._search.candidates(query, min_score, doc)

    def targets(self, keys: Sequence[int]) -> dict[int, str]:
        """The targets of candidates, by key."""
        return targets_of(self._conn, keys) if keys else {}

    def phrase_candidates(self, forms: Sequence[frozenset[str]], doc: str | None = None
                          ) -> Iterator[PhraseCandidate]:
        """Units (of one document) holding, for each word, one of its forms, in storage order, read lazily."""
        return phrase_rows(self._conn, forms, doc)
