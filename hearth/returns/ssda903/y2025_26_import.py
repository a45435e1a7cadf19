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

from hearth.core.errors import DomainError
from hearth.leaving_care.codes import NEVER_SUITABLE, Accommodation
from hearth.permanence import codes as permanence_codes
from hearth.permanence import rules as permanence_rules
from hearth.returns.ssda903 import y2025_26

START_YEAR = y2025_26.START_YEAR
LABEL = y2025_26.LABEL
TABLES = y2025_26.TABLES
BY_COLUMNS: dict[frozenset, str] = {frozenset(cols): name for name, cols in TABLES.items()}
DATE = re.compile(r"^\d{2}/\d{2}/\d{4}$")
UPN_UNKNOWN = re.compile(r"^UN\d{1,2}$")
TRUE, FALSE = y2025_26.TRUE, y2025_26.FALSE
SW_FIRST_CONTACT, SW_OTHER = y2025_26.SW_FIRST_CONTACT, y2025_26.SW_OTHER

ACCOMMODATION = frozenset(Accommodation.values)
NEVER_SUITABLE_LETTERS = frozenset(a.value for a in NEVER_SUITABLE)
SEX_ADOPTERS = frozenset({"M1", "F1", "MM", "FF", "MF"})
ADOPTER_LEGAL_STATUS = frozenset(permanence_codes.AdopterLegalStatus.values)
REASON_PLACED_CEASED = frozenset(permanence_codes.ReasonNoLongerPlaced.values)

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
class Oc3Row:
    file: str
    line: int
    child: str
    dob: dt.date | None
    in_touch: str
    activity: str
    accommodation: str  # the letter
    suitable: bool | None  # ACCOM's 1 (suitable) or 2


@dataclass
class Ad1Row:
    file: str
    line: int
    child: str
    dob: dt.date | None
    decided_on: dt.date
    matched_on: dt.date
    foster_care: str
    adopters: int | None
    sexes: str
    legal_status: str


@dataclass
class PlacedAdoptionRow:
    file: str
    line: int
    child: str
    dob: dt.date | None
    decided_on: dt.date
    ceased_on: dt.date | None
    reason: str


@dataclass
class PrevPermRow:
    file: str
    line: int
    child: str
    dob: dt.date | None
    order: str
    la_code: str
    order_on: dt.date | None


@dataclass
class SwEpisodeRow:
    file: str
    line: int
    child: str
    dob: dt.date | None
    sw_id: str
    started_on: dt.date
    ended_on: dt.date | None
    reason: str


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
    oc3: list[Oc3Row] = field(default_factory=list)
    ad1: list[Ad1Row] = field(default_factory=list)
    placed_adoption: list[PlacedAdoptionRow] = field(default_factory=list)
    prev_perm: list[PrevPermRow] = field(default_factory=list)
    sw_episodes: list[SwEpisodeRow] = field(default_factory=list)
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


def oc3_row(file: str, row: dict, problems: list[CsvProblem]) -> Oc3Row:
    """ACCOM is a letter of Hearth's accommodation list and 1 (suitable) or 2; S and X are
    never suitable (the list has S2 and X2 only). A young person not in touch has ACTIV and
    ACCOM 0 (or blank); one in touch has both."""
    r = _Row(file, row, problems)
    in_touch = r.code("IN_TOUCH", y2025_26.IN_TOUCH, "in touch")
    activity = r.code("ACTIV", y2025_26.ACTIVITY, "activity")
    accom = r.text("ACCOM").upper()
    letter, suitable = "", None
    if accom and accom != y2025_26.NOT_IN_TOUCH:
        if len(accom) == 2 and accom[0] in ACCOMMODATION and accom[1] in "12" and not (
                accom[0] in NEVER_SUITABLE_LETTERS and accom[1] == "1"):
            letter, suitable = accom[0], accom[1] == "1"
        else:
            r.refuse(f"ACCOM {accom!r} is not an accommodation code (a letter of "
                     f"{''.join(sorted(ACCOMMODATION))} and 1 or 2; S and X take 2 only; 0 "
                     "when not in touch)")
    if activity == y2025_26.NOT_IN_TOUCH:
        activity = ""
    if in_touch == y2025_26.IN_TOUCH_YES and not (activity and accom):
        r.refuse("IN_TOUCH is YES but ACTIV or ACCOM is blank or 0: a young person in touch "
                 "has both")
    elif in_touch and in_touch != y2025_26.IN_TOUCH_YES and (activity or letter):
        r.refuse(f"IN_TOUCH is {in_touch} (not in touch): ACTIV and ACCOM are 0")
    if not in_touch and (activity or accom):
        r.refuse("ACTIV or ACCOM is given but IN_TOUCH is blank")
    return Oc3Row(file, r.line, r.text("CHILD", required=True), r.date("DOB"), in_touch,
                  activity, letter, suitable)


def ad1_row(file: str, row: dict, problems: list[CsvProblem]) -> Ad1Row:
    """A child adopted in the year. Hearth records an adoption order only after a match with
    approved adopters, so the match date and the adopters' number, sexes and legal status are
    required, and must agree (the 903's rules 517 to 522, as Hearth checks them at entry)."""
    r = _Row(file, row, problems)
    ad1 = Ad1Row(file, r.line, r.text("CHILD", required=True), r.date("DOB"),
                 r.date("DATE_INT", required=True), r.date("DATE_MATCH", required=True),
                 r.flag("FOSTER_CARE"), r.whole("NB_ADOPTR", 1, 2),
                 r.code("SEX_ADOPTR", SEX_ADOPTERS, "sex of adopters", required=True),
                 r.code("LS_ADOPTR", ADOPTER_LEGAL_STATUS, "adopters' legal status",
                        required=True))
    if not r.row.get("NB_ADOPTR"):
        r.refuse("NB_ADOPTR is blank: it is required")
    if ad1.decided_on and ad1.matched_on and ad1.matched_on < ad1.decided_on:
        r.refuse("DATE_MATCH is before DATE_INT, the decision that the child should be placed "
                 "for adoption")
    if ad1.adopters and ad1.sexes in SEX_ADOPTERS and ad1.legal_status in ADOPTER_LEGAL_STATUS:
        sexes = list(ad1.sexes[0]) if ad1.sexes.endswith("1") else list(ad1.sexes)
        if len(sexes) != ad1.adopters:
            r.refuse(f"NB_ADOPTR is {ad1.adopters} but SEX_ADOPTR {ad1.sexes} is for "
                     f"{len(sexes)}")
        else:
            try:
                permanence_rules.ensure_adopters(legal_status=ad1.legal_status, sexes=sexes)
            except DomainError as error:
                r.refuse(f"LS_ADOPTR {ad1.legal_status} does not fit the adopters "
                         f"({ad1.adopters}, {ad1.sexes}): {error.message}")
    return ad1


def placed_adoption_row(file: str, row: dict, problems: list[CsvProblem]) -> PlacedAdoptionRow:
    r = _Row(file, row, problems)
    placed = PlacedAdoptionRow(
        file, r.line, r.text("CHILD", required=True), r.date("DOB"),
        r.date("DATE_PLACED", required=True), r.date("DATE_PLACED_CEASED"),
        r.code("REASON_PLACED_CEASED", REASON_PLACED_CEASED, "reason no longer placed"))
    if placed.ceased_on and not placed.reason:
        r.refuse("DATE_PLACED_CEASED is given but REASON_PLACED_CEASED is blank")
    if placed.reason and not r.row.get("DATE_PLACED_CEASED"):
        r.refuse("REASON_PLACED_CEASED is given but DATE_PLACED_CEASED is blank")
    if placed.decided_on and placed.ceased_on and placed.ceased_on < placed.decided_on:
        r.refuse("DATE_PLACED_CEASED is before DATE_PLACED")
    return placed


def prev_perm_row(file: str, row: dict, problems: list[CsvProblem]) -> PrevPermRow:
    """Z1 (none, or not known) has no local authority or date; any other order has both."""
    r = _Row(file, row, problems)
    prev = PrevPermRow(file, r.line, r.text("CHILD", required=True), r.date("DOB"),
                       r.code("PREV_PERM", y2025_26.PREV_PERM, "previous permanence",
                              required=True), r.text("LA_PERM").upper(), r.date("DATE_PERM"))
    if prev.order == y2025_26.PREV_PERM_NOT_KNOWN and (prev.la_code or r.row.get("DATE_PERM")):
        r.refuse("PREV_PERM is Z1 (none, or not known): leave LA_PERM and DATE_PERM blank")
    elif prev.order and prev.order != y2025_26.PREV_PERM_NOT_KNOWN:
        if not permanence_rules.LA_CODE.match(prev.la_code):
            r.refuse(f"LA_PERM {prev.la_code!r} is not a local authority's 3-digit code, or "
                     "WAL, SCO, NIR or NUK")
        if not r.row.get("DATE_PERM"):
            r.refuse(f"PREV_PERM is {prev.order} but DATE_PERM, the date of the order, is "
                     "blank")
    return prev


def sw_episode_row(file: str, row: dict, problems: list[CsvProblem]) -> SwEpisodeRow:
    r = _Row(file, row, problems)
    episode = SwEpisodeRow(file, r.line, r.text("CHILD", required=True), r.date("DOB"),
                           r.text("SW_ID", required=True).upper(),
                           r.date("SW_DECOM", required=True), r.date("SW_DEC"),
                           r.code("SW_REASON", y2025_26.SW_REASON, "social worker change "
                                  "reason", required=True))
    if episode.started_on and episode.ended_on and episode.ended_on < episode.started_on:
        r.refuse("the episode ends (SW_DEC) before it began (SW_DECOM)")
    return episode


READERS = {"Header": ("header", header_row), "Episodes": ("episodes", episode_row),
           "Reviews": ("reviews", review_row), "Missing": ("missing", missing_row),
           "UASC": ("uasc", uasc_row), "OC2": ("oc2", oc2_row), "OC3": ("oc3", oc3_row),
           "AD1": ("ad1", ad1_row), "PlacedAdoption": ("placed_adoption", placed_adoption_row),
           "PrevPerm": ("prev_perm", prev_perm_row),
           "SWEpisodes": ("sw_episodes", sw_episode_row)}


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
