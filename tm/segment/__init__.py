"""Sentence segmentation: candidate splits, then join/split rules of the language (its profile's `segment`)."""
from __future__ import annotations

from tm.lang import profile


def segment_text(text: str, lang: str = "ru") -> list[str]:
    """Split one paragraph into sentences by the rules of its language."""
    return profile(lang).segment(text)
