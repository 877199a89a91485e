"""`tmtool align SOURCE TARGET`: show the sentence pairs before storing them."""
from __future__ import annotations

import click


def echo_alignment(summary: dict[str, int], err: bool = False) -> None:
    """One line of alignment counts, when the summary comes from an alignment."""
    if "aligned" in summary:
        click.echo(f"aligned: {summary['aligned']} pairs, {summary['low_confidence']} low-confidence (check them), "
                   f"{summary['unmatched_source']} source and {summary['unmatched_target']} target sentences unmatched",
                   err=err)


@click.command("align")
@click.argument("source", type=click.Path(allow_dash=True))
@click.argument("target", type=click.Path(allow_dash=True))
@click.option("--src-lang", default="ru", show_default=True, help="Language of SOURCE (BCP-47).")
@click.option("--tgt-lang", default="en", show_default=True, help="Language of TARGET (BCP-47).")
@click.option("-o", "--output", default="-", show_default=True, type=click.Path(allow_dash=True, dir_okay=False),
              help="CSV of the pairs, with the columns of `tmtool export --format csv` (id, source, target, "
                   "score, flagged, ...); '-' writes to stdout.")
@click.option("--force-lang", is_flag=True, help="Align even when the files' letters say another language.")
@click.option("--json", "as_json", is_flag=True,
              help='One JSON object per pair (JSON Lines): id, source, target, score, flagged, para, kind, bead.')
def align_command(source: str, target: str, src_lang: str, tgt_lang: str, output: str, force_lang: bool,
                  as_json: bool) -> None:
    """Align SOURCE with its translation TARGET and write the pairs as CSV (or JSON Lines); nothing is stored.

    \b
    Examples:
      tmtool align report.ru.txt report.en.txt -o pairs.csv
      tmtool align report.ru.txt report.en.txt | less
      tmtool align report.ru.txt report.en.txt --json | jq .score
    The counts go to stderr, so stdout holds only the pairs.
    """
    from tm.app import align_files, write_alignment

    alignment = align_files(source, target, src_lang, tgt_lang, force_lang)
    summary = write_alignment(click.format_filename(source), alignment, output, tgt_lang, as_json)
    echo_alignment(summary, err=True)
