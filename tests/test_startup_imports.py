"""What `tmtool --help` loads: the registry's entries, not the writers' libraries (bench/startup.py times it)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
HEAVY = ("lxml", "polib", "openpyxl", "numpy", "rapidfuzz", "pymorphy3", "pandas", "pdfminer", "tm.align")

PROBE = """
import json, sys
from click.testing import CliRunner
from tm.cli import main
result = CliRunner().invoke(main, sys.argv[1:])
assert result.exit_code == 0, result.output
print(json.dumps(sorted(sys.modules)))
"""


def loaded_by(*args: str) -> set[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    out = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True, env=env)
    return set(json.loads(out.stdout.splitlines()[-1]))


@pytest.mark.parametrize("args", [("--help",), ("export", "--help"), ("terms", "export", "--help")])
def test_help_loads_no_heavy_library(args: tuple[str, ...]) -> None:
    loaded = loaded_by(*args)
    assert [m for m in HEAVY if m in loaded] == []
    assert "exports" in loaded  # the registry itself is read for the --format choices


def test_terms_lookup_and_stats_load_no_writer_or_aligner(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    subprocess.run([sys.executable, "-m", "tm.cli", "build", "--example", "--db", str(db)], check=True,
                   capture_output=True, env=env)
    for args in (("terms", "lookup", "МОТ", "--db", str(db)), ("stats", "--db", str(db))):
        loaded = loaded_by(*args)
        assert [m for m in ("lxml", "polib", "openpyxl", "numpy", "pandas", "tm.align") if m in loaded] == []
