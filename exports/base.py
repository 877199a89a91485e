"""What every export format shares: the Format record and the export context."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, BinaryIO, Literal

TOOL_NAME = "tmtool"
TOOL_VERSION = "0.1.0"


@dataclass(frozen=True, slots=True)
class ExportContext:
    """Everything a writer may put in a file besides the data: time, version, settings."""

    created: datetime
    signature: str
    src_lang: str = "ru"
    tgt_lang: str = "en"
    tool_version: str = TOOL_VERSION
    bom: bool = False
    excel_safe: bool = False

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


@dataclass(frozen=True, slots=True)
class Format:
    """One file format: its name on the command line, extensions and writer."""

    name: str
    extensions: tuple[str, ...]
    kind: Literal["tm", "termbase"]
    dump: Dump
    description: str = ""
