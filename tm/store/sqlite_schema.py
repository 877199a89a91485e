"""The SQLite store's schema: tables, full-text indexes and the triggers that keep them in step."""
from __future__ import annotations

from tm.store.sqlite_lengths import LENGTH_BLOCKS_SCHEMA
from tm.store.sqlite_search import LENGTH_KEY, SHORT_MAX
from tm.store.sqlite_words import WORD_BLOCKS_SCHEMA

SCHEMA_VERSION = 3  # 2: documents.symbol; 3: terms.lookup_keys
# Columns added after version 1, each with what adds it to an older store's table (its
# default fills the rows already there).
ADDED_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("documents", "symbol", "ALTER TABLE documents ADD COLUMN symbol TEXT NOT NULL DEFAULT ''"),
    ("terms", "lookup_keys", "ALTER TABLE terms ADD COLUMN lookup_keys TEXT NOT NULL DEFAULT ''"),
)
# Added to a store made before it when the store is next opened for writing (old tmtool ignores it).
UNTRANSLATED_INDEX = "CREATE INDEX IF NOT EXISTS units_untranslated ON units(doc) WHERE target = ''"
APPLICATION_ID = 0x746D746C  # "tmtl": marks a file as a tmtool store
BULK_CACHE_MB = 64  # page cache while importing: index pages stay in memory between chunks
FTS_AUTOMERGE = 4  # FTS5's default

# Inline codes of a unit's source and target (tm.markup.markup_json): '' for a unit without any.
# Stores made before it lack the column; opening one for writing adds it (ALTER TABLE, see MARKUP_COLUMN).
MARKUP_COLUMN = "ALTER TABLE units ADD COLUMN markup TEXT NOT NULL DEFAULT ''"

SHORT_KEY = f"length(source) * {LENGTH_KEY} + seq"
COMMON_TERM = 256  # units holding a term before its count is copied to common_words/common_grams

# Character trigrams of short sources, for short queries whose best match need not share a whole
# word with them ('Мнения' ~ 'применения'). Keyed by length, so a search reads only the lengths
# that can reach the minimum score. Contentless: the text stays in units only.
SHORT_INDEX_SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS short_fts USING fts5(
    source, content='', tokenize='trigram', detail='none'
);
CREATE VIRTUAL TABLE IF NOT EXISTS short_vocab USING fts5vocab(short_fts, row);
-- How many units hold each common word or trigram, copied from the vocabularies after large
-- writes: a vocabulary counts a term by reading its whole posting list (ms for a common word),
-- so search reads common terms here and only rare ones (short lists) from the vocabulary.
CREATE TABLE IF NOT EXISTS common_words (term TEXT PRIMARY KEY, doc INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS common_grams (term TEXT PRIMARY KEY, doc INTEGER NOT NULL) WITHOUT ROWID;
-- How many short sources have each length (also refreshed after large writes): a trigram's
-- postings within a length range are estimated from its count and the range's share.
CREATE TABLE IF NOT EXISTS short_lengths (len INTEGER PRIMARY KEY, units INTEGER NOT NULL);
-- Each unit's source length in a narrow table: search orders word-index candidates by length
-- before it reads any source (a page here holds hundreds of units, a page of units a few dozen).
CREATE TABLE IF NOT EXISTS unit_lengths (seq INTEGER PRIMARY KEY, len INTEGER NOT NULL);
CREATE TRIGGER IF NOT EXISTS unit_lengths_delete AFTER DELETE ON units BEGIN
    DELETE FROM unit_lengths WHERE seq = old.seq;
END;
CREATE TRIGGER IF NOT EXISTS unit_lengths_update AFTER UPDATE OF source ON units BEGIN
    UPDATE unit_lengths SET len = length(new.source) WHERE seq = new.seq;
END;
""" + LENGTH_BLOCKS_SCHEMA + WORD_BLOCKS_SCHEMA + f"""
CREATE TRIGGER IF NOT EXISTS short_fts_delete AFTER DELETE ON units
    WHEN length(old.source) <= {SHORT_MAX} BEGIN
    INSERT INTO short_fts(short_fts, rowid, source)
        VALUES ('delete', length(old.source) * {LENGTH_KEY} + old.seq, old.source);
END;
CREATE TRIGGER IF NOT EXISTS short_fts_update_old AFTER UPDATE OF source ON units
    WHEN length(old.source) <= {SHORT_MAX} BEGIN
    INSERT INTO short_fts(short_fts, rowid, source)
        VALUES ('delete', length(old.source) * {LENGTH_KEY} + old.seq, old.source);
END;
CREATE TRIGGER IF NOT EXISTS short_fts_update_new AFTER UPDATE OF source ON units
    WHEN length(new.source) <= {SHORT_MAX} BEGIN
    INSERT INTO short_fts(rowid, source) VALUES (length(new.source) * {LENGTH_KEY} + new.seq, new.source);
END;
"""

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    name TEXT PRIMARY KEY,
    src_lang TEXT NOT NULL,
    tgt_lang TEXT NOT NULL,
    checksum TEXT NOT NULL,
    signature TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '{}',
    symbol TEXT NOT NULL DEFAULT ''
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
    props TEXT NOT NULL DEFAULT '[]',
    markup TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS units_by_doc ON units(doc, position);
-- The units without a target, so that tmtool stats counts the translated ones from two indexes
-- instead of reading every row (a million units: 0.25 s instead of 1.1 s).
CREATE INDEX IF NOT EXISTS units_untranslated ON units(doc) WHERE target = '';
-- Word index over sources for search candidates and concordance (which units hold a word; no
-- positions: detail='none' halves its size and build time). New units are indexed in bulk
-- by the code that writes them (index_new_units: 4x faster than a per-row trigger); triggers keep
-- the index in step when units are deleted or their source changes.
CREATE VIRTUAL TABLE IF NOT EXISTS units_fts USING fts5(
    source, content='units', content_rowid='seq', tokenize='unicode61 remove_diacritics 2', detail='none'
);
CREATE TRIGGER IF NOT EXISTS units_fts_delete AFTER DELETE ON units BEGIN
    INSERT INTO units_fts(units_fts, rowid, source) VALUES ('delete', old.seq, old.source);
END;
CREATE TRIGGER IF NOT EXISTS units_fts_update AFTER UPDATE OF source ON units BEGIN
    INSERT INTO units_fts(units_fts, rowid, source) VALUES ('delete', old.seq, old.source);
    INSERT INTO units_fts(rowid, source) VALUES (new.seq, new.source);
END;
CREATE VIRTUAL TABLE IF NOT EXISTS units_vocab USING fts5vocab(units_fts, row);
""" + SHORT_INDEX_SCHEMA + """
CREATE TABLE IF NOT EXISTS terms (
    id TEXT PRIMARY KEY,
    doc TEXT NOT NULL,
    position INTEGER NOT NULL,
    data TEXT NOT NULL,
    lookup_keys TEXT NOT NULL DEFAULT ''  -- glossary.lookup_keys: lemmas a lookup needs, '' for none
);
"""
