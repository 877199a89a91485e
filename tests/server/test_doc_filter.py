"""?doc= on the search, concordance and term routes: the answer equals the library's for that
document alone (as `tmtool search --doc` gives it), and a document the store lacks is a 404 with
the CLI's message."""
from __future__ import annotations

from pathlib import Path

import pytest

from glossary.lookup import find_terms
from glossary.reference import Reference
from tm.concordance import concordance
from tm.search import search
from tm.store import open_store
from tm.stored_terms import store_terms

testclient = pytest.importorskip("starlette.testclient", reason="the serve extra is not installed")
TestClient = testclient.TestClient

REPORT, ILO = "A_58_98.ru.txt", "ilo.ru.txt"
NEAR = "В 2004 году МОТ провела четыре региональных семинара по вопросам трудовой миграции."
PHRASE = "трудящихся-мигрантов"


def library_ids(db: Path, route: str, q: str, doc: str | None) -> list[str]:
    """The ids the library gives for one route's query in doc (None: the whole store)."""
    with open_store(db, create=False, readonly=True) as store:
        if route == "search":
            return [h.id for h in search(store, q, min_score=50, doc=doc)]
        if route == "concordance":
            return [h.id for h in concordance(store, q, limit=20, doc=doc)]
        return [e.id for e in find_terms(store_terms(store, doc), q, Reference.load())]


def answer_ids(client: TestClient, route: str, q: str, doc: str | None) -> list[str]:
    params = {"q": q, **({"doc": doc} if doc is not None else {}), **({"min_score": 50} if route == "search" else {})}
    answer = client.get(f"/api/{route}", params=params)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    return [item["id"] for item in body["terms" if route == "terms" else "hits"]]


CASES = [(route, q, doc) for route, q in (("search", NEAR), ("concordance", PHRASE), ("terms", "МОТ"))
         for doc in (None, REPORT, ILO)]


@pytest.mark.parametrize(("route", "q", "doc"), CASES, ids=[f"{r}-{d}" for r, _, d in CASES])
def test_doc_gives_the_library_answer_for_that_document(client: TestClient, served_db: Path, route: str, q: str,
                                                        doc: str | None) -> None:
    ids = answer_ids(client, route, q, doc)
    assert ids and ids == library_ids(served_db, route, q, doc)
    if doc is not None and route != "terms":
        assert all(i.startswith(doc + ":") for i in ids)


def test_doc_narrows_the_hits_to_its_document(client: TestClient) -> None:
    everywhere = answer_ids(client, "search", NEAR, None)
    report_only = answer_ids(client, "search", NEAR, REPORT)
    assert everywhere[0].startswith(ILO) and report_only == [i for i in everywhere if i.startswith(REPORT)]


def test_doc_terms_count_that_documents_occurrences(client: TestClient) -> None:
    counts = {doc: client.get("/api/terms", params={"q": "МОТ", "doc": doc}).json()["terms"][0]["occurrences"]
              for doc in (REPORT, ILO)}
    whole = client.get("/api/terms", params={"q": "МОТ"}).json()["terms"][0]
    assert counts == dict(map(tuple, whole["documents"])) and sum(counts.values()) == whole["occurrences"]


# (doc, the name the message quotes): any name the store has no document of.
UNKNOWN = [("nope.txt", "'nope.txt'"), ("", "''"), ("a_58_98.ru.txt", "'a_58_98.ru.txt'"), ("x" * 3000, "'xxx")]


@pytest.mark.parametrize("route", ["search", "concordance", "terms"])
@pytest.mark.parametrize(("doc", "quoted"), UNKNOWN, ids=["unknown", "empty", "wrong-case", "long"])
def test_an_unknown_doc_is_a_404_naming_it(client: TestClient, served_db: Path, route: str, doc: str,
                                           quoted: str) -> None:
    answer = client.get(f"/api/{route}", params={"q": "МОТ", "doc": doc})
    assert answer.status_code == 404
    assert answer.json()["error"].startswith(f"{served_db}: no document named {quoted}")
    assert answer.json()["error"].endswith("('tmtool docs list' shows them)")


def test_the_bad_query_is_told_before_the_doc(client: TestClient) -> None:
    answer = client.get("/api/search", params={"q": "", "doc": "nope.txt"})
    assert answer.status_code == 400 and "the query is empty" in answer.json()["error"]


@pytest.mark.parametrize("route", ["/api/search", "/api/concordance", "/api/terms"])
def test_openapi_describes_doc(client: TestClient, route: str) -> None:
    params = client.get("/openapi.json").json()["paths"][route]["get"]["parameters"]
    assert {"name": "doc", "in": "query", "required": False}.items() <= next(p for p in params if p["name"] == "doc").items()
