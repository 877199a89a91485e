"""What the server's tests share: the test store (the bundled report plus a hand-made ru–en pair)."""
from __future__ import annotations

import time
import urllib.request
from collections.abc import Iterable
from pathlib import Path

from tm.app import build_bilingual, build_memory, example_path, store_with_termbase
from tm.store import open_store

DATA = Path(__file__).resolve().parent / "data" / "serve"
TOKEN = "s3cret-token-for-tests"
NO_SERVE = "the serve extra is not installed (pip install -e '.[serve]')"


def build_store(db: Path | str) -> Path | str:
    """The report A/58/98 (Russian only) and ilo.ru/ilo.en, aligned, so that TM hits have English."""
    with open_store(db) as store:
        store_with_termbase(store, build_memory(example_path()))
        store_with_termbase(store, build_bilingual(DATA / "ilo.ru.txt", DATA / "ilo.en.txt"))
    return db


def served_url(log: Iterable[str], timeout: float = 60) -> str:
    """The URL `tmtool serve` prints, once it answers (with --workers the parent prints the URL
    before its workers listen)."""
    url = next((line.split("running on ", 1)[1].split()[0] for line in log if "running on" in line), "")
    if not url:
        raise RuntimeError("tmtool serve ended before it served")
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url + "/openapi.json", timeout=10):
                return url
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
