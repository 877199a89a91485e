"""Helpers of the hostile-input suite: run a command, and check it failed cleanly or worked."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from tm.cli import main
from tm.store import open_store

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class Outcome:
    code: int
    stdout: str
    stderr: str


def sha(path: Path) -> str:
    """Checksum of a file, to prove a store was not touched."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tmtool(*args: str | Path, input: bytes | None = None) -> Outcome:
    """Run the CLI in-process; an exception that escapes it (a traceback for the user) fails the test."""
    result = CliRunner().invoke(main, [str(a) for a in args], input=input)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"tmtool {' '.join(map(str, args))} raised {result.exception!r}") from result.exception
    return Outcome(result.exit_code, result.stdout, result.stderr)


def tmtool_process(*args: str | Path, timeout: int = 300, **popen: object) -> Outcome:
    """Run the CLI as a separate process (what a user sees, tracebacks included)."""
    done = subprocess.run([sys.executable, "-m", "tm.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, cwd=REPO, check=False, **popen)  # type: ignore[call-overload]
    return Outcome(done.returncode, done.stdout, done.stderr)


def assert_one_line_error(outcome: Outcome, *needles: str, code: int = 1) -> str:
    """Exit code 1 (or code), no traceback, and exactly one line on stderr that contains every needle."""
    assert outcome.code == code, f"exit {outcome.code}, expected {code}\n{outcome.stdout}{outcome.stderr}"
    assert "Traceback" not in outcome.stderr + outcome.stdout
    lines = outcome.stderr.strip().splitlines()
    assert len(lines) == 1, f"expected one line of error, got:\n{outcome.stderr}"
    for needle in needles:
        assert needle in lines[0], f"{needle!r} not in {lines[0]!r}"
    return lines[0]


def store_snapshot(db: Path) -> list[tuple[str, str, str, str]]:
    """The store's content as comparable rows: (doc, id, source, target)."""
    with open_store(db, create=False) as store:
        return [(u.doc, u.id, u.source, u.target) for u in store.units()]


def leftovers(directory: Path, keep: frozenset[str] = frozenset()) -> list[str]:
    """Files in directory other than keep: partial outputs, temp files."""
    return sorted(name for name in os.listdir(directory) if name not in keep)
