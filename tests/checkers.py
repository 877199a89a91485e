"""Independent checks of exported files with real programs (msgfmt, xmllint) and parsers."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SCHEMAS = Path(__file__).parent / "data" / "schemas"


def require(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        pytest.skip(f"{program} is not installed (apt-get install gettext libxml2-utils)")
    return path


def run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)


def assert_tmx_valid(path: Path) -> None:
    """TMX is valid against the TMX 1.4 DTD, checked by xmllint."""
    done = run([require("xmllint"), "--noout", "--nonet", "--dtdvalid", str(SCHEMAS / "tmx14.dtd"), str(path)])
    assert done.returncode == 0, done.stderr


def assert_po_valid(path: Path) -> None:
    """PO passes `msgfmt -c`."""
    done = run([require("msgfmt"), "-c", "--check-format", "-o", "/dev/null", str(path)])
    assert done.returncode == 0, done.stderr


def assert_tbx_valid(path: Path) -> None:
    """TBX v2 (martif) validates against the XSD OmegaT's reader is built from; TBX v3 (<tbx> in the
    ISO 30042:2019 namespace) against the TBX v3 core RELAX NG schema."""
    v3 = b"urn:iso:std:iso:30042:ed-2" in path.read_bytes()[:1000]
    schema = (["--relaxng", str(SCHEMAS / "TBXcoreStructV03.rng")] if v3
              else ["--schema", str(SCHEMAS / "omegat_tbx.xsd")])
    done = run([require("xmllint"), "--noout", "--nonet", *schema, str(path)])
    assert done.returncode == 0, done.stderr
