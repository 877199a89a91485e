"""Sentence segmentation: razdel for Russian, plus rules for UN text."""
from __future__ import annotations

from razdel import sentenize


def segment_text(text: str, lang: str = "ru") -> list[str]:
    """Split one paragraph into sentences."""
    return [s.text for s in sentenize(text)]
