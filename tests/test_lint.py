"""ruff and mypy on the packages, with pyproject.toml's [tool.ruff] and [tool.mypy] settings.

Both tools come with the `test` extra; where one is not installed its test is skipped. Neither
writes a cache into the working tree: ruff runs without one, mypy's goes to a temporary directory.
"""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGES = ("tm", "glossary", "exports")


def run_tool(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed (pip install -e '.[test]')")
    return subprocess.run([sys.executable, "-m", module, *args], cwd=REPO, capture_output=True, text=True,
                          timeout=300, check=False)


def findings(done: subprocess.CompletedProcess[str]) -> str:
    return f"exit {done.returncode}\n{done.stdout}{done.stderr}"


def test_ruff_finds_nothing() -> None:
    done = run_tool("ruff", "check", "--no-cache", *PACKAGES)
    assert done.returncode == 0, findings(done)


def test_mypy_finds_nothing(tmp_path: Path) -> None:
    # The files to check are pyproject.toml's [tool.mypy] files.
    done = run_tool("mypy", "--cache-dir", str(tmp_path / "mypy_cache"))
    assert done.returncode == 0, findings(done)
