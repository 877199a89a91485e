"""Each registry Entry says of its format what the Format itself says: the name, kind, extensions,
sniff and whether it reads, so that --help, --format and detect_format may trust the entry alone."""
from __future__ import annotations

import pytest

from exports import ENTRIES, Entry


@pytest.mark.parametrize("entry", ENTRIES, ids=[f"{e.kind}-{e.name}" for e in ENTRIES])
def test_entry_agrees_with_its_format(entry: Entry) -> None:
    fmt = entry.resolve()
    assert (fmt.kind, fmt.name, fmt.extensions) == (entry.kind, entry.name, entry.extensions)
    assert (fmt.sniff.pattern if fmt.sniff is not None else None) == entry.sniff
    assert (fmt.load is not None) == entry.reads
    assert (fmt.dump is not None) == entry.writes


def test_one_entry_per_format() -> None:
    keys = [(e.kind, e.name) for e in ENTRIES]
    assert len(keys) == len(set(keys))
