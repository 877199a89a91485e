"""Repair PDF-extracted text into blocks (headings and paragraphs), counting every repair.

The stages, in order, each in its own module of this package: character normalisation
(repairs.normalise_text), page furniture and page-break repeats (pages.content_lines), headings
and numbered paragraphs (structure.read_structure), then per block line joining with
dictionary-checked hyphenation (hyphenation.join_lines) and the repairs of lost characters in the joined text
(repairs.repair_text). Footnote bodies are taken off the page foot with the furniture and become
blocks of kind NOTE; footnote marks are taken out of the text before the blocks are joined, only
where the document shows they are marks (tm.clean.notes). `Cleaned.repairs` counts each repair by name.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from tm.clean.hyphenation import document_vocabulary, join_lines
from tm.clean.joins import restore_at_joins
from tm.clean.notes import remove_marks
from tm.clean.order import put_back_tails
from tm.clean.pages import PAGE_DEBRIS, content_lines
from tm.clean.repairs import FORM_FEED, normalise_text, repair_text
from tm.clean.structure import RawBlock, read_structure
from tm.clean.symbol import document_symbol, slash_lines
from tm.lang import profile
from tm.model import HEADING, NOTE, Block


@dataclass(slots=True)
class Cleaned:
    """A cleaned document: its blocks in order and how many repairs of each kind were made."""

    blocks: list[Block]
    repairs: Counter[str] = field(default_factory=Counter)
    symbol: str = ""  # the document symbol of a UN report ("A/69/907"), "" when none (tm.clean.symbol)


def finish_block(raw: RawBlock, lang: str, repairs: Counter[str],
                 vocabulary: frozenset[str] = frozenset()) -> Block | None:
    """Join and repair the lines of one block; None when nothing is left."""
    text = repair_text(join_lines(raw.lines, lang, repairs, vocabulary), repairs)
    if not text:
        return None
    if raw.kind == HEADING:
        text = text.rstrip(" .")
    return Block(raw.kind, text, raw.number)


@dataclass(slots=True)
class BlockFinisher:
    """finish_block for one document: a block whose lines the document repeats is joined and repaired
    once; its text is reused and its repairs are counted again."""

    lang: str
    repairs: Counter[str]
    vocabulary: frozenset[str] = frozenset()  # the document's words (hyphenation.document_vocabulary)
    repeated: frozenset[int] = frozenset()  # hashes of the (kind, lines) of more than one block (repeated_keys)
    seen: dict[tuple[str, tuple[str, ...]], tuple[str | None, Counter[str]]] = field(default_factory=dict)

    def __call__(self, raw: RawBlock) -> Block | None:
        key = (raw.kind, tuple(raw.lines))
        if hash(key) not in self.repeated:  # a block met once is not kept: its lines are let go
            return finish_block(raw, self.lang, self.repairs, self.vocabulary)
        earlier = self.seen.get(key)
        if earlier is None:
            made: Counter[str] = Counter()
            block = finish_block(raw, self.lang, made, self.vocabulary)
            self.seen[key] = (None if block is None else block.text, made)
            self.repairs.update(made)
            return block
        text, made = earlier
        self.repairs.update(made)
        return None if text is None else Block(raw.kind, text, raw.number)


def repeated_keys(raws: list[RawBlock]) -> frozenset[int]:
    """The hashes of the (kind, lines) that more than one of the blocks have (a hash shared by chance
    only makes BlockFinisher keep a block it need not)."""
    counts = Counter(hash((raw.kind, tuple(raw.lines))) for raw in raws)
    return frozenset(key for key, count in counts.items() if count > 1)


def finish_blocks(raws: list[RawBlock], finish: BlockFinisher) -> list[Block]:
    """The finished blocks, in order; raws is emptied on the way, so that the lines of a block are let
    go once its text is made (not the whole document twice, as lines and as blocks)."""
    raws.reverse()
    blocks: list[Block] = []
    while raws:
        block = finish(raws.pop())
        if block is not None:
            blocks.append(block)
    return blocks


def clean_document(text: str, lang: str = "ru") -> Cleaned:
    """Blocks of the document with every repair applied and counted; UnknownLanguage without a profile."""
    repairs: Counter[str] = Counter()
    lang = profile(lang).code
    lines = put_back_tails(content_lines(normalise_text(text, repairs), repairs), repairs)
    if repairs[FORM_FEED] or repairs[PAGE_DEBRIS]:  # a PDF extraction: the hyphens it dropped are put back
        texts = restore_at_joins([line.text for line in lines], lang, repairs)
        lines = [line if line.text is text else line._replace(text=text)
                 for line, text in zip(lines, texts, strict=True)]
        del texts
    raws = read_structure(lines, repairs)
    del lines  # each stage lets go of what the next one holds
    raws = without_marks(raws, repairs)
    # only a language without a dictionary decides line-end hyphens by the document's words (tm.clean.hyphenation)
    vocabulary = frozenset() if profile(lang).dictionary else document_vocabulary(
        line for raw in raws for line in raw.lines)
    blocks = finish_blocks(raws, BlockFinisher(lang, repairs, vocabulary, repeated_keys(raws)))
    return Cleaned(blocks, repairs, document_symbol(slash_lines(text)))


def without_marks(raws: list[RawBlock], repairs: Counter[str]) -> list[RawBlock]:
    """The blocks with the footnote marks of the running text taken out, where the evidence shows them
    (the document's footnote bodies, or its running numbering): tm.clean.notes.remove_marks. A note
    whose mark was found follows the block of its mark (so both language versions put it in the same
    place, whatever their page breaks); the others stay at their page foot."""
    bodies = frozenset(int(raw.number) for raw in raws if raw.kind == NOTE and raw.number.isdigit())
    texts: list[str] = []  # the lines of the blocks that are no notes, in order
    ends: list[int] = []  # the index in texts of each such block's last line
    owners: list[int] = []  # the index in raws of each such block
    for k, raw in enumerate(raws):
        if raw.kind != NOTE and raw.lines:
            texts.extend(raw.lines)
            ends.append(len(texts) - 1)
            owners.append(k)
    texts, marks = remove_marks(texts, bodies, repairs, frozenset(ends))
    if not marks:
        return raws
    out = list(raws)  # a block without a mark keeps its lines (the same strings in texts)
    for j in sorted({bisect_left(ends, mark.line) for mark in marks}):
        k, start = owners[j], ends[j - 1] + 1 if j else 0
        out[k] = RawBlock(raws[k].kind, raws[k].number, texts[start:ends[j] + 1])
    return after_their_marks(out, {mark.number: owners[bisect_left(ends, mark.line)] for mark in marks})


def after_their_marks(raws: list[RawBlock], mark_block: dict[int, int]) -> list[RawBlock]:
    """The blocks with each note whose mark is in block k moved to just after block k."""
    def placed(raw: RawBlock) -> bool:
        return raw.kind == NOTE and raw.number.isdigit() and int(raw.number) in mark_block

    following: dict[int, list[RawBlock]] = {}
    for raw in raws:
        if placed(raw):
            following.setdefault(mark_block[int(raw.number)], []).append(raw)
    out: list[RawBlock] = []
    for k, raw in enumerate(raws):
        if not placed(raw):
            out.append(raw)
        out.extend(following.get(k, []))
    return out
