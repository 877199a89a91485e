"""What every tmtool command module shares: the error-mapping group class and common options."""
from __future__ import annotations

import sys
from typing import Any

import click

from exports import format_for_path, format_names
from tm.errors import TmtoolError


class TmtoolGroup(click.Group):
    """Turns every TmtoolError into a one-line message and exit code 1 (usage errors stay 2)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TmtoolError as err:
            root = ctx.find_root()
            if root.obj and root.obj.get("debug"):
                raise
            raise click.ClickException(str(err)) from err


def default_db_path() -> str:
    """tm.store.default_db_path, imported when --db is left out (the store module loads sqlite3)."""
    from tm.store import default_db_path as store_default

    return store_default()


db_option = click.option(
    "--db", "db", type=click.Path(dir_okay=False), default=default_db_path,
    show_default="./tmtool.db or $TMTOOL_DB", help="The translation-memory store (SQLite).",
)


def progress(message: str) -> None:
    """A progress line on stderr for a person watching a terminal; pipes and logs stay clean."""
    if sys.stderr.isatty():
        click.echo(f"tmtool: {message}", err=True)


def resolve_format(kind: str, format_name: str | None, output: str, default: str) -> str:
    """--format if given, else the -o extension's format; stdout gets the default; else exit 2."""
    if format_name is not None:
        return format_name
    if output == "-":
        return default
    fmt = format_for_path(kind, output)
    if fmt is None:
        raise click.BadParameter(
            f"cannot tell the format from {output!r}; give --format ({', '.join(format_names(kind))})",
            param_hint="'-o'",
        )
    return fmt.name
