"""The registered formats as test parameters, and what an independent reader checks each with.

Shared by tests/contract/ and the older suites that used to list formats by hand
(tests/test_hostile_exports.py, tests/test_roundtrip_props.py).
"""
from __future__ import annotations

from exports import FORMATS

# The SRX export writes segmentation rules, not units (tests/test_srx.py covers it).
RULE_FORMATS = {("tm", "srx")}
# The formats tmtool writes; those it only reads (exports.ttk) have their own tests (tests/test_ttk_import.py).
ALL = sorted(key for key in FORMATS if key not in RULE_FORMATS and FORMATS[key].dump is not None)
READ_ONLY = sorted(key for key in FORMATS if FORMATS[key].dump is None)
IDS = [f"{kind}-{name}" for kind, name in ALL]
READABLE = [key for key in ALL if FORMATS[key].load is not None]
READABLE_IDS = [f"{kind}-{name}" for kind, name in READABLE]
TM_NAMES = [name for kind, name in ALL if kind == "tm"]  # the formats that write units
READABLE_TM_NAMES = [name for kind, name in READABLE if kind == "tm"]

# What an independent parser checks a file with, from its extensions (the first match wins; else "text").
SYNTAX_BY_EXTENSION = {".tmx": "xml", ".xlf": "xml", ".xliff": "xml", ".tbx": "xml", ".po": "po", ".csv": "csv",
                       ".tab": "tsv", ".xlsx": "xlsx"}
# Syntaxes whose files are binary (a zip): no text encoding, line ends or final newline to check.
BINARY_SYNTAXES = {"xlsx"}

# Writers that put only the source text in the file (the txt export is the document to translate).
SOURCE_ONLY = {("tm", "txt")}


def syntax(key: tuple[str, str]) -> str:
    """'xml', 'po', 'csv', 'tsv' or 'text': how the format's files are parsed independently of our readers."""
    return next((SYNTAX_BY_EXTENSION[e] for e in FORMATS[key].extensions if e in SYNTAX_BY_EXTENSION), "text")


def extension(kind: str, name: str) -> str:
    """The format's main file extension: '.tmx', '.xlf', ..."""
    return FORMATS[(kind, name)].extensions[0]
