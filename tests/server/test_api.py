"""The JSON API of `tmtool serve`, route by route: answers on the test store, and bad input refused
with the CLI's one-line message as {"error": ...} and a fitting status."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from serving import DATA, TOKEN

testclient = pytest.importorskip("starlette.testclient", reason="the serve extra is not installed")
TestClient = testclient.TestClient

# A sentence of ilo.ru.txt with its year and one word changed: a fuzzy match with an English target.
NEAR = "В 2004 году МОТ провела четыре региональных семинара по вопросам трудовой миграции."
STORED = "В 2003 году МОТ провела три региональных семинара по вопросам трудовой миграции."
HUGE = "а" * 2001

# (url, status, a substring of the error message); every one of these is refused.
REFUSED = [
    ("/api/search", 400, "missing parameter 'q'"),
    ("/api/search?q=", 400, "the query is empty: give some text to search for"),
    ("/api/search?q=%20%20", 400, "the query is empty"),
    (f"/api/search?q={HUGE}", 400, "the query is 2,001 characters long; search takes at most 2,000"),
    (f"/api/search?q={'я' * 9000}", 400, "the query is 9,000 characters long"),
    ("/api/search?q=x&min_score=150", 400, "invalid value for 'min_score': 150 is not in the range 0<=x<=100"),
    ("/api/search?q=x&min_score=abc", 400, "is not a number"),
    ("/api/search?q=x&limit=0", 400, "invalid value for 'limit'"),
    ("/api/search?q=x&limit=2.5", 400, "is not a whole number"),
    ("/api/concordance?q=", 400, "the query is empty"),
    (f"/api/concordance?q={HUGE}", 400, "2,001 characters long"),
    ("/api/concordance?q=x&exact=maybe", 400, "invalid value for 'exact'"),
    ("/api/terms?q=", 400, "the query is empty"),
    ("/api/terms?q=ЖЖЖЖЖ", 404, "no term matches 'ЖЖЖЖЖ'"),
    ("/tmserver/fr/en/unit/bonjour", 404, "this store has no fr→en memory (it holds ru→en)"),
    ("/tmserver/ru/de/unit/Доклад", 404, "no ru→de memory"),
    ("/tmserver/r!u/en/unit/Доклад", 400, "is not a language code"),
    ("/tmserver/ru/en/unit/", 400, "the query is empty"),
    (f"/tmserver/ru/en/unit/{HUGE}", 400, "2,001 characters long"),
    ("/tmserver/ru/en/unit/x?min_similarity=101", 400, "invalid value for 'min_similarity'"),
    ("/nowhere", 404, "no such route: GET /nowhere"),
    ("/api/searchx?q=x", 404, "no such route"),
    ("/static/missing.js", 404, ""),
]


@pytest.mark.parametrize(("url", "status", "message"), REFUSED, ids=[u[:48] for u, _, _ in REFUSED])
def test_bad_input_is_refused_with_a_json_error(client: TestClient, url: str, status: int, message: str) -> None:
    answer = client.get(url)
    assert answer.status_code == status
    assert answer.headers["content-type"].startswith("application/json")
    assert message in answer.json()["error"]


# (method, url): a method the route does not take.
WRONG_METHOD = [("POST", "/api/search?q=x"), ("DELETE", "/api/terms?q=МОТ"), ("PUT", "/api/stats"),
                ("GET", "/api/import"), ("GET", "/api/build")]


@pytest.mark.parametrize(("method", "url"), WRONG_METHOD)
def test_a_wrong_method_is_405(client: TestClient, method: str, url: str) -> None:
    answer = client.request(method, url)
    assert answer.status_code == 405
    assert answer.json() == {"error": f"{method} is not allowed on {url.split('?')[0]}"}


def test_search_finds_the_near_sentence_with_its_english_and_marked_differences(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": NEAR}).json()["hits"]
    best = hits[0]
    assert best["source"] == STORED
    assert best["target"] == "In 2003, the ILO held three regional seminars on labour migration."
    assert 75 <= best["percent"] < 100 and best["percent"] == int(best["score"])
    marked = [(p["kind"], p["text"]) for p in best["parts"] if p["kind"] != "same"]
    assert marked == [("delete", "2004"), ("insert", "2003"), ("delete", "четыре"), ("insert", "три")]
    assert "".join(p["text"] for p in best["parts"] if p["kind"] != "delete") == STORED


def test_a_search_hit_carries_every_field_of_the_library_hit(client: TestClient, served_db: Path) -> None:
    """The JSON of a hit is the library's Hit (diffs included), with its percent and parts added."""
    from dataclasses import asdict

    from tm.search import search
    from tm.store import open_store

    with open_store(served_db, create=False, readonly=True) as store:
        expected = [json.loads(json.dumps(asdict(h), ensure_ascii=False)) for h in search(store, NEAR)]
    hits = client.get("/api/search", params={"q": NEAR}).json()["hits"]
    assert expected and any(h["diffs"] for h in expected)
    assert [{k: v for k, v in h.items() if k not in ("percent", "parts")} for h in hits] == expected


def test_search_takes_min_score_and_limit(client: TestClient) -> None:
    assert client.get("/api/search", params={"q": NEAR, "min_score": 100}).json()["hits"] == []
    hits = client.get("/api/search", params={"q": "трудящихся-мигрантов", "min_score": 0, "limit": 3}).json()["hits"]
    assert len(hits) == 3


def test_an_identical_sentence_is_100(client: TestClient) -> None:
    best = client.get("/api/search", params={"q": STORED}).json()["hits"][0]
    assert (best["percent"], best["band"], best["parts"]) == (100, "exact", [{"kind": "same", "text": STORED}])


def test_concordance_marks_each_form_of_the_phrase(client: TestClient) -> None:
    answer = client.get("/api/concordance", params={"q": "трудящихся-мигрантов", "limit": 50}).json()
    assert len(answer["hits"]) > 5
    for hit in answer["hits"]:
        marks = [p["text"] for p in hit["parts"] if p["kind"] == "mark"]
        assert marks == [hit["source"][a:b] for a, b in hit["spans"]]
        assert all(m.lower().startswith("трудящ") for m in marks)
        assert "".join(p["text"] for p in hit["parts"]) == hit["source"]
    assert any(h["target"] for h in answer["hits"])  # the aligned pair brings English


def test_exact_concordance_takes_the_word_as_written(client: TestClient) -> None:
    inflected = client.get("/api/concordance", params={"q": "мигрантами", "limit": 100}).json()["hits"]
    exact = client.get("/api/concordance", params={"q": "мигрантами", "limit": 100, "exact": "1"}).json()["hits"]
    assert 0 < len(exact) < len(inflected)


# (query, Russian acronym, English acronym, English full name) of the entry found first.
TERMS = [
    ("МОТ", "МОТ", "ILO", "International Labour Organization"),
    ("ILO", "МОТ", "ILO", "International Labour Organization"),
    ("МОТа", "МОТ", "ILO", "International Labour Organization"),
    ("организация труда", "МОТ", "ILO", "International Labour Organization"),
]


@pytest.mark.parametrize(("query", "ru", "en", "en_full"), TERMS)
def test_terms_finds_the_entry_with_both_languages(client: TestClient, query: str, ru: str, en: str,
                                                   en_full: str) -> None:
    entry = client.get("/api/terms", params={"q": query}).json()["terms"][0]
    assert (entry["ru_acronym"], entry["en_acronym"], entry["en_full_form"]) == (ru, en, en_full)
    assert entry["ru_full_form"] == "Международная организация труда"
    assert entry["occurrences"] > 10 and "(МОТ)" in entry["context"]


def test_a_term_not_found_names_the_nearest(client: TestClient) -> None:
    answer = client.get("/api/terms", params={"q": "МОД"})
    assert answer.status_code == 404
    assert answer.json()["error"].startswith("no term matches 'МОД'; nearest: ")
    assert answer.json()["suggestions"]


def test_documents_and_stats(client: TestClient, served_db: Path) -> None:
    docs = client.get("/api/documents").json()["documents"]
    assert [(d["name"], d["src_lang"], d["tgt_lang"]) for d in docs] == [
        ("A_58_98.ru.txt", "ru", "en"), ("ilo.ru.txt", "ru", "en")]
    stats = client.get("/api/stats").json()
    assert stats["store"] == str(served_db)
    assert stats["documents"] == 2 and stats["translated"] == 6
    assert stats["units"] == sum(d["summary"]["units"] for d in docs)


@pytest.mark.parametrize("langs", ["ru/en", "ru_RU/en_US", "ru-RU/en-GB", "RU/EN"])
def test_tmserver_answers_as_amagama(client: TestClient, langs: str) -> None:
    answer = client.get(f"/tmserver/{langs}/unit/{quote(NEAR)}")
    assert answer.status_code == 200
    units = answer.json()
    assert isinstance(units, list) and set(units[0]) == {"source", "target", "quality", "rank"}
    assert units[0]["source"] == STORED and units[0]["target"].startswith("In 2003, the ILO")
    assert units[0]["quality"] == client.get("/api/search", params={"q": NEAR}).json()["hits"][0]["score"]


def test_tmserver_takes_the_text_in_source_and_its_limits(client: TestClient) -> None:
    by_query = client.get("/tmserver/ru/en/unit/", params={"source": NEAR}).json()
    assert by_query == client.get(f"/tmserver/ru/en/unit/{quote(NEAR)}").json()
    few = client.get("/tmserver/ru/en/unit/", params={"source": "трудящихся-мигрантов", "min_similarity": 0,
                                                      "max_candidates": 2}).json()
    assert len(few) == 2 and few[0]["quality"] >= few[1]["quality"]
    assert client.get(f"/tmserver/ru/en/unit/{quote('Совсем другое предложение о погоде')}").json() == []


def test_openapi_describes_every_route(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert set(spec["paths"]) == {"/api/search", "/api/concordance", "/api/terms", "/api/documents", "/api/stats",
                                  "/tmserver/{src}/{tgt}/unit/{text}", "/tmserver/{src}/{tgt}/unit/",
                                  "/api/import", "/api/build"}
    assert spec["paths"]["/api/import"]["post"]["security"] == [{"token": []}]
    assert [p["name"] for p in spec["paths"]["/api/search"]["get"]["parameters"]] == ["q", "min_score", "limit", "doc"]


def test_the_page_and_its_files_load_nothing_from_elsewhere(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
    texts = [page.text] + [client.get(f"/static/{name}").text for name in ("app.js", "style.css")]
    assert all("http://" not in t and "https://" not in t and "//cdn" not in t for t in texts)


# --- writes: only with the token ---------------------------------------------------------------

TMX = (DATA / "two_units.tmx").read_bytes()
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_a_read_only_server_refuses_writes_with_403(client: TestClient) -> None:
    for url in ("/api/import?filename=a.tmx", "/api/build"):
        answer = client.post(url, content=b"x", headers=AUTH)
        assert answer.status_code == 403
        assert answer.json()["error"].startswith("this server is read-only: start it with --writable --token")


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Bearer " + TOKEN[:-1], "Basic " + TOKEN, TOKEN, "Bearer"])
def test_a_write_without_the_token_is_401(writable: TestClient, header: str | None) -> None:
    headers = {"Authorization": header} if header is not None else {}
    answer = writable.post("/api/import?filename=a.tmx", content=TMX, headers=headers)
    assert answer.status_code == 401
    assert "Authorization: Bearer TOKEN" in answer.json()["error"]
    assert writable.get("/api/stats").json()["units"] == 272  # nothing written


def test_import_with_the_token_adds_the_units(writable: TestClient) -> None:
    before = writable.get("/api/stats").json()["units"]
    answer = writable.post("/api/import?filename=two_units.tmx", content=TMX, headers=AUTH)
    assert answer.status_code == 200, answer.text
    check_schema(writable, "ImportAnswer", answer.json())
    result = answer.json()["imported"][0]
    assert (result["path"], result["format"], result["added"]) == ("two_units.tmx", "tmx", 2)
    assert writable.get("/api/stats").json()["units"] == before + 2
    hit = writable.get("/api/search", params={"q": "Комитет по правам трудящихся-мигрантов"}).json()["hits"][0]
    assert hit["target"] == "Committee on Migrant Workers"


# (filename, body, status, message) of an import refused.
BAD_IMPORTS = [
    (None, b"x", 400, "missing filename"),
    ("../../etc/passwd", b"x", 400, "'../../etc/passwd' is not a plain file name"),
    (".hidden.tmx", b"x", 400, "is not a plain file name"),
    ("a b.tmx", b"x", 400, "is not a plain file name"),
    ("bad.tmx", b"<tmx><body><tu>", 400, "bad.tmx"),
    ("picture.tmx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, 400, "picture.tmx"),
]


@pytest.mark.parametrize(("filename", "body", "status", "message"), BAD_IMPORTS, ids=[str(b[0]) for b in BAD_IMPORTS])
def test_a_bad_import_names_the_upload_and_writes_nothing(writable: TestClient, filename: str | None, body: bytes,
                                                          status: int, message: str) -> None:
    url = "/api/import" + (f"?filename={quote(filename)}" if filename is not None else "")
    answer = writable.post(url, content=body, headers=AUTH)
    assert answer.status_code == status
    error = answer.json()["error"]
    assert message in error and "tmtool-serve-" not in error  # the upload's name, not the temporary path
    assert writable.get("/api/stats").json()["units"] == 272


def test_a_body_over_the_limit_is_413(tmp_path: Path, served_db: Path) -> None:
    from tm.server.app import ServerConfig, create_app
    small = TestClient(create_app(ServerConfig(str(served_db), token=TOKEN, max_body=1000)))
    answer = small.post("/api/import?filename=big.tmx", content=b"x" * 1001, headers=AUTH)
    assert answer.status_code == 413
    assert answer.json()["error"] == ("the request body is 1,001 bytes or more; this server takes at most 1,000 "
                                      "(--max-body)")
    chunked = small.post("/api/import?filename=big.tmx", content=iter([b"x" * 600, b"x" * 600]), headers=AUTH)
    assert chunked.status_code == 413


def test_build_with_the_token_stores_the_document_and_its_terms(writable: TestClient) -> None:
    body = {"name": "ilo2.ru.txt", "source": (DATA / "ilo.ru.txt").read_text(encoding="utf-8"),
            "target": (DATA / "ilo.en.txt").read_text(encoding="utf-8")}
    answer = writable.post("/api/build", content=json.dumps(body), headers=AUTH)
    assert answer.status_code == 200, answer.text
    check_schema(writable, "BuildAnswer", answer.json())
    assert answer.json()["document"] == "ilo2.ru.txt" and answer.json()["units"] == 6
    names = [d["name"] for d in writable.get("/api/documents").json()["documents"]]
    assert names == ["A_58_98.ru.txt", "ilo.ru.txt", "ilo2.ru.txt"]
    entry = writable.get("/api/terms", params={"q": "МОТ"}).json()["terms"][0]
    assert ("ilo2.ru.txt", 4) in [tuple(d) for d in entry["documents"]]


BAD_BUILDS: list[tuple[Any, str]] = [
    (b"not json", "the body is not JSON"),
    (b"[1, 2]", 'the body needs {"name"'),
    (json.dumps({"name": "a.txt"}).encode(), 'the body needs {"name"'),
    (json.dumps({"source": "Текст."}).encode(), "missing name"),
    (json.dumps({"name": "a.txt", "source": "Текст.", "src_lang": "xx"}).encode(), "no language profile for 'xx'"),
    (json.dumps({"name": "a.txt", "source": "Текст.", "target": 5}).encode(), "invalid value for 'target'"),
]


@pytest.mark.parametrize(("body", "message"), BAD_BUILDS, ids=[m for _, m in BAD_BUILDS])
def test_a_bad_build_is_400(writable: TestClient, body: bytes, message: str) -> None:
    answer = writable.post("/api/build", content=body, headers=AUTH)
    assert answer.status_code == 400
    assert message in answer.json()["error"]


# --- the OpenAPI description matches the answers ------------------------------------------------

# (url, the schema its answer must satisfy)
ANSWERS = [
    (f"/api/search?q={quote(NEAR)}", "SearchAnswer"),
    ("/api/concordance?q=трудящихся-мигрантов", "ConcordanceAnswer"),
    ("/api/terms?q=МОТ", "TermsAnswer"),
    ("/api/terms?q=ЖЖЖЖЖ", "Error"),
    ("/api/documents", "DocumentsAnswer"),
    ("/api/stats", "Stats"),
    (f"/tmserver/ru/en/unit/{quote(NEAR)}", "TmserverUnits"),
    ("/nowhere", "Error"),
]


def check_schema(client: TestClient, schema: str, answer: object) -> None:
    """The answer satisfies the schema of that name in the server's /openapi.json."""
    jsonschema = pytest.importorskip("jsonschema")
    spec = client.get("/openapi.json").json()
    jsonschema.Draft202012Validator({**spec["components"]["schemas"][schema], **spec}).validate(answer)


@pytest.mark.parametrize(("url", "schema"), ANSWERS, ids=[s for _, s in ANSWERS])
def test_each_answer_is_what_openapi_json_says(client: TestClient, url: str, schema: str) -> None:
    answer = client.get(url).json()
    assert answer, url
    check_schema(client, schema, answer)


@pytest.mark.parametrize(("dataclass_name", "schema"), [("Hit", "Hit"), ("TermEntry", "TermEntry"),
                                                        ("DocumentInfo", "Document"), ("ImportResult", None)])
def test_the_schemas_name_every_field_of_the_library_s_data(dataclass_name: str, schema: str | None) -> None:
    from dataclasses import fields

    from glossary.model import TermEntry
    from tm.importer import ImportResult
    from tm.model import DocumentInfo
    from tm.search import Hit
    from tm.server.routes import SCHEMAS

    kinds = {"Hit": Hit, "TermEntry": TermEntry, "DocumentInfo": DocumentInfo, "ImportResult": ImportResult}
    described = (SCHEMAS[schema] if schema else SCHEMAS["ImportAnswer"]["properties"]["imported"]["items"])
    assert {f.name for f in fields(kinds[dataclass_name])} <= set(described["properties"])
