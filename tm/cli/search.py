"""The `import` and `search` commands: thin wrappers over tm.importer, tm.search and tm.concordance."""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import click

from tm.cli.common import as_dict, db_option
from tm.errors import InputError
from tm.query import DEFAULT_MIN_SCORE, EMPTY_QUERY, MAX_QUERY_CHARS, too_long

if TYPE_CHECKING:  # the commands import them: rapidfuzz, the store and numpy are not needed for --help
    from tm.concordance import ConcordanceHit
    from tm.importer import ImportResult
    from tm.search import Hit, Searcher
    from tm.store import Store


def describe_import(result: ImportResult) -> str:
    skipped = sum(result.skipped.values())
    line = (f"{result.path}: {result.format}, added {result.added}, duplicates {result.duplicates}, "
            f"skipped {skipped}")
    reasons = ", ".join(f"{reason}: {n}" for reason, n in sorted(result.skipped.items()))
    line = f"{line} ({reasons})" if reasons else line
    return f"{line}; repaired control characters: {result.repaired}" if result.repaired else line


@click.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True))
@click.option("--src-lang", help="Source language when a file does not give one (e.g. a PO file).")
@click.option("--tgt-lang", help="Target language when a file does not give one.")
@click.option("--huge-text", is_flag=True,
              help="TMX/XLIFF: read texts longer than the XML reader's 10,000,000-character guard.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file (JSON Lines).")
@db_option
def import_command(files: tuple[str, ...], src_lang: str | None, tgt_lang: str | None, huge_text: bool,
                   as_json: bool, db: str) -> None:
    """Add TMX, PO, CSV, XLIFF 1.2 or 2.0, Qt TS, MO or TBX 2008 files to the store (format from
    content, else extension; the last four read by translate-toolkit).

    \b
    Each file is one transaction: a file that fails adds nothing.
    Identical source+target pairs are added once.
    Examples:
      tmtool import project_save.tmx
      tmtool import messages.po --src-lang en
      tmtool import app_ru.ts messages.mo --src-lang ru
    """
    import json

    from exports._xmlread import allow_huge_text
    from tm.app import import_files
    from tm.store import open_store

    allow_huge_text(huge_text)
    with open_store(db) as store:
        for result in import_files(store, files, src_lang=src_lang, tgt_lang=tgt_lang):
            click.echo(json.dumps(as_dict(result), ensure_ascii=False) if as_json else describe_import(result))


def hit_json(hit: Hit) -> dict[str, object]:
    data = as_dict(hit)
    data["diffs"] = [as_dict(d) for d in hit.diffs]
    return data


def concordance_json(hit: ConcordanceHit) -> dict[str, object]:
    return {"id": hit.id, "source": hit.source, "target": hit.target, "spans": [list(s) for s in hit.spans]}


def echo_hits(query: str, hits: list[Hit]) -> None:
    from tm.search import highlight, normalize_text

    if not hits:
        click.echo("no match")
    for hit in hits:
        flag = "  numbers differ" if hit.numbers_differ else ""
        click.echo(f"{hit.percent:3d}%  {hit.band:<8}  {hit.id}{flag}")
        click.echo(f"      source: {highlight(query, normalize_text(hit.source))}")
        click.echo(f"      target: {hit.target}")


def echo_concordance(hits: list[ConcordanceHit]) -> None:
    if not hits:
        click.echo("no match")
    for hit in hits:
        click.echo(f"{hit.id}\n      source: {hit.marked()}\n      target: {hit.target}")


def batch_lines(path: str) -> Iterator[str]:
    """Non-empty lines of a query file ('-' is stdin), each at most MAX_QUERY_CHARS long."""
    from tm.textio import decode_text, read_bytes

    for number, line in enumerate(decode_text(read_bytes(path), path).splitlines(), start=1):
        if len(line) > MAX_QUERY_CHARS:
            raise InputError(path, too_long(line), line=number)
        if line.strip():
            yield line


def check_query(text: str | None, batch: str | None) -> None:
    """One query or a batch file, not both; a query that is neither empty nor too long."""
    if text is not None and batch:
        raise click.UsageError("give TEXT or --batch FILE, not both")
    if text is None and not batch:
        raise click.UsageError("give TEXT to search for, or --batch FILE (one query per line)")
    if text is not None and not text.strip():
        raise click.ClickException(EMPTY_QUERY)
    if text is not None and len(text) > MAX_QUERY_CHARS:
        raise click.ClickException(too_long(text))


def find_concordance(store: Store, text: str, limit: int, exact: bool, doc: str | None) -> list[ConcordanceHit]:
    """tm.concordance, imported by the searches that need it (a fuzzy search does not)."""
    from tm.concordance import concordance

    return concordance(store, text, limit=limit, inflect=not exact, doc=doc)


def run_query(store: Store, searcher: Searcher, text: str, as_concordance: bool, min_score: float,
              limit: int, exact: bool, doc: str | None = None) -> list[dict[str, object]]:
    """The hits of one query (in document doc, when given) as JSON-ready dicts."""
    if as_concordance:
        return [concordance_json(h) for h in find_concordance(store, text, limit, exact, doc)]
    return [hit_json(h) for h in searcher.search(text, min_score=min_score, limit=limit, doc=doc)]


def check_document(store: Store, doc: str) -> None:
    """StoreError naming doc when the store has no such document (tm.documents: only --doc needs it)."""
    from tm.documents import find_document

    find_document(store, doc)


# The exit status of a look-up that finds nothing (search, terms lookup): like grep, with the
# output still printed ("no match", or the JSON object with no hits).
NO_RESULT = 1


def check_options(ctx: click.Context, as_concordance: bool, exact: bool) -> None:
    """An option that does not apply to the kind of search asked for is a usage error, not ignored."""
    if exact and not as_concordance:
        raise click.UsageError("--exact applies to --concordance only")
    if as_concordance and ctx.get_parameter_source("min_score") is not click.core.ParameterSource.DEFAULT:
        raise click.UsageError("--min-score applies to fuzzy search, not to --concordance")


@click.command("search")
@click.argument("text", required=False)
@click.option("--min-score", type=click.FloatRange(0, 100), default=DEFAULT_MIN_SCORE, show_default=True,
              help="Lowest match percentage shown (fuzzy search).")
@click.option("--limit", type=click.IntRange(1), default=None, help="Most hits per query [5; concordance 20].")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per query (score, source, target, id...).")
@click.option("--concordance", "as_concordance", is_flag=True, help="Find TEXT as a word or phrase inside segments.")
@click.option("--exact", is_flag=True, help="Concordance: match words as written, not their inflected forms.")
@click.option("--batch", type=click.Path(allow_dash=True, dir_okay=False), help="Queries, one per line ('-' = stdin).")
@click.option("--doc", help="Only the units of this document (see tmtool docs list).")
@db_option
@click.pass_context
def search_command(ctx: click.Context, text: str | None, min_score: float, limit: int | None, as_json: bool,
                   as_concordance: bool, exact: bool, batch: str | None, doc: str | None, db: str) -> None:
    """Fuzzy matches of TEXT in the store with CAT-style match % (100 = identical).

    \b
    Differences are marked [-query-]{+memory+}; bands: 95-99, 85-94, 75-84.
    Exits 1 when no query finds anything (the output says "no match").
    Examples:
      tmtool search "Доклад Генерального секретаря" --min-score 80
      tmtool search --concordance "планирование семьи"
      tmtool search --batch queries.txt --json
    """
    check_query(text, batch)
    check_options(ctx, as_concordance, exact)
    import json

    from tm.search import Searcher, normalize_text
    from tm.store import open_store

    limit = limit or (20 if as_concordance else 5)
    queries = batch_lines(batch) if batch else iter([text or ""])
    found = 0
    with open_store(db, create=False, readonly=True) as store:
        if doc is not None:
            check_document(store, doc)
        searcher = Searcher(store)
        for query in queries:
            if batch and not as_json:
                click.echo(f"== {query}")
            if as_json:
                hits = run_query(store, searcher, query, as_concordance, min_score, limit, exact, doc)
                click.echo(json.dumps({"query": query, "hits": hits}, ensure_ascii=False))
                found += len(hits)
            elif as_concordance:
                lines = find_concordance(store, query, limit, exact, doc)
                echo_concordance(lines)
                found += len(lines)
            else:
                matches = searcher.search(query, min_score=min_score, limit=limit, doc=doc)
                echo_hits(normalize_text(query), matches)
                found += len(matches)
    if not found:
        ctx.exit(NO_RESULT)
