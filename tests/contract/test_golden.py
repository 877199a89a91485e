"""Golden exports of the bundled report A/58/98: `tmtool build` of it, then every TM and termbase export.

Each file is compared byte for byte with tests/golden/report/, so a refactor that changes what a
user gets shows up here. After an intended change, rewrite them with `pytest --update-golden`
and review the diff before committing it.
"""
from __future__ import annotations

import difflib
import itertools
from pathlib import Path

import pytest
from hostile import tmtool

from tm.app import example_path

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "report"

# (golden file name, command, --format)
EXPORTS = [
    ("tm.tmx", "export", "tmx"),
    ("tm.po", "export", "po"),
    ("tm.csv", "export", "csv"),
    ("tm.xlf", "export", "xliff"),
    ("tm.txt", "export", "txt"),
    ("terms.tbx", "terms export", "tbx"),
    ("terms.csv", "terms export", "csv"),
    ("terms.omegat.txt", "terms export", "omegat"),
    ("terms.tmx", "terms export", "tmx"),
    ("terms.po", "terms export", "po"),
]


@pytest.fixture(scope="module")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("golden") / "report.db"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        built = tmtool("build", example_path(), "--db", db)  # --example also builds the pair
    assert built.code == 0, built.stderr
    return db


def test_every_export_has_a_golden_file(request: pytest.FixtureRequest) -> None:
    """A new golden file (or a dropped export) must be listed in EXPORTS, and the other way round."""
    if request.config.getoption("--update-golden"):
        pytest.skip("the golden files are being rewritten")
    assert sorted(p.name for p in GOLDEN.iterdir()) == sorted(name for name, _, _ in EXPORTS)


@pytest.mark.parametrize(("name", "command", "fmt"), EXPORTS, ids=[name for name, _, _ in EXPORTS])
def test_export_matches_golden_file(request: pytest.FixtureRequest, example_db: Path, tmp_path: Path,
                                    name: str, command: str, fmt: str) -> None:
    out = tmp_path / name
    done = tmtool(*command.split(), "--db", example_db, "--format", fmt, "-o", out)
    assert done.code == 0, done.stderr
    golden = GOLDEN / name
    if request.config.getoption("--update-golden"):
        golden.write_bytes(out.read_bytes())
    assert golden.exists(), f"{golden} is missing: run pytest --update-golden"
    written, expected = out.read_bytes(), golden.read_bytes()
    if written != expected:
        diff = difflib.unified_diff(expected.decode("utf-8", "replace").splitlines(),
                                    written.decode("utf-8", "replace").splitlines(),
                                    str(golden), "written now", n=1, lineterm="")
        pytest.fail(f"{name} differs from its golden file (pytest --update-golden after an intended change):\n"
                    + "\n".join(itertools.islice(diff, 40)))
