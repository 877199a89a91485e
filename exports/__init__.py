"""The one registry of file formats: every reader and writer plugs in here and nowhere else.

Adding a format: a module exposing a Format, one Entry in the tuple below (its name, extensions and
sniff, and where the Format is, so that --help and --format need not import lxml, polib or openpyxl).
The contract tests (tests/contract/) then cover it without being told, and check the entry against
the Format.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exports.entry import Entry
from tm.errors import InputError

if TYPE_CHECKING:
    from exports.base import ExportContext, Format, export_time

ENTRIES: tuple[Entry, ...] = (
    # translation memory
    Entry("tm", "tmx", (".tmx",), "exports.tmx:FORMAT", sniff=rb"<tmx[\s>]", reads=True),
    Entry("tm", "po", (".po", ".pot"), "exports.po:FORMAT", sniff=rb"(?m)^msgid\s", reads=True),
    Entry("tm", "csv", (".csv",), "exports.delimited:FORMAT", reads=True),
    Entry("tm", "txt", (".txt",), "exports.txt:FORMAT"),
    Entry("tm", "xliff", (".xlf", ".xliff"), "exports.xliff:FORMAT",
          sniff=rb"(?s)\A(?!.*urn:oasis:names:tc:xliff:document:2\.).*?<(?:\w+:)?xliff[\s>]", reads=True),
    Entry("tm", "srx", (".srx",), "exports.srx:FORMAT"),  # the segmentation rules of the memory's languages
    Entry("tm", "xlsx", (".xlsx",), "exports.xlsx:TM"),
    # read only, through translate-toolkit
    Entry("tm", "xliff2", (".xlf", ".xliff"), "exports.ttk:XLIFF2",
          sniff=rb"urn:oasis:names:tc:xliff:document:2\.\d", reads=True, writes=False),
    Entry("tm", "ts", (".ts",), "exports.ttk:TS", sniff=rb"<TS[\s>]", reads=True, writes=False),
    Entry("tm", "mo", (".mo", ".gmo"), "exports.ttk:MO",
          sniff=rb"\A(?:\xde\x12\x04\x95|\x95\x04\x12\xde)", reads=True, writes=False),
    Entry("tm", "tbx", (".tbx",), "exports.ttk:TBX", sniff=rb"<martif[\s>]", reads=True, writes=False),
    # termbase
    Entry("termbase", "xlsx", (".xlsx",), "exports.xlsx:TERMBASE"),
    Entry("termbase", "tbx3", (".tbx",), "exports.tbx:TBX3_FORMAT"),  # TBX v3 beside the 2008 form
    Entry("termbase", "csv", (".csv",), "exports.termbase_tables:CSV"),
    Entry("termbase", "tbx", (".tbx",), "exports.tbx:FORMAT"),
    Entry("termbase", "tmx", (".tmx",), "exports.termbase_units:TMX"),
    Entry("termbase", "po", (".po", ".pot"), "exports.termbase_units:PO"),
    Entry("termbase", "omegat", (".txt", ".utf8", ".tab"), "exports.termbase_tables:OMEGAT"),
)
REGISTRY: dict[tuple[str, str], Entry] = {(e.kind, e.name): e for e in ENTRIES}
SNIFF_BYTES = 8192


class LazyFormats(Mapping[tuple[str, str], "Format"]):
    """(kind, name) -> Format, each format's module imported when it is first looked up."""

    def __getitem__(self, key: tuple[str, str]) -> Format:
        return resolved(REGISTRY[key])

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(REGISTRY)

    def __len__(self) -> int:
        return len(REGISTRY)


@cache
def resolved(entry: Entry) -> Format:
    return entry.resolve()


FORMATS: Mapping[tuple[str, str], Format] = LazyFormats()


def format_names(kind: str) -> list[str]:
    """The names of the formats of one kind ('tm' or 'termbase') that tmtool writes, for --format choices."""
    return sorted(name for (k, name), e in REGISTRY.items() if k == kind and e.writes)


def get_format(kind: str, name: str) -> Format:
    return FORMATS[(kind, name)]


def format_for_path(kind: str, path: str | Path, reading: bool = False) -> Format | None:
    """The format (one tmtool writes, or with reading one it reads) whose extension the path ends with."""
    suffix = Path(path).suffix.lower()
    for key, entry in sorted(REGISTRY.items()):
        if entry.kind == kind and suffix in entry.extensions and (entry.reads if reading else entry.writes):
            return FORMATS[key]
    return None


def readable_formats() -> list[Format]:
    """The translation-memory formats that can be imported."""
    return [FORMATS[key] for key, e in sorted(REGISTRY.items()) if e.kind == "tm" and e.reads]


@cache
def sniffer(pattern: bytes) -> re.Pattern[bytes]:
    return re.compile(pattern)


def detect_format(path: Path) -> Format:
    """The reader for a file: from its first bytes (XML root, 'msgid'), else from its extension."""
    with path.open("rb") as stream:
        head = stream.read(SNIFF_BYTES)
    if not head.strip():
        raise InputError(path, "empty file, nothing to import")
    readers = [(key, e) for key, e in sorted(REGISTRY.items()) if e.kind == "tm" and e.reads]
    for key, entry in readers:
        if entry.sniff is not None and sniffer(entry.sniff).search(head):
            return FORMATS[key]
    by_extension = format_for_path("tm", path, reading=True)
    if by_extension is None or by_extension.load is None:
        names = ", ".join(e.name.upper() for _, e in readers)
        raise InputError(path, "unknown file format", hint=f"import reads {names}")
    return by_extension


def __getattr__(name: str) -> Any:
    """ExportContext, Format and export_time, from exports.base when first asked for (not by --help)."""
    if name in ("ExportContext", "Format", "export_time"):
        from exports import base

        return getattr(base, name)
    raise AttributeError(f"module 'exports' has no attribute {name!r}")


__all__ = [
    "ENTRIES", "FORMATS", "REGISTRY", "Entry", "ExportContext", "Format", "detect_format", "export_time",
    "format_for_path", "format_names", "get_format", "readable_formats",
]
