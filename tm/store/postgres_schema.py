"""The PostgreSQL store's schema as tables of columns: adding a column is one line here.

Each table is a tuple of (column, type and default); the CREATE TABLE statements are made from
them, and opening a store adds any column its tables lack (ALTER TABLE … ADD COLUMN IF NOT
EXISTS), so a store made by an older tmtool gains new columns with their defaults.
"""
from __future__ import annotations

SCHEMA_VERSION = 1
APPLICATION = "tmtool"  # tmtool_meta's 'application' row marks a database (schema) as a tmtool store
META_TABLE = "tmtool_meta"

Columns = tuple[tuple[str, str], ...]

# Names (documents, units.doc) are ordered byte by byte, as SQLite orders them, whatever the
# database's locale. Named like DocumentInfo's fields (summary as JSON text): the store reads and writes them by name.
DOCUMENT_COLUMNS: Columns = (
    ("name", 'TEXT COLLATE "C" PRIMARY KEY'),
    ("src_lang", "TEXT NOT NULL"),
    ("tgt_lang", "TEXT NOT NULL"),
    ("checksum", "TEXT NOT NULL"),
    ("signature", "TEXT NOT NULL"),
    ("summary", "TEXT NOT NULL DEFAULT '{}'"),
    ("symbol", "TEXT NOT NULL DEFAULT ''"),  # the document symbol (A/69/907), as in SQLite
)

# seq is given by the writer (under the write lock), so its index rows go in with the unit.
# The rest follow tm.store.sqlite.UNIT_COLUMNS, the row form both backends share.
UNIT_COLUMNS: Columns = (
    ("seq", "BIGINT PRIMARY KEY"),
    ("id", "TEXT NOT NULL UNIQUE"),
    ("doc", 'TEXT COLLATE "C" NOT NULL'),
    ("position", "INTEGER NOT NULL"),
    ("block", "INTEGER NOT NULL DEFAULT 0"),
    ("source", "TEXT NOT NULL"),
    ("target", "TEXT NOT NULL DEFAULT ''"),
    ("src_lang", "TEXT NOT NULL"),
    ("tgt_lang", "TEXT NOT NULL"),
    ("para", "TEXT NOT NULL DEFAULT ''"),
    ("kind", "TEXT NOT NULL"),
    ("score", "DOUBLE PRECISION"),
    ("flagged", "INTEGER NOT NULL DEFAULT 0"),
    ("origin", "TEXT NOT NULL DEFAULT 'build'"),
    ("created", "TEXT NOT NULL DEFAULT ''"),
    ("notes", "TEXT NOT NULL DEFAULT '[]'"),
    ("props", "TEXT NOT NULL DEFAULT '[]'"),
    ("markup", "TEXT NOT NULL DEFAULT ''"),  # inline codes (tm.markup), as in SQLite
)

# Each unit's terms in a narrow table of its own: its source length, its words as the SQLite word
# index holds them, and the character trigrams of short sources (NULL for long ones); the posting
# tables are made, and their rows found again on delete, from these. Collation "C": byte order.
UNIT_TERM_COLUMNS: Columns = (
    ("seq", "BIGINT PRIMARY KEY"),
    ("len", "INTEGER NOT NULL"),
    ("words", 'TEXT[] COLLATE "C" NOT NULL'),
    ("grams", 'TEXT[] COLLATE "C"'),
)

# How many units hold each word (each trigram of a short source): kept by the writer, so search
# reads a term's count in one index lookup and picks the rarest terms.
COUNT_COLUMNS: Columns = (
    ("term", 'TEXT COLLATE "C" PRIMARY KEY'),
    ("units", "INTEGER NOT NULL"),
)

# Posting lists as B-tree keys (term, source length, seq), one row per term a unit holds: a query
# reads a term's units of the fitting lengths from the index alone (an index-only range scan, as
# SQLite reads a rowid range), never the table. Words of every unit; trigrams of short sources.
POSTING_COLUMNS: Columns = (
    ("term", 'TEXT COLLATE "C" NOT NULL'),
    ("len", "INTEGER NOT NULL"),
    ("seq", "INTEGER NOT NULL"),  # a unit's seq (BIGINT in units): 4 bytes less a row, and in its index entry
)
POSTING_TABLES = ("word_postings", "gram_postings")
POSTING_KEY = "(term, len, seq)"

TERM_COLUMNS: Columns = (
    ("id", "TEXT PRIMARY KEY"),
    ("doc", 'TEXT COLLATE "C" NOT NULL'),
    ("position", "INTEGER NOT NULL"),
    ("data", "TEXT NOT NULL"),
    ("lookup_keys", "TEXT NOT NULL DEFAULT ''"),  # glossary.lookup_keys, as in SQLite
)

TABLES: tuple[tuple[str, Columns], ...] = (
    (META_TABLE, (("key", "TEXT PRIMARY KEY"), ("value", "TEXT NOT NULL"))),
    ("documents", DOCUMENT_COLUMNS),
    ("units", UNIT_COLUMNS),
    ("unit_terms", UNIT_TERM_COLUMNS),
    ("word_counts", COUNT_COLUMNS),
    ("gram_counts", COUNT_COLUMNS),
    *((name, POSTING_COLUMNS) for name in POSTING_TABLES),
    ("terms", TERM_COLUMNS),
)
TMTOOL_TABLES = tuple(name for name, _ in TABLES)

INDEXES = (
    "CREATE INDEX IF NOT EXISTS units_by_doc ON units (doc, position, seq)",
    "CREATE INDEX IF NOT EXISTS unit_terms_words ON unit_terms USING gin (words)",
    *(f"CREATE INDEX IF NOT EXISTS {name}_key ON {name} {POSTING_KEY}" for name in POSTING_TABLES),
    "CREATE INDEX IF NOT EXISTS unit_terms_by_length ON unit_terms (len, seq)",
    "CREATE INDEX IF NOT EXISTS terms_by_doc ON terms (doc, position)",
)


def create_table(name: str, columns: Columns) -> str:
    return f"CREATE TABLE IF NOT EXISTS {name} ({', '.join(f'{c} {t}' for c, t in columns)})"


def add_column(name: str, column: str, kind: str) -> str:
    """The statement that gives an older table a new column (its key constraints are not repeated)."""
    plain = kind.replace("PRIMARY KEY", "").replace("UNIQUE", "").strip()
    return f"ALTER TABLE {name} ADD COLUMN IF NOT EXISTS {column} {plain}"


def table_statements() -> list[str]:
    """The CREATE TABLE statements of a new store; each may run again."""
    return [create_table(name, columns) for name, columns in TABLES]


def schema_statements() -> list[str]:
    """Every statement that makes a new store's schema; each may run again."""
    return [*table_statements(), *INDEXES]


def missing_columns(present: set[tuple[str, str]]) -> list[str]:
    """ALTER statements for the (table, column) pairs a store made by an older tmtool lacks."""
    return [add_column(name, c, t) for name, cols in TABLES for c, t in cols if (name, c) not in present]


def rebuilt_postings(name: str, fill: str) -> list[str]:
    """Statements that put in place of a posting table a new one filled by `fill` (a SELECT of term,
    len, seq), its index built once over all rows (much faster and a third smaller than one kept up
    row by row). The old table goes only at the end: readers see it, and wait at most for the commit."""
    new = f"{name}_new"
    return [f"DROP TABLE IF EXISTS {new}", create_table(new, POSTING_COLUMNS),
            f"INSERT INTO {new} (term, len, seq) {fill}",
            f"CREATE INDEX {new}_key ON {new} {POSTING_KEY}",
            f"DROP TABLE IF EXISTS {name}",
            f"ALTER TABLE {new} RENAME TO {name}",
            f"ALTER INDEX {new}_key RENAME TO {name}_key"]
