"""open_store: which locations open which backend, and which are refused."""
from __future__ import annotations

from pathlib import Path

import pytest

from tm.errors import StoreError
from tm.store import SQLiteStore, open_store


def test_a_path_opens_an_sqlite_store(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.db") as store:
        assert isinstance(store, SQLiteStore) and store.location == str(tmp_path / "t.db")


@pytest.mark.parametrize("url", ["postgresql://user:secret@localhost/tm", "postgres://localhost/tm"])
def test_postgresql_is_not_supported_yet(url: str) -> None:
    with pytest.raises(StoreError, match="PostgreSQL stores are not supported yet") as caught:
        open_store(url)
    assert "secret" not in str(caught.value)
