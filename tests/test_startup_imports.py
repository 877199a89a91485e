"""What `tmtool --help` loads: the registry's entries, not the writers' libraries (bench/startup.py times it)."""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from click.testing import CliRunner

from tm.cli.common import help_width

REPO = Path(__file__).resolve().parent.parent
HEAVY = ("lxml", "polib", "openpyxl", "numpy", "rapidfuzz", "pymorphy3", "pandas", "pdfminer", "tm.align")

PROBE = """
import json, sys
from click.testing import CliRunner
from tm.cli import main
result = CliRunner().invoke(main, sys.argv[1:])
assert result.exit_code == 0, result.output
print(json.dumps(sorted(sys.modules)))
"""


def loaded_by(*args: str) -> set[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    out = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True, env=env)
    return set(json.loads(out.stdout.splitlines()[-1]))


# As the `tmtool` script runs a command, without CliRunner (it imports tempfile, and so shutil) or the
# probe's own json: the modules are listed before json is imported to print them.
PLAIN_PROBE = """
import sys
from tm.cli import main
try:
    main(sys.argv[1:])
except SystemExit as done:
    assert done.code in (0, None), done.code
loaded = sorted(sys.modules)
import json
print(json.dumps(loaded), file=sys.stderr)
"""


def loaded_by_command(*args: str) -> set[str]:
    """The modules a command loads, run as the console script runs it (stdout a pipe, as in a script)."""
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    out = subprocess.run([sys.executable, "-c", PLAIN_PROBE, *args], capture_output=True, text=True, check=True,
                         env=env)
    return set(json.loads(out.stderr.splitlines()[-1]))


# Not for the command list: the data model's dataclasses (the format registry's entries are named
# tuples, the --check and --kind choices are read when used), the scoring, the termbase, the checks.
NOT_FOR_HELP = ("exports.base", "tm.model", "tm.markup", "tm.match", "glossary.model", "tm.check", "tm.store")


@pytest.mark.parametrize("args", [("--help",), ("search", "--help"), ("terms", "lookup", "--help")])
def test_help_loads_neither_data_model_nor_choice_tables(args: tuple[str, ...]) -> None:
    loaded = loaded_by(*args)
    assert [m for m in NOT_FOR_HELP if m in loaded] == []


@pytest.mark.parametrize("args", [("check", "--help"), ("terms", "list", "--help")])
def test_a_choice_table_is_read_for_its_command_help(args: tuple[str, ...]) -> None:
    assert {"tm.check", "glossary.model"} & loaded_by(*args)


# Each command module is imported when its command runs (tm.cli.COMMANDS), and --help imports them all.
COMMAND_MODULES = {"tm.cli.align", "tm.cli.check", "tm.cli.docs", "tm.cli.memory", "tm.cli.search", "tm.cli.serve",
                   "tm.cli.terms"}


@pytest.mark.parametrize(("args", "module"), [(("search", "--help"), "tm.cli.search"),
                                              (("terms", "lookup", "--help"), "tm.cli.terms"),
                                              (("stats", "--help"), "tm.cli.memory")])
def test_a_command_imports_no_other_command_module(args: tuple[str, ...], module: str) -> None:
    assert COMMAND_MODULES & loaded_by(*args) == {module}


def test_help_lists_every_command_module() -> None:
    assert COMMAND_MODULES <= loaded_by("--help")


# The command modules import json where a command prints JSON, not when they are defined (~2.5 ms).
@pytest.mark.parametrize("args", [("--help",), ("search", "--help"), ("terms", "lookup", "--help")])
def test_help_does_not_load_json(args: tuple[str, ...]) -> None:
    assert "json" not in loaded_by_command(*args)


def test_help_does_not_load_signal() -> None:
    """The group's callback sets the SIGTERM handler: `tmtool --help` exits before it runs."""
    assert "signal" not in loaded_by_command("--help")


@pytest.mark.parametrize("args", [("--help",), ("export", "--help"), ("terms", "export", "--help")])
def test_help_loads_no_heavy_library(args: tuple[str, ...]) -> None:
    loaded = loaded_by(*args)
    assert [m for m in HEAVY if m in loaded] == []
    assert ("exports" in loaded) == (args != ("--help",))  # the registry is read for the --format choices only


# --help is as wide as click would make it: given the width, click does not import shutil to ask.
@pytest.mark.parametrize("args", [("--help",), ("search", "--help"), ("terms", "lookup", "--help")])
def test_help_does_not_load_shutil(args: tuple[str, ...]) -> None:
    assert {"shutil", "bz2", "lzma"} & loaded_by_command(*args) == set()


def clicks_width() -> int:
    """What click.formatting.HelpFormatter takes when it is given no width (and no FORCED_WIDTH)."""
    return max(min(shutil.get_terminal_size().columns, 80) - 2, 50)


@pytest.mark.parametrize("columns", [None, "40", "79", "100", "200", "0", "-3", "wide"])
def test_help_width_is_clicks_own(monkeypatch: pytest.MonkeyPatch, columns: str | None) -> None:
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert help_width() == clicks_width()


@pytest.mark.parametrize(("columns", "environment"), [(30, None), (72, None), (120, None), (120, "60")])
def test_help_width_on_a_terminal_is_clicks_own(monkeypatch: pytest.MonkeyPatch, columns: int,
                                                 environment: str | None) -> None:
    leader, follower = os.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    with os.fdopen(follower, "w") as terminal:
        monkeypatch.setattr(sys, "__stdout__", terminal)
        if environment is None:
            monkeypatch.delenv("COLUMNS", raising=False)
        else:
            monkeypatch.setenv("COLUMNS", environment)
        assert help_width() == clicks_width() == max(min(int(environment or columns), 80) - 2, 50)
    os.close(leader)


def test_help_width_under_clirunner_is_its_forced_width() -> None:
    with CliRunner().isolation():
        assert help_width() == 80


@pytest.fixture(scope="module")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled report built once into a store, as bench/startup.py builds it."""
    db = tmp_path_factory.mktemp("startup") / "t.db"
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    subprocess.run([sys.executable, "-m", "tm.cli", "build", "--example", "--db", str(db)], check=True,
                   capture_output=True, env=env)
    return db


def test_terms_lookup_and_stats_load_no_writer_or_aligner(example_db: Path) -> None:
    for args in (("terms", "lookup", "МОТ", "--db", str(example_db)), ("stats", "--db", str(example_db))):
        loaded = loaded_by(*args)
        assert [m for m in ("lxml", "polib", "openpyxl", "numpy", "pandas", "tm.align") if m in loaded] == []


# A found term needs the stored records and their lookup keys (glossary.lookup_keys): not the analyser
# (its dictionaries load in ~0.1 s), the termbase compiler, rapidfuzz (suggestions for a miss) or the
# reference table (read when the documents do not answer); nor the stages' records (tm.stage_data),
# the format registry (read for `terms export --format`) or the documents' views (its counts are
# worded by tm.wording); nor the units' data model (tm.model: its dataclasses take ~25 M instructions).
NOT_FOR_TERM_LOOKUP = ("pymorphy3", "glossary.termbase", "glossary.extract", "rapidfuzz", "glossary.reference",
                       "tm.stage_data", "exports", "tm.documents", "tm.model")


def test_terms_lookup_of_an_acronym_loads_no_analyser_compiler_or_rapidfuzz(example_db: Path) -> None:
    loaded = loaded_by("terms", "lookup", "МОТ", "--db", str(example_db))
    assert [m for m in NOT_FOR_TERM_LOOKUP if m in loaded] == []
    assert {"glossary.lookup", "glossary.merge", "tm.store.sqlite"} <= loaded


def test_terms_lookup_the_documents_do_not_answer_reads_the_reference_table(example_db: Path) -> None:
    assert "glossary.reference" in loaded_by("terms", "lookup", "ЮНЕСКО", "--db", str(example_db))


# What a fuzzy search of a small store needs is the store and rapidfuzz: not the use-case layer
# (tm.app: exports, hashing, temporary files), the concordance, the termbase, the analyser or the
# stages' records (tm.stage_data: blocks, skipped records) or the format registry; nor the units' data
# model (tm.model): a hit is made from the store's candidates, and tm.markup reads their marks alone;
# nor the language profiles' class (tm.lang.profile): scoring reads tm.lang.script's patterns.
NOT_FOR_FUZZY_SEARCH = ("tm.app", "tm.concordance", "tm.documents", "tm.textio", "glossary.termstore", "pymorphy3",
                        "numpy", "lxml", "polib", "openpyxl", "tm.align", "tm.stage_data", "exports", "tm.model",
                        "tm.lang.profile")


def test_fuzzy_search_loads_only_the_store_and_scoring(example_db: Path) -> None:
    loaded = loaded_by("search", "Доклад Генерального секретаря", "--db", str(example_db))
    assert [m for m in NOT_FOR_FUZZY_SEARCH if m in loaded] == []
    assert {"tm.search", "tm.store.sqlite", "rapidfuzz"} <= loaded


def test_the_profile_submodule_imported_late_leaves_the_profile_function() -> None:
    """tm.lang loads tm.lang.profile when LanguageProfile is first asked for: a module importing the
    submodule after the package (tm.lang.ru does) must not make tm.lang.profile that module."""
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    probe = ("import sys, tm.lang.script; assert 'tm.lang.profile' not in sys.modules; "
             "from tm.lang.profile import LanguageProfile; import tm.lang; from tm.lang import profile; "
             "assert tm.lang.LanguageProfile is LanguageProfile; "
             "print(profile('ru-RU').code, tm.lang.profile('en').code)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.split() == ["ru", "en"]


def test_reading_a_stored_termbase_imports_no_store_backend() -> None:
    """tm.stored_terms works on the store its caller opened: importing it loads neither tm.store nor sqlite3."""
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    probe = "import json, sys, tm.stored_terms; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env)
    assert {"tm.store", "sqlite3", "tm.model"} & set(json.loads(out.stdout)) == set()



def modules_after(statement: str) -> set[str]:
    """What a statement loads in a Python without site (no editable-install finder, which loads pathlib)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    probe = (f"import json, sys; before = set(sys.modules); {statement}; "
             "print(json.dumps(sorted(set(sys.modules) - before)))")
    out = subprocess.run([sys.executable, "-S", "-c", probe], capture_output=True, text=True, check=True, env=env)
    return set(json.loads(out.stdout))


# tm.store's package and protocols take the data model and pathlib for annotations only, tm.store.url
# parses a URL only to print it without its password, and the SQLite backend imports tm.model where it
# makes units and documents; tm.markup, which the store and scoring read marks with, defines no class but
# InlineCode. Opening a store makes none of tm.model's dataclasses (~25 M instructions).
def test_opening_a_store_loads_no_data_model() -> None:
    assert "tm.model" not in modules_after("import tm.store")


# Nor pathlib (with urllib.parse and ipaddress: ~17 M instructions of `tmtool terms lookup` and
# `tmtool search`): SQLiteStore keeps its file as a str and makes a Path only when asked for one.
def test_opening_a_store_loads_no_pathlib() -> None:
    assert {"pathlib", "urllib.parse"} & modules_after("import tm.store") == set()


# Run as the program, tmtool freezes its objects at exit (gc.freeze), so that the interpreter's last
# collections skip them; called with arguments (a test, another program), it leaves the collector alone.
FREEZE_PROBE = """
import atexit, gc, sys
from tm.cli import main
atexit.register(lambda: print("frozen" if gc.get_freeze_count() else "not frozen", file=sys.stderr))
sys.argv[1:] = ["--help"]
main() if "{call}" == "program" else main(["--help"])
"""


@pytest.mark.parametrize(("call", "expected"), [("program", "frozen"), ("arguments", "not frozen")])
def test_objects_are_frozen_at_exit_only_when_run_as_the_program(call: str, expected: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-c", FREEZE_PROBE.format(call=call)], capture_output=True, text=True,
                          env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1] == expected
