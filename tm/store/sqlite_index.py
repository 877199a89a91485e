"""Keeping the SQLite store's search indexes in step with its units: new units indexed in bulk,
term and length counts refreshed after large writes."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from tm.store.sqlite_lengths import LENGTH_BLOCKS_SCHEMA, write_blocks
from tm.store.sqlite_schema import COMMON_TERM, SHORT_KEY
from tm.store.sqlite_search import SHORT_MAX
from tm.store.sqlite_words import WORD_BLOCKS_SCHEMA, write_word_blocks


def index_new_units(conn: sqlite3.Connection, after_seq: int) -> None:
    """Add units stored after after_seq to the word index, in one statement."""
    conn.execute("INSERT INTO units_fts(rowid, source) SELECT seq, source FROM units WHERE seq > ?", (after_seq,))
    # In rowid order: FTS5 writes its pending terms out whenever a rowid is lower than the last.
    conn.execute(f"INSERT INTO short_fts(rowid, source) SELECT {SHORT_KEY} AS k, source FROM units "
                 f"WHERE seq > ? AND length(source) <= {SHORT_MAX} ORDER BY k", (after_seq,))
    conn.execute("INSERT INTO unit_lengths SELECT seq, length(source) FROM units WHERE seq > ?", (after_seq,))


def count_common_terms(conn: sqlite3.Connection) -> None:
    """Copy the counts of common words and trigrams out of the vocabularies (after large writes)."""
    for table, vocab in (("common_words", "units_vocab"), ("common_grams", "short_vocab")):
        conn.execute(f"DELETE FROM {table}")
        conn.execute(f"INSERT INTO {table} SELECT term, doc FROM {vocab} WHERE doc >= {COMMON_TERM}")
    conn.execute("DELETE FROM short_lengths")
    conn.execute(f"INSERT INTO short_lengths SELECT len, count(*) FROM unit_lengths WHERE len <= {SHORT_MAX} "
                 "GROUP BY len")
    write_blocks(conn)
    write_word_blocks(conn)


def add_blocks(conn: sqlite3.Connection) -> None:
    """Give a store made before them its length and words blocks and their triggers
    (tm.store.sqlite_lengths, tm.store.sqlite_words)."""
    for statement in schema_statements(LENGTH_BLOCKS_SCHEMA + WORD_BLOCKS_SCHEMA):
        conn.execute(statement)
    write_blocks(conn)
    write_word_blocks(conn)


def schema_statements(script: str) -> Iterator[str]:
    """Complete SQL statements of a script; trigger bodies hold ';' so a plain split will not do."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""
