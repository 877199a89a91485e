"""The write routes of `tmtool serve`: import a file, build a document; only with the server's token.

The token is checked before the body is read, and the body is read up to the server's limit. The
upload goes to a private temporary directory under its own base name, so tm.app reads it as it
reads a file on disk; messages name the upload, not the temporary path.
"""
from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any, TypeVar

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from tm.app import build_bilingual, build_memory, import_files, store_with_termbase
from tm.errors import TmtoolError
from tm.server.api import LANGUAGE, ApiError, authorize, error_status
from tm.server.pool import StorePool

# A name an upload may have: letters, digits, dot, dash, underscore; so no directory part.
SAFE_NAME = re.compile(r"[\w.-]{1,200}")
T = TypeVar("T")


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 once it passes limit bytes (declared or streamed)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ApiError(413, too_large(int(declared), limit))
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, too_large(size, limit))
        chunks.append(chunk)
    return b"".join(chunks)


def too_large(size: int, limit: int) -> str:
    return f"the request body is {size:,} bytes or more; this server takes at most {limit:,} (--max-body)"


def upload_name(name: str | None, what: str) -> str:
    """A file name for an upload: safe characters only, no directory part, not hidden."""
    if not name:
        raise ApiError(400, f"missing {what}: the file's name tells its format (e.g. project.tmx)")
    if not SAFE_NAME.fullmatch(name) or name.startswith("."):
        raise ApiError(400, f"{what} {name[:60]!r} is not a plain file name (letters, digits, '.', '-', '_')")
    return name


def language(value: object, name: str, default: str | None) -> str | None:
    if value is None:
        return default
    if not isinstance(value, str) or not LANGUAGE.fullmatch(value):
        raise ApiError(400, f"invalid value for {name!r}: {str(value)[:40]!r} is not a language code")
    return value


class Writes:
    """Import and build over HTTP into the pool's store; each write makes every thread reopen it."""

    def __init__(self, pool: StorePool, token: str | None, max_body: int) -> None:
        self.pool = pool
        self.token = token
        self.max_body = max_body

    async def import_file(self, request: Request) -> JSONResponse:
        authorize(request, self.token)
        name = upload_name(request.query_params.get("filename"), "filename")
        src = language(request.query_params.get("src_lang"), "src_lang", None)
        tgt = language(request.query_params.get("tgt_lang"), "tgt_lang", None)
        data = await read_body(request, self.max_body)
        results = await run_in_threadpool(self.in_upload_dir, lambda d: self.imported(d, name, data, src, tgt))
        return JSONResponse({"imported": results})

    def imported(self, folder: Path, name: str, data: bytes, src: str | None, tgt: str | None
                 ) -> list[dict[str, Any]]:
        path = folder / name
        path.write_bytes(data)
        results = [asdict(r) for r in import_files(self.pool.store(), [path], src_lang=src, tgt_lang=tgt)]
        return [{**r, "path": name} for r in results]

    async def build(self, request: Request) -> JSONResponse:
        authorize(request, self.token)
        data = await read_body(request, self.max_body)
        try:
            fields = json.loads(data)
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            raise ApiError(400, f"the body is not JSON: {err}") from err
        if not isinstance(fields, dict) or not isinstance(fields.get("source"), str):
            raise ApiError(400, 'the body needs {"name": "report.ru.txt", "source": "<text>"} '
                                '(optional: "target", "src_lang", "tgt_lang")')
        summary = await run_in_threadpool(self.in_upload_dir, lambda d: self.built(d, fields))
        return JSONResponse(summary)

    def built(self, folder: Path, fields: dict[str, Any]) -> dict[str, Any]:
        name = upload_name(fields.get("name"), "name")
        src = language(fields.get("src_lang"), "src_lang", "ru") or "ru"
        tgt = language(fields.get("tgt_lang"), "tgt_lang", "en") or "en"
        target = fields.get("target")
        if target is not None and not isinstance(target, str):
            raise ApiError(400, "invalid value for 'target': give the translation as a string")
        source = folder / name
        source.write_text(fields["source"], encoding="utf-8")
        if target is None:
            result = build_memory(source, src_lang=src, tgt_lang=tgt, doc=name)
        else:
            (folder / "target").mkdir()
            (folder / "target" / name).write_text(target, encoding="utf-8")
            result = build_bilingual(source, folder / "target" / name, src_lang=src, tgt_lang=tgt, doc=name)
        entries = store_with_termbase(self.pool.store(), result)
        return {"document": name, "units": len(result.units), "terms": len(entries), "summary": result.info.summary}

    def in_upload_dir(self, work: Callable[[Path], T]) -> T:
        """Run work in a fresh private directory; errors name the upload, not the directory."""
        with tempfile.TemporaryDirectory(prefix="tmtool-serve-") as folder:
            try:
                return work(Path(folder))
            except TmtoolError as err:
                message = str(err).replace(str(Path(folder) / "target") + "/", "").replace(folder + "/", "")
                raise ApiError(error_status(err), message) from err
            finally:
                self.pool.changed()
