"""The commands over the memory itself: build it, export it, show what the store holds."""
from __future__ import annotations

import click

from tm.cli.common import (
    FormatChoice,
    as_dict,
    db_option,
    echo_written,
    json_report_option,
    progress,
    refuse_inapplicable,
    refuse_json_on_stdout,
    refuse_terminal,
    resolve_format,
)


def echo_summary(name: str, summary: dict[str, int]) -> None:
    repairs = {k.split(":", 1)[1]: v for k, v in summary.items() if k.startswith("repair:")}
    click.echo(
        f"{name}: {summary['paragraphs']} paragraphs, {summary['headings']} headings, "
        f"{summary['sentences']} sentences, {summary['repairs']} repairs"
    )
    for kind, count in repairs.items():
        click.echo(f"  repaired {kind}: {count}")


@click.command()
@click.argument("source", required=False, type=click.Path(allow_dash=True))
@click.option("--example", is_flag=True,
              help="Build the bundled reports: A/58/98 (Russian) and a Russian/English pair, aligned.")
@click.option("--src-lang", default="ru", show_default=True, help="Language of SOURCE (BCP-47).")
@click.option("--tgt-lang", default="en", show_default=True, help="Target language of the memory.")
@click.option("--doc", "doc_name", help="Document name in the store (default: the file name).")
@click.option("--target", "target", type=click.Path(allow_dash=True),
              help="The translation of SOURCE (in --tgt-lang): align it and store ru→en pairs.")
@click.option("--out-dir", "-O", type=click.Path(file_okay=False),
              help="Also write tm.tmx, tm.po, tm.csv and the termbase (terms.tbx, .csv, .txt, .tmx, .po) here.")
@click.option("--encoding", help="Decode SOURCE (and --target) with this codec, e.g. koi8-r, instead of detecting it.")
@click.option("--errors", type=click.Choice(["strict", "replace"]), default="strict", show_default=True,
              help="replace: decode bad bytes as U+FFFD (counted as repairs) instead of refusing the file.")
@click.option("--force-lang", is_flag=True,
              help="Build SOURCE (and --target) in the given languages even when their letters say otherwise.")
@click.option("--json", "as_json", is_flag=True,
              help="One JSON object: each document's summary and term count, the store, the files written.")
@db_option
def build(source: str | None, example: bool, src_lang: str, tgt_lang: str, doc_name: str | None,
          target: str | None, out_dir: str | None, encoding: str | None, errors: str, force_lang: bool,
          as_json: bool, db: str) -> None:
    """Clean, segment and store SOURCE; building it again replaces its units.

    \b
    Examples:
      tmtool build --example --out-dir out
      tmtool build report.ru.txt --db project.db
      tmtool build report.ru.txt --target report.en.txt
    """
    if example and (source or target):
        raise click.UsageError("give SOURCE (and --target) or --example, not both")
    if example and doc_name:
        raise click.UsageError("--doc names one document; --example builds the bundled ones under their own names")
    if not example and not source:
        raise click.UsageError("give SOURCE (a text file) or --example (the bundled reports)")
    import json
    from pathlib import Path

    from tm.app import build_bilingual, build_examples, build_memory, store_all_with_termbase, write_default_exports
    from tm.cli.align import echo_alignment
    from tm.store import open_store, shown_location

    if example:
        progress("reading, repairing and segmenting the bundled reports, aligning the pair")
        results = build_examples()
    elif target:
        progress(f"reading, repairing and segmenting {source} and aligning it with {target}")
        results = [build_bilingual(str(source), target, src_lang=src_lang, tgt_lang=tgt_lang, doc=doc_name,
                                   encoding=encoding, errors=errors, force_lang=force_lang)]
    else:
        progress(f"reading, repairing and segmenting {source}")
        results = [build_memory(str(source), src_lang=src_lang, tgt_lang=tgt_lang, doc=doc_name,
                                encoding=encoding, errors=errors, force_lang=force_lang)]
    progress(f"compiling the termbase and storing {sum(len(r.units) for r in results)} units in {shown_location(db)}")
    with open_store(db) as store:
        termbases = store_all_with_termbase(store, results)
        written = []
        if out_dir:
            progress(f"writing the exports to {out_dir}")
            written = [str(path) for path in write_default_exports(store, Path(out_dir))]
    if as_json:
        documents = [{"name": r.info.name, "src_lang": r.info.src_lang, "tgt_lang": r.info.tgt_lang,
                      "summary": r.info.summary, "terms": len(entries)} for r, entries in zip(results, termbases,
                                                                                               strict=True)]
        click.echo(json.dumps({"store": shown_location(db), "documents": documents, "written": written},
                              ensure_ascii=False))
        return
    for result, entries in zip(results, termbases, strict=True):
        echo_summary(result.info.name, result.info.summary)
        echo_alignment(result.info.summary)
        click.echo(f"termbase: {len(entries)} terms")
    click.echo(f"stored in {shown_location(db)}")
    for path in written:
        click.echo(f"wrote {path}")


# The memory formats each export option applies to.
BOM_FORMATS = frozenset({"csv", "txt"})
EXCEL_SAFE_FORMATS = frozenset({"csv"})


def unit_formats() -> frozenset[str]:
    """The memory formats of units (--translated-only), read from the registry when exporting."""
    from exports import format_names

    return frozenset(set(format_names("tm")) - {"srx"})


def check_lang_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A BCP-47 tag in its usual case ('FR' -> 'fr'), or a usage error."""
    if value is None:
        return None
    from exports.base import normalize_lang
    from tm.importer import LANG_TAG

    tag = normalize_lang(value)
    if not LANG_TAG.match(tag):
        raise click.BadParameter(f"{value!r} is not a BCP-47 language tag such as fr or en-US")
    return tag


@click.command()
@click.option("--format", "-f", "format_name", type=FormatChoice("tm"),
              help="Output format (default: from the -o extension, else tmx).")
@click.option("-o", "--output", default="-", show_default=True, type=click.Path(allow_dash=True, dir_okay=False),
              help="Output file; '-' writes to stdout. A symbolic link is written through (the file it points "
                   "to is replaced, the link stays); a device or FIFO is written straight into, never replaced.")
@click.option("--translated-only", is_flag=True, help="Leave out units that have no target.")
@click.option("--bom", is_flag=True, help="CSV and txt: start with a UTF-8 byte-order mark (for Excel, Notepad).")
@click.option("--excel-safe", is_flag=True, help="CSV: prefix cells starting with = + - @ with an apostrophe.")
@click.option("--tgt-lang", default=None, callback=check_lang_option,
              help="Export only the units into this target language (BCP-47; 'fr' takes fr-CA too). "
                   "PO and XLIFF files name one target language; TMX holds them all.")
@click.option("--doc", help="Only the units of this document (see tmtool docs list).")
@json_report_option
@db_option
@click.pass_context
def export(ctx: click.Context, format_name: str | None, output: str, translated_only: bool, bom: bool,
           excel_safe: bool, tgt_lang: str | None, doc: str | None, as_json: bool, db: str) -> None:
    """Export the translation memory as TMX, PO, CSV or XLIFF, its repaired source text (txt),
    or the segmentation rules that cut that text into the memory's units (SRX, for OmegaT).

    \b
    Examples:
      tmtool export --format tmx -o tm.tmx
      tmtool export -o tm.po                  # format from the extension
      tmtool export --format csv --bom -o tm.csv
      tmtool export -o report.txt             # the text to translate in a CAT tool
      tmtool export --tgt-lang fr -o fr.po    # the French targets of a multilingual memory
      tmtool export -o tmtool.srx             # the rules to segment that text with
    """
    from tm.app import export_tm
    from tm.store import open_store

    format_name = resolve_format("tm", format_name, output, default="tmx")
    refuse_terminal(ctx, output)
    refuse_json_on_stdout(as_json, output)
    refuse_inapplicable(format_name, bom=(bom, BOM_FORMATS), excel_safe=(excel_safe, EXCEL_SAFE_FORMATS),
                        translated_only=(translated_only, unit_formats()))
    with open_store(db, create=False, readonly=True) as store:
        count = export_tm(store, format_name, output, translated_only=translated_only, bom=bom,
                          excel_safe=excel_safe, tgt_lang=tgt_lang, doc=doc)
    what = "language" if format_name == "srx" else "unit"
    echo_written(as_json, output, format_name, count, what)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--doc", help="Only this document (see tmtool docs list).")
@db_option
def stats(as_json: bool, doc: str | None, db: str) -> None:
    """Show what the store holds: documents, units, translated units, each document's summary."""
    import json

    from tm.app import store_stats
    from tm.documents import describe, document_view
    from tm.store import open_store, shown_location
    from tm.wording import plural

    with open_store(db, create=False, readonly=True) as store:
        counts = store.unit_counts()  # one scan for all the counts (a million units: about a second a count)
        found = store_stats(store, doc, counts)
        views = [document_view(store, info, counts=counts.get(info.name, (0, 0))) for info in store.documents()
                 if doc in (None, info.name)]
    if as_json:
        click.echo(json.dumps({"store": shown_location(db), **as_dict(found)}, ensure_ascii=False, indent=2))
        return
    click.echo(f"{shown_location(db)}: {plural(found.documents, 'document')}, {plural(found.units, 'unit')}, "
               f"{found.translated} translated")
    for view in views:
        click.echo("\n".join(describe(view)))
