"""Hostile source documents for `tmtool build`: a clean one-line error or a correct result, never damage.

Every refused file must leave the store byte for byte as it was and write no output; every
accepted variant of a document (BOM, UTF-16, cp1251, mixed line ends) must give exactly the units
of the plain UTF-8 version.
"""
from __future__ import annotations

import resource
import shutil
from pathlib import Path

import pytest
from checkers import assert_tmx_valid
from hostile import assert_one_line_error, sha, store_snapshot, tmtool, tmtool_process
from lxml import etree

from tm.app import example_path
from tm.store import open_store

# A small document written for these tests: a heading, numbered paragraphs, quotes and a dash,
# all of which cp1251 can encode.
SAMPLE = (
    "Введение\n"
    "\n"
    "1. Настоящий доклад подготовлен в соответствии с резолюцией Генеральной\n"
    "Ассамблеи. Он содержит краткую информацию о международной миграции.\n"
    "\n"
    "2. Издание «Демографический ежегодник» — главный источник данных. Число\n"
    "мигрантов в мире выросло до 175 миллионов человек.\n"
)

# (case id, bytes of the file, words the one-line error must contain)
REFUSED = [
    ("empty", b"", "contains no text"),
    ("whitespace-only", " \n\t\r\n\u3000\n".encode("utf-8"), "contains no text"),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "PNG image"),
    ("pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF file"),
    ("zip-docx", b"PK\x03\x04\x14\x00\x06\x00" + bytes(64), "ZIP archive"),
    ("utf16-without-bom", SAMPLE.encode("utf-16-le"), "binary"),
    ("latin1-not-russian", "Déjà vu, naïve café, façade.\n".encode("latin-1"), "not UTF-8, UTF-16, UTF-32 or Russian 8-bit"),
]

# (case id, how the sample is encoded): each must give the units of the UTF-8 file.
ENCODINGS = [
    ("utf8-bom", lambda text: b"\xef\xbb\xbf" + text.encode("utf-8")),
    ("utf16le-bom", lambda text: text.encode("utf-16")),
    ("utf16be-bom", lambda text: b"\xfe\xff" + text.encode("utf-16-be")),
    ("cp1251", lambda text: text.encode("cp1251")),
    ("koi8-r", lambda text: plain_punctuation(text).encode("koi8-r")),
    ("mac-cyrillic", lambda text: text.encode("mac-cyrillic")),
    ("utf32le-bom", lambda text: text.encode("utf-32")),
    ("utf32be-bom", lambda text: b"\x00\x00\xfe\xff" + text.encode("utf-32-be")),
    ("crlf", lambda text: text.replace("\n", "\r\n").encode("utf-8")),
    ("mixed-line-ends", lambda text: mix_line_ends(text).encode("utf-8")),
]


def plain_punctuation(text: str) -> str:
    """The sample with the quotes and dash KOI8-R cannot encode made ASCII (the units compare so)."""
    return text.replace("«", '"').replace("»", '"').replace("—", "-")


def mix_line_ends(text: str) -> str:
    """LF, CRLF and CR in turn, line by line."""
    ends = ("\n", "\r\n", "\r")
    return "".join(line + ends[i % 3] for i, line in enumerate(text.split("\n")[:-1]))


@pytest.fixture
def store(report_db: Path, tmp_path: Path) -> Path:
    """A private copy of the report's store, to be proved untouched."""
    db = tmp_path / "store.db"
    shutil.copyfile(report_db, db)
    return db


def sample_units(tmp_path: Path, name: str, data: bytes) -> list[tuple[str, str, str, str]]:
    source = tmp_path / name
    source.write_bytes(data)
    db = tmp_path / f"{name}.db"
    outcome = tmtool("build", source, "--doc", "sample", "--db", db)
    assert outcome.code == 0, outcome.stderr
    return store_snapshot(db)


def assert_refused(store: Path, tmp_path: Path, source: Path, *needles: str) -> None:
    """One line naming the file, exit 1, the store unchanged, no output directory made."""
    before = sha(store)
    out_dir = tmp_path / "out"
    outcome = tmtool("build", source, "--db", store, "--out-dir", out_dir)
    assert_one_line_error(outcome, source.name, *needles)
    assert sha(store) == before
    assert not out_dir.exists()


@pytest.mark.parametrize("case, data, message", REFUSED, ids=[c[0] for c in REFUSED])
def test_unusable_file_is_refused(store: Path, tmp_path: Path, case: str, data: bytes, message: str) -> None:
    source = tmp_path / f"{case}.txt"
    source.write_bytes(data)
    assert_refused(store, tmp_path, source, message)


def test_missing_path_is_refused(store: Path, tmp_path: Path) -> None:
    assert_refused(store, tmp_path, tmp_path / "no-such-report.txt", "no such file")


def test_directory_is_refused(store: Path, tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.txt"
    folder.mkdir()
    assert_refused(store, tmp_path, folder, "is a directory")


@pytest.mark.parametrize("case, encode", ENCODINGS, ids=[c[0] for c in ENCODINGS])
def test_encoding_and_line_ends_give_the_same_units(tmp_path: Path, case: str, encode: object) -> None:
    text = plain_punctuation(SAMPLE) if case == "koi8-r" else SAMPLE
    reference = sample_units(tmp_path, "plain.txt", text.encode("utf-8"))
    variant = sample_units(tmp_path, f"{case}.txt", encode(SAMPLE))  # type: ignore[operator]
    assert variant == reference
    assert len(reference) >= 5
    assert not any("\ufeff" in src or "\r" in src for _, _, src, _ in variant)


def with_bad_byte(text: str) -> bytes:
    """The sample in UTF-8 with one byte 0xFF put between two characters of its third line."""
    data = text.encode("utf-8")
    at = data.index("Настоящий".encode("utf-8"))
    return data[:at] + b"\xff" + data[at:]


def test_utf8_with_one_bad_byte_is_refused_naming_line_and_offset(store: Path, tmp_path: Path) -> None:
    source = tmp_path / "bad-byte.txt"
    data = with_bad_byte(SAMPLE)
    source.write_bytes(data)
    offset = data.index(b"\xff")
    assert_refused(store, tmp_path, source, "bad-byte.txt:3", "0xFF", f"offset {offset}",
                   "--errors replace")


def test_errors_replace_builds_and_counts_the_replacement_as_a_repair(tmp_path: Path) -> None:
    source = tmp_path / "bad-byte.txt"
    source.write_bytes(with_bad_byte(SAMPLE))
    db = tmp_path / "replaced.db"
    outcome = tmtool("build", source, "--doc", "sample", "--db", db, "--errors", "replace")
    assert outcome.code == 0, outcome.stderr
    assert "repaired invalid bytes (U+FFFD, --errors replace): 1" in outcome.stdout
    assert any("Настоящий" in src for _, _, src, _ in store_snapshot(db))


@pytest.mark.parametrize("errors", ["strict", "replace"])
def test_a_replacement_character_the_file_holds_is_no_bad_byte(tmp_path: Path, errors: str) -> None:
    """The bundled report holds 17 U+FFFD of its own (characters lost before it reached us): they are
    repaired as lost characters, never counted as bytes that --errors replace replaced."""
    outcome = tmtool("build", example_path(), "--db", tmp_path / "r.db", "--errors", errors)
    assert outcome.code == 0, outcome.stderr
    assert "invalid bytes" not in outcome.stdout
    assert "55 repairs" in outcome.stdout


def test_explicit_encoding_is_used(tmp_path: Path) -> None:
    source = tmp_path / "koi8.txt"
    source.write_bytes(plain_punctuation(SAMPLE).encode("koi8-r"))
    db = tmp_path / "koi8.db"
    assert tmtool("build", source, "--doc", "sample", "--db", db, "--encoding", "koi8-r").code == 0
    assert store_snapshot(db) == sample_units(tmp_path, "plain.txt", plain_punctuation(SAMPLE).encode("utf-8"))


def test_file_mixing_utf8_and_cp1251_lines_is_refused(store: Path, tmp_path: Path) -> None:
    lines = SAMPLE.split("\n")
    source = tmp_path / "mixed.txt"
    source.write_bytes(b"\n".join(line.encode("cp1251" if i == 3 else "utf-8") for i, line in enumerate(lines)))
    assert_refused(store, tmp_path, source, "mixed.txt:4", "mixes UTF-8 lines")


def test_sparse_binary_file_is_refused_from_its_first_bytes(store: Path, tmp_path: Path) -> None:
    source = tmp_path / "sparse.txt"
    with source.open("wb") as stream:
        stream.truncate(2 * 1024**3)  # 2 GB of holes: nothing on disk
    before = sha(store)

    def limit_memory() -> None:  # reading the file whole would need 2 GB
        resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024**2, 1536 * 1024**2))

    outcome = tmtool_process("build", source, "--db", store, preexec_fn=limit_memory)
    assert_one_line_error(outcome, "sparse.txt", "binary")
    assert sha(store) == before


# Characters XML 1.0 cannot carry, each between two letters: (case id, character)
CONTROLS = [
    ("nul", "\x00"),
    ("bell", "\x07"),
    ("escape", "\x1b"),
    ("vertical-tab", "\x0b"),
    ("unit-separator", "\x1f"),
]


@pytest.mark.parametrize("case, char", CONTROLS, ids=[c[0] for c in CONTROLS])
def test_control_character_is_replaced_visibly_and_counted(tmp_path: Path, case: str, char: str) -> None:
    source = tmp_path / f"{case}.txt"
    source.write_text(f"Первое предложение с символом А{char}Б внутри. Второе предложение.\n", encoding="utf-8")
    db = tmp_path / "t.db"
    outcome = tmtool("build", source, "--db", db)
    assert outcome.code == 0, outcome.stderr
    assert "control" in outcome.stdout, "the summary must count the repair"
    with open_store(db) as store:
        (first, *_) = [u.source for u in store.units()]
        summary = store.documents()[0].summary
    assert sum(n for k, n in summary.items() if "control" in k) == 1
    assert char not in first and "АБ" not in first, f"dropped or kept raw: {first!r}"
    middle = first[first.index("А") + 1:first.index("Б")]
    assert middle.strip(), f"nothing visible where {char!r} was: {first!r}"
    tmx = tmp_path / "t.tmx"
    assert tmtool("export", "--db", db, "-o", tmx).code == 0
    assert_tmx_valid(tmx)
    seg = etree.parse(str(tmx)).find(".//seg")
    assert seg is not None and seg.text == first


@pytest.mark.parametrize(("char", "repair"), [("\ufffe", "noncharacters"), ("\uffff", "noncharacters"),
                                             ("\ufff9", "interlinear annotation"), ("\ufffa", "interlinear annotation"),
                                             ("\ufffb", "interlinear annotation")],
                         ids=["U+FFFE", "U+FFFF", "U+FFF9", "U+FFFA", "U+FFFB"])
def test_noncharacter_is_never_silently_lost(tmp_path: Path, char: str, repair: str) -> None:
    """XML cannot carry U+FFFE/U+FFFF, and U+FFF9-U+FFFB mark inline codes (tm.markup): the build
    shows them as ␦ and counts them; the TMX stays valid and holds no code."""
    source = tmp_path / "nonchar.txt"
    source.write_text(f"Текст А{char}Б здесь.\n", encoding="utf-8")
    db = tmp_path / "t.db"
    built = tmtool("build", source, "--db", db)
    if built.code != 0:
        assert_one_line_error(built, source.name)
        return
    with open_store(db) as store:
        (unit,) = [u.source for u in store.units()]
    assert "А\u2426Б" in unit, f"not shown visibly: {unit!r}"
    assert repair in built.stdout
    tmx = tmp_path / "t.tmx"
    exported = tmtool("export", "--db", db, "-o", tmx)
    assert exported.code == 0
    assert_tmx_valid(tmx)


def test_large_file_builds(tmp_path: Path) -> None:
    """Ten copies of the report in one file (about 1 MB); the 100 MB run is bench/big_input.py."""
    report = example_path().read_text(encoding="utf-8")
    single_db, big_db = tmp_path / "one.db", tmp_path / "big.db"
    assert tmtool("build", example_path(), "--db", single_db).code == 0
    big = tmp_path / "big.txt"
    big.write_text("\n\n".join([report] * 10), encoding="utf-8")
    outcome = tmtool("build", big, "--db", big_db)
    assert outcome.code == 0, outcome.stderr
    single, many = len(store_snapshot(single_db)), len(store_snapshot(big_db))
    assert 9 * single < many <= 10 * single


def test_standard_input_gives_the_units_of_the_file(tmp_path: Path) -> None:
    reference = sample_units(tmp_path, "plain.txt", SAMPLE.encode("utf-8"))
    db = tmp_path / "stdin.db"
    outcome = tmtool("build", "-", "--doc", "sample", "--db", db, input=SAMPLE.encode("cp1251"))
    assert outcome.code == 0, outcome.stderr
    assert store_snapshot(db) == reference


def test_empty_standard_input_is_refused(store: Path) -> None:
    before = sha(store)
    assert_one_line_error(tmtool("build", "-", "--db", store, input=b""), "-:", "contains no text")
    assert sha(store) == before


# Runs without spaces that a backtracking pattern rescans from every mark (quadratic): at these sizes
# the old INNER_END took hours; a linear pass takes milliseconds. Nothing is timed: a quadratic
# pattern simply does not finish within the CI run.
RUNS_WITHOUT_SPACES = [
    ("abbreviation-run", "а." * 200_000),
    ("dot-leader", "Введение" + "." * 300_000 + "3"),
    ("question-marks", "?" * 300_000),
]


@pytest.mark.parametrize("text", [r[1] for r in RUNS_WITHOUT_SPACES], ids=[r[0] for r in RUNS_WITHOUT_SPACES])
def test_segmentation_is_linear_on_runs_without_spaces(text: str) -> None:
    from tm.segment import segment_text

    assert "".join(segment_text(text, "ru")) == text
