"""Shared fixtures: a built store of the bundled report, a CLI runner, a throw-away PostgreSQL cluster."""
from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))

from store.pgcluster import Cluster, ClusterUnavailable, psql, start_cluster

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


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """A PostgreSQL cluster of this session (initdb + pg_ctl, 127.0.0.1, a free port); skips when none starts.

    In CI (CI set), where .ci/run installs PostgreSQL, a cluster that does not start fails the tests instead.
    """
    try:
        cluster = start_cluster({"fsync": "off", "full_page_writes": "off"})
    except ClusterUnavailable as err:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL cluster did not start: {err}")
        pytest.skip(f"no PostgreSQL server can be started here: {err}")
    yield cluster
    cluster.stop()


DATABASES = itertools.count()


@pytest.fixture
def pg_url(pg_cluster: Cluster) -> str:
    """The URL of a new, empty database on the session's cluster."""
    name = f"t{os.getpid()}_{next(DATABASES)}"
    psql(pg_cluster, f"CREATE DATABASE {name}")
    return pg_cluster.url(name)
