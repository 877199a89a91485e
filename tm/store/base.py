"""The store interface every backend implements: reads on Store, all-or-nothing writes on Writer."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the protocols name them in annotations only: a backend imports what it builds
    from collections.abc import Iterable, Iterator, Sequence
    from contextlib import AbstractContextManager
    from types import TracebackType

    from tm.model import DocumentInfo, Unit

# Units in a backend's row form, made ahead by Writer.prepare (possibly in another thread).
PreparedUnits = list[tuple[object, ...]]


# Not frozen: a search makes hundreds, and a frozen dataclass's __init__ took 4.5x as long (0.32 vs
# 0.07 ms for 300), about a tenth of a search of 1M units. Nothing changes one once made.
@dataclass(slots=True)
class Candidate:
    """A unit worth scoring for a fuzzy query; key is the store's handle for its target."""

    key: int
    id: str
    source: str
    words: int = 0  # the source's words key (tm.words.words_key) when the store keeps it, else 0


@dataclass(frozen=True, slots=True)
class PhraseCandidate:
    """A unit whose source holds every word of a phrase in one of the accepted forms."""

    id: str
    source: str
    target: str


@dataclass(frozen=True, slots=True)
class TermRecord:
    """One stored termbase entry: its id, document, position there, JSON data and the JSON keys a
    lookup reads instead of lemmatising ('' when stored without them: glossary.lookup_keys)."""

    id: str
    doc: str
    position: int
    data: str
    lookup_keys: str = ""


class Writer(Protocol):
    """One all-or-nothing write transaction, obtained from Store.writer()."""

    def replace_document(self, info: DocumentInfo, units: Iterable[Unit]) -> None:
        """Store a document's row and units in place of any earlier version of it."""

    def put_document(self, info: DocumentInfo) -> None:
        """Record (or update) a document's row without touching its units."""

    def prepare(self, units: Iterable[Unit]) -> PreparedUnits:
        """Units in row form for add_prepared; pure, so another thread may call it."""

    def add_prepared(self, batch: PreparedUnits) -> None:
        """Append and index units made rows by prepare."""

    def bulk_indexing(self) -> AbstractContextManager[None]:
        """A mode for one large write: index maintenance deferred to optimize()."""

    def optimize(self) -> None:
        """Compact the indexes after a large write."""

    def replace_terms(self, doc: str, records: Iterable[TermRecord]) -> None:
        """Store a document's term records in place of its earlier ones."""

    def count_units(self, doc: str | None = None) -> int:
        """How many units the store holds (of one document), this transaction's writes included."""

    def next_position(self, doc: str) -> int:
        """The position after a document's last unit (0 for a new document)."""

    def remove_document(self, name: str) -> None:
        """Delete a document's row, units (from the indexes too) and term records; StoreError if absent."""

    def rename_document(self, old: str, new: str) -> None:
        """Give a document, its units and term records a new name; unit and record ids that start
        with 'old:' (tm.model.unit_id) start with 'new:' after. StoreError if old is absent or new taken."""

    def term_records(self, doc: str | None = None) -> list[TermRecord]:
        """Stored term records (of one document), this transaction's writes included."""


class Store(Protocol):
    """An open translation-memory store; a context manager that closes it."""

    @property
    def location(self) -> str:
        """Where the store is (a path or URL), for messages."""

    def __enter__(self) -> Store: ...

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None: ...

    def close(self) -> None:
        """Release the store."""

    def writer(self) -> AbstractContextManager[Writer]:
        """A write transaction: committed when the block ends, rolled back if it raises."""

    def documents(self) -> list[DocumentInfo]:
        """The stored documents, by name."""

    def units(self, doc: str | None = None, translated_only: bool = False) -> Iterator[Unit]:
        """Units in document order (documents by name, then position)."""

    def count_units(self, doc: str | None = None, translated_only: bool = False) -> int:
        """How many units the store holds (of one document; with a target only, when translated_only)."""

    def unit_counts(self) -> dict[str, tuple[int, int]]:
        """Each document's (units, translated units), in one pass over the units (for tmtool stats)."""

    def pairs(self) -> Iterator[tuple[str, str]]:
        """(source, target) of every unit, in storage order."""

    def term_records(self, doc: str | None = None) -> list[TermRecord]:
        """Stored term records (of one document), by document then position."""

    def next_position(self, doc: str) -> int:
        """The position after a document's last unit (0 for a new document)."""

    def search_candidates(self, query: str, min_score: float, doc: str | None = None) -> list[Candidate]:
        """Units (of one document) worth scoring for a normalized query at min_score %, likeliest first.

        With doc, the units of other documents are left out before the candidates are capped, so
        the cap applies within that document."""

    def targets(self, keys: Sequence[int]) -> dict[int, str]:
        """The targets of candidates, by key."""

    def phrase_candidates(self, forms: Sequence[frozenset[str]], doc: str | None = None
                          ) -> Iterator[PhraseCandidate]:
        """Units (of one document) holding, for each word, one of its (lower-case) forms, in storage
        order, read lazily."""
