"""The one registry of file formats: every reader and writer plugs in here and nowhere else.

Adding a format: a module exposing a Format, one entry in the tuple below. The contract tests
(tests/contract/) then cover it without being told.
"""
from __future__ import annotations

from pathlib import Path

from exports import delimited, po, srx, tbx, termbase_tables, termbase_units, tmx, ttk, txt, xliff, xlsx
from exports.base import ExportContext, Format, export_time
from tm.errors import InputError

FORMATS: dict[tuple[str, str], Format] = {
    (f.kind, f.name): f
    for f in (
        tmx.FORMAT, po.FORMAT, delimited.FORMAT, txt.FORMAT, xliff.FORMAT,  # translation memory
        srx.FORMAT,  # the segmentation rules of the memory's languages
        xlsx.TM, xlsx.TERMBASE,  # spreadsheets
        tbx.TBX3_FORMAT,  # TBX v3 beside the 2008 form
        termbase_tables.CSV, tbx.FORMAT, termbase_units.TMX, termbase_units.PO, termbase_tables.OMEGAT,  # termbase
        ttk.XLIFF2, ttk.TS, ttk.MO, ttk.TBX,  # read only, through translate-toolkit
    )
}
SNIFF_BYTES = 8192


def format_names(kind: str) -> list[str]:
    """The names of the formats of one kind ('tm' or 'termbase') that tmtool writes, for --format choices."""
    return sorted(name for (k, name), f in FORMATS.items() if k == kind and f.dump is not None)


def get_format(kind: str, name: str) -> Format:
    return FORMATS[(kind, name)]


def format_for_path(kind: str, path: str | Path, reading: bool = False) -> Format | None:
    """The format (one tmtool writes, or with reading one it reads) whose extension the path ends with."""
    suffix = Path(path).suffix.lower()
    for (k, _), fmt in sorted(FORMATS.items()):
        if k == kind and suffix in fmt.extensions and (fmt.load if reading else fmt.dump) is not None:
            return fmt
    return None


def readable_formats() -> list[Format]:
    """The translation-memory formats that can be imported."""
    return [f for (kind, _), f in sorted(FORMATS.items()) if kind == "tm" and f.load is not None]


def detect_format(path: Path) -> Format:
    """The reader for a file: from its first bytes (XML root, 'msgid'), else from its extension."""
    with path.open("rb") as stream:
        head = stream.read(SNIFF_BYTES)
    if not head.strip():
        raise InputError(path, "empty file, nothing to import")
    readers = readable_formats()
    for fmt in readers:
        if fmt.sniff is not None and fmt.sniff.search(head):
            return fmt
    by_extension = format_for_path("tm", path, reading=True)
    if by_extension is None or by_extension.load is None:
        names = ", ".join(f.name.upper() for f in readers)
        raise InputError(path, "unknown file format", hint=f"import reads {names}")
    return by_extension


__all__ = [
    "FORMATS", "ExportContext", "Format", "detect_format", "export_time", "format_for_path", "format_names",
    "get_format", "readable_formats",
]
