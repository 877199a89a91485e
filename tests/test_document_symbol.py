"""The document symbol of a UN report: read from masthead and running heads, stored, exported, migrated."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tm.app import example_path, store_context, store_stats
from tm.clean import clean_document
from tm.clean.symbol import document_symbol, slash_lines
from tm.model import DocumentInfo
from tm.pipeline import build_document
from tm.store import open_store
from tm.store.sqlite_schema import SCHEMA_VERSION

UNPDF = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "unpdf-dev"

# (id, lines, symbol): lines as pdftotext gives them (default and -layout), copied from the dev reports.
CASES = [
    ("running heads of the default text", ["A/69/907", "", "2/14", "15-12670 (R)", "A/69/907"], "A/69/907"),
    ("masthead column of -layout", ["United Nations                                   ICCD/CRIC.13./4",
                                    "ICCD/CRIC.13./4"], "ICCD/CRIC.13./4"),
    ("the most repeated one: a resolution cited once on a line of its own",
     ["S/RES/2206 (2015)", "S/2015/157", "S/2015/157", "S/RES/2206"], "S/2015/157"),
    ("a job number, a page number and N/A are no symbols", ["15-12670 (R)", "7", "N/A"], ""),
    ("no symbol in running text", ["See resolution A/69/907 of the General Assembly."], ""),
]


@pytest.mark.parametrize(("lines", "symbol"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_document_symbol(lines: list[str], symbol: str) -> None:
    assert document_symbol(lines) == symbol


SLASH_TEXTS = [
    "A/69/907\n\n2/14\n15-12670 (R)\nA/69/907",
    "no slash at all\nanother line",
    "/\n//\n\n a/b /c \n",
    "first/ line\r\nsecond\r\nlast/",
    "",
]


@pytest.mark.parametrize("text", SLASH_TEXTS)
def test_slash_lines_are_the_lines_with_a_slash(text: str) -> None:
    assert list(slash_lines(text)) == [line for line in text.split("\n") if "/" in line]


@pytest.mark.skipif(not UNPDF.is_dir(), reason="needs ../shared/data/unpdf-dev")
@pytest.mark.parametrize("suffix", ["ru.txt", "en.layout.txt"])
def test_symbol_of_every_dev_report(suffix: str) -> None:
    """gold.jsonl gives each report's symbol (the typesetter's, not tmtool's)."""
    for line in (UNPDF / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        text = (UNPDF / f"{gold['report']}.{suffix}").read_text(encoding="utf-8")
        assert clean_document(text, suffix[:2]).symbol == gold["symbol"], gold["report"]


def test_symbol_stored_shown_and_exported(tmp_path: Path) -> None:
    """The bundled report's running heads are "A/58/98": the store keeps it, stats and exports show it."""
    result = build_document(example_path().read_text(encoding="utf-8"), "a58", "x")
    assert result.info.symbol == "A/58/98"
    with open_store(tmp_path / "tm.db") as store:
        with store.writer() as writer:
            writer.replace_document(result.info, result.units)
        assert [d.symbol for d in store.documents()] == ["A/58/98"]
        assert store_stats(store).symbols == {"a58": "A/58/98"}
        assert store_context(store).symbol == "A/58/98"


OLD_DOCUMENTS = """CREATE TABLE documents (name TEXT PRIMARY KEY, src_lang TEXT NOT NULL, tgt_lang TEXT NOT NULL,
    checksum TEXT NOT NULL, signature TEXT NOT NULL, summary TEXT NOT NULL DEFAULT '{}')"""


def schema_1_store(tmp_path: Path) -> Path:
    """A store as tmtool wrote it before the symbol column: schema 1, a document without symbol."""
    db = tmp_path / "old.db"
    with open_store(db):
        pass
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("DROP TABLE documents")
        conn.execute(OLD_DOCUMENTS)
        conn.execute("INSERT INTO documents VALUES ('old', 'ru', 'en', 'c', 'sig', '{}')")
        conn.execute("PRAGMA user_version = 1")
    conn.close()
    return db


def test_schema_1_store_read_only_has_no_symbol(tmp_path: Path) -> None:
    db = schema_1_store(tmp_path)
    with open_store(db, create=False, readonly=True) as store:
        assert store.documents() == [DocumentInfo("old", "ru", "en", "c", "sig", {}, "")]


def test_schema_1_store_gains_the_column_when_opened_for_writing(tmp_path: Path) -> None:
    db = schema_1_store(tmp_path)
    with open_store(db) as store:
        with store.writer() as writer:
            writer.put_document(DocumentInfo("new", "ru", "en", "c", "sig", {}, "A/69/907"))
        assert [(d.name, d.symbol) for d in store.documents()] == [("new", "A/69/907"), ("old", "")]
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION  # brought up to this tmtool's
    conn.close()
