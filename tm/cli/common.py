"""What every tmtool command module shares: the error-mapping group class and common options."""
from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click
import click.formatting

from tm.errors import TmtoolError


def as_dict(record: Any) -> dict[str, Any]:
    """dataclasses.asdict, imported when a record is shown as JSON: by then its class has loaded dataclasses,
    which `tmtool --help` does without (it imports inspect: ~10 ms)."""
    from dataclasses import asdict

    return asdict(record)


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


HELP_MAX_WIDTH = 80  # click's own widest help text
HELP_FALLBACK_COLUMNS = 80  # shutil.get_terminal_size's, where neither $COLUMNS nor a terminal tells


def terminal_columns() -> int:
    """The columns shutil.get_terminal_size gives: $COLUMNS, else stdout's terminal, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or HELP_FALLBACK_COLUMNS  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return HELP_FALLBACK_COLUMNS


def help_width() -> int:
    """The width click's help formatter would choose: given to it, click does not import shutil to ask
    the terminal (and, with shutil, bz2, lzma and fnmatch: ~4 ms of `tmtool --help`)."""
    forced = click.formatting.FORCED_WIDTH  # set by click's CliRunner
    return forced if forced is not None else max(min(terminal_columns(), HELP_MAX_WIDTH) - 2, 50)


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
    """--format if given, else the -o extension's format; stdout gets the default; else exit 2.

    A --format that the -o extension contradicts (`--format po -o c.tmx`) is a usage error too.
    """
    from pathlib import Path

    from exports import format_for_path, format_names, get_format

    if format_name is not None:
        named = format_for_path(kind, output) if output != "-" else None
        if named is not None and Path(output).suffix.lower() not in get_format(kind, format_name).extensions:
            raise click.BadParameter(f"{output!r} is named like a {named.name} file, not {format_name}: "
                                     f"change the name or the --format", param_hint="'-o'")
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


class LazyChoice(click.Choice):
    """A choice whose names (read_choices) are read when the option is parsed or its help shown, not
    when the command is defined: a command that does not use the option imports nothing for it."""

    def __init__(self, case_sensitive: bool) -> None:  # no super().__init__: it would read the choices now
        self.case_sensitive = case_sensitive

    def read_choices(self) -> tuple[str, ...]:
        raise NotImplementedError

    def __getattr__(self, name: str) -> Any:
        if name != "choices":
            raise AttributeError(name)
        self.choices = self.read_choices()
        return self.choices


class TableChoice(LazyChoice):
    """The names of a library table ("tm.check:CHECKS"): `tmtool --help` imports neither the table's
    module nor the dataclasses it defines."""

    def __init__(self, table: str) -> None:
        super().__init__(case_sensitive=True)
        self.table = table

    def read_choices(self) -> tuple[str, ...]:
        module, attribute = self.table.split(":")
        return tuple(sorted(getattr(importlib.import_module(module), attribute)))


EXPORT_COMMANDS = {"tm": "tmtool export", "termbase": "tmtool terms export"}


class FormatChoice(LazyChoice):
    """The format names of one kind, in any case, from the registry (`tmtool search` and `terms lookup`
    do not import it); a name of the other kind says which command takes it."""

    def __init__(self, kind: str) -> None:
        super().__init__(case_sensitive=False)
        self.kind = kind

    def read_choices(self) -> tuple[str, ...]:
        from exports import format_names

        return tuple(format_names(self.kind))

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from exports import format_names

        other = "termbase" if self.kind == "tm" else "tm"
        name = str(value).lower()
        if name not in format_names(self.kind) and name in format_names(other):
            self.fail(f"{name} is a {'termbase' if other == 'termbase' else 'memory'} format: use "
                      f"`{EXPORT_COMMANDS[other]} --format {name}`", param, ctx)
        return super().convert(value, param, ctx)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def refuse_terminal(ctx: click.Context, output: str) -> None:
    """An export to a terminal needs `-o -`: a bare command would flood it with a whole file."""
    if output == "-" and ctx.get_parameter_source("output") is click.core.ParameterSource.DEFAULT \
            and stdout_is_terminal():
        raise click.UsageError("the export would fill the terminal: give -o FILE, or -o - to print it")


def refuse_inapplicable(format_name: str, **options: tuple[bool, frozenset[str]]) -> None:
    """An option given for a format it does not apply to is a usage error: {option: (given, formats)}."""
    for option, (given, formats) in options.items():
        if given and format_name not in formats:
            raise click.UsageError(f"--{option.replace('_', '-')} applies to {', '.join(sorted(formats))} only, "
                                   f"not to {format_name}")


json_report_option = click.option(
    "--json", "as_json", is_flag=True,
    help='One JSON object on stdout once the file is written: {"output", "format", "count", "of"}.')


def refuse_json_on_stdout(as_json: bool, output: str) -> None:
    """--json reports on stdout, so the file itself cannot go there too."""
    if as_json and output == "-":
        raise click.UsageError("--json reports on stdout: give the file with -o")


def echo_written(as_json: bool, output: str, format_name: str, count: int, what: str) -> None:
    """'wrote 3 units to tm.tmx' on stderr, or the same as one JSON object on stdout."""
    if as_json:
        import json

        click.echo(json.dumps({"output": output, "format": format_name, "count": count, "of": f"{what}s"}))
    elif output != "-":
        from tm.wording import plural

        click.echo(f"wrote {plural(count, what)} to {output}", err=True)
