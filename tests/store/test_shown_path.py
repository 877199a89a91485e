"""SQLiteStore shows its file as str(Path(...)) does, without importing pathlib (tm.store.sqlite.shown_path)."""
from __future__ import annotations

from itertools import product
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tm.store.sqlite import SQLiteStore, shown_path

CASES = ["", ".", "./", "a.db", "./a.db", "a//b.db", "a/./b.db", "a/../b.db", "/", "//", "///", "//a", "///a",
         "/tmp/", "dir/", "..", "../a", " a.db", "a.db/."]


@pytest.mark.parametrize("path", CASES)
def test_shown_as_pathlib_shows_it(path: str) -> None:
    assert shown_path(path) == str(PurePosixPath(path))


def test_every_short_path_of_slashes_dots_and_names() -> None:
    for n in range(6):
        for parts in product(["/", ".", "..", "a", "b.db"], repeat=n):
            path = "".join(parts)
            assert shown_path(path) == str(PurePosixPath(path)), path


@given(st.text(alphabet="/.ab ", max_size=24))
def test_property(path: str) -> None:
    assert shown_path(path) == str(PurePosixPath(path))


def test_store_location_and_path(tmp_path: Path) -> None:
    given_as = f"{tmp_path}//./store.db"
    with SQLiteStore(given_as) as store:
        assert store.location == str(Path(given_as)) == str(tmp_path / "store.db")
        assert store.path == tmp_path / "store.db"
