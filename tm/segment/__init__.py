"""Sentence segmentation: candidate splits, then join/split rules of the language (its profile's `segmenter`)."""
from __future__ import annotations

from collections.abc import Callable

from tm.lang import profile
from tm.segment.english import segment_english
from tm.segment.russian import segment_russian

Segmenter = Callable[[str], list[str]]
# The segmenters a language profile can name.
SEGMENTERS: dict[str, Segmenter] = {"russian": segment_russian, "english": segment_english}


def segment_text(text: str, lang: str = "ru") -> list[str]:
    """Split one paragraph into sentences by the rules of its language."""
    return SEGMENTERS[profile(lang).segmenter](text)
