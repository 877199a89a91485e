"""Compiling a stored document's termbase, and exporting the stored termbase through the registry."""
from __future__ import annotations

from pathlib import Path

from exports import get_format
from glossary.model import TermEntry
from glossary.reference import Reference
from glossary.termbase import compile_termbase
from glossary.termstore import load_terms, save_terms, write_terms
from tm.pipeline import BuildResult
from tm.app import store_context
from tm.store.sqlite import TranslationMemory
from tm.textio import open_output

# Files `tmtool build --out-dir` writes, by termbase format.
DEFAULT_TERM_FILES = (("tbx", "terms.tbx"), ("csv", "terms.csv"), ("omegat", "terms.txt"),
                      ("tmx", "terms.tmx"), ("po", "terms.po"))


def store_with_termbase(store: TranslationMemory, result: BuildResult, reference: Reference | None = None
                        ) -> list[TermEntry]:
    """Store a built document and its compiled termbase in one transaction: both or neither."""
    entries = compile_termbase(result.units, reference)
    with store.transaction() as conn:
        store.write_document(conn, result.info, result.units)
        write_terms(store, conn, result.info.name, entries)
    return entries


def build_termbase(store: TranslationMemory, doc: str, reference: Reference | None = None) -> list[TermEntry]:
    """Compile the termbase of a stored document and store it in place of the old one."""
    entries = compile_termbase(list(store.units(doc=doc)), reference)
    save_terms(store, doc, entries)
    return entries


def export_terms(store: TranslationMemory, format_name: str, output: str | Path, *, bom: bool = False) -> int:
    """Write the stored termbase in one format to a file (atomically) or '-'; returns the entry count."""
    fmt = get_format("termbase", format_name)
    ctx = store_context(store, bom=bom)
    entries = load_terms(store)
    with open_output(output) as stream:
        fmt.dump(entries, stream, ctx)
    return len(entries)


def write_term_files(store: TranslationMemory, out_dir: Path) -> list[Path]:
    """The default termbase exports in a directory; returns the files written."""
    written = []
    for name, filename in DEFAULT_TERM_FILES:
        export_terms(store, name, out_dir / filename)
        written.append(out_dir / filename)
    return written
