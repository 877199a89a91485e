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
