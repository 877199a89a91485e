"""The `tmtool terms` commands: look up, list and export the termbase built with the memory."""
from __future__ import annotations

from typing import TYPE_CHECKING

import click

from tm.cli.common import (
    FormatChoice,
    TableChoice,
    TmtoolGroup,
    as_dict,
    db_option,
    echo_written,
    json_report_option,
    refuse_inapplicable,
    refuse_json_on_stdout,
    refuse_terminal,
    resolve_format,
)

if TYPE_CHECKING:
    from glossary.model import TermEntry

# The kind first: a column that is never empty (names have no acronym).
LIST_HEADER = ("kind", "ru_acronym", "ru_full_form", "en_acronym", "en_full_form", "occurrences", "documents")
NO_RESULT = 1  # a look-up that finds nothing exits 1, as `tmtool search` does


def stored_terms(db: str, doc: str | None = None) -> list[TermEntry]:
    """The store's termbase, one entry per concept across its documents; with doc, that
    document's own entries."""
    from tm.store import open_store
    from tm.stored_terms import store_terms

    with open_store(db, create=False, readonly=True) as store:
        return store_terms(store, doc)


def entry_json(entry: TermEntry) -> dict[str, object]:
    data = as_dict(entry)
    data["notes"] = list(entry.notes)
    data["ru_variants"] = list(entry.ru_variants)
    data["documents"] = [list(d) for d in entry.documents]
    return data


def entry_text(entry: TermEntry) -> str:
    """"МОТ — Международная организация труда" and, indented, English, counts and context."""
    from tm.wording import plural

    ru = " — ".join(x for x in (entry.ru_acronym, entry.ru_full_form) if x)
    en = " — ".join(x for x in (entry.en_acronym, entry.en_full_form) if x) or "(no English name)"
    lines = [ru, f"  en: {en}",
             f"  {plural(entry.occurrences, 'occurrence')}; found: {entry.found}; first unit {entry.first_unit}"]
    if len(entry.documents) > 1:
        lines.append("  documents: " + "; ".join(f"{d} ({n})" for d, n in entry.documents))
    if entry.ru_full_form_in_text and entry.ru_full_form_in_text != entry.ru_full_form:
        lines.append(f"  in the text: {entry.ru_full_form_in_text}")
    lines += [f"  also: {v}" for v in entry.ru_variants]
    if entry.context:
        lines.append(f"  context: {entry.context}")
    lines += [f"  note: {n}" for n in entry.notes]
    return "\n".join(lines)


@click.group(cls=TmtoolGroup)
def terms() -> None:
    """The termbase: acronyms and named bodies of the built documents, with English names."""


@terms.command()
@click.argument("query")
@click.option("--json", "as_json", is_flag=True,
              help='One JSON object: {"query", "terms": [...], "suggestions": [...]}, on a miss too.')
@db_option
@click.pass_context
def lookup(ctx: click.Context, query: str, as_json: bool, db: str) -> None:
    """Find a term by Russian or English acronym, either full name, or a part of one.

    \b
    Examples:
      tmtool terms lookup МОТ
      tmtool terms lookup ilo
      tmtool terms lookup "организация труда"
      tmtool terms lookup МОТа            # case endings, Latin look-alikes (MOT), ООН = Организация Объединенных Наций
    Whole words only; a term of the reference table that is not in the documents is shown as
    "found: reference". Exits 1, with the nearest terms, when nothing matches.
    """
    import json

    from glossary.lookup import TermNotFound, bundled_reference, find_terms

    entries = stored_terms(db)
    if not as_json:
        click.echo("\n\n".join(entry_text(e) for e in find_terms(entries, query, bundled_reference)))
        return
    suggestions: tuple[str, ...] = ()
    try:
        found = find_terms(entries, query, bundled_reference)
    except TermNotFound as miss:
        found, suggestions = [], miss.suggestions
    answer = {"query": query, "terms": [entry_json(e) for e in found], "suggestions": list(suggestions)}
    click.echo(json.dumps(answer, ensure_ascii=False, indent=2))
    if not found:
        ctx.exit(NO_RESULT)


@terms.command(name="list")
@click.option("--kind", type=TableChoice("glossary.model:KINDS"), help="Only acronyms or only names.")
@click.option("--doc", help="Only the terms of this document (its own entries and counts).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per entry (JSON Lines).")
@db_option
def list_command(kind: str | None, doc: str | None, as_json: bool, db: str) -> None:
    """List the termbase of the store, one entry per concept across its documents: Russian acronym,
    full form, English acronym and name, occurrences, and the documents (with their counts)."""
    import json

    entries = [e for e in stored_terms(db, doc) if kind is None or e.kind == kind]
    if as_json:
        for e in entries:
            click.echo(json.dumps(entry_json(e), ensure_ascii=False))
        return
    click.echo("\t".join(LIST_HEADER))
    for e in entries:
        documents = "; ".join(f"{d} ({n})" for d, n in e.documents) or doc or ""
        click.echo("\t".join((e.kind, e.ru_acronym, e.ru_full_form, e.en_acronym, e.en_full_form, str(e.occurrences),
                              documents)))


@terms.command(name="export")
@click.option("--format", "-f", "format_name", type=FormatChoice("termbase"),
              help="Output format (default: from the -o extension, else tbx).")
@click.option("-o", "--output", default="-", show_default=True, type=click.Path(allow_dash=True, dir_okay=False),
              help="Output file; '-' writes to stdout.")
@click.option("--bom", is_flag=True, help="CSV: start with a UTF-8 byte-order mark (for Excel).")
@json_report_option
@db_option
@click.pass_context
def export_command(ctx: click.Context, format_name: str | None, output: str, bom: bool, as_json: bool,
                   db: str) -> None:
    """Export the termbase as TBX, CSV, XLSX, TMX, PO or an OmegaT glossary.

    \b
    Examples:
      tmtool terms export --format tbx -o terms.tbx
      tmtool terms export -o glossary.txt        # OmegaT glossary, from the extension
    """
    from tm.app import export_terms
    from tm.store import open_store

    format_name = resolve_format("termbase", format_name, output, default="tbx")
    refuse_terminal(ctx, output)
    refuse_json_on_stdout(as_json, output)
    refuse_inapplicable(format_name, bom=(bom, frozenset({"csv"})))
    with open_store(db, create=False, readonly=True) as store:
        count = export_terms(store, format_name, output, bom=bom)
    echo_written(as_json, output, format_name, count, "term")
