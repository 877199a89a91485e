"""A format as the registry lists it (exports.ENTRIES): what --help, --format and sniffing need.

A named tuple, not a dataclass, and apart from exports.base: `tmtool --help` reads the registry
without importing dataclasses (with inspect, ~10 ms), the export context or any format's module.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from exports.base import Format


class Entry(NamedTuple):
    """A format as the registry lists it, without importing the writer's module (lxml, polib,
    openpyxl) until the format is used. tests/contract checks each entry against the Format it names."""

    kind: Literal["tm", "termbase"]
    name: str
    extensions: tuple[str, ...]
    where: str  # "module:attribute" of the Format
    sniff: bytes | None = None  # the pattern of the Format's sniff
    reads: bool = False  # the Format has a load
    writes: bool = True  # the Format has a dump (translate-toolkit's formats are read only)

    def resolve(self) -> Format:
        """The Format itself: its module is imported now."""
        module, attribute = self.where.split(":")
        fmt: Format = getattr(importlib.import_module(module), attribute)
        return fmt
