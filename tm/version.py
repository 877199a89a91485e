"""The tool's name and version (from the package metadata, in one place) and the provenance signature."""
from __future__ import annotations

from importlib import metadata

TOOL_NAME = "tmtool"
CLEAN_VERSION = "2"
SEGMENT_VERSION = "2"


def installed_version() -> str:
    """The version pip installed; a source checkout that was never installed reports 0+unknown."""
    try:
        return metadata.version(TOOL_NAME)
    except metadata.PackageNotFoundError:
        return "0+unknown"


TOOL_VERSION = installed_version()


def make_signature(src_lang: str, tgt_lang: str = "", aligner: str = "") -> str:
    """A compact record of the tool version and the settings that produced the data."""
    parts = [f"tmtool:{TOOL_VERSION}", f"clean:{CLEAN_VERSION}", f"seg:{src_lang}-rules.{SEGMENT_VERSION}"]
    if tgt_lang:
        parts.append(f"tgt:{tgt_lang}")
    if aligner:
        parts.append(f"align:{aligner}")
    return "|".join(parts)
