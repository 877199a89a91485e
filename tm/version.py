"""The tool's name and version (from the package metadata, in one place) and the provenance signature."""
from __future__ import annotations

from functools import cache

TOOL_NAME = "tmtool"
CLEAN_VERSION = "2"
SEGMENT_VERSION = "2"


@cache
def tool_version() -> str:
    """The version pip installed, read on first use (importlib.metadata takes tens of milliseconds to
    import); a source checkout that was never installed reports 0+unknown."""
    from importlib import metadata

    try:
        return metadata.version(TOOL_NAME)
    except metadata.PackageNotFoundError:
        return "0+unknown"


def __getattr__(name: str) -> str:
    """TOOL_VERSION, read when a module first asks for it, not when this one is imported."""
    if name == "TOOL_VERSION":
        return tool_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def make_signature(src_lang: str, tgt_lang: str = "", aligner: str = "") -> str:
    """A compact record of the tool version and the settings that produced the data."""
    parts = [f"tmtool:{tool_version()}", f"clean:{CLEAN_VERSION}", f"seg:{src_lang}-rules.{SEGMENT_VERSION}"]
    if tgt_lang:
        parts.append(f"tgt:{tgt_lang}")
    if aligner:
        parts.append(f"align:{aligner}")
    return "|".join(parts)
