"""Errors the library raises; the CLI turns each into one line and exit code 1."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


class TmtoolError(Exception):
    """Base of every error tmtool reports to the user."""


class InputError(TmtoolError):
    """Bad input data: names the file, optionally the line, and what is wrong."""

    def __init__(self, path: str | Path, message: str, line: int | None = None, hint: str = "") -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        self.hint = hint
        super().__init__(self.render())

    def render(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        text = f"{where}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class StoreError(TmtoolError):
    """The translation-memory database cannot be used."""


class FormatError(TmtoolError):
    """A value cannot be written in the requested export format."""


class UnknownLanguage(TmtoolError):
    """A language tmtool has no profile for, so it cannot clean, segment or align its text."""

    def __init__(self, code: str, known: tuple[str, ...]) -> None:
        self.code = code
        self.known = known
        super().__init__(f"no language profile for {code!r} (tmtool knows: {', '.join(known)})")
