"""Writes to a PostgreSQL store: PostgresWriter, one transaction under the store's write lock,
and the row helpers it shares with tm.store.postgres's reads."""
from __future__ import annotations

import contextlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import fields
from typing import Any, cast

import psycopg

from tm.errors import StoreError
from tm.model import DocumentInfo, Unit
from tm.store.base import PreparedUnits, TermRecord
from tm.store.postgres_schema import POSTING_TABLES, rebuilt_postings
from tm.store.postgres_search import IndexRow, index_row
from tm.store.sqlite import UNIT_COLUMNS, unit_to_row

DOCUMENT_FIELDS = tuple(f.name for f in fields(DocumentInfo))
# Each posting table and the terms of a unit_terms row it holds (a store made before the posting
# tables keyed its trigrams with a length bucket after the three characters: left() drops it).
POSTED_TERMS = (("word_postings", "unnest(t.words)"), ("gram_postings", "left(unnest(t.grams), 3)"))


def fill_postings(conn: psycopg.Connection[Any] | psycopg.Cursor[Any], first: int = 0, last: int = 2**62) -> None:
    """Posting rows for the unit_terms rows of seq first to last, made by the server; in key order,
    so the index takes them page after page rather than at random."""
    for table, term in POSTED_TERMS:
        conn.execute(f"INSERT INTO {table} (term, len, seq) SELECT {term}, t.len, t.seq FROM unit_terms t "
                     "WHERE t.seq BETWEEN %s AND %s ORDER BY 1, 2, 3", (first, last))


def rebuild_postings(conn: psycopg.Connection[Any]) -> None:
    """New posting tables made from every unit_terms row, each index built once (see rebuilt_postings)."""
    for table, term in POSTED_TERMS:
        for statement in rebuilt_postings(table, f"SELECT {term}, t.len, t.seq FROM unit_terms t"):
            conn.execute(statement)


def array_literal(items: list[str] | None) -> str | None:
    """A text[] in PostgreSQL's input form, every element quoted: COPY hands it to the server as
    text, which parses it, instead of psycopg's array dumper (in Python, most of an import's time)."""
    if items is None:
        return None
    return "{" + ",".join('"' + t.replace("\\", "\\\\").replace('"', '\\"') + '"' for t in items) + "}"


def one_line(err: BaseException, secret: str = "") -> str:
    """A driver's message on one line (libpq's carry a tab-indented hint), a password never in it."""
    text = re.sub(r"\s+", " ", str(err)).strip()
    text = text.removeprefix("connection failed: ")
    return text.replace(secret, "***") if secret else text



def document_row(info: DocumentInfo) -> dict[str, object]:
    row: dict[str, object] = {name: getattr(info, name) for name in DOCUMENT_FIELDS}
    row["summary"] = json.dumps(info.summary, ensure_ascii=False, sort_keys=True)
    return row


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
    # A store made before terms.lookup_keys and opened read-only lacks the column: its row as JSON has no such key.
    sql, args = "SELECT id, doc, position, data, coalesce(to_jsonb(t) ->> 'lookup_keys', '') FROM terms t", []
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
        self._posted = self._next_seq  # the first seq whose postings are still to be made (bulk_indexing)
        self._bulk = False
        self.vacuum_wanted = False

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
        for table, term in POSTED_TERMS:  # by their keys, so each posting is found in the index
            self._conn.execute(
                f"DELETE FROM {table} p USING (SELECT {term} AS term, t.len, t.seq FROM units u "
                "JOIN unit_terms t ON t.seq = u.seq WHERE u.doc = %s) d "
                "WHERE p.term = d.term AND p.len = d.len AND p.seq = d.seq", (doc,))
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
                        copy.write_row((seq, length, array_literal(words), array_literal(grams)))
                if not self._bulk:
                    fill_postings(cur, first, self._next_seq - 1)
                    self._posted = self._next_seq
        except psycopg.errors.UniqueViolation as err:
            raise StoreError(f"{self._location}: cannot add units ({one_line(err)})") from err
        for _, (_, _, words, grams) in batch:
            self._words.update(words)
            if grams:
                self._grams.update(grams)

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
        """Term counts are summed in memory and the postings made once, when the block ends."""
        self._bulk = True
        try:
            yield
        finally:
            self._bulk = False
        self.finish_postings()
        self.flush_counts()

    def finish_postings(self) -> None:
        """The postings of the units added in bulk: new posting tables when these units are at least
        as many as those before them (an index built once), else added in key order."""
        pending, before = self._next_seq - self._posted, self._posted - 1
        if pending and pending >= before:
            rebuild_postings(self._conn)
        elif pending:
            fill_postings(self._conn, self._posted, self._next_seq - 1)
        self._posted = self._next_seq

    def optimize(self) -> None:
        """Make pending postings, merge the GIN index's pending entries, refresh the planner's
        statistics; ask for a VACUUM after the commit (it cannot run in a transaction), which lets
        the postings be read from their index alone."""
        self.finish_postings()
        self.flush_counts()
        self._conn.execute("SELECT gin_clean_pending_list('unit_terms_words'::regclass)")
        self._conn.execute(f"ANALYZE units, unit_terms, word_counts, gram_counts, {', '.join(POSTING_TABLES)}")
        self.vacuum_wanted = True

    def replace_terms(self, doc: str, records: Iterable[TermRecord]) -> None:
        """Store a document's term records in place of its earlier ones."""
        self._conn.execute("DELETE FROM terms WHERE doc = %s", (doc,))
        copy_sql = "COPY terms (id, doc, position, data, lookup_keys) FROM STDIN"
        with self._conn.cursor() as cur, cur.copy(copy_sql) as copy:
            for r in records:
                copy.write_row((r.id, r.doc, r.position, r.data, r.lookup_keys))

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
