"""`tmtool build --example`: the README's main command gives an aligned memory, and its examples answer."""
from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from hostile import tmtool
from lxml import etree

from tm.app import EXAMPLE_NAME, EXAMPLE_PAIR, example_pair_paths, example_path
from tm.store import open_store

README = Path(__file__).resolve().parent.parent / "README.md"
PAIR_DOC = EXAMPLE_PAIR[0]


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("example")
    db, out = folder / "tmtool.db", folder / "out"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        built = tmtool("build", "--example", "--db", db, "--out-dir", out)
    assert built.code == 0, built.stderr
    return {"db": db, "out": out}


def test_the_bundled_files_and_their_credit_are_package_data() -> None:
    credit = (example_path().parent / "README.md").read_text(encoding="utf-8")
    assert "United Nations Parallel Corpus v1.0" in credit and "Ziemski" in credit
    for path in (example_path(), *example_pair_paths()):
        assert path.stat().st_size > 10_000, path


def test_the_example_tmx_has_english_targets(example: dict[str, Path]) -> None:
    tree = etree.parse(str(example["out"] / "tm.tmx"))
    pair_tus = tree.xpath(f"//tu[prop[@type='x-document']='{PAIR_DOC}']")
    with open_store(example["db"], create=False, readonly=True) as store:
        translated = [u for u in store.units(doc=PAIR_DOC) if u.target]
        assert store.count_units(translated_only=True) == len(translated) >= 100
    with_english = [tu for tu in pair_tus if tu.xpath("tuv[@xml:lang='en']/seg/text()")]
    assert len(with_english) == len(translated)
    assert "Report of the Secretary-General" in tree.xpath("//tuv[@xml:lang='en']/seg/text()")


def test_the_report_a_58_98_is_built_as_before(example: dict[str, Path], tmp_path: Path) -> None:
    """--example keeps A/58/98's units: the same as building that file alone."""
    alone = tmp_path / "alone.db"
    assert tmtool("build", example_path(), "--db", alone).code == 0
    with open_store(alone, create=False, readonly=True) as one, \
            open_store(example["db"], create=False, readonly=True) as both:
        assert list(one.units()) == list(both.units(doc=EXAMPLE_NAME))


def readme_commands(program: str) -> list[list[str]]:
    """The `tmtool search ...` lines of the README, as argument lists (comments dropped)."""
    found = []
    for line in README.read_text(encoding="utf-8").splitlines():
        if not line.lstrip().startswith(f"tmtool {program} "):
            continue
        words = shlex.split(line, comments=True)
        if words[:2] == ["tmtool", program] and "--batch" not in words:
            found.append(words[2:])
    return found


def test_the_readme_has_search_examples() -> None:
    assert len(readme_commands("search")) >= 2


@pytest.mark.parametrize("args", readme_commands("search"), ids=lambda a: " ".join(a)[:40])
def test_every_readme_search_example_answers_with_english(example: dict[str, Path], args: list[str]) -> None:
    done = tmtool("search", *args, "--json", "--db", example["db"])
    assert done.code == 0, done.stderr
    answers = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    hits = [hit for answer in answers for hit in answer["hits"]]
    assert hits, f"no match for {args}"
    assert any(h.get("target") for h in hits), hits[:2]


def test_the_termbase_has_english_confirmed_from_the_alignment(example: dict[str, Path]) -> None:
    done = tmtool("terms", "list", "--json", "--db", example["db"])
    assert done.code == 0, done.stderr
    entries = [json.loads(line) for line in done.stdout.splitlines()]
    confirmed = [e for e in entries if e["en_source"] == "aligned"
                 or any(re.match(r"English acronym in [1-9]\d* of \d+ aligned units", n) for n in e["notes"])]
    assert len(confirmed) >= 3, [e["ru_acronym"] for e in entries]
    assert {"UNEP", "ASEAN"} <= {e["en_acronym"] for e in confirmed}
