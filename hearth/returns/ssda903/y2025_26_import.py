"""The SSDA903 return 2025 to 2026 read back: each table's rows checked and made into facts.

The reverse of y2025_26.py (which is only imported for its layout and code lists, and is not
changed): a CSV file is recognised by its exact set of column names, as the DfE's validator
recognises it; every date must be dd/mm/YYYY and every code one of the year's list. Each
problem names the file and line. The facts are plain dataclasses; what Hearth makes of them is
the importer's business (importer.py).
"""

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field

from hearth.returns.ssda903 import y2025_26

START_YEAR = y2025_26.START_YEAR
LABEL = y2025_26.LABEL
TABLES = y2025_26.TABLES
BY_COLUMNS: dict[frozenset, str] = {frozenset(cols): name for name, cols in TABLES.items()}
DATE = re.compile(r"^\d{2}/\d{2}/\d{4}$")
UPN_UNKNOWN = re.compile(r"^UN\d{1,2}$")
TRUE, FALSE = y2025_26.TRUE, y2025_26.FALSE

# What each RNE says changed: (legal status changed, placement changed, same carers).
RNE_CHANGES = {"L": (True, False, False), "P": (False, True, False),
               "T": (False, True, True), "B": (True, True, False), "U": (True, True, True)}


@dataclass(frozen=True)
class CsvProblem:
    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file} line {self.line}" if self.line else self.file
        return f"{where}: {self.message}"


@dataclass
class HeaderRow:
    file: str
    line: int
    child: str
    sex: str
    dob: dt.date | None
    ethnic: str
    upn: str
    mother: str
    mc_dob: dt.date | None


@dataclass
class EpisodeRow:
    file: str
    line: int
    child: str
    decom: dt.date
    rne: str
    ls: str
    cin: str
    place: str
    provider: str
    dec: dt.date | None
    rec: str
    reason_place_change: str
    home_post: str
    pl_post: str
    urn: str


@dataclass
class ReviewRow:
    file: str
    line: int
    child: str
    dob: dt.date | None
    held_on: dt.date
    participation: str


@dataclass
class MissingRow:
    file: str
    line: int
    child: str
    dob: dt.date | None
    kind: str
    started_on: dt.date
    ended_on: dt.date | None


@dataclass
class UascRow:
    file: str
    line: int
    child: str
    dob: dt.date | None
    ceased_on: dt.date | None


@dataclass
class Oc2Row:
    file: str
    line: int
    child: str
    dob: dt.date | None
    sdq_score: int | None
    sdq_reason: str
    immunisations: str
    teeth_check: str
    health_assessment: str


@dataclass
class Return:
    """The tables found in a folder, read and checked."""

    files: dict[str, str] = field(default_factory=dict)  # table: file name
    header: list[HeaderRow] = field(default_factory=list)
    episodes: list[EpisodeRow] = field(default_factory=list)
    reviews: list[ReviewRow] = field(default_factory=list)
    missing: list[MissingRow] = field(default_factory=list)
    uasc: list[UascRow] = field(default_factory=list)
    oc2: list[Oc2Row] = field(default_factory=list)
    other_rows: dict[str, int] = field(default_factory=dict)  # tables not imported: rows


# ---- Files ------------------------------------------------------------------------------------


def table_of(columns: list[str]) -> str | None:
    return BY_COLUMNS.get(frozenset(c.strip() for c in columns))


def read_table(name: str, file: str, text: str, problems: list[CsvProblem]) -> list[dict]:
    """The file's rows as {column: value, "_line": n}; its header row is line 1."""
    reader = csv.reader(io.StringIO(text))
    try:
        header = [c.strip() for c in next(reader)]
    except StopIteration:
        return []
    rows = []
    try:
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                problems.append(CsvProblem(file, reader.line_num,
                                           f"the row has {len(values)} values; the {name} "
                                           f"table has {len(header)} columns"))
                continue
            row = {c: v.strip() for c, v in zip(header, values, strict=True)}
            row["_line"] = reader.line_num
            rows.append(row)
    except csv.Error as error:
        problems.append(CsvProblem(file, reader.line_num, f"this is not a readable CSV row "
                                                          f"({error})"))
    return rows


class _Row:
    """One row's values, checked; each problem is kept with the file and line."""

    def __init__(self, file: str, row: dict, problems: list[CsvProblem]):
        self.file, self.row, self.problems = file, row, problems
        self.line = row["_line"]

    def refuse(self, message: str) -> None:
        self.problems.append(CsvProblem(self.file, self.line, message))

    def text(self, column: str, *, required: bool = False) -> str:
        value = self.row.get(column, "")
        if required and not value:
            self.refuse(f"{column} is blank: it is required")
        return value

    def code(self, column: str, codes, what: str, *, required: bool = False) -> str:
        value = self.text(column, required=required).upper()
        if value and value not in codes:
            self.refuse(f"{column} {value!r} is not a {what} code (the codes are "
                        f"{', '.join(sorted(codes))})")
        return value

    def date(self, column: str, *, required: bool = False) -> dt.date | None:
        value = self.text(column, required=required)
        if not value:
            return None
        if DATE.match(value):
            try:
                day, month, year = value.split("/")
                return dt.date(int(year), int(month), int(day))
            except ValueError:
                pass
        self.refuse(f"{column} {value!r} is not a date written dd/mm/YYYY")
        return None

    def flag(self, column: str) -> str:
        value = self.text(column)
        if value and value not in (TRUE, FALSE):
            self.refuse(f"{column} {value!r} is not 1 or 0")
        return value

    def whole(self, column: str, low: int, high: int) -> int | None:
        value = self.text(column)
        if not value:
            return None
        if value.isdigit() and low <= int(value) <= high:
            return int(value)
        self.refuse(f"{column} {value!r} is not a whole number from {low} to {high}")
        return None


# ---- Each table -------------------------------------------------------------------------------


def header_row(file: str, row: dict, problems: list[CsvProblem]) -> HeaderRow:
    r = _Row(file, row, problems)
    return HeaderRow(file, r.line, r.text("CHILD", required=True),
                     r.code("SEX", y2025_26.SEX, "sex", required=True),
                     r.date("DOB", required=True), r.text("ETHNIC").upper(),
                     r.text("UPN").upper(), r.flag("MOTHER"), r.date("MC_DOB"))


def episode_row(file: str, row: dict, problems: list[CsvProblem]) -> EpisodeRow:
    r = _Row(file, row, problems)
    episode = EpisodeRow(
        file, r.line, r.text("CHILD", required=True), r.date("DECOM", required=True),
        r.code("RNE", y2025_26.REASON_NEW_EPISODE, "reason for new episode", required=True),
        r.code("LS", y2025_26.LEGAL_STATUS, "legal status", required=True),
        r.code("CIN", y2025_26.CATEGORY_OF_NEED, "category of need", required=True),
        r.code("PLACE", y2025_26.PLACEMENT, "placement type", required=True),
        r.code("PLACE_PROVIDER", y2025_26.PLACEMENT_PROVIDER, "placement provider"),
        r.date("DEC"), r.code("REC", y2025_26.REASON_CEASED, "reason episode ceased"),
        r.code("REASON_PLACE_CHANGE", y2025_26.REASON_PLACE_CHANGE,
               "reason for placement change"),
        r.text("HOME_POST").upper(), r.text("PL_POST").upper(), r.text("URN").upper())
    if episode.dec and not episode.rec:
        r.refuse("the episode ended (DEC) but REC, why it ceased, is blank")
    if episode.rec and not row.get("DEC"):
        r.refuse(f"REC is {episode.rec} but the episode has no end date (DEC)")
    if episode.decom and episode.dec and episode.dec < episode.decom:
        r.refuse("the episode ends (DEC) before it began (DECOM)")
    return episode


def review_row(file: str, row: dict, problems: list[CsvProblem]) -> ReviewRow:
    r = _Row(file, row, problems)
    return ReviewRow(file, r.line, r.text("CHILD", required=True), r.date("DOB"),
                     r.date("REVIEW", required=True),
                     r.code("REVIEW_CODE", y2025_26.REVIEW_CODE, "review participation",
                            required=True))


def missing_row(file: str, row: dict, problems: list[CsvProblem]) -> MissingRow:
    r = _Row(file, row, problems)
    missing = MissingRow(file, r.line, r.text("CHILD", required=True), r.date("DOB"),
                         r.code("MISSING", y2025_26.MISSING, "missing or away", required=True),
                         r.date("MIS_START", required=True), r.date("MIS_END"))
    if missing.started_on and missing.ended_on and missing.ended_on < missing.started_on:
        r.refuse("the episode ends (MIS_END) before it began (MIS_START)")
    return missing


def uasc_row(file: str, row: dict, problems: list[CsvProblem]) -> UascRow:
    r = _Row(file, row, problems)
    r.code("SEX", y2025_26.SEX, "sex")
    return UascRow(file, r.line, r.text("CHILD", required=True), r.date("DOB"), r.date("DUC"))


def oc2_row(file: str, row: dict, problems: list[CsvProblem]) -> Oc2Row:
    r = _Row(file, row, problems)
    oc2 = Oc2Row(file, r.line, r.text("CHILD", required=True), r.date("DOB"),
                  r.whole("SDQ_SCORE", 0, 40),
                  r.code("SDQ_REASON", y2025_26.SDQ_REASON, "SDQ reason"),
                  r.flag("IMMUNISATIONS"), r.flag("TEETH_CHECK"), r.flag("HEALTH_ASSESSMENT"))
    for name in ("CONVICTED", "HEALTH_CHECK", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED",
                 "INTERVENTION_OFFERED"):
        r.flag(name)
    return oc2


READERS = {"Header": ("header", header_row), "Episodes": ("episodes", episode_row),
           "Reviews": ("reviews", review_row), "Missing": ("missing", missing_row),
           "UASC": ("uasc", uasc_row), "OC2": ("oc2", oc2_row)}


def read_files(files: dict[str, str], problems: list[CsvProblem]) -> Return:
    """`files`: {file name: its text}. Every file must be one of the year's tables."""
    found = Return()
    for file, text in sorted(files.items()):
        first_line = next(csv.reader(io.StringIO(text)), [])
        name = table_of(first_line)
        if name is None:
            expected = "; ".join(f"{n}: {', '.join(c)}" for n, c in TABLES.items())
            problems.append(CsvProblem(file, 1, f"the columns ({', '.join(first_line)}) are "
                                                f"not those of any {LABEL} SSDA903 table. The "
                                                f"tables are {expected}"))
            continue
        if name in found.files:
            problems.append(CsvProblem(file, 1, f"this is a second {name} table (the first is "
                                                f"{found.files[name]})"))
            continue
        found.files[name] = file
        rows = read_table(name, file, text, problems)
        if name in READERS:
            attribute, reader = READERS[name]
            getattr(found, attribute).extend(reader(file, row, problems) for row in rows)
        else:
            found.other_rows[name] = len(rows)
    return found
