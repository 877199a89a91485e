"""The provenance signature written into every store and export."""
from __future__ import annotations

from exports.base import TOOL_VERSION

CLEAN_VERSION = "2"
SEGMENT_VERSION = "2"


def make_signature(src_lang: str, tgt_lang: str = "", aligner: str = "") -> str:
    """A compact record of the tool version and the settings that produced the data."""
    parts = [f"tmtool:{TOOL_VERSION}", f"clean:{CLEAN_VERSION}", f"seg:{src_lang}-rules.{SEGMENT_VERSION}"]
    if tgt_lang:
        parts.append(f"tgt:{tgt_lang}")
    if aligner:
        parts.append(f"align:{aligner}")
    return "|".join(parts)
