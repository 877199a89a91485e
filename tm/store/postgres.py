"""The translation-memory store in a PostgreSQL database, for a team: one server, many users.

Writes take one transaction-scoped advisory lock, so writers queue as they do on an SQLite file
(a second build waits for the first) while readers, under PostgreSQL's MVCC, never wait; a killed
writer's transaction is rolled back by the server. The schema is in tm.store.postgres_schema,
writes in tm.store.postgres_writer, candidate search in tm.store.postgres_search; rows have the
form tm.store.sqlite gives them.
"""
from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Iterator, Mapping, Sequence
from types import TracebackType
from typing import Any, cast

import psycopg
from psycopg.rows import dict_row

from tm.errors import StoreError
from tm.model import DocumentInfo, Unit
from tm.store.base import Candidate, PhraseCandidate, TermRecord
from tm.store.postgres_schema import (
    APPLICATION,
    META_TABLE,
    POSTING_TABLES,
    SCHEMA_VERSION,
    TMTOOL_TABLES,
    missing_columns,
    schema_statements,
    table_statements,
)
from tm.store.postgres_search import PAGE, CandidateSearch, phrase_rows, targets_of
from tm.store.postgres_writer import (
    DOCUMENT_FIELDS,
    PostgresWriter,
    count_of,
    counts_by_doc,
    one_line,
    position_after,
    rebuild_postings,
    terms_of,
    unit_filter,
)
from tm.store.sqlite import row_to_unit
from tm.store.url import without_password

__all__ = ["PostgresStore", "PostgresWriter", "connect"]

WRITE_LOCK = 0x746D746C  # the advisory lock every writer of a store's database takes ("tmtl")
LOCK_TIMEOUT_S = 30.0  # how long a writer waits for another (SQLite's busy timeout is the same)
CONNECT_TIMEOUT_S = 10
LOG = logging.getLogger(__name__)


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


def row_to_document(row: Mapping[str, Any]) -> DocumentInfo:
    values = {name: row[name] for name in DOCUMENT_FIELDS}
    values["summary"] = json.loads(values["summary"])
    return DocumentInfo(**values)



class PostgresStore:
    """A tmtool store in a PostgreSQL database (see tm.store.base.Store), given by a postgresql:// URL."""

    def __init__(self, url: str, *, create: bool = True, readonly: bool = False) -> None:
        self.url = url
        self.readonly = readonly
        self.lock_timeout_s = LOCK_TIMEOUT_S
        self._location = without_password(url)
        self._search: CandidateSearch | None = None
        self._posted = True  # the store has its posting tables (a store made before them, read-only: not)
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
        if self.readonly and not tables.issuperset(POSTING_TABLES):
            self._posted = False
            LOG.warning("%s: made by an older tmtool, without posting tables: search takes a slower path until "
                        "the store is next opened for writing (tmtool import, build, docs rename), which adds them",
                        self._location)
        if added and not self.readonly:
            with self._transaction():
                for statement in [*table_statements(), *added, *schema_statements()]:  # each may run again
                    self._conn.execute(statement)
                if not tables.issuperset(POSTING_TABLES):  # a store made before them: postings of its units
                    rebuild_postings(self._conn)

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
        if writer.vacuum_wanted:  # committed: marks the posting pages all-visible for index-only reads
            self._conn.execute(f"VACUUM {', '.join(POSTING_TABLES)}")

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
            self._search = CandidateSearch(self._conn, self._posted)
        return self._search.candidates(query, min_score, doc)

    def targets(self, keys: Sequence[int]) -> dict[int, str]:
        """The targets of candidates, by key."""
        return targets_of(self._conn, keys) if keys else {}

    def phrase_candidates(self, forms: Sequence[frozenset[str]], doc: str | None = None
                          ) -> Iterator[PhraseCandidate]:
        """Units (of one document) holding, for each word, one of its forms, in storage order, read lazily."""
        return phrase_rows(self._conn, forms, doc)
