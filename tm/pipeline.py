"""The build pipeline as pure functions over text: clean -> segment -> (align) -> units. No I/O."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass

from tm.align.documents import (
    ALIGNER,
    Aligned,
    Document,
    align_documents,
    alignment_summary,
    bilingual_units,
    make_document,
)
from tm.clean import Cleaned, clean_document
from tm.errors import InputError
from tm.lang import profile
from tm.model import HEADING, NOTE, SENTENCE, Block, BuildResult, DocumentInfo, Unit, unit_id
from tm.segment import segment_text
from tm.version import make_signature

Segmenter = Callable[[str], list[str]]


def cached_segmenter(src_lang: str, repeated: Collection[str] | None = None) -> Segmenter:
    """segment_text for one document: a paragraph repeated in it is segmented once; given the texts that
    are repeated, only those are kept (the sentences of the others are let go with their units)."""
    seen: dict[str, list[str]] = {}

    def segment(text: str) -> list[str]:
        if repeated is not None and text not in repeated:
            return segment_text(text, src_lang)
        sentences = seen.get(text)
        if sentences is None:
            sentences = seen[text] = segment_text(text, src_lang)
        return sentences

    return segment


def block_units(
    doc: str, block: Block, index: int, start: int, src_lang: str, tgt_lang: str,
    segment: Segmenter | None = None,
) -> list[Unit]:
    """The units of one block: a heading is one unit, a paragraph or note one unit per sentence."""
    if block.kind == HEADING:
        texts = [block.text]
    elif segment is not None:
        texts = segment(block.text)
    else:
        texts = segment_text(block.text, src_lang)
    kind = block.kind if block.kind in (HEADING, NOTE) else SENTENCE  # a footnote body: units of kind NOTE
    return [
        Unit(id=unit_id(doc, start + i), doc=doc, source=t, src_lang=src_lang, tgt_lang=tgt_lang,
             para=block.number, kind=kind, position=start + i, block=index)
        for i, t in enumerate(texts)
    ]


def document_units(doc: str, cleaned: Cleaned, src_lang: str, tgt_lang: str = "en") -> list[Unit]:
    units: list[Unit] = []
    texts = Counter(block.text for block in cleaned.blocks if block.kind != HEADING)
    segment = cached_segmenter(src_lang, {text for text, count in texts.items() if count > 1})
    del texts
    for index, block in enumerate(cleaned.blocks):
        units.extend(block_units(doc, block, index, len(units), src_lang, tgt_lang, segment))
    return units


def summarise(cleaned: Cleaned, units: list[Unit]) -> dict[str, int]:
    summary = {
        "paragraphs": sum(1 for b in cleaned.blocks if b.kind not in (HEADING, NOTE)),
        "headings": sum(1 for b in cleaned.blocks if b.kind == HEADING),
        "sentences": sum(1 for u in units if u.kind == SENTENCE),
        "units": len(units),
        "repairs": sum(cleaned.repairs.values()),
    }
    summary.update({f"repair:{name}": n for name, n in sorted(cleaned.repairs.items())})
    return summary


def check_text(text: str, where: str) -> None:
    if not text.strip():
        raise InputError(where, "contains no text (empty or whitespace only)")


def build_document(text: str, name: str, checksum: str, src_lang: str = "ru", tgt_lang: str = "en",
                   where: str = "") -> BuildResult:
    """Clean and segment one document's text into units; `where` names it in errors."""
    where = where or name
    return build_cleaned(clean_text(text, where, src_lang), name, checksum, src_lang, tgt_lang, where)


def clean_text(text: str, where: str, src_lang: str = "ru") -> Cleaned:
    """The cleaned blocks of one document's text; `where` names it in errors (no text, no such language)."""
    profile(src_lang)  # an unknown language is refused before any work; tgt_lang only labels the units
    check_text(text, where)
    return clean_document(text, src_lang)


def build_cleaned(cleaned: Cleaned, name: str, checksum: str, src_lang: str = "ru", tgt_lang: str = "en",
                  where: str = "") -> BuildResult:
    """Segment one already cleaned document (a PDF's blocks, say) into units."""
    profile(src_lang)
    where = where or name
    units = document_units(name, cleaned, src_lang, tgt_lang)
    if not units:
        raise InputError(where, "no segments left after cleaning")
    info = DocumentInfo(name=name, src_lang=src_lang, tgt_lang=tgt_lang, checksum=checksum,
                        signature=make_signature(src_lang), summary=summarise(cleaned, units), symbol=cleaned.symbol)
    return BuildResult(info, units)


def cleaned_side(content: str | Cleaned, lang: str, where: str) -> Cleaned:
    """A side of a pair as cleaned blocks: text is cleaned here, a ready Cleaned is taken as it is."""
    if isinstance(content, Cleaned):
        return content
    check_text(content, where)
    return clean_document(content, lang)


@dataclass(frozen=True, slots=True)
class PairAlignment:
    """A document and its translation, cleaned, segmented and aligned."""

    src: Document
    tgt: Document
    aligned: list[Aligned]
    src_cleaned: Cleaned


def align_pair(src_text: str | Cleaned, tgt_text: str | Cleaned, src_lang: str, tgt_lang: str,
               where: tuple[str, str]) -> PairAlignment:
    """Clean (unless given cleaned), segment and align both sides; `where` names them in errors."""
    profile(src_lang)  # an unknown language is refused before any work
    profile(tgt_lang)
    docs = []
    for content, lang, name in ((src_text, src_lang, where[0]), (tgt_text, tgt_lang, where[1])):
        cleaned = cleaned_side(content, lang, name)
        doc = make_document(cleaned, lang)
        if not doc.sentences:
            raise InputError(name, "no segments left after cleaning")
        docs.append((doc, cleaned))
    (src, s_clean), (tgt, _) = docs
    return PairAlignment(src, tgt, align_documents(src, tgt), s_clean)


def build_pair(src_text: str | Cleaned, tgt_text: str | Cleaned, name: str, checksum: str, src_lang: str = "ru",
               tgt_lang: str = "en", where: tuple[str, str] = ("", "")) -> BuildResult:
    """Clean (unless given cleaned), segment and align a document with its translation into scored ru→en units."""
    pair = align_pair(src_text, tgt_text, src_lang, tgt_lang, (where[0] or name, where[1] or name))
    src, aligned, s_clean = pair.src, pair.aligned, pair.src_cleaned
    units = bilingual_units(name, src, aligned, tgt_lang)
    summary = summarise(s_clean, units) | alignment_summary(aligned)
    summary["sentences"] = len(src.sentences)
    info = DocumentInfo(name=name, src_lang=src_lang, tgt_lang=tgt_lang, checksum=checksum,
                        signature=make_signature(src_lang, tgt_lang, ALIGNER), summary=summary, symbol=s_clean.symbol)
    return BuildResult(info, units)
