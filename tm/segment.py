"""Sentence segmentation: razdel for Russian, plus rules for UN text; other languages dispatch."""
from __future__ import annotations

from razdel import sentenize


def segment_text(text: str, lang: str = "ru") -> list[str]:
    """Split one paragraph into sentences."""
    if lang.split("-")[0].lower() == "en":
        from tm.segment_en import segment_english

        return segment_english(text)
    return [s.text for s in sentenize(text)]
