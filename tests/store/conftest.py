"""Fixtures shared by the store's tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from tm.app import build_memory, example_path, store_with_termbase
from tm.store import open_store


@pytest.fixture(scope="module")
def optimized_report_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled report in a store, optimized as after a large import (its length and words blocks written)."""
    db = tmp_path_factory.mktemp("optimized") / "report.db"
    with open_store(db) as store:
        store_with_termbase(store, build_memory(example_path()))
        with store.writer() as writer:
            writer.optimize()
    return db
