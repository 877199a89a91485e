"""`tmtool check`: translate-toolkit's quality checks over the aligned pairs of the store."""
from __future__ import annotations

import click

from tm.cli.common import TableChoice, as_dict, db_option


@click.command("check")
@click.option("--check", "names", multiple=True, type=TableChoice("tm.check:CHECKS"),
              help="Run only this check (repeatable) [default: all].")
@click.option("--doc", help="Only the units of this document.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per finding (JSON Lines).")
@click.option("--store", "keep", is_flag=True,
              help='Store each finding on its unit (prop x-check; PO flag check-NAME), replacing earlier results.')
@db_option
def check_command(names: tuple[str, ...], doc: str | None, as_json: bool, keep: bool, db: str) -> None:
    """Check the aligned pairs: numbers, final punctuation, brackets, Latin acronyms.

    \b
    The checks are translate-toolkit's (translate.filters, as in pofilter);
    units without a target are not checked. The exit status is 0 either way.
    Examples:
      tmtool check
      tmtool check --check numbers --json
      tmtool check --store              # the findings go with the units into TMX and PO exports
    """
    import json

    from tm.check import DEFAULT_CHECKS, check_units, store_findings
    from tm.store import open_store  # here: sqlite3 and the store are not needed for --help

    with open_store(db, create=False, readonly=not keep) as store:
        if doc is not None:
            from tm.documents import find_document

            find_document(store, doc)
        units = list(store.units(doc=doc, translated_only=True))
        if keep:
            findings = store_findings(store, doc, names or DEFAULT_CHECKS)
        else:
            findings = list(check_units(units, names or DEFAULT_CHECKS))
    for finding in findings:
        if as_json:
            click.echo(json.dumps(as_dict(finding), ensure_ascii=False))
        else:
            click.echo(f"{finding.unit_id}  {finding.check}: {finding.message}")
            click.echo(f"      source: {finding.source}")
            click.echo(f"      target: {finding.target}")
    from tm.wording import plural

    flagged = len({f.unit_id for f in findings})
    click.echo(f"{plural(len(findings), 'finding')} in {flagged} of {plural(len(units), 'aligned unit')}", err=True)
