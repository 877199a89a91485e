"""The import layers of pyproject.toml's [tool.importlinter], checked by `lint-imports`.

One test runs the contracts on the code as it is; the table below plants one forbidden import in a
copy of the packages and expects the contract it names to break there (and to hold on the real
code): a contract that cannot fail guards nothing.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGES = ("tm", "glossary", "exports")

# (contract id, module file that gets the import, the import planted at its end)
PLANTED = [
    ("layers", "glossary/model.py", "import exports"),
    ("tm-acyclic", "tm/store/sqlite.py", "import tm.importer"),
    ("stages", "tm/search.py", "import tm.app"),
    ("stages", "tm/clean/__init__.py", "import glossary.model"),
    ("exports", "exports/txt.py", "import tm.store.sqlite"),
    ("exports", "exports/tbx.py", "import glossary.termbase"),
    ("glossary", "glossary/lookup.py", "import tm.cli"),
    ("click", "exports/base.py", "import click"),
    ("layers", "tm/app.py", "import tm.server.api"),
    ("http", "tm/search.py", "import starlette.requests"),
    ("http", "tm/cli/common.py", "import uvicorn"),
    ("server", "tm/server/api.py", "import tm.store.sqlite"),
    ("server", "tm/server/pool.py", "import tm.cli.common"),
]


def lint_imports(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    program = shutil.which("lint-imports") or shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if program is None:
        pytest.skip("lint-imports is not installed (pip install import-linter)")
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([program, "--no-cache", "--no-logo", *args], cwd=root, env=env, capture_output=True,
                          text=True, timeout=120, check=False)


def test_import_contracts_are_kept() -> None:
    done = lint_imports(REPO)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def planted_copy(root: Path, module: str, statement: str) -> Path:
    """A copy of the packages and pyproject.toml with one import added at the end of module."""
    for package in PACKAGES:
        shutil.copytree(REPO / package, root / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    with (root / module).open("a", encoding="utf-8") as out:
        out.write(f"\n{statement}  # planted by tests/test_layers.py\n")
    return root


@pytest.mark.parametrize(("contract", "module", "statement"), PLANTED,
                         ids=[f"{c}:{m}:{s}" for c, m, s in PLANTED])
def test_a_forbidden_import_breaks_its_contract(tmp_path: Path, contract: str, module: str, statement: str) -> None:
    root = planted_copy(tmp_path, module, statement)
    assert lint_imports(root, "--contract", contract).returncode == 1
    kept = lint_imports(REPO, "--contract", contract)
    assert kept.returncode == 0, kept.stdout
