"""Issue 14's format slips: the PO document in #: references, CSV's signature column only where it varies."""
from __future__ import annotations

import csv
import io
from datetime import datetime, timezone

import pytest

from exports import ExportContext, get_format
from tm.model import Unit

CTX = ExportContext(created=datetime(2026, 1, 2, tzinfo=timezone.utc), signature="sig-a;sig-b")


def unit(doc: str, position: int, props: tuple[tuple[str, str], ...] = ()) -> Unit:
    return Unit(id=f"{doc}:{position:07d}", doc=doc, source=f"Предложение {position}.", target=f"Sentence {position}.",
                position=position, props=props)


def written(name: str, units: list[Unit], ctx: ExportContext = CTX) -> str:
    stream = io.BytesIO()
    get_format("tm", name).dump(units, stream, ctx)
    return stream.getvalue().decode("utf-8")


def read_back(name: str, text: str) -> list[Unit]:
    fmt = get_format("tm", name)
    assert fmt.load is not None
    return [u for u in fmt.load(io.BytesIO(text.encode("utf-8")), name) if isinstance(u, Unit)]


# (document, locations, the lines the entry must have, the props read back)
PO_CASES = [
    ("report.txt", (), ["#: report.txt"], (("x-original-document", "report.txt"),)),
    # references of its own (from a PO or TS file) are written back as they came, the document beside them
    ("app.ts", (("x-location", "src/main.cpp:42"),), ["#. document: app.ts", "#: src/main.cpp:42"],
     (("x-original-document", "app.ts"), ("x-location", "src/main.cpp:42"))),
    ("my report.txt", (), ["#. document: my report.txt"], (("x-original-document", "my report.txt"),)),
]


@pytest.mark.parametrize(("doc", "locations", "lines", "props"), PO_CASES, ids=[c[0] for c in PO_CASES])
def test_po_names_the_document_in_its_references(doc: str, locations: tuple[tuple[str, str], ...],
                                                 lines: list[str], props: tuple[tuple[str, str], ...]) -> None:
    text = written("po", [unit(doc, 1, locations)])
    entry = text.strip().split("\n\n")[-1].splitlines()
    assert all(line in entry for line in lines), entry
    assert ("#. document: " in text) == (" " in doc or bool(locations))
    assert read_back("po", text)[0].props == props


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_has_no_signature_column_when_every_row_would_repeat_it() -> None:
    ctx = ExportContext(created=CTX.created, signature="sig-a", doc_signatures=(("a.txt", "sig-a"),))
    rows = csv_rows(written("csv", [unit("a.txt", 0), unit("a.txt", 1)], ctx))
    assert rows and "signature" not in rows[0]


def test_csv_gives_each_row_its_documents_signature_when_they_differ() -> None:
    ctx = ExportContext(created=CTX.created, signature="sig-a;sig-b",
                        doc_signatures=(("a.txt", "sig-a"), ("b.txt", "sig-b")))
    rows = csv_rows(written("csv", [unit("a.txt", 0), unit("b.txt", 0), unit("a.txt", 1)], ctx))
    assert [(r["doc"], r["signature"]) for r in rows] == [("a.txt", "sig-a"), ("b.txt", "sig-b"), ("a.txt", "sig-a")]
    assert [u.source for u in read_back("csv", written("csv", [unit("a.txt", 0), unit("b.txt", 0)], ctx))] \
        == ["Предложение 0.", "Предложение 0."]
