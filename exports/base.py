"""What every export format shares: the Format record and the export context."""
from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, BinaryIO, Literal

from tm.model import Unit
from tm.version import tool_version as installed_version


@dataclass(frozen=True, slots=True)
class ExportContext:
    """Everything a writer may put in a file besides the data: time, version, settings."""

    created: datetime
    signature: str
    src_lang: str = "ru"
    tgt_lang: str = "en"
    tool_version: str = field(default_factory=installed_version)  # read when a file is written, not at import
    bom: bool = False
    excel_safe: bool = False
    symbol: str = ""  # the documents' symbols ("A/69/907"; ";" between several), "" when none
    doc_signatures: tuple[tuple[str, str], ...] = ()  # (document, its signature) for a column that varies

    @property
    def tmx_date(self) -> str:
        return self.created.strftime("%Y%m%dT%H%M%SZ")

    @property
    def iso_date(self) -> str:
        return self.created.strftime("%Y-%m-%d %H:%M+0000")


def export_time() -> datetime:
    """Now, or SOURCE_DATE_EPOCH when set, so that builds can be reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.now(tz=timezone.utc).replace(microsecond=0)


Dump = Callable[[Iterable[Any], BinaryIO, ExportContext], None]


# A reader gets the open file and its name (for messages) and yields units or skips, in file order.
Load = Callable[[BinaryIO, str], Iterator[Any]]


@dataclass(frozen=True, slots=True)
class Format:
    """One file format: its name on the command line, extensions, writer and reader (either may be None)."""

    name: str
    extensions: tuple[str, ...]
    kind: Literal["tm", "termbase"]
    dump: Dump | None  # None: tmtool only reads the format (exports.ttk)
    load: Load | None = None
    sniff: re.Pattern[bytes] | None = None  # what the first bytes of such a file look like
    binary: bool = False  # not text (MO): the importer's refusal of binary files does not apply

    def write(self, items: Iterable[Any], stream: BinaryIO, ctx: ExportContext) -> None:
        """Write items with the format's writer; ValueError for a format tmtool only reads."""
        if self.dump is None:
            raise ValueError(f"tmtool reads {self.name} files but does not write them")
        self.dump(items, stream, ctx)


def same_tu(group: list[Unit], unit: Unit) -> bool:
    """A unit is another target language of the group's source: everything alike but target and language.

    Imported from one multilingual <tu> (one unit per target language), such units are stored side
    by side; they are written back as one <tu>. Built units (one target language) never group.
    """
    first = group[0]
    return (bool(unit.target) and bool(first.target) and all(u.tgt_lang != unit.tgt_lang for u in group)
            and (unit.doc, unit.source, unit.source_codes, unit.src_lang, unit.para, unit.kind, unit.score,
                 unit.flagged, unit.notes, unit.props)
            == (first.doc, first.source, first.source_codes, first.src_lang, first.para, first.kind, first.score,
                first.flagged, first.notes, first.props))


def tu_groups(units: Iterable[Unit]) -> Iterator[list[Unit]]:
    """Units in store order, consecutive targets of one source gathered (see same_tu)."""
    group: list[Unit] = []
    for unit in units:
        if group and not same_tu(group, unit):
            yield group
            group = []
        group.append(unit)
    if group:
        yield group


@functools.lru_cache(maxsize=256)
def normalize_lang(code: str) -> str:
    """A language tag in BCP-47 case: 'EN-us' -> 'en-US', 'ru_RU' -> 'ru-RU', 'zh-hant' -> 'zh-Hant'."""
    parts = code.strip().replace("_", "-").split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(part.upper() if len(part) == 2 else part.title() if len(part) == 4 else part.lower())
    return "-".join(p for p in out if p)
