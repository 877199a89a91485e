"""The JSON API of `tmtool serve`: each route reads its parameters, calls the library, returns JSON.

Reads: fuzzy search (tm.search), concordance (tm.concordance), term lookup (glossary.lookup), the
documents and the stats of the store, and translate-toolkit's tmserver/amaGama route. Writes
(import, build) go through tm.app and only with the token the server was started with. Every
error is a JSON object {"error": "<the CLI's one-line message>"} with a fitting status.
"""
from __future__ import annotations

import hmac
import re
from dataclasses import asdict, fields
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

from glossary.lookup import TermNotFound, find_terms
from glossary.reference import Reference
from tm.app import diff_parts, store_stats
from tm.concordance import ConcordanceHit, concordance
from tm.documents import find_document
from tm.errors import StoreError, TmtoolError
from tm.query import query_problem
from tm.search import DEFAULT_MIN_SCORE, Hit, Searcher, normalize_text
from tm.server.pool import StorePool
from tm.store import Store, without_password
from tm.stored_terms import store_terms

MAX_LIMIT = 100
# A language code as CAT tools send it: "ru", "en_US", "pt-BR", "sr-Latn".
LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")
TRUE, FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off", "")


class ApiError(Exception):
    """A request the API refuses: its HTTP status and one-line message."""

    def __init__(self, status: int, message: str, **extra: object) -> None:
        self.status = status
        self.message = message
        self.extra = extra
        super().__init__(message)


def query_text(request: Request, name: str = "q") -> str:
    """The query parameter, refused when missing, empty or longer than the CLI takes."""
    text = request.query_params.get(name)
    if text is None:
        raise ApiError(400, f"missing parameter {name!r}: give some text to search for")
    return checked_query(text)


def checked_query(text: str) -> str:
    problem = query_problem(text)
    if problem:
        raise ApiError(400, problem)
    return text


def number_param(request: Request, name: str, default: float, low: float, high: float) -> float:
    """A numeric parameter within [low, high], else 400 with click's wording."""
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ApiError(400, f"invalid value for {name!r}: {raw[:40]!r} is not a number") from None
    if not low <= value <= high:
        raise ApiError(400, f"invalid value for {name!r}: {raw} is not in the range {low:g}<=x<={high:g}")
    return value


def limit_param(request: Request, name: str, default: int) -> int:
    value = number_param(request, name, default, 1, MAX_LIMIT)
    if value != int(value):
        raise ApiError(400, f"invalid value for {name!r}: {value:g} is not a whole number")
    return int(value)


def flag_param(request: Request, name: str) -> bool:
    raw = request.query_params.get(name, "").lower()
    if raw not in TRUE + FALSE:
        raise ApiError(400, f"invalid value for {name!r}: {raw[:40]!r} is not one of {', '.join(TRUE + FALSE[:-1])}")
    return raw in TRUE


def doc_param(request: Request, store: Store) -> str | None:
    """The document named by ?doc=, or None; 404 with the CLI's message when the store has none of that name."""
    name = request.query_params.get("doc")
    if name is None:
        return None
    try:
        return find_document(store, name).name
    except StoreError as err:
        raise ApiError(404, str(err)) from err


def hit_json(query: str, hit: Hit) -> dict[str, Any]:
    """A fuzzy hit with its match % and its source as runs marked same/insert/delete."""
    parts = diff_parts(normalize_text(query), normalize_text(hit.source))
    # Field by field: dataclasses.asdict deep-copies every value, most of the cost of a hit's JSON.
    data = {f.name: getattr(hit, f.name) for f in fields(hit)}
    data["diffs"] = [{f.name: getattr(d, f.name) for f in fields(d)} for d in hit.diffs]
    return {**data, "percent": hit.percent, "parts": [{"kind": k, "text": t} for k, t in parts]}


def concordance_json(hit: ConcordanceHit) -> dict[str, Any]:
    """A concordance hit with its source as runs, the occurrences of the phrase marked."""
    parts, done = [], 0
    for start, end in hit.spans:
        parts += [{"kind": "same", "text": hit.source[done:start]}, {"kind": "mark", "text": hit.source[start:end]}]
        done = end
    parts.append({"kind": "same", "text": hit.source[done:]})
    return {"id": hit.id, "source": hit.source, "target": hit.target, "spans": [list(s) for s in hit.spans],
            "parts": [p for p in parts if p["text"]]}


class Api:
    """The read routes over one pool of stores; the reference table is loaded once."""

    def __init__(self, pool: StorePool) -> None:
        self.pool = pool
        self.reference = Reference.load()

    def search(self, request: Request) -> JSONResponse:
        query = query_text(request)
        min_score = number_param(request, "min_score", DEFAULT_MIN_SCORE, 0, 100)
        limit = limit_param(request, "limit", 5)
        store = self.pool.store()
        hits = Searcher(store).search(query, min_score=min_score, limit=limit, doc=doc_param(request, store))
        return JSONResponse({"query": query, "hits": [hit_json(query, h) for h in hits]})

    def concordance(self, request: Request) -> JSONResponse:
        query = query_text(request)
        limit = limit_param(request, "limit", 20)
        inflect = not flag_param(request, "exact")
        store = self.pool.store()
        hits = concordance(store, query, limit=limit, inflect=inflect, doc=doc_param(request, store))
        return JSONResponse({"query": query, "hits": [concordance_json(h) for h in hits]})

    def terms(self, request: Request) -> JSONResponse:
        query = query_text(request)
        store = self.pool.store()
        try:
            found = find_terms(store_terms(store, doc_param(request, store)), query, self.reference)
        except TermNotFound as err:
            raise ApiError(404, str(err), suggestions=list(err.suggestions)) from err
        return JSONResponse({"query": query, "terms": [asdict(e) for e in found]})

    def documents(self, request: Request) -> JSONResponse:
        return JSONResponse({"documents": [asdict(d) for d in self.pool.store().documents()]})

    def stats(self, request: Request) -> JSONResponse:
        found = store_stats(self.pool.store())
        return JSONResponse({"store": without_password(self.pool.location), **asdict(found)})

    def tmserver(self, request: Request) -> JSONResponse:
        """translate-toolkit's tmserver and amaGama: [{source, target, quality, rank}], best first."""
        src, tgt = request.path_params["src"], request.path_params["tgt"]
        text = request.path_params.get("text") or request.query_params.get("source", "")
        store = self.pool.store()
        check_languages(store, src, tgt)
        min_score = number_param(request, "min_similarity", DEFAULT_MIN_SCORE, 0, 100)
        hits = Searcher(store).search(checked_query(text), min_score=min_score,
                                      limit=limit_param(request, "max_candidates", 5))
        return JSONResponse([{"source": h.source, "target": h.target, "quality": h.score, "rank": h.similarity}
                             for h in hits])


def primary(code: str) -> str:
    """The language subtag of a code: "en_US" -> "en"."""
    return re.split(r"[-_]", code, maxsplit=1)[0].lower()


def check_languages(store: Store, src: str, tgt: str) -> None:
    """400 for a malformed code, 404 for a language pair the store holds no document of."""
    for code in (src, tgt):
        if not LANGUAGE.fullmatch(code):
            raise ApiError(400, f"{code[:40]!r} is not a language code (e.g. ru, en, en_US)")
    held = sorted({(d.src_lang, d.tgt_lang) for d in store.documents()})
    if (primary(src), primary(tgt)) not in {(primary(s), primary(t)) for s, t in held}:
        pairs = ", ".join(f"{s}→{t}" for s, t in held) or "nothing yet"
        raise ApiError(404, f"this store has no {src}→{tgt} memory (it holds {pairs})")


def error_status(err: TmtoolError) -> int:
    """The HTTP status of a library error: 404 for no such term, 503 for a store that fails, else 400."""
    if isinstance(err, TermNotFound):
        return 404
    return 503 if isinstance(err, StoreError) else 400


def authorize(request: Request, token: str | None) -> None:
    """Writes need the token given at start, compared in constant time; none at all when read-only."""
    if token is None:
        raise ApiError(403, "this server is read-only: start it with --writable --token TOKEN to import or build")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ApiError(401, "this needs the server's token: send the header 'Authorization: Bearer TOKEN'")
