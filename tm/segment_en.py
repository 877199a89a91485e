"""English sentence segmentation for the target side of UN documents."""
from __future__ import annotations

from razdel import sentenize


def segment_english(text: str) -> list[str]:
    """Split one English paragraph into sentences (first cut: razdel's rules)."""
    return [s.text for s in sentenize(text)]
