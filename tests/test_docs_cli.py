"""`tmtool docs` and `--doc` on export, search and stats, as a table of cases; refusals leave the store as it was.

The store: the hand-made ILO pair (tests/data/serve: 1 heading, 5 numbered paragraphs, aligned
with its English) as ilo.ru.txt, its Russian alone again as copy.ru.txt, and the hand-made
two-unit TMX imported as two_units.tmx.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hostile import tmtool

from tm.search import search
from tm.store import open_store

DATA = Path(__file__).parent / "data" / "serve"
ILO_RU, ILO_EN, TMX = DATA / "ilo.ru.txt", DATA / "ilo.en.txt", DATA / "two_units.tmx"
SEMINARS = "В 2003 году МОТ провела три региональных семинара по вопросам трудовой миграции."
NEAR_SEMINARS = "В 2004 году МОТ провела четыре региональных семинара по вопросам трудовой миграции."
MISSING = "no document named 'nope'"


@pytest.fixture(scope="module")
def base_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("docs") / "base.db"
    for args in (("build", ILO_RU, "--target", ILO_EN), ("build", ILO_RU, "--doc", "copy.ru.txt"), ("import", TMX)):
        done = tmtool(*args, "--db", db)
        assert done.code == 0, done.stdout + done.stderr
    return db


@pytest.fixture
def db(base_db: Path, tmp_path: Path) -> Path:
    """A fresh copy of the store for each test: some cases change it."""
    return Path(shutil.copy(base_db, tmp_path / "store.db"))


# (arguments, exit code, in stdout, not in stdout, in stderr)
CASES = [
    (["docs", "list"], 0, "name\torigin\tlanguages\tunits\ttranslated\tsymbol\n", "", ""),
    (["docs", "list"], 0, "two_units.tmx\timported\tru-en\t2\t2\t-\n", "", ""),
    (["docs", "list"], 0, "copy.ru.txt\tbuilt\tru-en\t6\t0\t-\n", "", ""),
    (["docs", "show", "copy.ru.txt"], 0, "copy.ru.txt: built, ", "imported", ""),
    (["docs", "show", "two_units.tmx"], 0, "two_units.tmx: imported from TMX, 2 units added", "paragraph", ""),
    (["docs", "show", "copy.ru.txt"], 0, "  6 units (ru→en), 0 translated, 1 term\n", "imported", ""),
    (["docs", "show", "ilo.ru.txt"], 0, "  aligned: 6 pairs, ", "", ""),
    (["docs", "show", "ilo.ru.txt"], 0, "  6 units (ru→en), 6 translated, 1 term\n", "", ""),
    (["docs", "show", "nope"], 1, "", "", MISSING),
    (["docs", "show"], 2, "", "", "Missing argument 'NAME'"),
    (["docs", "remove", "nope"], 1, "", "", MISSING),
    (["docs", "rename", "nope", "x"], 1, "", "", MISSING),
    (["docs", "rename", "two_units.tmx", "ilo.ru.txt"], 1, "", "", "'ilo.ru.txt' exists already"),
    (["docs", "rename", "two_units.tmx", "two_units.tmx"], 1, "", "", "exists already"),
    (["docs", "rename", "two_units.tmx", ""], 2, "", "", "cannot be empty"),
    (["docs", "rename", "two_units.tmx", " a"], 2, "", "", "cannot start or end with a space"),
    (["docs", "rename", "two_units.tmx", "a\tb"], 2, "", "", "control characters"),
    (["docs", "rename", "two_units.tmx", "ok.tmx"], 0, "renamed two_units.tmx to ok.tmx: 2 units, 0 terms", "", ""),
    (["docs", "remove", "two_units.tmx"], 0, "removed two_units.tmx: 2 units, 0 terms", "", ""),
    (["export", "--doc", "nope", "--format", "csv", "-o", "-"], 1, "", "", MISSING),
    (["export", "--doc", "two_units.tmx", "--format", "csv", "-o", "-"], 0, "Committee on Migrant Workers", "МОТ", ""),
    (["export", "--doc", "copy.ru.txt", "--format", "tmx", "-o", "-"], 0, "copy.ru.txt:0000001", "ilo.ru.txt:", ""),
    (["stats", "--doc", "two_units.tmx"], 0, "1 document, 2 units, 2 translated", "ilo.ru.txt", ""),
    (["stats", "--doc", "nope"], 1, "", "", MISSING),
    (["stats"], 0, "two_units.tmx: imported from TMX", "two_units.tmx: 0 paragraphs", ""),
    (["search", SEMINARS, "--doc", "nope"], 1, "", "", MISSING),
    (["search", SEMINARS, "--doc", "copy.ru.txt"], 0, "100%  exact     copy.ru.txt:", "ilo.ru.txt:", ""),
    (["search", SEMINARS, "--doc", "two_units.tmx"], 1, "no match", "", ""),
    (["search", "--concordance", "МОТ", "--doc", "ilo.ru.txt"], 0, "ilo.ru.txt:0000002", "copy.ru.txt:", ""),
    (["search", "--concordance", "МОТ", "--doc", "nope"], 1, "", "", MISSING),
]


@pytest.mark.parametrize(("args", "code", "shown", "hidden", "said"), CASES,
                         ids=[" ".join(c[0])[:50] for c in CASES])
def test_the_cases(db: Path, args: list[str], code: int, shown: str, hidden: str, said: str) -> None:
    before = db.read_bytes()
    done = tmtool(*args, "--db", db)
    assert done.code == code, done.stdout + done.stderr
    assert shown in done.stdout and (not hidden or hidden not in done.stdout), done.stdout
    assert said in done.stderr
    if code == 1 and said:
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr  # a one-line error
    if code != 0:
        assert db.read_bytes() == before, "a refused command changed the store"


@pytest.mark.parametrize(("args", "names"), [
    (["docs", "list", "--json"], ["copy.ru.txt", "ilo.ru.txt", "two_units.tmx"]),
    (["docs", "show", "two_units.tmx", "--json"], ["two_units.tmx"]),
    (["docs", "rename", "two_units.tmx", "ok.tmx", "--json"], ["ok.tmx"]),
    (["docs", "remove", "copy.ru.txt", "--json"], ["copy.ru.txt"]),
])
def test_json_is_one_object_per_document(db: Path, args: list[str], names: list[str]) -> None:
    done = tmtool(*args, "--db", db)
    assert done.code == 0, done.stderr
    objects = [json.loads(line) for line in done.stdout.splitlines()]
    assert [o["name"] for o in objects] == names
    assert all({"origin", "units", "translated", "terms", "src_lang", "tgt_lang", "symbol"} <= set(o) for o in objects)


def test_rename_carries_unit_and_term_ids_along(db: Path) -> None:
    assert tmtool("docs", "rename", "ilo.ru.txt", "ilo", "--db", db).code == 0
    with open_store(db, create=False, readonly=True) as store:
        ids = [u.id for u in store.units(doc="ilo")]
        records = store.term_records("ilo")
        assert store.term_records("ilo.ru.txt") == [] and list(store.units(doc="ilo.ru.txt")) == []
    assert ids == [f"ilo:{i:07d}" for i in range(len(ids))] and ids
    entries = [json.loads(r.data) for r in records]
    assert records and all(r.id.startswith("ilo:term") and r.doc == "ilo" for r in records)
    assert all(e["id"] == r.id and e["first_unit"] in ids for e, r in zip(entries, records, strict=True))
    listed = tmtool("terms", "list", "--doc", "ilo", "--json", "--db", db)
    assert listed.code == 0 and json.loads(listed.stdout.splitlines()[0])["first_unit"].startswith("ilo:")
    found = tmtool("search", SEMINARS, "--doc", "ilo", "--json", "--db", db)
    assert json.loads(found.stdout)["hits"][0]["id"].startswith("ilo:")


def test_remove_leaves_the_other_documents_as_a_store_without_it(db: Path, tmp_path: Path) -> None:
    alone = tmp_path / "alone.db"
    for args in (("build", ILO_RU, "--target", ILO_EN), ("import", TMX)):
        assert tmtool(*args, "--db", alone).code == 0
    assert tmtool("docs", "remove", "copy.ru.txt", "--db", db).code == 0
    with open_store(db, create=False, readonly=True) as left, open_store(alone, create=False, readonly=True) as fresh:
        assert [d.name for d in left.documents()] == [d.name for d in fresh.documents()]
        assert [(u.id, u.source, u.target) for u in left.units()] == [(u.id, u.source, u.target) for u in fresh.units()]
        assert left.term_records() == fresh.term_records()
        assert search(left, SEMINARS)[0].id == "ilo.ru.txt:0000002"
        assert len(left.search_candidates(SEMINARS, 50.0)) == len(fresh.search_candidates(SEMINARS, 50.0))


@pytest.mark.parametrize("query", [SEMINARS, NEAR_SEMINARS, "Международная организация труда", "Комитет приветствует доклад МОТ."])
@pytest.mark.parametrize("doc", ["ilo.ru.txt", "copy.ru.txt"])
def test_the_top_hit_of_a_document_is_its_own_best(db: Path, tmp_path: Path, doc: str, query: str) -> None:
    """Filtering before the candidates are capped: a search with --doc answers as a store of that document alone."""
    alone = tmp_path / "alone.db"
    args = ("--target", ILO_EN) if doc == "ilo.ru.txt" else ("--doc", doc)
    assert tmtool("build", ILO_RU, *args, "--db", alone).code == 0
    with open_store(db, create=False, readonly=True) as store, open_store(alone, create=False, readonly=True) as one:
        hits = search(store, query, doc=doc, min_score=50.0, limit=3)
        assert [(h.id, h.score, h.target) for h in hits] == [
            (h.id, h.score, h.target) for h in search(one, query, min_score=50.0, limit=3)]
        assert hits and all(h.id.startswith(f"{doc}:") for h in hits)
