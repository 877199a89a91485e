"""The command line's convention as a table: JSON shapes, exit codes, options that do not apply.

One JSON object for a single result (stats, terms lookup), JSON Lines for streams (search: one
object per query; terms list and check: one object per entry or finding); a look-up that finds
nothing exits 1 and still prints its answer; an option that does not apply is a usage error (2);
format names are case-insensitive.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile import tmtool

from tm.app import example_path

OBJECT, LINES, TEXT = "one JSON object", "JSON Lines", "text"
MISS = "Кошка сидит на крыше старого дома."
OUT = "{out}"  # an argument replaced by a file in the test's own directory

# (arguments, exit code, what stdout is, a key every JSON object has)
CASES = [
    (["search", "Резюме", "--json"], 0, LINES, "hits"),
    (["search", MISS, "--json"], 1, LINES, "hits"),
    (["search", MISS], 1, TEXT, ""),
    (["search", "--concordance", "миграции", "--json"], 0, LINES, "hits"),
    (["search", "--concordance", "кошками", "--json"], 1, LINES, "hits"),
    (["search", "миграции", "--exact"], 2, TEXT, ""),
    (["search", "--concordance", "миграции", "--min-score", "80"], 2, TEXT, ""),
    (["terms", "lookup", "МОТ", "--json"], 0, OBJECT, "terms"),
    (["terms", "lookup", "ЮНИСЕВ", "--json"], 1, OBJECT, "suggestions"),
    (["terms", "lookup", "ЮНИСЕВ"], 1, TEXT, ""),
    (["terms", "list", "--json"], 0, LINES, "ru_full_form"),
    (["stats", "--json"], 0, OBJECT, "units"),
    (["check", "--json"], 0, LINES, "check"),
    (["check", "--doc", "no-such.txt"], 1, TEXT, ""),
    (["terms", "list", "--doc", "no-such.txt"], 1, TEXT, ""),
    (["terms", "list", "--doc", "no-such.txt", "--json"], 1, TEXT, ""),
    (["export", "-o", OUT + ".tmx", "--json"], 0, OBJECT, "count"),  # the file written, reported
    (["export", "-o", OUT + ".srx", "--json"], 0, OBJECT, "count"),
    (["terms", "export", "-o", OUT + ".tbx", "--json"], 0, OBJECT, "count"),
    (["export", "--format", "tmx", "--json"], 2, TEXT, ""),  # the report and the file cannot share stdout
    (["terms", "export", "--format", "tbx", "--json"], 2, TEXT, ""),
    (["export", "--format", "TMX"], 0, TEXT, ""),
    (["terms", "export", "--format", "TBX"], 0, TEXT, ""),
    (["export", "--format", "docx"], 2, TEXT, ""),
    (["export", "--format", "tbx"], 2, TEXT, ""),  # a termbase format: says to use `terms export`
    (["terms", "export", "--format", "xliff"], 2, TEXT, ""),
    (["export", "--format", "po", "-o", "c.tmx"], 2, TEXT, ""),  # the name says another format
    (["export", "--format", "tmx", "--bom"], 2, TEXT, ""),  # options that do not apply
    (["export", "--format", "txt", "--excel-safe"], 2, TEXT, ""),
    (["export", "--format", "srx", "--translated-only"], 2, TEXT, ""),
    (["terms", "export", "--format", "tmx", "--bom"], 2, TEXT, ""),
    (["export", "--format", "csv", "--bom", "--excel-safe"], 0, TEXT, ""),
]


@pytest.fixture(scope="module")
def report_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A/58/98 built by the CLI: units and termbase."""
    db = tmp_path_factory.mktemp("convention") / "report.db"
    assert tmtool("build", example_path(), "--db", db).code == 0
    return db


@pytest.mark.parametrize(("args", "says"), [
    (["export", "--format", "tbx"], "use `tmtool terms export --format tbx`"),
    (["terms", "export", "--format", "srx"], "use `tmtool export --format srx`"),
    (["export", "--format", "po", "-o", "c.tmx"], "named like a tmx file, not po"),
    (["export", "--format", "tmx", "--bom"], "--bom applies to csv, txt only, not to tmx"),
])
def test_usage_errors_say_what_to_do(report_db: Path, args: list[str], says: str) -> None:
    done = tmtool(*args, "--db", report_db)
    assert done.code == 2 and says in done.stderr, done.stderr


@pytest.mark.parametrize("command", [["export"], ["terms", "export"]])
def test_an_export_to_a_terminal_needs_dash_o_dash(report_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                   command: list[str]) -> None:
    from tm.cli import common

    monkeypatch.setattr(common, "stdout_is_terminal", lambda: True)
    refused = tmtool(*command, "--db", report_db)
    assert refused.code == 2 and "-o -" in refused.stderr and refused.stdout == ""
    assert tmtool(*command, "--db", report_db, "-o", "-").code == 0


def parsed(stdout: str, shape: str) -> list[dict[str, object]]:
    if shape == OBJECT:
        value = json.loads(stdout)
        assert isinstance(value, dict)
        return [value]
    return [json.loads(line) for line in stdout.splitlines()]


@pytest.mark.parametrize(("args", "code", "shape", "key"), CASES, ids=[" ".join(c[0])[:40] for c in CASES])
def test_the_convention(report_db: Path, tmp_path: Path, args: list[str], code: int, shape: str, key: str) -> None:
    done = tmtool(*(a.replace(OUT, str(tmp_path / "out")) for a in args), "--db", report_db)
    assert done.code == code, done.stdout + done.stderr
    if shape == TEXT:
        return
    objects = parsed(done.stdout, shape)
    assert all(isinstance(o, dict) and key in o for o in objects), objects[:1]
    if code == 0 and key != "check":
        assert objects, "a result was expected"


def test_a_missed_lookup_in_json_says_so_with_suggestions(report_db: Path) -> None:
    done = tmtool("terms", "lookup", "ЮНИСЕВ", "--json", "--db", report_db)
    answer = json.loads(done.stdout)
    assert answer["terms"] == [] and "ЮНИСЕФ" in answer["suggestions"]


@pytest.mark.parametrize(("query", "says"), [("ДЭСВ", "  1 occurrence;"), ("МОТ", "  7 occurrences;")])
def test_counts_are_plural_aware(report_db: Path, query: str, says: str) -> None:
    done = tmtool("terms", "lookup", query, "--db", report_db)
    assert done.code == 0, done.stderr
    assert says in done.stdout


def test_build_and_import_answer_in_json(tmp_path: Path) -> None:
    """build --json: one object for the run; import --json: one object per file (a stream)."""
    db = tmp_path / "t.db"
    built = tmtool("build", example_path(), "--db", db, "--json")
    assert built.code == 0, built.stderr
    answer = json.loads(built.stdout)
    assert [d["name"] for d in answer["documents"]] == ["A_58_98.ru.txt"] and answer["written"] == []
    assert answer["documents"][0]["summary"]["units"] == 266 and answer["documents"][0]["terms"] > 0
    memory = tmp_path / "tm.tmx"
    assert tmtool("export", "--db", db, "-o", memory).code == 0
    imported = tmtool("import", memory, memory, "--db", tmp_path / "new.db", "--json")
    assert imported.code == 0, imported.stderr
    files = [json.loads(line) for line in imported.stdout.splitlines()]
    assert [(f["added"], f["duplicates"]) for f in files] == [(266, 0), (0, 266)]


def test_align_writes_json_lines_of_pairs(tmp_path: Path) -> None:
    """align --json: one object per pair, the same pairs as the CSV; the counts stay on stderr."""
    from tm.app import example_pair_paths

    source, target = example_pair_paths()
    as_json = tmtool("align", source, target, "--json")
    as_csv = tmtool("align", source, target, "-o", tmp_path / "pairs.csv")
    assert as_json.code == as_csv.code == 0, as_json.stderr
    pairs = parsed(as_json.stdout, LINES)
    assert len(pairs) == 106 and {"id", "source", "target", "score", "flagged", "bead"} <= set(pairs[0])
    assert sum(1 for p in pairs if p["source"] and p["target"]) == 104
    rows = (tmp_path / "pairs.csv").read_text(encoding="utf-8")
    assert all(p["source"].split()[0] in rows for p in pairs)
    assert as_json.stderr.startswith("aligned: 104 pairs")


def test_export_json_counts_what_was_written(report_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "tm.tmx"
    done = tmtool("export", "-o", out, "--translated-only", "--json", "--db", report_db)
    assert json.loads(done.stdout) == {"output": str(out), "format": "tmx", "count": 0, "of": "units"}
    assert "<tu " not in out.read_text(encoding="utf-8")
