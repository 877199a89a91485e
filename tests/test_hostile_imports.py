"""Hostile files for `tmtool import`: each is refused in one line (store untouched) or imported correctly.

XML attacks must be inert: an external entity never reads the local file, and entity
expansion never blows up memory (that case runs in a child process with a memory limit).
"""
from __future__ import annotations

import resource
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile import Outcome, assert_one_line_error, sha, store_snapshot, tmtool, tmtool_process

TMX_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
HEADER = '<header creationtool="hand" creationtoolversion="1" segtype="sentence" o-tmf="hand" adminlang="en" datatype="plaintext"{srclang}/>'


def tmx(body: str, srclang: str = ' srclang="ru"', doctype: str = "") -> str:
    return f'{TMX_HEAD}{doctype}<tmx version="1.4">{HEADER.format(srclang=srclang)}<body>{body}</body></tmx>\n'


def tu(source: str, target: str, src: str = "ru", tgt: str = "en") -> str:
    src_attr = f' xml:lang="{src}"' if src else ""
    return f"<tu><tuv{src_attr}><seg>{source}</seg></tuv><tuv xml:lang=\"{tgt}\"><seg>{target}</seg></tuv></tu>"


Check = Callable[[list[tuple[str, str, str, str]], Outcome], None]


def adds_nothing(units: list[tuple[str, str, str, str]], outcome: Outcome) -> None:
    raise AssertionError("this file must be refused with a one-line error")


# (case id, file name, content, what a successful import must have done; adds_nothing = must refuse)
CASES: list[tuple[str, str, bytes, Check]] = [
    ("malformed-xml", "broken.tmx", tmx(tu("Текст.", "Text.")).replace("</body>", "").encode(), adds_nothing),
    # Refused rather than guessed: OmegaT drops such a TMX whole, so it is not what it seems.
    ("tmx-without-srclang", "nosrclang.tmx", tmx(tu("Без srclang.", "No srclang."), srclang="").encode(),
     adds_nothing),
    ("tuv-without-xml-lang", "nolang.tmx",
     tmx(tu("Хороший.", "Good.") + tu("Без языка.", "No language.", src="")).encode(),
     adds_nothing),
    ("unknown-languages", "klingon.tmx",
     tmx(tu("Текст.", "Text.", src="not a language", tgt="neither"), srclang=' srclang="not a language"').encode(),
     adds_nothing),
    ("po-syntax-error", "broken.po",
     'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Текст\nmsgstr "Text"\n'.encode(),
     adds_nothing),
    ("csv-ragged-rows", "ragged.csv",
     "source,target\nЦелая строка.,Whole row.\nЛишнее,поле,здесь\nОдно поле\n".encode(),
     adds_nothing),
    ("empty-tmx", "empty.tmx", b"", adds_nothing),
    ("empty-po", "empty.po", b"", adds_nothing),
    ("empty-csv", "empty.csv", b"", adds_nothing),
]


@pytest.fixture
def store(report_db: Path, tmp_path: Path) -> Path:
    db = tmp_path / "store.db"
    shutil.copyfile(report_db, db)
    return db


def refused_or_correct(outcome: Outcome, db: Path, before: str, source: Path, check: Check) -> None:
    """Refusals (adds_nothing): exit 1, one line naming the file, store untouched; others: exit 0 and check."""
    assert "Traceback" not in outcome.stdout + outcome.stderr
    if check is adds_nothing:
        assert_one_line_error(outcome, source.name)
        assert sha(db) == before
        return
    assert outcome.code == 0, outcome.stderr
    check(store_snapshot(db), outcome)


# Known failures, each with what goes wrong today; the case runs (and reports XPASS) once fixed.
KNOWN: dict[str, str] = {}


def case_params() -> list[object]:
    return [pytest.param(*case, id=case[0], marks=[pytest.mark.xfail(reason=KNOWN[case[0]])] if case[0] in KNOWN else [])
            for case in CASES]


@pytest.mark.parametrize("case, name, content, check", case_params())
def test_hostile_import(store: Path, tmp_path: Path, case: str, name: str, content: bytes, check: Check) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    before = sha(store)
    langs = ("--src-lang", "ru", "--tgt-lang", "en") if source.suffix in (".po", ".csv") else ()
    refused_or_correct(tmtool("import", source, *langs, "--db", store), store, before, source, check)


@pytest.mark.parametrize("kind", ["missing", "directory"])
def test_import_of_no_file_is_refused(store: Path, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "memory.tmx"
    if kind == "directory":
        path.mkdir()
    before = sha(store)
    assert_one_line_error(tmtool("import", path, "--db", store), path.name)
    assert sha(store) == before


def test_external_entity_is_not_read(store: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-7f3a9", encoding="utf-8")
    doctype = f'<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
    source = tmp_path / "xxe.tmx"
    source.write_text(tmx(tu("Секрет: &xxe;", "Secret: &xxe;"), doctype=doctype), encoding="utf-8")
    outcome = tmtool("import", source, "--db", store)
    assert outcome.code in (0, 1) and "Traceback" not in outcome.stderr
    assert "TOP-SECRET" not in outcome.stdout + outcome.stderr
    assert b"TOP-SECRET" not in store.read_bytes()
    exported = tmtool("export", "--db", store, "--format", "csv", "-o", "-")
    assert "TOP-SECRET" not in exported.stdout


BILLION_LAUGHS = (
    '<!DOCTYPE tmx [\n<!ENTITY lol "lol">\n'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
    + "]>\n"
)
MEMORY_LIMIT = 2 * 1024**3


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def test_entity_expansion_is_inert(store: Path, tmp_path: Path) -> None:
    """A billion laughs (10^9 'lol's) in a child process limited to 2 GB of address space."""
    source = tmp_path / "laughs.tmx"
    source.write_text(tmx(tu("&lol9;", "&lol9;"), doctype=BILLION_LAUGHS), encoding="utf-8")
    before_size = store.stat().st_size
    before = sha(store)
    outcome = tmtool_process("import", source, "--db", store, timeout=300, preexec_fn=limit_memory)
    assert outcome.code in (0, 1), outcome.stderr
    assert "Traceback" not in outcome.stderr and "MemoryError" not in outcome.stderr
    if outcome.code == 1:
        assert_one_line_error(outcome, source.name)
        assert sha(store) == before
    assert store.stat().st_size < before_size + 1024**2, "the expansion reached the store"


PO_HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={charset}\\n"\n"Language: en\\n"\n"X-Source-Language: ru\\n"\n\n'


def test_po_mentioning_a_charset_before_its_header_is_read_as_utf8(tmp_path: Path) -> None:
    po = tmp_path / "mention.po"
    po.write_bytes('# Перевод: не путать с charset=koi8-r\nmsgid "Кодировка charset=koi8-r"\nmsgstr "Encoding"\n'
                   .encode("utf-8"))
    db = tmp_path / "m.db"
    assert tmtool("import", po, "--db", db, "--src-lang", "ru", "--tgt-lang", "en").code == 0
    assert [u[2] for u in store_snapshot(db)] == ["Кодировка charset=koi8-r"]


def test_po_with_charset_unicode_escape_is_refused(tmp_path: Path) -> None:
    po = tmp_path / "escape.po"
    po.write_bytes((PO_HEADER.format(charset="unicode_escape") + 'msgid "\\\\ud800"\nmsgstr "x"\n').encode())
    db = tmp_path / "e.db"
    assert_one_line_error(tmtool("import", po, "--db", db), "escape.po", "charset=unicode_escape")


@pytest.mark.parametrize("fmt", ["csv", "po"])
def test_control_characters_are_made_visible_at_import_so_xml_exports_work(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"controls.{fmt}"
    if fmt == "csv":
        path.write_bytes("source,target,notes\nзвонок\x07здесь,bell\x00here,note\x1b\n".encode())
    else:
        path.write_bytes((PO_HEADER.format(charset="UTF-8") + 'msgid "звонок\x07здесь"\nmsgstr "bell\x0chere"\n')
                         .encode())
    db = tmp_path / "c.db"
    outcome = tmtool("import", path, "--db", db, "--src-lang", "ru", "--tgt-lang", "en")
    assert outcome.code == 0 and "repaired control characters" in outcome.stdout, outcome.stderr
    ((_, _, source, target),) = store_snapshot(db)
    assert source == "звонок\u2407здесь" and target in ("bell\u2400here", "bell\u240chere")
    for xml in ("tmx", "xliff"):
        assert tmtool("export", "--format", xml, "-o", tmp_path / f"all.{xml}", "--db", db).code == 0


def test_refused_csv_leaves_no_exception_ignored_message(tmp_path: Path) -> None:
    path = tmp_path / "nolang.csv"
    path.write_bytes("source,target\n" .encode() + "Текст.,Text.\n".encode() * 20000)
    outcome = tmtool_process("import", path, "--db", tmp_path / "n.db")
    assert_one_line_error(outcome, "nolang.csv", "language")
    assert "Exception ignored" not in outcome.stderr


def test_segment_beyond_the_xml_text_limit_is_explained_and_the_option_lifts_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.tmx"
    path.write_bytes(tmx(tu("а" * 10_000_050, "Long.")).encode())
    db = tmp_path / "h.db"
    line = assert_one_line_error(tmtool("import", path, "--db", db), "huge.tmx", "10,000,000 characters",
                                 "--huge-text")
    assert "XML_PARSE_HUGE" not in line
    outcome = tmtool("import", path, "--db", db, "--huge-text")
    assert outcome.code == 0, outcome.stderr
    assert [len(u[2]) for u in store_snapshot(db)] == [10_000_050]


@pytest.mark.parametrize("name", ["sparse.po", "sparse.csv", "sparse.tmx"])
def test_sparse_binary_file_is_refused_before_it_is_read(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    with path.open("wb") as stream:
        stream.truncate(2 * 1024**3)  # 2 GB of NUL bytes, nothing on disk

    def limit_memory() -> None:  # reading it whole (and decoding it) would need 2 to 6 GB
        resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024**2, 1536 * 1024**2))

    outcome = tmtool_process("import", path, "--db", tmp_path / "s.db", preexec_fn=limit_memory, timeout=120)
    assert_one_line_error(outcome, name, "binary")
