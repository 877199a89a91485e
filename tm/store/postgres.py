"""The translation-memory store in a PostgreSQL database, for a team: one server, many users.

Writes take one transaction-scoped advisory lock, so writers queue as they do on an SQLite file
(a second build waits for the first) while readers, under PostgreSQL's MVCC, never wait; a killed
writer's transaction is rolled back by the server. The schema is in tm.store.postgres_schema,
candidate search in tm.store.postgres_search; rows have the form tm.store.sqlite gives them.
"""
from __future__ import annotations

import contextlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import fields
from types import TracebackType
from typing import Any, cast

import psycopg
from psycopg.rows import dict_row

from tm.errors import StoreError
from tm.model import DocumentInfo, Unit
from tm.store.base import Candidate, PhraseCandidate, PreparedUnits, TermRecord
from tm.store.postgres_schema import (
    APPLICATION,
    META_TABLE,
    SCHEMA_VERSION,
    TMTOOL_TABLES,
    missing_columns,
    schema_statements,
)
from tm.store.postgres_search import PAGE, CandidateSearch, IndexRow, index_row, phrase_rows, plain_gram, targets_of
from tm.store.sqlite import UNIT_COLUMNS, row_to_unit, unit_to_row
from tm.store.url import without_password

WRITE_LOCK = 0x746D746C  # the advisory lock every writer of a store's database takes ("tmtl")
LOCK_TIMEOUT_S = 30.0  # how long a writer waits for another (SQLite's busy timeout is the same)
CONNECT_TIMEOUT_S = 10
DOCUMENT_FIELDS = tuple(f.name for f in fields(DocumentInfo))


def one_line(err: BaseException, secret: str = "") -> str:
    """A driver's message on one line (libpq's carry a tab-indented hint), a password never in it."""
    text = re.sub(r"\s+", " ", str(err)).strip()
    text = text.removeprefix("connection failed: ")
    return text.replace(secret, "***") if secret else text


def connect(url: str, readonly: bool) -> psycopg.Connection[Any]:
    """An autocommit connection (writers open their own transactions), read-only when asked."""
    options = "-c default_transaction_read_only=on" if readonly else ""
    location = without_password(url)
    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S, options=options,
                               application_name="tmtool")
    except psycopg.Error as err:
        raise StoreError(f"{location}: cannot connect ({one_line(err, password_of(url))})") from err
    # No server-side prepared statements: after five runs PostgreSQL may switch one to a generic plan,
    # blind to the terms' arrays and length range, which reads a whole index (seconds, not ms).
    conn.prepare_threshold = None
    return conn


def password_of(url: str) -> str:
    netloc = url.split("://", 1)[-1].split("/", 1)[0].rpartition("@")[0]
    return netloc.partition(":")[2]


def document_row(info: DocumentInfo) -> dict[str, object]:
    row: dict[str, object] = {name: getattr(info, name) for name in DOCUMENT_FIELDS}
    row["summary"] = json.dumps(info.summary, ensure_ascii=False, sort_keys=True)
    return row


def row_to_document(row: Mapping[str, Any]) -> DocumentInfo:
    values = {name: row[name] for name in DOCUMENT_FIELDS}
    values["summary"] = json.loads(values["summary"])
    return DocumentInfo(**values)


def unit_filter(doc: str | None, translated_only: bool) -> tuple[str, list[object]]:
    """WHERE conditions (joined by AND, or "true") and their arguments."""
    clauses: list[str] = ["true"]
    args: list[object] = []
    if doc is not None:
        clauses.append("doc = %s")
        args.append(doc)
    if translated_only:
        clauses.append("target != ''")
    return " AND ".join(clauses), args


def count_of(conn: psycopg.Connection[Any], doc: str | None, translated_only: bool) -> int:
    where, args = unit_filter(doc, translated_only)
    return int(conn.execute(f"SELECT count(*) FROM units WHERE {where}", args).fetchone()[0])  # type: ignore[index]


def counts_by_doc(conn: psycopg.Connection[Any]) -> dict[str, tuple[int, int]]:
    """Each document's (units, units with a target), one scan."""
    rows = conn.execute("SELECT doc, count(*), count(*) FILTER (WHERE target != '') FROM units GROUP BY doc")
    return {str(doc): (int(n), int(translated)) for doc, n, translated in rows.fetchall()}


def position_after(conn: psycopg.Connection[Any], doc: str) -> int:
    row = conn.execute("SELECT max(position) FROM units WHERE doc = %s", (doc,)).fetchone()
    return 0 if row is None or row[0] is None else int(row[0]) + 1


COLUMN_LIST = ", ".join(UNIT_COLUMNS)
# An id that starts with the old name and ':' (tm.model.unit_id) gets the new name instead.
RENAMED_ID = ("CASE WHEN left(id, length(%(prefix)s)) = %(prefix)s "
              "THEN %(renamed)s || substr(id, length(%(prefix)s) + 1) ELSE id END")


def has_document(conn: psycopg.Connection[Any], name: str) -> bool:
    """A document row, or units, under this name."""
    row = conn.execute("SELECT EXISTS (SELECT 1 FROM documents WHERE name = %s) "
                       "OR EXISTS (SELECT 1 FROM units WHERE doc = %s)", (name, name)).fetchone()
    return bool(row and row[0])


def terms_of(conn: psycopg.Connection[Any], doc: str | None) -> list[TermRecord]:
    """Stored term records (of one document), by document then position."""
    sql, args = "SELECT id, doc, position, data FROM terms", []
    if doc is not None:
        sql, args = sql + " WHERE doc = %s", [doc]
    rows = conn.execute(sql + " ORDER BY doc, position", args).fetchall()
    return [TermRecord(*r) for r in rows]


class PostgresWriter:
    """One write transaction on a PostgreSQL store (see tm.store.base.Writer)."""

    def __init__(self, conn: psycopg.Connection[Any], location: str) -> None:
        self._conn = conn
        self._location = location
        self._next_seq = int(conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM units").fetchone()[0])  # type: ignore[index]
        self._words: Counter[str] = Counter()
        self._grams: Counter[str] = Counter()
        self._bulk = False

    def replace_document(self, info: DocumentInfo, units: Iterable[Unit]) -> None:
        """Store a document's row and units in place of any earlier version of it."""
        self._delete_units(info.name)
        self.put_document(info)
        self.add_prepared(self.prepare(units))

    def _delete_units(self, doc: str) -> None:
        # The counts of the terms the old units held go down by as many (a trigram key is the
        # gram and its length bucket; the count is the gram's).
        for table, term in (("word_counts", "unnest(t.words)"), ("gram_counts", "left(unnest(t.grams), 3)")):
            self._conn.execute(
                f"UPDATE {table} c SET units = c.units - d.n FROM (SELECT k, count(*) AS n FROM "
                f"(SELECT {term} AS k FROM units u JOIN unit_terms t ON t.seq = u.seq WHERE u.doc = %s) x "
                "GROUP BY k) d WHERE c.term = d.k", (doc,))
        self._conn.execute("DELETE FROM unit_terms t USING units u WHERE u.seq = t.seq AND u.doc = %s", (doc,))
        self._conn.execute("DELETE FROM units WHERE doc = %s", (doc,))

    def put_document(self, info: DocumentInfo) -> None:
        """Record (or update) a document's row without touching its units."""
        row = document_row(info)
        names = ", ".join(row)
        updates = ", ".join(f"{name} = excluded.{name}" for name in row if name != "name")
        self._conn.execute(f"INSERT INTO documents ({names}) VALUES ({', '.join(f'%({n})s' for n in row)}) "
                           f"ON CONFLICT (name) DO UPDATE SET {updates}", row)

    def prepare(self, units: Iterable[Unit]) -> PreparedUnits:
        """Units as rows (a unit's row, then its index row) for add_prepared; touches no connection."""
        return [(unit_to_row(u), index_row(0, u.source)) for u in units]

    def add_prepared(self, batch: PreparedUnits) -> None:
        """Append and index units made rows by prepare."""
        self._insert(cast("list[tuple[tuple[object, ...], IndexRow]]", batch))
        if not self._bulk:
            self.flush_counts()

    def _insert(self, batch: list[tuple[tuple[object, ...], IndexRow]]) -> None:
        if not batch:
            return
        first = self._next_seq
        self._next_seq += len(batch)
        try:
            with self._conn.cursor() as cur:
                with cur.copy(f"COPY units (seq, {COLUMN_LIST}) FROM STDIN") as copy:
                    for seq, (row, _) in enumerate(batch, first):
                        copy.write_row((seq, *row))
                with cur.copy("COPY unit_terms (seq, len, words, grams) FROM STDIN") as copy:
                    for seq, (_, (_, length, words, grams)) in enumerate(batch, first):
                        copy.write_row((seq, length, words, grams))
        except psycopg.errors.UniqueViolation as err:
            raise StoreError(f"{self._location}: cannot add units ({one_line(err)})") from err
        for _, (_, _, words, grams) in batch:
            self._words.update(words)
            if grams:
                self._grams.update(map(plain_gram, grams))

    def flush_counts(self) -> None:
        """Add the pending term counts of the units written so far to word_counts and gram_counts."""
        for table, counts in (("word_counts", self._words), ("gram_counts", self._grams)):
            if counts:
                terms = sorted(counts)  # one order for every writer: no deadlock between upserts
                self._conn.execute(
                    f"INSERT INTO {table} (term, units) SELECT * FROM unnest(%s::text[], %s::int[]) "
                    f"ON CONFLICT (term) DO UPDATE SET units = {table}.units + excluded.units",
                    (terms, [counts[t] for t in terms]))
                counts.clear()

    @contextlib.contextmanager
    def bulk_indexing(self) -> Iterator[None]:
        """Term counts are summed in memory and written once, when the block ends."""
        self._bulk = True
        try:
            yield
        finally:
            self._bulk = False
        self.flush_counts()

    def optimize(self) -> None:
        """Merge the GIN indexes' pending entries and refresh the planner's statistics."""
        self.flush_counts()
        for index in ("unit_terms_words", "unit_terms_grams"):
            self._conn.execute("SELECT gin_clean_pending_list(%s::regclass)", (index,))
        self._conn.execute("ANALYZE units, unit_terms, word_counts, gram_counts")

    def replace_terms(self, doc: str, records: Sequence[TermRecord]) -> None:
        """Store a document's term records in place of its earlier ones."""
        self._conn.execute("DELETE FROM terms WHERE doc = %s", (doc,))
        with self._conn.cursor() as cur, cur.copy("COPY terms (id, doc, position, data) FROM STDIN") as copy:
            for r in records:
                copy.write_row((r.id, r.doc, r.position, r.data))

    def count_units(self, doc: str | None = None) -> int:
        """How many units the store holds (of one document), this transaction's writes included."""
        return count_of(self._conn, doc, False)

    def next_position(self, doc: str) -> int:
        """The position after a document's last unit (0 for a new document)."""
        return position_after(self._conn, doc)

    def remove_document(self, name: str) -> None:
        """Delete a document's row, units (their index rows and term counts too) and term records."""
        if not has_document(self._conn, name):
            raise StoreError(f"{self._location}: no document named {name!r}")
        self._delete_units(name)
        self._conn.execute("DELETE FROM terms WHERE doc = %s", (name,))
        self._conn.execute("DELETE FROM documents WHERE name = %s", (name,))

    def rename_document(self, old: str, new: str) -> None:
        """Rename a document with its units and term records (ids 'old:…' become 'new:…'); the index
        rows are keyed by seq, which stays."""
        if not has_document(self._conn, old):
            raise StoreError(f"{self._location}: no document named {old!r}")
        if has_document(self._conn, new):
            raise StoreError(f"{self._location}: a document named {new!r} exists already")
        args = {"old": old, "new": new, "prefix": f"{old}:", "renamed": f"{new}:"}
        try:
            with self._conn.transaction():  # a savepoint: a clash of ids is reported, not a dead transaction
                for table in ("units", "terms"):
                    self._conn.execute(f"UPDATE {table} SET doc = %(new)s, id = {RENAMED_ID} WHERE doc = %(old)s", args)
                self._conn.execute("UPDATE documents SET name = %(new)s WHERE name = %(old)s", args)
        except psycopg.errors.UniqueViolation as err:
            raise StoreError(f"{self._location}: cannot rename {old!r} to {new!r} ({one_line(err)})") from err

    def term_records(self, doc: str | None = None) -> list[TermRecord]:
        """Stored term records (of one document), this transaction's writes included."""
        return terms_of(self._conn, doc)


class PostgresStore:
    """A tmtool store in a PostgreSQL database (see tm.store.base.Store), given by a postgresql:// URL."""

    def __init__(self, url: str, *, create: bool = True, readonly: bool = False) -> None:
        self.url = url
        self.readonly = readonly
        self.lock_timeout_s = LOCK_TIMEOUT_S
        self._location = without_password(url)
        self._search: CandidateSearch | None = None
        self._conn = connect(url, readonly)
        try:
            self._check_or_init(create and not readonly)
        except psycopg.Error as err:
            self._conn.close()
            raise StoreError(f"{self._location}: cannot open the store ({one_line(err)})") from err
        except StoreError:
            self._conn.close()
            raise

    @property
    def location(self) -> str:
        """The database URL without user and password, for messages."""
        return self._location

    @property
    def connection(self) -> psycopg.Connection[Any]:
        """The open connection; PostgreSQL-specific, for tests and tools."""
        return self._conn

    def _present(self) -> set[tuple[str, str]]:
        """(table, column) of tmtool's tables in the connection's schema."""
        rows = self._conn.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = ANY(%s)", (list(TMTOOL_TABLES),))
        return {(str(t), str(c)) for t, c in rows}

    def _check_or_init(self, create: bool) -> None:
        present = self._present()
        tables = {t for t, _ in present}
        if META_TABLE not in tables:
            if tables:
                raise StoreError(f"{self._location}: not a tmtool store (it has tables named "
                                 f"{', '.join(sorted(tables))} but no {META_TABLE})")
            if not create:
                raise StoreError(f"{self._location}: no tmtool store in this database (run 'tmtool build' first)")
            with self._transaction():
                for statement in schema_statements():
                    self._conn.execute(statement)
                self._conn.execute(f"INSERT INTO {META_TABLE} VALUES ('application', %s), ('schema_version', %s) "
                                   "ON CONFLICT DO NOTHING", (APPLICATION, str(SCHEMA_VERSION)))
            return
        meta = dict(self._conn.execute(f"SELECT key, value FROM {META_TABLE}").fetchall())
        if meta.get("application") != APPLICATION:
            raise StoreError(f"{self._location}: not a tmtool store (its {META_TABLE} names no tmtool store)")
        version = int(meta.get("schema_version", "0"))
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self._location}: store schema version {version} is newer than this tmtool "
                             f"understands ({SCHEMA_VERSION}); upgrade tmtool")
        added = missing_columns(present)
        if added and not self.readonly:
            with self._transaction():
                for statement in added:
                    self._conn.execute(statement)

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[psycopg.Connection[Any]]:
        """One all-or-nothing write, after the store's write lock (waited for up to lock_timeout_s)."""
        try:
            with self._conn.transaction():
                self._conn.execute(f"SET LOCAL lock_timeout = '{int(self.lock_timeout_s * 1000)}ms'")
                self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                self._conn.execute("SET LOCAL lock_timeout = 0")
                yield self._conn
        except psycopg.errors.LockNotAvailable as err:
            raise StoreError(f"{self._location}: cannot write: another writer holds the store locked "
                             f"(waited {self.lock_timeout_s:g} s)") from err
        except psycopg.Error as err:
            raise StoreError(f"{self._location}: cannot write ({one_line(err)})") from err

    @contextlib.contextmanager
    def writer(self) -> Iterator[PostgresWriter]:
        """A write transaction: committed when the block ends, rolled back if it raises."""
        if self.readonly:
            raise StoreError(f"{self._location}: opened read-only, cannot write")
        try:
            with self._transaction() as conn:
                writer = PostgresWriter(conn, self._location)
                yield writer
                writer.flush_counts()
        finally:
            self._search = None  # the term counts it remembers may have changed

    def documents(self) -> list[DocumentInfo]:
        """The stored documents, by name."""
        with self._conn.cursor(row_factory=dict_row) as cur:
            return [row_to_document(r) for r in cur.execute("SELECT * FROM documents ORDER BY name")]

    def units(self, doc: str | None = None, translated_only: bool = False) -> Iterator[Unit]:
        """Units in document order (documents by name, then position), read a page at a time."""
        where, args = unit_filter(doc, translated_only)
        sql = (f"SELECT * FROM units WHERE {where} AND (doc, position, seq) > (%s, %s, %s) "
               f"ORDER BY doc, position, seq LIMIT {PAGE}")
        after: tuple[object, ...] = ("", -(2**31), 0)
        while True:
            with self._conn.cursor(row_factory=dict_row) as cur:
                rows = cur.execute(sql, [*args, *after]).fetchall()
            for row in rows:
                yield row_to_unit(cast(Any, row))  # reads rows by column name, as dict_row gives them
            if len(rows) < PAGE:
                return
            after = (rows[-1]["doc"], rows[-1]["position"], rows[-1]["seq"])

    def count_units(self, doc: str | None = None, translated_only: bool = False) -> int:
        """How many units the store holds (of one document; with a target only, when translated_only)."""
        return count_of(self._conn, doc, translated_only)

    def unit_counts(self) -> dict[str, tuple[int, int]]:
        """Each document's (units, translated units), in one pass over the units."""
        return counts_by_doc(self._conn)

    def pairs(self) -> Iterator[tuple[str, str]]:
        """(source, target) of every unit, in storage order, read a page at a time."""
        after = 0
        while True:
            rows = self._conn.execute(f"SELECT seq, source, target FROM units WHERE seq > %s ORDER BY seq "
                                      f"LIMIT {PAGE * 5}", (after,)).fetchall()
            for _, source, target in rows:
                yield source, target
            if len(rows) < PAGE * 5:
                return
            after = rows[-1][0]

    def term_records(self, doc: str | None = None) -> list[TermRecord]:
        """Stored term records (of one document), by document then position."""
        return terms_of(self._conn, doc)

    def next_position(self, doc: str) -> int:
        """The position after a document's last unit (0 for a new document)."""
        return position_after(self._conn, doc)

    def search_candidates(self, query: str, min_score: float, doc: str | None = None) -> list[Candidate]:
        """Units (of one document) worth scoring for a normalized query at min_score %, likeliest first."""
        if self._search is None:
            self._search = CandidateSearch(self._conn)
        return self._search.candidates(query, min_score, doc)

    def targets(self, keys: Sequence[int]) -> dict[int, str]:
        """The targets of candidates, by key."""
        return targets_of(self._conn, keys) if keys else {}

    def phrase_candidates(self, forms: Sequence[frozenset[str]], doc: str | None = None
                          ) -> Iterator[PhraseCandidate]:
        """Units (of one document) holding, for each word, one of its forms, in storage order, read lazily."""
        return phrase_rows(self._conn, forms, doc)
