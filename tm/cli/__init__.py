"""The tmtool command line: a thin layer over the library; errors become one line and exit 1.

The commands import the library (tm.app, the store, numpy, pymorphy3, pdfminer) inside their
bodies, so that `tmtool --help` and a command that needs little start without it (bench/startup.py);
the command modules themselves are imported when their command is run or listed (COMMANDS).
"""
from __future__ import annotations

import atexit
import gc
import importlib
import threading
from typing import Any

import click

from tm.cli.common import TmtoolGroup, help_width
from tm.version import tool_version

# The commands, "module:attribute" by name: each module is imported when its command is run or
# listed, so that `tmtool search` does not define the options of build, align, check, docs, serve
# and terms (`tmtool --help` lists them all, and so imports them all).
COMMANDS = {
    "align": "tm.cli.align:align_command",
    "build": "tm.cli.memory:build",
    "check": "tm.cli.check:check_command",
    "docs": "tm.cli.docs:docs",
    "export": "tm.cli.memory:export",
    "import": "tm.cli.search:import_command",
    "search": "tm.cli.search:search_command",
    "serve": "tm.cli.serve:serve_command",
    "stats": "tm.cli.memory:stats",
    "terms": "tm.cli.terms:terms",
}


class TmtoolCommands(TmtoolGroup):
    """The top-level group: the commands of COMMANDS, each imported when first named."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if not args and not kwargs:
            # Run as the program (the console script calls main()): what it made lives until the process
            # ends, and the interpreter's last collections would walk it all (~18 M instructions of a
            # 300 M `tmtool terms lookup`). Frozen first, after every exit handler registered later, the
            # objects are left to the process's end, as an import-time module's are.
            atexit.register(gc.freeze)
        return super().__call__(*args, **kwargs)

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        """The root context, with the help width its commands' contexts inherit (tm.cli.common.help_width)."""
        extra.setdefault("terminal_width", help_width())
        return super().make_context(info_name, args, parent, **extra)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:  # an unknown name imports them all: click's "Did you mean" reads commands
            for name in [cmd_name] if cmd_name in COMMANDS else COMMANDS:
                self.load(name)
        return super().get_command(ctx, cmd_name)

    def load(self, name: str) -> None:
        if name not in self.commands:
            module, attribute = COMMANDS[name].split(":")
            self.add_command(getattr(importlib.import_module(module), attribute), name)


def show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """--version: the installed version, read from the package metadata only when asked for."""
    if value and not ctx.resilient_parsing:
        click.echo(f"tmtool, version {tool_version()}")
        ctx.exit()


@click.group(cls=TmtoolCommands, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=show_version,
              help="Show the version and exit.")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """tmtool: translation memories and termbases from UN documents.

    \b
    Typical session:
      tmtool build --example --out-dir out     # the bundled report A/58/98
      tmtool build report.ru.txt               # your own document
      tmtool stats
      tmtool export --format tmx -o tm.tmx
    """
    import signal  # here: `tmtool --help` exits before this callback runs (signal makes its enums: ~1 ms)

    ctx.obj = {"debug": debug}
    if threading.current_thread() is threading.main_thread():
        # SIGTERM (kill, a CI timeout) ends tmtool as Ctrl-C does: temporary outputs are removed.
        signal.signal(signal.SIGTERM, interrupted)


def interrupted(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
