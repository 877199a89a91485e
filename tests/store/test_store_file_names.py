"""A store is written to the file named, whatever characters its name holds (SQLite URIs give '?',
'#' and '%' a meaning of their own: unescaped, 'a#b.db' was written to a file 'a')."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tm.model import DocumentInfo, Unit
from tm.store.sqlite import SQLiteStore, file_uri

NAMES = ["a#b.db", "c?d.db", "e%41.db", "f%.db", "g h.db", "доклад.db", "i?mode=ro.db", "j&k=1.db", "#.db"]


def one_unit_store(path: Path | str) -> None:
    with SQLiteStore(path) as store, store.writer() as writer:
        writer.replace_document(DocumentInfo("d.txt", "ru", "en", "", "", {}),
                                [Unit(id="d.txt:0", doc="d.txt", source="Доклад", target="Report")])


@pytest.mark.parametrize("name", NAMES)
def test_store_written_under_its_own_name(tmp_path: Path, name: str) -> None:
    one_unit_store(tmp_path / name)
    assert sorted(os.listdir(tmp_path)) == [name]
    with SQLiteStore(tmp_path / name, create=False, readonly=True) as store:
        assert store.count_units() == 1


@pytest.mark.parametrize("name", NAMES)
def test_relative_name(tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    one_unit_store(name)
    assert sorted(os.listdir(tmp_path)) == [name]


def test_uri_forms() -> None:
    assert file_uri("/tmp/a#b.db", "ro") == "file:///tmp/a%23b.db?mode=ro"
    assert file_uri("a?b%c.db", "rwc") == "file:a%3fb%25c.db?mode=rwc"
    assert file_uri("//srv/x.db", "rw") == "file:////srv/x.db?mode=rw"
