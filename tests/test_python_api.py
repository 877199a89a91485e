"""The Python API: each package's __all__ names what it offers, and the README's example runs."""
from __future__ import annotations

import contextlib
import importlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
SUBMODULES = {"tm": "tm.search", "glossary": "glossary.model", "exports": "exports.tmx"}


@pytest.mark.parametrize("package", ["tm", "glossary", "exports"])
def test_every_name_of_all_is_there(package: str) -> None:
    module = importlib.import_module(package)
    importlib.import_module(SUBMODULES[package])  # a submodule of the same name as a function is loaded too
    assert module.__all__ and len(set(module.__all__)) == len(module.__all__)
    for name in module.__all__:
        assert getattr(module, name) is not None, name
    with pytest.raises(AttributeError):
        module.no_such_name  # noqa: B018


@pytest.mark.parametrize("package", ["tm", "glossary"])
def test_all_lists_the_lazy_names(package: str) -> None:
    module = importlib.import_module(package)
    assert sorted(module.__all__) == sorted(module.API)


def test_importing_the_packages_does_no_work() -> None:
    """`import tm, glossary` loads none of the use cases until a name is used."""
    code = "import sys, tm, glossary; print(sorted(m for m in ('tm.app', 'glossary.termbase') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.stdout.strip() == "[]"


def readme_example() -> str:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Python API"):]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match, "no python block in the README's Python API section"
    return match.group(1)


def test_the_readme_example_runs_and_prints_what_it_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(readme_example(), "README.md", "exec"), {"__name__": "readme"})
    printed = out.getvalue().splitlines()
    said = re.search(r"# (\d+ units, \d+) …", readme_example())
    assert said, "the example's first print has no '# N units, M …' comment"
    assert printed[0].startswith(f"{said.group(1)} with English")
    assert printed[1] == "100.0 Report of the Secretary-General"
    assert printed[2] == "UNEP United Nations Environment Programme"
    assert printed[3].endswith("findings of translate-toolkit's checks")
    assert (tmp_path / "example.db").is_file()
