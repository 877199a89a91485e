"""The one registry of export formats: every writer plugs in here and nowhere else."""
from __future__ import annotations

from pathlib import Path

from exports import delimited, po, tmx, txt, xliff
from exports import tbx, termbase_tables, termbase_units
from exports.base import ExportContext, Format, export_time

FORMATS: dict[tuple[str, str], Format] = {
    (f.kind, f.name): f
    for f in (tmx.FORMAT, po.FORMAT, delimited.FORMAT, txt.FORMAT, xliff.FORMAT)
    + (termbase_tables.CSV, tbx.FORMAT, termbase_units.TMX, termbase_units.PO, termbase_tables.OMEGAT)
}


def format_names(kind: str) -> list[str]:
    """The names of the formats of one kind ('tm' or 'termbase'), for --format choices."""
    return sorted(name for k, name in FORMATS if k == kind)


def get_format(kind: str, name: str) -> Format:
    return FORMATS[(kind, name)]


def format_for_path(kind: str, path: str | Path) -> Format | None:
    """The format whose extension the path ends with, if any."""
    suffix = Path(path).suffix.lower()
    for (k, _), fmt in sorted(FORMATS.items()):
        if k == kind and suffix in fmt.extensions:
            return fmt
    return None


__all__ = ["FORMATS", "ExportContext", "Format", "export_time", "format_for_path", "format_names", "get_format"]
