"""The build pipeline: read, clean, segment and store one document."""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tm.clean import Cleaned, clean_document
from tm.errors import InputError
from tm.model import HEADING, SENTENCE, Block, Unit
from tm.segment.russian import segment_text
from tm.version import make_signature
from tm.store.sqlite import DocumentInfo, TranslationMemory
from tm.textio import read_bytes, decode_text

EXAMPLE_NAME = "A_58_98.ru.txt"


def example_path() -> Path:
    """The bundled Russian text of UN report A/58/98."""
    return Path(__file__).parent / "data" / EXAMPLE_NAME


@dataclass(frozen=True, slots=True)
class BuildResult:
    info: DocumentInfo
    units: list[Unit]


def unit_id(doc: str, position: int) -> str:
    return f"{doc}:{position:05d}"


Segmenter = Callable[[str], list[str]]


def cached_segmenter(src_lang: str) -> Segmenter:
    """segment_text for one document: a paragraph repeated in it is segmented once."""
    seen: dict[str, list[str]] = {}

    def segment(text: str) -> list[str]:
        sentences = seen.get(text)
        if sentences is None:
            sentences = seen[text] = segment_text(text, src_lang)
        return sentences

    return segment


def block_units(
    doc: str, block: Block, index: int, start: int, src_lang: str, tgt_lang: str,
    segment: Segmenter | None = None,
) -> list[Unit]:
    """The units of one block: a heading is one unit, a paragraph one unit per sentence."""
    if block.kind == HEADING:
        texts = [block.text]
    elif segment is not None:
        texts = segment(block.text)
    else:
        texts = segment_text(block.text, src_lang)
    kind = HEADING if block.kind == HEADING else SENTENCE
    return [
        Unit(id=unit_id(doc, start + i), doc=doc, source=t, src_lang=src_lang, tgt_lang=tgt_lang,
             para=block.number, kind=kind, position=start + i, block=index)
        for i, t in enumerate(texts)
    ]


def document_units(doc: str, cleaned: Cleaned, src_lang: str, tgt_lang: str = "en") -> list[Unit]:
    units: list[Unit] = []
    segment = cached_segmenter(src_lang)
    for index, block in enumerate(cleaned.blocks):
        units.extend(block_units(doc, block, index, len(units), src_lang, tgt_lang, segment))
    return units


def summarise(cleaned: Cleaned, units: list[Unit]) -> dict[str, int]:
    summary = {
        "paragraphs": sum(1 for b in cleaned.blocks if b.kind != HEADING),
        "headings": sum(1 for b in cleaned.blocks if b.kind == HEADING),
        "sentences": sum(1 for u in units if u.kind == SENTENCE),
        "units": len(units),
        "repairs": sum(cleaned.repairs.values()),
    }
    summary.update({f"repair:{name}": n for name, n in sorted(cleaned.repairs.items())})
    return summary


def build_memory(
    path: str | Path, src_lang: str = "ru", tgt_lang: str = "en", doc: str | None = None
) -> BuildResult:
    """Read and process one source document into units; touches no store."""
    data = read_bytes(path)
    text = decode_text(data, path)
    if not text.strip():
        raise InputError(path, "contains no text (empty or whitespace only)")
    name = doc or Path(str(path)).name
    cleaned = clean_document(text, src_lang)
    units = document_units(name, cleaned, src_lang, tgt_lang)
    if not units:
        raise InputError(path, "no segments left after cleaning")
    info = DocumentInfo(
        name=name, src_lang=src_lang, tgt_lang=tgt_lang, checksum=hashlib.sha256(data).hexdigest(),
        signature=make_signature(src_lang), summary=summarise(cleaned, units),
    )
    return BuildResult(info, units)


def store_build(result: BuildResult, store: TranslationMemory) -> int:
    """Replace the document's units in the store with the new build, in one transaction."""
    return store.replace_document(result.info, result.units)
