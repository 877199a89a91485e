"""`tmtool check`: translate-toolkit's checks (translate.filters) over the store's aligned pairs, as a table."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile import tmtool

from tm.app import example_pair_paths
from tm.check import check_units
from tm.model import Unit

# (source, target, the checks that fail)
CASES = [
    ("В 2014 году было 5 заседаний.", "In 2014 there were 5 meetings.", []),
    ("Рост на 3,5 процента.", "Growth of 3.5 per cent.", []),  # a decimal comma is the same number
    ("Всего 12 500 человек.", "A total of 12,500 people.", []),  # and a space between thousands
    ("В 2014 году было 5 заседаний.", "In 2015 there were 5 meetings.", ["numbers"]),
    ("Доклад принят.", "The report was adopted", ["endpunc"]),
    ("Доклад (см. выше) принят.", "The report (see above was adopted.", ["brackets"]),
    ("Центр DLR провел семинар.", "The centre held a seminar.", ["acronyms"]),  # a Latin acronym stays
    ("ООН провела семинар.", "The UN held a seminar.", []),  # a Cyrillic one is translated
    ("Доклад принят", "", []),  # no target: nothing to check
]


@pytest.mark.parametrize(("source", "target", "failing"), CASES, ids=[c[0][:30] + c[1][:8] for c in CASES])
def test_checks_of_one_pair(source: str, target: str, failing: list[str]) -> None:
    unit = Unit(id="d:0000000", doc="d", source=source, target=target)
    assert [f.check for f in check_units([unit])] == failing


def test_only_the_chosen_checks_run() -> None:
    unit = Unit(id="d:0000000", doc="d", source="В 2014 году (см.", target="In 2015 (see")
    assert [f.check for f in check_units([unit], ["numbers"])] == ["numbers"]
    with pytest.raises(ValueError, match="spelling"):
        list(check_units([unit], ["spelling"]))


@pytest.fixture(scope="module")
def pair_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("check") / "pair.db"
    assert tmtool("build", *example_pair_paths()[:1], "--target", example_pair_paths()[1], "--db", db).code == 0
    return db


def test_the_command_prints_findings_and_a_count(pair_db: Path) -> None:
    done = tmtool("check", "--db", pair_db)
    assert done.code == 0, done.stderr
    assert done.stderr.strip().endswith("aligned units")
    count = int(done.stderr.split()[0])
    assert count == sum(1 for line in done.stdout.splitlines() if not line.startswith(" "))


def test_json_lines_one_object_per_finding(pair_db: Path) -> None:
    done = tmtool("check", "--db", pair_db, "--check", "numbers", "--json")
    assert done.code == 0, done.stderr
    findings = [json.loads(line) for line in done.stdout.splitlines()]
    assert findings and {f["check"] for f in findings} == {"numbers"}
    assert set(findings[0]) == {"unit_id", "check", "message", "source", "target"}


def test_a_store_without_targets_has_nothing_to_check(report_db: Path) -> None:
    done = tmtool("check", "--db", report_db)
    assert (done.code, done.stdout, done.stderr.strip()) == (0, "", "0 findings in 0 of 0 aligned units")


@pytest.fixture()
def checked_db(tmp_path: Path) -> Path:
    db = tmp_path / "pair.db"
    assert tmtool("build", *example_pair_paths()[:1], "--target", example_pair_paths()[1], "--db", db).code == 0
    return db


def stored_checks(db: Path) -> dict[str, list[str]]:
    from tm.check import CHECK_PROP
    from tm.store import open_store

    with open_store(db, create=False) as store:
        return {u.id: [v for k, v in u.props if k == CHECK_PROP] for u in store.units()
                if any(k == CHECK_PROP for k, _ in u.props)}


def test_store_puts_each_finding_on_its_unit(checked_db: Path) -> None:
    shown = tmtool("check", "--db", checked_db, "--json")
    findings = [json.loads(line) for line in shown.stdout.splitlines()]
    assert stored_checks(checked_db) == {}  # without --store nothing is written
    stored = tmtool("check", "--store", "--db", checked_db, "--json")
    assert stored.code == 0 and stored.stdout == shown.stdout, stored.stderr
    expected: dict[str, list[str]] = {}
    for finding in findings:
        expected.setdefault(finding["unit_id"], []).append(finding["check"])
    assert findings and stored_checks(checked_db) == expected
    again = tmtool("check", "--store", "--db", checked_db)  # a second run replaces, never doubles
    assert again.code == 0 and stored_checks(checked_db) == expected


def test_a_check_run_alone_replaces_only_its_own_flags(checked_db: Path) -> None:
    assert tmtool("check", "--store", "--db", checked_db).code == 0
    before = stored_checks(checked_db)
    assert tmtool("check", "--store", "--check", "numbers", "--db", checked_db).code == 0
    assert stored_checks(checked_db) == before


@pytest.mark.parametrize("name", ["po", "tmx"])
def test_stored_findings_round_trip_through_the_export(checked_db: Path, tmp_path: Path, name: str) -> None:
    """PO writes a finding as the flag check-NAME, TMX as <prop type="x-check">; import reads both back."""
    assert tmtool("check", "--store", "--db", checked_db).code == 0
    before = stored_checks(checked_db)
    out = tmp_path / f"memory.{name}"
    assert tmtool("export", "-o", out, "--translated-only", "--db", checked_db).code == 0
    text = out.read_text(encoding="utf-8")
    assert ("#, check-" if name == "po" else '<prop type="x-check">') in text
    db = tmp_path / "back.db"
    assert tmtool("import", out, "--db", db).code == 0
    assert sorted(before.values()) == sorted(stored_checks(db).values())
