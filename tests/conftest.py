"""Shared fixtures: a built store of the bundled report, and a CLI runner."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))

from tm.app import build_memory, example_path, store_build
from tm.store import open_store


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite the golden files (tests/golden/) from what the code writes now")


@pytest.fixture(autouse=True)
def fixed_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def report_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the bundled report, built once per test session (read-only use)."""
    db = tmp_path_factory.mktemp("report") / "report.db"
    with open_store(db) as store:
        store_build(build_memory(example_path()), store)
    return db
