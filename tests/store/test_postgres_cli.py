"""Every command works unchanged with --db postgresql://…, and prints what it prints for an SQLite file.

The same session of commands runs against an SQLite file and a PostgreSQL database; each
command's exit code and output must be equal once the store's name is the same.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hostile import tmtool

from tm.app import example_path
from tm.store import shown_location

SESSION = [
    ("build", "{ru}", "--target", "{en}"),
    ("import", "{tmx}"),
    ("build", "{ru}", "--doc", "again"),  # a second document
    ("build", "{ru}", "--doc", "again"),  # built again: replaces it
    ("stats",),
    ("stats", "--json"),
    ("search", "Генеральная Ассамблея приняла резолюцию"),
    ("search", "--json", "трудящихся-мигрантов и членов их семей"),
    ("search", "Мнения"),
    ("search", "--concordance", "мигрант"),
    ("export", "--format", "tmx", "-o", "-"),
    ("export", "--format", "po", "-o", "-"),
    ("export", "--format", "csv", "--translated-only", "-o", "-"),
    ("terms", "lookup", "МОТ"),
    ("terms", "list", "--kind", "acronym"),
    ("terms", "export", "--format", "tbx", "-o", "-"),
]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("inputs")
    tmx = folder / "small.tmx"
    tmx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="ru" datatype="plaintext" '
        'segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>'
        '<tu><tuv xml:lang="ru"><seg>Доклад Генерального секретаря.</seg></tuv>'
        '<tuv xml:lang="en"><seg>Report of the Secretary-General.</seg></tuv></tu>'
        '<tu><tuv xml:lang="ru"><seg>Мнения государств-членов.</seg></tuv>'
        '<tuv xml:lang="en"><seg>Views of Member States.</seg></tuv></tu></body></tmx>\n', encoding="utf-8")
    english = folder / "report.en.txt"
    english.write_text("Report of the Secretary-General.\n\nViews of Member States.\n", encoding="utf-8")
    return {"tmx": str(tmx), "en": str(english), "ru": str(example_path())}


def run_session(db: str, inputs: dict[str, str]) -> list[tuple[int, str, str]]:
    results = []
    for command in SESSION:
        args = [a.format(**inputs) for a in command]
        outcome = tmtool(*args, "--db", db)
        shown = shown_location(db)
        results.append((outcome.code, outcome.stdout.replace(shown, "STORE"), outcome.stderr.replace(shown, "STORE")))
    return results


def test_every_command_prints_the_same_for_both_backends(pg_url: str, tmp_path: Path, inputs: dict[str, str]) -> None:
    sqlite = run_session(str(tmp_path / "cli.db"), inputs)
    postgres = run_session(pg_url, inputs)
    for command, a, b in zip(SESSION, sqlite, postgres, strict=True):
        # exit 1: a look-up that found nothing (search and terms lookup say so and exit 1)
        assert a[0] == 0 or (a[0] == 1 and command[0] in ("search", "terms") and not a[2]), f"{command}: {a[2]}"
        assert a == b, f"tmtool {' '.join(command)} differs"
