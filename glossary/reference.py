"""The curated reference table of UN-system names (glossary/data/un_names.tsv) and lookups in it."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from glossary.normalise import lemma_key
from glossary.tokens import Token
from tm.errors import InputError

COLUMNS = ("category", "ru_acronym", "ru_full_form", "en_acronym", "en_full_form", "note",
           "valid_from", "valid_to", "source")
BASIC_COLUMNS = COLUMNS[:6]  # the older layout, without years and source, is read as well
BUNDLED = Path(__file__).parent / "data" / "un_names.tsv"


@dataclass(frozen=True, slots=True)
class ReferenceName:
    """One row of the reference table."""

    category: str
    ru_acronym: str
    ru_full_form: str
    en_acronym: str
    en_full_form: str
    note: str = ""
    valid_from: str = ""  # first year the name is valid, "" when it is older than the UN's records here
    valid_to: str = ""  # last year, "" while the name is in use
    source: str = ""  # how the row was checked (codes in the table's header)

    def valid_in(self, year: int) -> bool:
        after_start = not self.valid_from or int(self.valid_from) <= year
        return after_start and (not self.valid_to or year <= int(self.valid_to))

    @property
    def unchecked(self) -> tuple[str, ...]:
        """The parts of the row that no source of its "source" column confirms (codes in the table's header)."""
        codes = {c.strip().split(":")[0] for c in self.source.split(";")}
        parts = (
            ("Russian name", bool(self.ru_full_form) and not codes & {"U", "R", "Ur", "P", "Pr"}),
            ("English name", bool(self.en_full_form) and not codes & {"U", "Ue", "P", "Pe"}),
            ("Russian acronym", bool(self.ru_acronym) and not codes & {"Ua", "Ar", "Pa", "Par"}),
            ("English acronym", bool(self.en_acronym) and not codes & {"Ua", "Ae", "Pa", "Pae"}),
        )
        return tuple(name for name, missing in parts if missing)

    @property
    def notes(self) -> tuple[str, ...]:
        """The row's note, and what of it no source confirms, as an entry's notes."""
        unchecked = f"reference table, not checked against a source: {', '.join(self.unchecked)}"
        return (*((self.note,) if self.note else ()), *((unchecked,) if self.unchecked else ()))

    @property
    def years(self) -> str:
        return f"{self.valid_from or '…'}–{self.valid_to or ''}"


def parse_rows(lines: list[str], path: str) -> list[ReferenceName]:
    """Rows of a reference TSV: '#' lines are comments, the first other line the header."""
    body = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    header = tuple(body[0][1].rstrip("\n").split("\t")) if body else ()
    if header not in (COLUMNS, BASIC_COLUMNS):
        raise InputError(path, f"header must be {' '.join(COLUMNS)}", body[0][0] if body else None)
    rows = []
    for number, line in body[1:]:
        cells = line.rstrip("\n").split("\t")
        if len(cells) != len(header):
            raise InputError(path, f"expected {len(header)} tab-separated cells, found {len(cells)}", number)
        for year in cells[6:8]:
            if year.strip() and not year.strip().isdigit():
                raise InputError(path, f"a year must be four digits, not {year!r}", number)
        rows.append(ReferenceName(*(c.strip() for c in cells)))
    return rows


class Reference:
    """The reference table, indexed by Russian acronym and by the lemmas of the Russian name."""

    def __init__(self, rows: list[ReferenceName]) -> None:
        self.rows = rows

    @classmethod
    def load(cls, path: str | Path | None = None) -> Reference:
        """The bundled table, or another file of the same layout."""
        if path is None:  # beside this module (importlib.resources would add ~10 ms to a lookup's start)
            text = BUNDLED.read_text(encoding="utf-8")
            return cls(parse_rows(text.splitlines(), "glossary/data/un_names.tsv"))
        return cls(parse_rows(Path(path).read_text(encoding="utf-8").splitlines(), str(path)))

    @classmethod
    def empty(cls) -> Reference:
        return cls([])

    @cached_property
    def rows_by_acronym(self) -> dict[str, list[ReferenceName]]:
        found: dict[str, list[ReferenceName]] = {}
        for r in self.rows:
            if r.ru_acronym:
                found.setdefault(r.ru_acronym.upper(), []).append(r)
        return found

    @cached_property
    def rows_by_key(self) -> dict[tuple[str, ...], list[ReferenceName]]:
        found: dict[tuple[str, ...], list[ReferenceName]] = {}
        for r in self.rows:
            if r.ru_full_form:
                found.setdefault(lemma_key(r.ru_full_form), []).append(r)
        return found

    @cached_property
    def by_acronym(self) -> dict[str, ReferenceName]:
        return {a: rows[0] for a, rows in self.rows_by_acronym.items()}

    @cached_property
    def by_key(self) -> dict[tuple[str, ...], ReferenceName]:
        return {k: rows[0] for k, rows in self.rows_by_key.items()}

    def find(self, ru_acronym: str = "", ru_full_form: str = "", year: int | None = None) -> ReferenceName | None:
        """The row for an acronym, else for a Russian name in any inflection; of several rows (a name
        whose English changed: WTO, then UNWTO), the one valid in the year when it is known, else the
        one in use now."""
        rows = self.rows_by_acronym.get(ru_acronym.upper(), []) if ru_acronym else []
        if not rows and ru_full_form:
            rows = self.rows_by_key.get(lemma_key(ru_full_form), [])
        if not rows:
            return None
        current = next((r for r in rows if not r.valid_to), rows[0])
        return next((r for r in rows if year is not None and r.valid_in(year)), current)

    def start_of(self, acronym: str, words: list[Token]) -> int | None:
        """Where the table's Russian name for the acronym begins, if the words end with it."""
        row = self.by_acronym.get(acronym.upper())
        if row is None or not row.ru_full_form:
            return None
        key = lemma_key(row.ru_full_form)
        lemmas = [w.lemma for w in words]
        start = len(lemmas) - len(key)
        return start if start >= 0 and tuple(lemmas[start:]) == key else None
