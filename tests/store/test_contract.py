"""The store contract: every backend in BACKENDS must pass this file unchanged (tm.store.base)."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from tm.errors import StoreError
from tm.match import normalize_text
from tm.model import DocumentInfo, Unit
from tm.store import Store, TermRecord, Writer, open_store, without_password

# A backend factory gives the location of a store that does not exist yet; open_store creates it.
Factory = Callable[[pytest.FixtureRequest, Path], str]


def sqlite_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return str(tmp_path / "contract.db")


def postgres_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new database on the session's throw-away cluster (skipped, with the reason, when none starts)."""
    return str(request.getfixturevalue("pg_url"))


BACKENDS = [pytest.param(sqlite_location, id="sqlite"), pytest.param(postgres_location, id="postgres")]

INFO = DocumentInfo("a.txt", "ru", "en", "sum-a", "sig-a", {"sentences": 3})
OTHER = DocumentInfo("b.txt", "ru", "en", "sum-b", "sig-b", {"sentences": 2})
NEAR = "В 2003 году Комитет провел пять заседаний."


def units_of(doc: str, pairs: list[tuple[str, str]]) -> list[Unit]:
    return [Unit(id=f"{doc}:{i}", doc=doc, source=s, target=t, position=i, notes=("n",) if i else (),
                 props=(("k", "v"),), score=0.5 if i else None, flagged=bool(i))
            for i, (s, t) in enumerate(pairs)]


A_UNITS = units_of("a.txt", [("В 2003 году Комитет провел 5 заседаний.", "In 2003 the Committee met 5 times."),
                             ("Генеральная Ассамблея приняла резолюцию.", ""),
                             ("Трудящиеся-мигранты и члены их семей.", "Migrant workers and their families.")])
B_UNITS = units_of("b.txt", [("Мнения", "Views"), ("Доклад Генерального секретаря.", "Report of the Secretary-General.")])


@pytest.fixture(params=BACKENDS)
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    factory: Factory = request.param
    return factory(request, tmp_path)


@pytest.fixture
def store(location: str) -> Iterator[Store]:
    """A store holding two documents, b.txt written first."""
    with open_store(location) as opened:
        with opened.writer() as writer:
            writer.replace_document(OTHER, B_UNITS)
            writer.replace_document(INFO, A_UNITS)
        yield opened


def records(doc: str, n: int) -> list[TermRecord]:
    """Term records, every other one with lookup keys (a record of an older store has none: '')."""
    return [TermRecord(f"{doc}-t{i}", doc, i, f'{{"id": "{doc}-t{i}"}}', f'{{"concept": ["T{i}"]}}' * (i % 2))
            for i in range(n)]


def test_a_missing_store_is_created_or_refused(location: str) -> None:
    with pytest.raises(StoreError):
        open_store(location, create=False)
    with open_store(location) as store:
        assert store.documents() == [] and store.count_units() == 0
        assert store.location in (location, without_password(location))  # a URL is shown without its login
    with open_store(location, create=False, readonly=True) as store:
        assert list(store.units()) == []


def test_documents_round_trip(store: Store, location: str) -> None:
    with open_store(location, create=False, readonly=True) as reopened:
        assert reopened.documents() == [INFO, OTHER]
        assert list(reopened.units(doc="a.txt")) == A_UNITS


def test_replace_document_replaces(store: Store) -> None:
    new_info = DocumentInfo("a.txt", "ru", "en", "sum-a2", "sig-a2", {})
    with store.writer() as writer:
        writer.replace_document(new_info, A_UNITS[:1])
        assert writer.count_units("a.txt") == 1
    assert store.documents() == [new_info, OTHER]
    assert list(store.units(doc="a.txt")) == A_UNITS[:1]
    assert list(store.units(doc="b.txt")) == B_UNITS


def test_units_order_and_filters(store: Store) -> None:
    assert list(store.units()) == A_UNITS + B_UNITS  # by document name, then position
    assert [u.id for u in store.units(translated_only=True)] == ["a.txt:0", "a.txt:2", "b.txt:0", "b.txt:1"]
    assert [u.id for u in store.units(doc="a.txt", translated_only=True)] == ["a.txt:0", "a.txt:2"]
    assert list(store.units(doc="none")) == []


def test_count_units(store: Store) -> None:
    assert store.count_units() == 5
    assert store.count_units(translated_only=True) == 4
    assert store.count_units(doc="b.txt") == 2
    assert store.count_units(doc="a.txt", translated_only=True) == 2


def test_unit_counts_agree_with_count_units(store: Store) -> None:
    assert store.unit_counts() == {d: (store.count_units(doc=d), store.count_units(doc=d, translated_only=True))
                                   for d in ("a.txt", "b.txt")} == {"a.txt": (3, 2), "b.txt": (2, 2)}


def test_pairs_and_positions(store: Store) -> None:
    assert list(store.pairs()) == [(u.source, u.target) for u in B_UNITS + A_UNITS]  # storage order
    assert store.next_position("a.txt") == 3 and store.next_position("new") == 0


def test_prepared_units_and_document_row(store: Store) -> None:
    extra = [Unit(id="c:0", doc="c", source="Новый текст.", target="New text.", position=0)]
    with store.writer() as writer, writer.bulk_indexing():
        writer.add_prepared(writer.prepare(extra))
        assert writer.next_position("c") == 1 and writer.count_units("c") == 1
        writer.put_document(DocumentInfo("c", "ru", "en", "x", "import", {}))
        writer.optimize()
    assert list(store.units(doc="c")) == extra and [d.name for d in store.documents()] == ["a.txt", "b.txt", "c"]


def test_term_records_replace_and_load_per_document(store: Store) -> None:
    with store.writer() as writer:
        writer.replace_terms("a.txt", records("a.txt", 3))
        writer.replace_terms("b.txt", records("b.txt", 1))
    with store.writer() as writer:
        writer.replace_terms("a.txt", records("a.txt", 2))
    assert store.term_records("a.txt") == records("a.txt", 2)
    assert store.term_records() == records("a.txt", 2) + records("b.txt", 1)
    assert store.term_records("none") == []


def test_a_writer_that_raises_leaves_the_store_unchanged(store: Store) -> None:
    with store.writer() as writer:
        writer.replace_terms("a.txt", records("a.txt", 1))
    before = (store.documents(), list(store.units()), store.term_records())
    with pytest.raises(RuntimeError), store.writer() as writer:
        writer.replace_document(DocumentInfo("a.txt", "ru", "en", "new", "new", {}), [])
        writer.replace_terms("a.txt", [])
        writer.add_prepared(writer.prepare([Unit(id="z:0", doc="z", source="Ещё.")]))
        raise RuntimeError("simulated failure")
    assert (store.documents(), list(store.units()), store.term_records()) == before


def test_a_read_only_store_refuses_writes(store: Store, location: str) -> None:
    with open_store(location, create=False, readonly=True) as readonly:
        with pytest.raises(StoreError), readonly.writer() as writer:
            writer.replace_document(OTHER, [])
        assert readonly.count_units() == 5


@pytest.mark.parametrize("query", [A_UNITS[0].source, NEAR, "Мнения", "Мнение"])
def test_search_candidates_find_exact_and_near_matches(store: Store, query: str) -> None:
    wanted = "b.txt:0" if query.startswith("Мнени") else "a.txt:0"
    found = store.search_candidates(normalize_text(query), 75.0)
    assert wanted in [c.id for c in found]
    by_id = {c.id: c for c in found}
    assert store.targets([by_id[wanted].key]) == {by_id[wanted].key: next(
        u.target for u in A_UNITS + B_UNITS if u.id == wanted)}
    assert by_id[wanted].source == next(u.source for u in A_UNITS + B_UNITS if u.id == wanted)


def test_phrase_candidates(store: Store) -> None:
    found = list(store.phrase_candidates([frozenset({"комитет"}), frozenset({"провел", "провёл"})]))
    assert [(c.id, c.source, c.target) for c in found] == [("a.txt:0", A_UNITS[0].source, A_UNITS[0].target)]
    either = list(store.phrase_candidates([frozenset({"мнения", "доклад"})]))
    assert [c.id for c in either] == ["b.txt:0", "b.txt:1"]  # storage order
    assert list(store.phrase_candidates([frozenset({"комитет"}), frozenset({"мнения"})])) == []



def store_state(store: Store) -> tuple[object, ...]:
    return store.documents(), list(store.units()), store.term_records()


def test_remove_document_takes_its_row_units_terms_and_index_entries(store: Store) -> None:
    with store.writer() as writer:
        writer.replace_terms("a.txt", records("a.txt", 2))
        writer.replace_terms("b.txt", records("b.txt", 1))
    with store.writer() as writer:
        writer.remove_document("a.txt")
        assert writer.count_units("a.txt") == 0 and writer.term_records("a.txt") == []
    assert store.documents() == [OTHER] and list(store.units()) == B_UNITS
    assert store.term_records() == records("b.txt", 1)
    assert "a.txt:0" not in [c.id for c in store.search_candidates(normalize_text(A_UNITS[0].source), 75.0)]
    assert list(store.phrase_candidates([frozenset({"комитет"})])) == []
    assert store.next_position("a.txt") == 0


def renamed_units(units: list[Unit], new: str) -> list[Unit]:
    return [replace(u, doc=new, id=new + u.id[len(u.doc):]) for u in units]


def test_rename_document_rewrites_names_and_ids_and_keeps_the_index(store: Store) -> None:
    terms = [TermRecord("a.txt:term001", "a.txt", 0, "{}", '{"lemmas": {}}'),
             TermRecord("a.txt-other", "a.txt", 1, "{}")]
    with store.writer() as writer:
        writer.replace_terms("a.txt", terms)
    with store.writer() as writer:
        writer.rename_document("a.txt", "c.txt")
    assert store.documents() == [OTHER, replace(INFO, name="c.txt")]
    assert list(store.units(doc="c.txt")) == renamed_units(A_UNITS, "c.txt")
    # an id made from the name ('a.txt:…', tm.model.unit_id) follows it; any other id stays
    assert store.term_records("c.txt") == [TermRecord("c.txt:term001", "c.txt", 0, "{}", '{"lemmas": {}}'),
                                           TermRecord("a.txt-other", "c.txt", 1, "{}")]
    assert "c.txt:0" in [c.id for c in store.search_candidates(normalize_text(A_UNITS[0].source), 75.0)]
    assert [c.id for c in store.phrase_candidates([frozenset({"комитет"})])] == ["c.txt:0"]
    assert list(store.units(doc="a.txt")) == [] and store.term_records("a.txt") == []


@pytest.mark.parametrize(("call", "says"), [
    (lambda w: w.remove_document("none"), "no document named 'none'"),
    (lambda w: w.rename_document("none", "x"), "no document named 'none'"),
    (lambda w: w.rename_document("a.txt", "b.txt"), "'b.txt' exists already"),
], ids=["remove missing", "rename missing", "rename onto existing"])
def test_a_refused_remove_or_rename_leaves_the_store_unchanged(store: Store, call: Callable[[Writer], None],
                                                                says: str) -> None:
    before = store_state(store)
    with pytest.raises(StoreError, match=says), store.writer() as writer:
        call(writer)
    assert store_state(store) == before


def test_a_rename_whose_ids_would_clash_is_refused_whole(store: Store) -> None:
    clash = Unit(id="c.txt:0", doc="odd", source="Чужой идентификатор.", position=0)
    with store.writer() as writer:
        writer.replace_document(DocumentInfo("odd", "ru", "en", "s", "sig", {}), [clash])
    before = store_state(store)
    with pytest.raises(StoreError, match="cannot rename"), store.writer() as writer:
        writer.rename_document("a.txt", "c.txt")
    assert store_state(store) == before


@pytest.mark.parametrize(("query", "doc", "wanted"), [
    (A_UNITS[0].source, "a.txt", ["a.txt:0"]),
    (A_UNITS[0].source, "b.txt", []),
    ("Мнения", "b.txt", ["b.txt:0"]),
    ("Мнения", "a.txt", []),
    ("Мн", "b.txt", ["b.txt:0"]),  # under three characters: no trigram to look up
])
def test_search_candidates_of_one_document(store: Store, query: str, doc: str, wanted: list[str]) -> None:
    found = [c.id for c in store.search_candidates(normalize_text(query), 75.0 if len(query) > 2 else 50.0, doc)]
    assert all(i.startswith(f"{doc}:") for i in found)
    assert set(wanted) <= set(found) and (wanted or not found)


def test_phrase_candidates_of_one_document(store: Store) -> None:
    either = [frozenset({"мнения", "доклад", "комитет"})]
    assert [c.id for c in store.phrase_candidates(either, "b.txt")] == ["b.txt:0", "b.txt:1"]
    assert [c.id for c in store.phrase_candidates(either, "a.txt")] == ["a.txt:0"]
    assert list(store.phrase_candidates(either, "none")) == []
