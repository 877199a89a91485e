"""What the server's tests share: the test store (the bundled report plus a hand-made ru–en pair)."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from tm.app import build_bilingual, build_memory, example_path, store_with_termbase
from tm.store import open_store

DATA = Path(__file__).resolve().parent / "data" / "serve"
TOKEN = "s3cret-token-for-tests"
NO_SERVE = "the serve extra is not installed (pip install -e '.[serve]')"


def build_store(db: Path) -> Path:
    """The report A/58/98 (Russian only) and ilo.ru/ilo.en, aligned, so that TM hits have English."""
    with open_store(db) as store:
        store_with_termbase(store, build_memory(example_path()))
        store_with_termbase(store, build_bilingual(DATA / "ilo.ru.txt", DATA / "ilo.en.txt"))
    return db


def served_url(log: Iterable[str]) -> str:
    """The URL `tmtool serve` prints, once a server process has started (with --workers, the
    parent prints the URL before its workers listen)."""
    url, ready = "", False
    for line in log:
        url = line.split("running on ", 1)[1].split()[0] if "running on" in line else url
        ready = ready or "Application startup complete" in line
        if url and ready:
            return url
    raise RuntimeError("tmtool serve ended before it served")
