"""The `tmtool docs` commands: list, show, remove and rename the documents of the store (tm.documents)."""
from __future__ import annotations

from typing import TYPE_CHECKING

import click

from tm.cli.common import TmtoolGroup, as_dict, db_option

if TYPE_CHECKING:  # the commands import it: the store is not needed for --help
    from tm.documents import DocumentView

LIST_HEADER = ("name", "origin", "languages", "units", "translated", "symbol")
json_option = click.option("--json", "as_json", is_flag=True, help="Machine-readable output (one JSON object).")


def view_json(view: DocumentView) -> str:
    import json

    return json.dumps(as_dict(view), ensure_ascii=False, sort_keys=True)


def list_row(view: DocumentView) -> tuple[str, ...]:
    langs = f"{view.src_lang}-{view.tgt_lang}" if view.tgt_lang else view.src_lang
    return view.name, view.origin, langs, str(view.units), str(view.translated), view.symbol or "-"


def echo_table(rows: list[tuple[str, ...]]) -> None:
    """Tab-separated rows under a header: readable in a terminal, and `cut -f` takes a column."""
    for row in [LIST_HEADER, *rows]:
        click.echo("\t".join(row))


def check_name(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """A new document name, or a usage error saying why it is refused."""
    from tm.documents import name_problem

    problem = name_problem(value)
    if problem:
        raise click.BadParameter(problem)
    return value


@click.group("docs", cls=TmtoolGroup)
def docs() -> None:
    """The documents of the store: list, show, remove, rename.

    \b
    Examples:
      tmtool docs list
      tmtool docs show A_58_98.ru.txt
      tmtool docs rename A_58_98.ru.txt A-58-98
      tmtool docs remove old.tmx
    """


@docs.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per document (JSON Lines).")
@db_option
def list_command(as_json: bool, db: str) -> None:
    """One line per document: name, origin (built or imported), languages, units, translated, symbol."""
    from tm.documents import document_views
    from tm.store import open_store

    with open_store(db, create=False, readonly=True) as store:
        views = document_views(store)
    if as_json:
        for view in views:
            click.echo(view_json(view))
        return
    echo_table([list_row(v) for v in views])


@docs.command("show")
@click.argument("name")
@json_option
@db_option
def show_command(name: str, as_json: bool, db: str) -> None:
    """A document's summary: a built one's paragraphs, headings, sentences, notes and repairs; an
    imported one's units and source file."""
    from tm.documents import describe, document_view, find_document
    from tm.store import open_store

    with open_store(db, create=False, readonly=True) as store:
        view = document_view(store, find_document(store, name), with_notes=True)
    click.echo(view_json(view) if as_json else "\n".join(describe(view)))


@docs.command("remove")
@click.argument("name")
@json_option
@db_option
def remove_command(name: str, as_json: bool, db: str) -> None:
    """Delete a document with its units and terms (one transaction: all of it or nothing)."""
    from tm.documents import remove_document
    from tm.store import open_store
    from tm.wording import plural

    with open_store(db, create=False) as store:
        view = remove_document(store, name)
    counts = f"{plural(view.units, 'unit')}, {plural(view.terms, 'term')}"
    click.echo(view_json(view) if as_json else f"removed {name}: {counts}")


@docs.command("rename")
@click.argument("old")
@click.argument("new", callback=check_name)
@json_option
@db_option
def rename_command(old: str, new: str, as_json: bool, db: str) -> None:
    """Rename a document; its unit and term ids ('OLD:0000012') take the new name. NEW must be free."""
    from tm.documents import rename_document
    from tm.store import open_store
    from tm.wording import plural

    with open_store(db, create=False) as store:
        view = rename_document(store, old, new)
    counts = f"{plural(view.units, 'unit')}, {plural(view.terms, 'term')}"
    click.echo(view_json(view) if as_json else f"renamed {old} to {new}: {counts}")
