"""The API's routes as one table: the server mounts them and /openapi.json describes them from it.

Each operation names the Api or Writes method that answers it, its parameters and what it
returns; adding a route is one row here and one method there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tm.version import TOOL_VERSION


@dataclass(frozen=True, slots=True)
class Param:
    """One parameter: in the query or the path, with its JSON type."""

    name: str
    kind: str
    description: str
    where: str = "query"
    required: bool = False


@dataclass(frozen=True, slots=True)
class Operation:
    """One route: method, path (Starlette syntax), the method that answers, and its description."""

    method: str
    path: str
    handler: str
    summary: str
    params: tuple[Param, ...] = ()
    returns: str = "application/json"
    body: str = ""  # the media type of the request body, "" for none
    writes: bool = False
    answer: str = ""  # the schema of the 200 answer, in SCHEMAS


Q = Param("q", "string", "the text: a sentence, a word or phrase, a term (at most 2,000 characters)", required=True)
LANGS = (Param("src", "string", "source language, e.g. ru or ru_RU", "path", True),
         Param("tgt", "string", "target language, e.g. en or en_US", "path", True))
MIN_SIMILARITY = Param("min_similarity", "number", "lowest match %, 0-100 (default 75)")
DOC = Param("doc", "string", "only the units (or terms) of this document, by name (see /api/documents)")
MAX_CANDIDATES = Param("max_candidates", "integer", "most hits, 1-100 (default 5)")

OPERATIONS = (
    Operation("GET", "/api/search", "search", "Fuzzy matches of a sentence with CAT-style match % (100 = identical)",
              (Q, Param("min_score", "number", "lowest match %, 0-100 (default 75)"),
               Param("limit", "integer", "most hits, 1-100 (default 5)"), DOC), answer="SearchAnswer"),
    Operation("GET", "/api/concordance", "concordance", "Units whose source holds a word or phrase (any form)",
              (Q, Param("limit", "integer", "most hits, 1-100 (default 20)"),
               Param("exact", "boolean", "match words as written, not their inflected forms"), DOC),
              answer="ConcordanceAnswer"),
    Operation("GET", "/api/terms", "terms", "Term entries by Russian or English acronym or full name, or a part of one",
              (Q, DOC), answer="TermsAnswer"),
    Operation("GET", "/api/documents", "documents", "The stored documents: name, languages, signature, summary",
              answer="DocumentsAnswer"),
    Operation("GET", "/api/stats", "stats", "What the store holds: documents, units, translated units",
              answer="Stats"),
    Operation("GET", "/tmserver/{src}/{tgt}/unit/{text:path}", "tmserver",
              "translate-toolkit tmserver / amaGama: a JSON list of {source, target, quality, rank}, best first",
              (*LANGS, Param("text", "string", "the source text, URL-encoded", "path", True), MIN_SIMILARITY,
               MAX_CANDIDATES), answer="TmserverUnits"),
    Operation("GET", "/tmserver/{src}/{tgt}/unit/", "tmserver", "The same, with the text in ?source=",
              (*LANGS, Param("source", "string", "the source text", required=True), MIN_SIMILARITY, MAX_CANDIDATES),
              answer="TmserverUnits"),
    Operation("POST", "/api/import", "import_file",
              "Import a TMX, PO, CSV or XLIFF file sent as the body (needs the token)",
              (Param("filename", "string", "the file's name; its extension tells the format", required=True),
               Param("src_lang", "string", "source language when the file gives none"),
               Param("tgt_lang", "string", "target language when the file gives none")),
              body="application/octet-stream", writes=True, answer="ImportAnswer"),
    Operation("POST", "/api/build", "build",
              'Build a document: {"name", "source", optional "target", "src_lang", "tgt_lang"} (needs the token)',
              body="application/json", writes=True, answer="BuildAnswer"),
)

def obj(**properties: Any) -> dict[str, Any]:
    """An object schema; every property is required."""
    return {"type": "object", "required": list(properties), "properties": properties}


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def array(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


STR, NUM, INT, BOOL = {"type": "string"}, {"type": "number"}, {"type": "integer"}, {"type": "boolean"}
COUNTS = {"type": "object", "additionalProperties": INT}
# The JSON the routes answer; tests/server/test_api.py checks these against the dataclasses.
SCHEMAS: dict[str, dict[str, Any]] = {
    "Error": {"type": "object", "required": ["error"], "properties": {"error": STR, "suggestions": array(STR)}},
    "Part": obj(kind={"enum": ["same", "insert", "delete", "mark"]}, text=STR),
    "Diff": obj(op={"enum": ["insert", "delete", "replace"]}, query=STR, source=STR),
    "Hit": obj(score=NUM, band=STR, id=STR, source=STR, target=STR, similarity=NUM, diffs=array(ref("Diff")),
               numbers_differ=BOOL, percent=INT, parts=array(ref("Part"))),
    "SearchAnswer": obj(query=STR, hits=array(ref("Hit"))),
    "ConcordanceHit": obj(id=STR, source=STR, target=STR, spans=array(array(INT)), parts=array(ref("Part"))),
    "ConcordanceAnswer": obj(query=STR, hits=array(ref("ConcordanceHit"))),
    "TermEntry": obj(id=STR, kind={"enum": ["acronym", "name"]}, ru_acronym=STR, ru_full_form=STR,
                     ru_full_form_in_text=STR, ru_variants=array(STR), en_acronym=STR, en_full_form=STR,
                     occurrences=INT, first_unit=STR, context=STR, found=STR, en_source=STR, notes=array(STR),
                     documents=array(array({"oneOf": [STR, INT]}))),
    "TermsAnswer": obj(query=STR, terms=array(ref("TermEntry"))),
    "Document": obj(name=STR, src_lang=STR, tgt_lang=STR, checksum=STR, signature=STR, summary=COUNTS,
                    symbol=STR),
    "DocumentsAnswer": obj(documents=array(ref("Document"))),
    "Stats": obj(store=STR, documents=INT, units=INT, translated=INT,
                 by_document={"type": "object", "additionalProperties": COUNTS},
                 symbols={"type": "object", "additionalProperties": STR}),
    "TmserverUnits": array(obj(source=STR, target=STR, quality=NUM, rank=NUM)),
    "ImportAnswer": obj(imported=array(obj(path=STR, format=STR, doc=STR, added=INT, duplicates=INT,
                                           skipped=COUNTS, repaired=INT))),
    "BuildAnswer": obj(document=STR, units=INT, terms=INT, summary=COUNTS),
}

ERRORS = {"400": "bad input: empty or too long query, bad parameter", "401": "missing or wrong token",
          "403": "the server is read-only", "404": "no such route, term or language pair",
          "405": "method not allowed", "413": "request body too large"}


def openapi_path(path: str) -> str:
    return re.sub(r"\{(\w+):\w+\}", r"{\1}", path)


def describe(op: Operation) -> dict[str, Any]:
    """One operation as OpenAPI 3.1."""
    spec: dict[str, Any] = {
        "operationId": f"{op.handler}{'_by_query' if op.path.endswith('/') else ''}",
        "summary": op.summary,
        "parameters": [{"name": p.name, "in": p.where, "required": p.required or p.where == "path",
                        "description": p.description, "schema": {"type": p.kind}} for p in op.params],
        "responses": {"200": {"description": "OK", "content": {op.returns: {"schema": ref(op.answer)}}},
                      **{code: {"description": why, "content": {"application/json": {"schema": {
                          "$ref": "#/components/schemas/Error"}}}} for code, why in ERRORS.items()}},
    }
    if op.body:
        spec["requestBody"] = {"required": True, "content": {op.body: {}}}
    if op.writes:
        spec["security"] = [{"token": []}]
    return spec


def openapi() -> dict[str, Any]:
    """The OpenAPI description of every route in OPERATIONS."""
    paths: dict[str, dict[str, Any]] = {}
    for op in OPERATIONS:
        paths.setdefault(openapi_path(op.path), {})[op.method.lower()] = describe(op)
    return {
        "openapi": "3.1.0",
        "info": {"title": "tmtool serve", "version": TOOL_VERSION,
                 "description": "Translation memory and termbase look-ups over HTTP. Errors are "
                                '{"error": "<one-line message>"}; writes need "Authorization: Bearer TOKEN".'},
        "paths": paths,
        "components": {"schemas": SCHEMAS, "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}}},
    }
