"""Builds Hearth records from a council's previous SSDA903 return (migration from an incumbent
system): `manage.py import_return 903 DIR`.

The folder's CSV files are read and checked whole (y2025_26_import: each file recognised by its
exact columns, every code and dd/mm/YYYY date, each problem at its file and line), then checked
across the tables (every CHILD in Header, each child's episodes making periods of care that
join up, every review inside a period, an AD1 child adopted in the year, an OC3 young person in
the care leaver cohort, social worker episodes one after another), then translated into the
case-history import format (hearth/imports, docs/import-format.md): one person and one case per
child, each period of care as `care_start`, `care_episode` and `care_end` events, each review
as `cla_review`, each missing episode as `missing_episode`, and so on below.
`hearth.imports.services.case_history_import` records them through the care, permanence,
leaving care and missing services, so the same schema, reference checks and rules apply as to
any imported history, in one transaction. Any problem anywhere refuses the whole return, with
its file and line, and writes nothing (the adopters made for AD1 included).

Each table is imported as the inverse of how y2025_26.py exports it, so that export, import into
a Hearth with staff only and export again gives the same rows:
- A period of care that began before the year is held from its first episode in the return,
  which keeps its RNE (care_start's `reason_new_episode`).
- PlacedAdoption: each row an `adoption_decision` in the period holding DATE_PLACED, and an
  `adoption_reversed` when it ceased. AD1: the decision (DATE_PLACED = DATE_INT is the same
  decision) carried through `fostering_for_adoption` (FOSTER_CARE 1; dated on the decision, as
  the return has no date), `adoption_match` (DATE_MATCH), `placed_for_adoption` (the period's
  first A3-A6 episode from the match, else the match) and `adoption_order` on the day the period
  ended with REC E11 or E12. The return names no adopters: each AD1 row makes an unnamed
  household of NB_ADOPTR, SEX_ADOPTR and LS_ADOPTR, approved on the match and leaving the
  process ("adopted") on the order. A decision dated before the first episode in the return of
  a period begun before the year is held on that period (its first episode's RNE is not S, so
  permanence knows the child was looked after before it).
- PrevPerm: `previous_permanence` on the child's latest period (Z1 rows too).
- OC3: a `care_leaver` from the 17th to 21st birthday in the year (eligible if looked after
  that day, aged 17; else relevant at 17, former relevant from 18, having left care when their
  last period in the return ended, or else by that birthday and their 18th), and, unless the
  row is blank, a `care_leaver_situation` as at that birthday (ACTIV and ACCOM 0, sent for a
  young person not in touch, are none).
- SWEpisodes: the SW_IDs name no one in Hearth (it holds no Social Work England numbers, and a
  default worker would make every child's history one person's), so they are imported only
  with --workers, a CSV of SW_ID and USERNAME: then each row is an `allocation` to that worker
  in their team, ended on SW_DEC (a transfer ends it the day the next begins); without it they
  are counted in the notes.

The return holds facts, not who did what: the reviews' chair (--chair) and the team that holds
the children still looked after (--team) are given on the command line, and asked for only when
the return needs them. What the return does not say and Hearth needs is filled in plainly and
the same way every time (beside each choice below). What is not imported is counted in the
notes, never dropped silently.
"""
import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from django.db import transaction

from hearth.accounts.models import Team, User
from hearth.care.rules import normalise_postcode
from hearth.core.audit import Auditor
from hearth.core.errors import DomainError
from hearth.imports import services as imports
from hearth.imports.validation import FORMAT, VERSION
from hearth.people.models import Person
from hearth.permanence import services as permanence
from hearth.returns.ssda903 import y2025_26_import
from hearth.returns.ssda903.y2025_26_import import CsvProblem, EpisodeRow, Return
from hearth.workingdays.rules import LONDON, add_months

SYSTEM_JOB = "import_return"
YEARS: dict[int, ModuleType] = {y2025_26_import.START_YEAR: y2025_26_import}
MAX_BYTES = 50 * 1024 * 1024  # the whole folder, as for import_cases

PLACEHOLDER_FIRST_NAME = "Unnamed"  # the return holds no names
SUPPORTED_PLACEMENTS = frozenset({"K3"})  # supported accommodation: its provision
# Missing episodes are dated, not timed, in the return: each starts and ends at noon.
MISSING_TIME = dt.time(12, 0)
# Same-day events in the order the services need them (a period's reviews before its end).
# An adoption order is recorded before the period it ends; a care leaver after care ends.
ORDER = ("allocation_end", "allocation", "care_start", "previous_permanence", "care_episode",
         "cla_review", "sdq", "immunisations", "health_check", "adoption_decision",
         "fostering_for_adoption", "adoption_match", "placed_for_adoption", "adoption_order",
         "adoption_reversed", "care_end", "missing_episode", "care_leaver",
         "care_leaver_situation")
OC2_RECORDED_BY = "Not recorded in the SSDA903 return"
OC2_NOTE = "Imported from the SSDA903 return's OC2 table (recorded as at 31 March)"
DECISION_MAKER = "Not recorded in the SSDA903 return"
ADOPTION_NOTE = "Imported from the SSDA903 return's PlacedAdoption and AD1 tables"
ADOPTED = frozenset({"E11", "E12"})  # REC: adopted
PLACED_FOR_ADOPTION = frozenset({"A3", "A4", "A5", "A6"})
OC3_AGES = (17, 18, 19, 20, 21)
IMPORTED = ("Header", "Episodes", "Reviews", "Missing", "UASC", "OC2", "OC3", "AD1",
            "PlacedAdoption", "PrevPerm")


@dataclass
class Defaults:
    team: str = ""
    chair: str = ""
    # --workers FILE: each SW_ID of the return's SWEpisodes and the username of that social
    # worker in Hearth, {SW_ID: (username, line)}; without it SWEpisodes are counted only.
    workers: dict[str, tuple[str, int]] = field(default_factory=dict)
    workers_file: str = ""


def _text_of(path: Path) -> tuple[str, CsvProblem | None]:
    """The file's text (UTF-8, with or without a byte order mark), or why it cannot be read."""
    try:
        return path.read_bytes().decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        return "", CsvProblem(path.name, None, f"the file is not UTF-8 text ({error.reason})")
    except OSError as error:
        return "", CsvProblem(path.name, None, f"the file cannot be read ({error.strerror})")


def read_workers(path: Path) -> tuple[dict[str, tuple[str, int]], list[CsvProblem]]:
    """The --workers file: a CSV with the columns SW_ID and USERNAME, a row a social worker."""
    problems: list[CsvProblem] = []
    text, unreadable = _text_of(path)
    if unreadable:
        return {}, [unreadable]
    rows = y2025_26_import.read_table("workers", path.name, text, problems)
    if text.strip() and {c.strip().upper() for c in text.splitlines()[0].split(",")} != {
            "SW_ID", "USERNAME"}:
        return {}, [CsvProblem(path.name, 1, "the columns must be SW_ID and USERNAME")]
    workers: dict[str, tuple[str, int]] = {}
    for row in rows:
        values = {k.strip().upper(): v for k, v in row.items() if k != "_line"}
        sw_id, username = values.get("SW_ID", "").upper(), values.get("USERNAME", "")
        if not sw_id or not username:
            problems.append(CsvProblem(path.name, row["_line"], "SW_ID and USERNAME are both "
                                                                "required"))
        elif sw_id in workers:
            problems.append(CsvProblem(path.name, row["_line"], f"SW_ID {sw_id} is given twice "
                                                                f"(first on line "
                                                                f"{workers[sw_id][1]})"))
        else:
            workers[sw_id] = (username, row["_line"])
    return workers, problems


@dataclass
class ReturnImport:
    source_name: str
    dry_run: bool
    problems: list[CsvProblem] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    children: int = 0
    year_label: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def import_folder(folder: Path, *, defaults: Defaults, start_year: int = 2025,
                  dry_run: bool = False) -> ReturnImport:
    result = ReturnImport(source_name=folder.name, dry_run=dry_run)
    if not folder.is_dir():
        result.problems.append(CsvProblem(str(folder), None, "there is no such folder"))
        return result
    files, skipped = {}, []
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix.lower() == ".csv":
            files[path.name] = path
        elif path.is_file():
            skipped.append(path.name)
    if sum(p.stat().st_size for p in files.values()) > MAX_BYTES:
        result.problems.append(CsvProblem(folder.name, None, "the return's files are larger "
                                                             "than 50 MB"))
        return result
    texts = {}
    for name, path in files.items():
        texts[name], unreadable = _text_of(path)
        if unreadable:
            result.problems.append(unreadable)
    result.notes += [f"{name}: not a CSV file, left alone" for name in skipped]
    if result.problems:
        return result
    return import_texts(texts, result=result, defaults=defaults, start_year=start_year)


def import_texts(texts: dict[str, str], *, result: ReturnImport, defaults: Defaults,
                 start_year: int = 2025) -> ReturnImport:
    """`texts`: {file name: the CSV text}."""
    year = YEARS.get(start_year)
    if year is None:
        supported = ", ".join(f"{y} ({m.LABEL})" for y, m in sorted(YEARS.items()))
        result.problems.append(CsvProblem(result.source_name, None, f"Hearth reads the SSDA903 "
                                                                    f"return for {supported} "
                                                                    "only"))
        return result
    result.year_label = year.LABEL
    found = year.read_files(texts, result.problems)
    for name in ("Header", "Episodes"):
        if name not in found.files and not result.problems:
            result.problems.append(CsvProblem(result.source_name, None,
                                              f"the folder has no {name} table"))
    if result.problems:
        return result
    translation = Translation(year, found, defaults)
    result.problems += translation.check()
    if result.problems:
        return result
    result.children = len(found.header)
    with transaction.atomic():
        # The adopters an AD1 row names are made first, so that the history's matches can
        # name them; they go with everything else if anything is refused (or on a dry run).
        households, problems = translation.households()
        if problems:
            result.problems = problems
            transaction.set_rollback(True)
            return result
        data = translation.history(source=result.source_name, households=households)
        outcome = imports.case_history_import(data, source_name=result.source_name,
                                              dry_run=result.dry_run)
        result.counts = outcome.counts
        result.problems = [translation.problem_at(p.location, _message(p))
                           for p in outcome.problems]
        if result.ok:
            result.problems += translation.households_adopted(households)
            if households:
                result.counts["adopter_household"] = len(households)
        if result.ok and not result.dry_run:
            Auditor(None, system_job=SYSTEM_JOB).record(
                "SSDA903_RETURN_IMPORTED", detail={
                    "folder": result.source_name, "year": year.LABEL,
                    "children": result.children, "counts": dict(result.counts)})
        else:
            transaction.set_rollback(True)
    result.notes += translation.notes()
    return result


def _message(problem) -> str:
    return f"{problem.message} (as {problem.location})" if problem.location else problem.message


@dataclass
class Period:
    """A period of care made of a child's consecutive episodes."""

    episodes: list[EpisodeRow]

    @property
    def started_on(self) -> dt.date:
        return self.episodes[0].decom

    @property
    def ended_on(self) -> dt.date | None:
        last = self.episodes[-1]
        return last.dec if last.rec and last.rec != "X1" else None

    def contains(self, day: dt.date) -> bool:
        return self.started_on <= day and (self.ended_on is None or day <= self.ended_on)


class Translation:
    """One return's checks and translation, remembering each JSON place's file and line."""

    def __init__(self, year: ModuleType, found: Return, defaults: Defaults):
        self.year = year
        self.found = found
        self.defaults = defaults
        self.start = dt.date(year.START_YEAR, 4, 1)
        self.end = dt.date(year.START_YEAR + 1, 3, 31)
        self.places: dict[str, tuple[str, int]] = {}
        self.counts: Counter = Counter()
        self.periods: dict[str, list[Period]] = {}
        self.by_child: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        self.adoptions: dict[str, list[Adoption]] = {}
        self.leavers: dict[str, CareLeaverFacts] = {}

    # ---- Checks across the tables and against Hearth -----------------------------------------

    def check(self) -> list[CsvProblem]:
        problems: list[CsvProblem] = []
        first: dict[str, object] = {}
        for row in self.found.header:
            if row.child in first:
                problems.append(CsvProblem(row.file, row.line, f"CHILD {row.child} is given "
                                                                f"twice (first on line "
                                                                f"{first[row.child].line})"))
            else:
                first[row.child] = row
            if row.mother == y2025_26_import.TRUE and row.mc_dob is None:
                problems.append(CsvProblem(row.file, row.line, "MOTHER is 1 but MC_DOB, the "
                                                               "first child's date of birth, "
                                                               "is blank"))
        existing = set(Person.objects.filter(la_child_id__in=list(first)).values_list(
            "la_child_id", flat=True))
        for child in sorted(existing):
            row = first[child]
            problems.append(CsvProblem(row.file, row.line, f"a child with CHILD (LA child ID) "
                                                           f"{child} is already in Hearth: the "
                                                           "importer does not merge records, "
                                                           "so take this child out of the "
                                                           "return or out of Hearth first"))
        tables = {"episodes": self.found.episodes, "reviews": self.found.reviews,
                  "missing": self.found.missing, "uasc": self.found.uasc,
                  "oc2": self.found.oc2, "oc3": self.found.oc3, "ad1": self.found.ad1,
                  "placed_adoption": self.found.placed_adoption,
                  "prev_perm": self.found.prev_perm, "sw_episodes": self.found.sw_episodes}
        for name, rows in tables.items():
            for row in rows:
                header = first.get(row.child)
                if header is None:
                    problems.append(CsvProblem(row.file, row.line, f"CHILD {row.child} is not "
                                                                   "in the Header table"))
                    continue
                dob = getattr(row, "dob", None)
                if dob is not None and header.dob is not None and dob != header.dob:
                    problems.append(CsvProblem(row.file, row.line, f"DOB {dob:%d/%m/%Y} is "
                                                                   f"not the Header's "
                                                                   f"{header.dob:%d/%m/%Y}"))
                self.by_child[row.child][name].append(row)
        for child, tables_ in self.by_child.items():
            problems += self.child_problems(child, first[child], tables_)
        problems += self.defaults_problems()
        return problems

    def child_problems(self, child: str, header, tables: dict[str, list]) -> list[CsvProblem]:
        problems = self.periods_of(child, tables["episodes"])
        problems += self.reviews_fit(child, tables["reviews"])
        problems += self.in_year(tables["missing"])
        for name in ("oc3", "ad1", "prev_perm"):
            problems += self.once(tables[name])
        problems += self.prev_perm_fits(child, tables["prev_perm"])
        problems += self.adoptions_of(child, tables["ad1"][:1], tables["placed_adoption"])
        problems += self.care_leaver(child, header, tables["oc3"][:1])
        if self.defaults.workers:
            problems += self.sw_episodes_fit(tables["sw_episodes"])
        return problems

    def sw_episodes_fit(self, rows) -> list[CsvProblem]:
        """A child's social worker episodes follow one another: each is an allocation to the
        worker, and a new one ends the one before on the day it begins."""
        problems: list[CsvProblem] = []
        previous = None
        for row in sorted(rows, key=lambda r: (r.started_on, r.line)):
            if row.sw_id not in self.defaults.workers:
                problems.append(CsvProblem(row.file, row.line, f"SW_ID {row.sw_id} is not in "
                                                               f"{self.defaults.workers_file}"
                                                               " (--workers)"))
            if previous is not None and previous.ended_on is None:
                problems.append(CsvProblem(row.file, row.line, f"the social worker episode "
                                                               f"on line {previous.line} has "
                                                               "not ended (SW_DEC), so another "
                                                               "cannot begin"))
            elif previous is not None and previous.ended_on > row.started_on:
                problems.append(CsvProblem(row.file, row.line, f"SW_DECOM "
                                                               f"{row.started_on:%d/%m/%Y} is "
                                                               "before the episode on line "
                                                               f"{previous.line} ended "
                                                               f"({previous.ended_on:%d/%m/%Y})"
                                                               ": a child has one social "
                                                               "worker at a time"))
            previous = row
        return problems

    def periods_of(self, child: str, episodes: list[EpisodeRow]) -> list[CsvProblem]:
        problems: list[CsvProblem] = []
        periods: list[Period] = []
        previous: EpisodeRow | None = None
        for row in sorted(episodes, key=lambda e: (e.decom, e.line)):
            messages = self.in_year_episode(row)
            if previous is None or previous.rec != "X1":
                messages += self.period_start(previous, row)
                periods.append(Period([row]))
            else:
                messages += self.episode_follows(previous, row)
                periods[-1].episodes.append(row)
            problems += [CsvProblem(row.file, row.line, m) for m in messages]
            previous = row
        if previous is not None and previous.rec == "X1":
            problems.append(CsvProblem(previous.file, previous.line, "the episode ended with "
                                                                     "REC X1 but no episode "
                                                                     "follows it"))
        self.periods[child] = periods
        return problems

    def in_year_episode(self, row: EpisodeRow) -> list[str]:
        messages = []
        if row.decom > self.end:
            messages.append(f"DECOM {row.decom:%d/%m/%Y} is after the year ({self.year.LABEL})")
        if row.dec is not None and not (self.start <= row.dec <= self.end):
            messages.append(f"DEC {row.dec:%d/%m/%Y} is not in the year ({self.year.LABEL})")
        return messages

    def period_start(self, previous: EpisodeRow | None, row: EpisodeRow) -> list[str]:
        """`row` begins a period of care: the child's first episode, or one after care ended."""
        if previous is not None and previous.dec is None:
            return [f"the episode from {previous.decom:%d/%m/%Y} (line {previous.line}) has "
                    "not ended, so another cannot begin"]
        if previous is not None and row.rne != "S":
            return [f"the period of care ended on {previous.dec:%d/%m/%Y} (REC {previous.rec})"
                    ", so the next episode starts a new one: its RNE must be S"]
        if previous is None and row.rne != "S" and row.decom >= self.start:
            return [f"RNE is {row.rne}, but this is the child's first episode and it began in "
                    "the year: a period of care begins with RNE S"]
        return []

    def episode_follows(self, previous: EpisodeRow, row: EpisodeRow) -> list[str]:
        """`row` follows an episode that ended with REC X1, in the same period of care."""
        if row.decom != previous.dec:
            return [f"the episode on line {previous.line} ended on {previous.dec:%d/%m/%Y} "
                    f"with REC X1, so the next one begins that day, not on "
                    f"{row.decom:%d/%m/%Y}"]
        if row.rne == "S":
            return [f"RNE is S, but the period of care goes on (the episode on line "
                    f"{previous.line} ended with REC X1)"]
        message = _rne_problem(previous, row)
        return [message] if message else []

    def reviews_fit(self, child: str, reviews) -> list[CsvProblem]:
        problems = self.in_year(reviews, field="held_on", column="REVIEW")
        periods = self.periods.get(child, [])
        for review in reviews:
            if review.held_on and not any(p.contains(review.held_on) for p in periods):
                problems.append(CsvProblem(review.file, review.line, f"the review on "
                                                                     f"{review.held_on:%d/%m/%Y}"
                                                                     " is not in any of the "
                                                                     "child's periods of care "
                                                                     "in Episodes"))
        return problems

    def in_year(self, rows, *, field: str = "started_on", column: str = "MIS_START"):
        problems = []
        for row in rows:
            day = getattr(row, field)
            if day is not None and day > self.end:
                problems.append(CsvProblem(row.file, row.line, f"{column} {day:%d/%m/%Y} is "
                                                               f"after the year "
                                                               f"({self.year.LABEL})"))
            ended = getattr(row, "ended_on", None)
            if ended is not None and not (self.start <= ended <= self.end):
                problems.append(CsvProblem(row.file, row.line, f"MIS_END {ended:%d/%m/%Y} is "
                                                               f"not in the year "
                                                               f"({self.year.LABEL})"))
            if field == "held_on" and day is not None and day < self.start:
                problems.append(CsvProblem(row.file, row.line, f"{column} {day:%d/%m/%Y} is "
                                                               f"before the year "
                                                               f"({self.year.LABEL})"))
        return problems

    @staticmethod
    def once(rows) -> list[CsvProblem]:
        """A table with at most one row a child."""
        return [CsvProblem(row.file, row.line, f"CHILD {row.child} has a row already (line "
                                               f"{rows[0].line}): this table has one row a "
                                               "child") for row in rows[1:]]

    def prev_perm_fits(self, child: str, rows) -> list[CsvProblem]:
        """The order before the child's latest period of care (as the return is made)."""
        if rows and not self.periods.get(child):
            row = rows[0]
            return [CsvProblem(row.file, row.line, "PrevPerm is for a child looked after in "
                                                   "the year, but the child has no episodes "
                                                   "in Episodes")]
        return []

    def adoptions_of(self, child: str, ad1_rows, placed_rows) -> list[CsvProblem]:
        """Each PlacedAdoption row is a decision that the child should be placed for adoption
        (and its reversal); an AD1 row is the decision that led to the adoption ending a period
        of care (REC E11 or E12) in the year, with the match and the adopters. The two are one
        decision when DATE_PLACED is AD1's DATE_INT."""
        problems: list[CsvProblem] = []
        periods = self.periods.get(child, [])
        ad1 = ad1_rows[0] if ad1_rows else None
        adoptions: list[Adoption] = []
        adopted: Adoption | None = None
        if ad1 is not None:
            number = next((n for n in range(len(periods) - 1, -1, -1)
                           if periods[n].ended_on is not None
                           and periods[n].episodes[-1].rec in ADOPTED), None)
            if number is None:
                problems.append(CsvProblem(ad1.file, ad1.line, "AD1 is for a child adopted in "
                                                               "the year, but none of the "
                                                               "child's periods of care in "
                                                               "Episodes ends with REC E11 or "
                                                               "E12"))
            elif ad1.matched_on and ad1.matched_on > periods[number].ended_on:
                ended = periods[number].ended_on
                problems.append(CsvProblem(ad1.file, ad1.line, f"DATE_MATCH "
                                                               f"{ad1.matched_on:%d/%m/%Y} is "
                                                               "after the adoption (the "
                                                               "period of care ended on "
                                                               f"{ended:%d/%m/%Y})"))
            else:
                adopted = Adoption(ad1, number, ad1.decided_on, ad1=ad1,
                                   order_on=periods[number].ended_on,
                                   placed_on=_placed_on(periods[number], ad1.matched_on))
        for row in sorted(placed_rows, key=lambda r: (r.decided_on, r.line)):
            if adopted is not None and adopted.row is ad1 and row.decided_on == ad1.decided_on \
                    and row.ceased_on is None:
                adopted.row = row  # the decision is this row's; its steps are AD1's
                continue
            number = next((n for n, p in enumerate(periods) if p.contains(row.decided_on)),
                          None)
            if number is None and self.before_the_return(periods, row.decided_on):
                number = 0  # the period began before its first episode in the return
            if number is None:
                problems.append(CsvProblem(row.file, row.line, f"DATE_PLACED "
                                                               f"{row.decided_on:%d/%m/%Y} is "
                                                               "not in any of the child's "
                                                               "periods of care in Episodes"))
                continue
            adoptions.append(Adoption(row, number, row.decided_on, ceased_on=row.ceased_on,
                                      reason=row.reason))
        if adopted is not None:
            adoptions.append(adopted)
        self.adoptions[child] = sorted(adoptions, key=lambda a: (a.decided_on, a.row.line))
        return problems

    @staticmethod
    def before_the_return(periods: list[Period], day: dt.date) -> bool:
        return bool(periods) and periods[0].episodes[0].rne != "S" and \
            day < periods[0].started_on

    def care_leaver(self, child: str, header, rows) -> list[CsvProblem]:
        """An OC3 row is for a care leaver whose 17th to 21st birthday is in the year: they are
        recorded as a care leaver from that birthday, and their situation as at that day."""
        if not rows:
            return []
        row = rows[0]
        birthday = next(((age, add_months(header.dob, 12 * age)) for age in OC3_AGES
                         if header.dob and self.start <= add_months(header.dob, 12 * age)
                         <= self.end), None)
        if birthday is None:
            return [CsvProblem(row.file, row.line, "OC3 is for care leavers whose 17th to 21st "
                                                   "birthday is in the year, and this child's "
                                                   "is not")]
        age, as_at = birthday
        periods = self.periods.get(child, [])
        if any(p.contains(as_at) for p in periods):
            if age >= 18:
                return [CsvProblem(row.file, row.line, f"the child was looked after on their "
                                                       f"{age}th birthday "
                                                       f"({as_at:%d/%m/%Y}), so was not yet "
                                                       "a care leaver")]
            self.leavers[child] = CareLeaverFacts(row, "eligible", as_at, None)
            return []
        ended = [p.ended_on for p in periods if p.ended_on is not None and p.ended_on <= as_at]
        left_on = max(ended) if ended else min(as_at, add_months(header.dob, 12 * 18))
        category = "former_relevant" if age >= 18 else "relevant"
        self.leavers[child] = CareLeaverFacts(row, category, as_at, left_on)
        return []

    def defaults_problems(self) -> list[CsvProblem]:
        problems = []
        review = next(iter(self.found.reviews), None)
        if review is not None and not self.defaults.chair:
            problems.append(CsvProblem(review.file, review.line, "the return has looked-after "
                                                                 "children's reviews: name "
                                                                 "their chair (an independent "
                                                                 "reviewing officer's username)"
                                                                 " with --chair"))
        open_period = next((p for ps in self.periods.values() for p in ps
                            if p.ended_on is None), None)
        if open_period is not None and not self.defaults.team:
            row = open_period.episodes[-1]
            problems.append(CsvProblem(row.file, row.line, "the return has children still "
                                                           "looked after: name the team that "
                                                           "will hold them with --team"))
        if self.defaults.team and not Team.objects.filter(name=self.defaults.team).exists():
            problems.append(CsvProblem("--team", None, f"there is no team called "
                                                       f"{self.defaults.team!r}"))
        if self.defaults.chair and not User.objects.filter(
                username=self.defaults.chair).exists():
            problems.append(CsvProblem("--chair", None, f"no member of staff has the username "
                                                        f"{self.defaults.chair!r}"))
        used = {row.sw_id for row in self.found.sw_episodes}
        staff = {u.username: u for u in User.objects.filter(username__in=[
            name for name, _ in self.defaults.workers.values()]).select_related("team")}
        for sw_id, (username, line) in sorted(self.defaults.workers.items()):
            user = staff.get(username)
            if sw_id not in used:
                continue
            if user is None:
                problems.append(CsvProblem(self.defaults.workers_file, line, f"no member of "
                                                                             f"staff has the "
                                                                             f"username "
                                                                             f"{username!r}"))
            elif user.team is None or not user.team.holds_cases:
                problems.append(CsvProblem(self.defaults.workers_file, line, f"{username} is "
                                                                             "not in a team "
                                                                             "that holds "
                                                                             "cases"))
        return problems

    # ---- Facts to case-history events --------------------------------------------------------

    def problem_at(self, location: str, message: str) -> CsvProblem:
        """The file and line of the longest known prefix of a JSON place."""
        parts = re.findall(r"[^.\[]+|\[\d+\]", location)
        for end in range(len(parts), 0, -1):
            key = "".join(p if p.startswith("[") else (("." if i else "") + p)
                          for i, p in enumerate(parts[:end]))
            if key in self.places:
                file, line = self.places[key]
                return CsvProblem(file, line, message)
        return CsvProblem(self.found.files.get("Header", ""), None, message)

    def households(self) -> tuple[dict, list[CsvProblem]]:
        """{AD1 row's CHILD: the prospective adopters made for it}: one household a child,
        of the number, sexes and legal status AD1 gives, unnamed (the return holds no names),
        approved on the day of the match."""
        made, problems = {}, []
        for child, adoptions in self.adoptions.items():
            ad1 = next((a.ad1 for a in adoptions if a.ad1 is not None), None)
            if ad1 is None:
                continue
            sexes = [ad1.sexes[0]] if ad1.sexes.endswith("1") else list(ad1.sexes)
            try:
                household = permanence.household_add(
                    legal_status=ad1.legal_status, enquiry_on=ad1.matched_on,
                    fostering_for_adoption=ad1.foster_care == y2025_26_import.TRUE,
                    adopters=[{"name": f"Adopter {n} of child {child}", "sex": sex}
                              for n, sex in enumerate(sexes, start=1)],
                    note=ADOPTION_NOTE, system_job=SYSTEM_JOB)
                for step in ("application_on", "approved_on"):
                    permanence.household_stage_record(household=household, step=step,
                                                      on=ad1.matched_on, system_job=SYSTEM_JOB)
            except DomainError as error:
                problems.append(CsvProblem(ad1.file, ad1.line, error.message))
                continue
            made[child] = household
        return made, problems

    def households_adopted(self, households: dict) -> list[CsvProblem]:
        """Once the child is adopted the adopters leave the process (Annex A list 11)."""
        problems = []
        for child, household in households.items():
            adoption = next(a for a in self.adoptions[child] if a.ad1 is not None)
            try:
                permanence.household_leave(household=household, left_on=adoption.order_on,
                                           reason="adopted", system_job=SYSTEM_JOB)
            except DomainError as error:
                problems.append(CsvProblem(adoption.ad1.file, adoption.ad1.line,
                                           error.message))
        return problems

    def history(self, *, source: str, households: dict | None = None) -> dict:
        self.household_refs = {child: h.reference for child, h in (households or {}).items()}
        people, cases, extra = [], [], []
        uasc = {row.child for row in self.found.uasc}
        for number, header in enumerate(self.found.header):
            ref = f"child-{number + 1}"
            self.places[f"people[{number}]"] = (header.file, header.line)
            self.places[f"cases[{len(cases)}]"] = (header.file, header.line)
            person = self.person(ref, header, header.child in uasc)
            cases.append(self.case(len(cases), ref, header))
            first_child = self.first_child(ref, header)
            if first_child is not None:
                person["relationships"] = [{"kind": "parent_of", "other": first_child["ref"]}]
                extra.append(first_child)
            people.append(person)
        for first_child in extra:
            # After the return's children, so that people[n] is the Header's row n.
            people.append(first_child)
        return {"format": FORMAT, "version": VERSION,
                "source": f"SSDA903 return {self.year.LABEL} ({source})",
                "people": people, "cases": cases}

    def person(self, ref: str, header, is_uasc: bool) -> dict:
        values = {"ref": ref, "is_child": True, "first_name": PLACEHOLDER_FIRST_NAME,
                  "last_name": f"child {header.child}", "sex": header.sex or "U"}
        if header.dob:
            values["date_of_birth"] = header.dob.isoformat()
        if header.ethnic:
            values["ethnicity"] = header.ethnic
        if is_uasc:
            values["is_uasc"] = True
        identifiers = {"la_child_id": header.child}
        if y2025_26_import.UPN_UNKNOWN.match(header.upn):
            identifiers["upn_unknown"] = header.upn
        elif header.upn:
            identifiers["upn"] = header.upn
        values["identifiers"] = identifiers
        return values

    def first_child(self, ref: str, header) -> dict | None:
        """Hearth works MOTHER and MC_DOB out from a parent_of link to the mother's first
        child: a mother in the return gets one, a person with that date of birth and no name
        (the return holds none)."""
        if header.mother != y2025_26_import.TRUE or header.mc_dob is None:
            return None
        self.counts["mothers' first children recorded as people (from MOTHER and MC_DOB)"] += 1
        return {"ref": f"{ref}-first-child", "is_child": True,
                "first_name": PLACEHOLDER_FIRST_NAME,
                "last_name": f"first child of {header.child}", "sex": "U",
                "date_of_birth": header.mc_dob.isoformat()}

    def case(self, number: int, ref: str, header) -> dict:
        tables = self.by_child.get(header.child, {})
        events: list[tuple[tuple, dict, EpisodeRow]] = []

        def add(day: dt.date, rank: int, event: dict, row) -> None:
            events.append(((day, rank, ORDER.index(event["type"]), len(events)), event, row))

        for p_number, period in enumerate(self.periods.get(header.child, [])):
            self.period(add, f"{ref}-p{p_number + 1}", p_number, period)
        for review in tables.get("reviews", []):
            p_number = next(n for n, p in enumerate(self.periods[header.child])
                            if p.contains(review.held_on))
            add(review.held_on, p_number, {
                "type": "cla_review", "period": f"{ref}-p{p_number + 1}",
                "held_on": review.held_on.isoformat(), "chair": self.defaults.chair,
                "participation": review.participation}, review)
        for m_number, missing in enumerate(tables.get("missing", [])):
            event = {"type": "missing_episode", "ref": f"{ref}-m{m_number + 1}",
                     "kind": missing.kind, "started_at": _noon(missing.started_on)}
            if missing.ended_on is not None:
                event["returned_at"] = _noon(missing.ended_on)
            add(missing.started_on, 99, event, missing)
        self.outcomes(add, ref, header, tables)
        self.permanence(add, ref, header, tables)
        self.leaving_care(add, ref, header)
        case = {"child": ref, "events": []}
        open_period = next((p for p in self.periods.get(header.child, [])
                            if p.ended_on is None), None)
        allocated_from = open_period.started_on if open_period is not None else None
        workers = self.social_workers(add, tables.get("sw_episodes", []))
        if workers:
            # Held by the last social worker, or by the team from when that worker's episode
            # ended.
            last = workers[-1]
            allocated_from = None if last.ended_on is None or allocated_from is None else max(
                allocated_from, last.ended_on)
        events.sort(key=lambda item: item[0])
        for e_number, (_, event, row) in enumerate(events):
            self.places[f"cases[{number}].events[{e_number}]"] = (row.file, row.line)
            case["events"].append(event)
        if allocated_from is not None and self.defaults.team:
            case["allocation"] = {"team": self.defaults.team,
                                  "start_date": allocated_from.isoformat()}
        return case

    def social_workers(self, add, rows) -> list:
        """Each SWEpisodes row an allocation to its worker (in the worker's team), ended on
        SW_DEC unless the next episode begins that day (a transfer ends it then)."""
        if not self.defaults.workers:
            return []
        staff = {u.username: u for u in User.objects.filter(username__in=[
            name for name, _ in self.defaults.workers.values()]).select_related("team")}
        rows = sorted(rows, key=lambda r: (r.started_on, r.line))
        for n, row in enumerate(rows):
            user = staff[self.defaults.workers[row.sw_id][0]]
            add(row.started_on, -1, {"type": "allocation", "start_date": row.started_on.isoformat(),
                                     "team": user.team.name, "worker": user.username,
                                     "reason": f"SSDA903 return: social worker episode "
                                               f"(SW_REASON {row.reason})"}, row)
            following = rows[n + 1] if n + 1 < len(rows) else None
            if row.ended_on is not None and (following is None
                                             or following.started_on != row.ended_on):
                add(row.ended_on, -1, {"type": "allocation_end",
                                       "end_date": row.ended_on.isoformat()}, row)
            expected = y2025_26_import.SW_FIRST_CONTACT if n == 0 else y2025_26_import.SW_OTHER
            if row.reason != expected:
                self.counts["SW_REASON not as Hearth gives it (FCONTA for the child's first "
                            "social worker in Hearth, OTHERS after: given as the allocation's "
                            "reason)"] += 1
        return rows

    def period(self, add, ref: str, rank: int, period: Period) -> None:
        first = period.episodes[0]
        start = {"type": "care_start", "ref": ref, "started_on": first.decom.isoformat(),
                 "legal_status": first.ls, "category_of_need": first.cin, **_placement(first)}
        if first.rne != "S":
            # The period began before the year, with episodes not in this return: Hearth
            # holds it from the first episode in the return, which keeps its own RNE.
            self.counts["periods of care that began before the year (held in Hearth from "
                        "their first episode in the return, its RNE kept)"] += 1
            start["reason_new_episode"] = first.rne
        add(first.decom, rank, start, first)
        for before, row in zip(period.episodes, period.episodes[1:], strict=False):
            _, placement_changed, same_carers = y2025_26_import.RNE_CHANGES[row.rne]
            event = {"type": "care_episode", "period": ref, "changed_on": row.decom.isoformat(),
                     "legal_status": row.ls, "category_of_need": row.cin,
                     "same_carers": same_carers, **_placement(row)}
            if placement_changed:
                event["reason_place_change"] = before.reason_place_change
            elif before.reason_place_change:
                self.counts["REASON_PLACE_CHANGE on an episode whose placement did not change "
                            "(not kept)"] += 1
            add(row.decom, rank, event, row)
        last = period.episodes[-1]
        if period.ended_on is not None:
            if last.reason_place_change:
                self.counts["REASON_PLACE_CHANGE on an episode that ended the period (not "
                            "kept)"] += 1
            add(last.dec, rank, {"type": "care_end", "period": ref,
                                 "ended_on": last.dec.isoformat(), "reason": last.rec}, last)

    def outcomes(self, add, ref: str, header, tables) -> None:
        for oc2 in tables.get("oc2", []):
            self.oc2(add, ref, header, oc2)
        for uasc in tables.get("uasc", []):
            if uasc.ceased_on != _birthday(header.dob, 18):
                self.counts["UASC dates ceased (DUC) other than the 18th birthday (Hearth "
                            "gives the 18th birthday)"] += 1

    def oc2(self, add, ref: str, header, row) -> None:
        """OC2 is as at 31 March, for a child looked after all year: its SDQ, immunisations and
        dental check are recorded on that day in the period open then. Health assessments,
        convictions and substance misuse are not imported (Hearth derives or lacks them)."""
        periods = self.periods.get(header.child, [])
        number = next((n for n, p in enumerate(periods) if p.contains(self.end)
                       and p.ended_on is None), None)
        if number is None:
            self.counts["OC2 rows for a child not looked after on 31 March (not kept)"] += 1
            return
        period, day = f"{ref}-p{number + 1}", self.end.isoformat()
        if row.sdq_score is not None or row.sdq_reason:
            # A score is for a child aged 4 to 16: for one who turned 17 in the year it is
            # dated the day before that birthday (still in the year, and in the period).
            sdq_on = self.end
            turned_17 = _birthday(header.dob, 17)
            if turned_17 is not None and max(self.start, periods[number].started_on) < \
                    turned_17 <= self.end and row.sdq_score is not None:
                sdq_on = turned_17 - dt.timedelta(days=1)
            event = {"type": "sdq", "period": period, "completed_on": sdq_on.isoformat(),
                     "note": OC2_NOTE}
            event |= {"score": row.sdq_score} if row.sdq_score is not None else {
                "reason": row.sdq_reason}
            add(sdq_on, number, event, row)
        if row.immunisations:
            add(self.end, number, {"type": "immunisations", "period": period, "as_at": day,
                                   "up_to_date": row.immunisations == y2025_26_import.TRUE,
                                   "note": OC2_NOTE}, row)
        if row.teeth_check == y2025_26_import.TRUE:
            add(self.end, number, {"type": "health_check", "period": period, "kind": "dental",
                                   "done_on": day, "carried_out_by": OC2_RECORDED_BY,
                                   "note": OC2_NOTE}, row)
        if row.health_assessment == y2025_26_import.TRUE:
            self.counts["OC2 health assessments (not imported: Hearth needs the initial "
                        "assessment's date)"] += 1

    def permanence(self, add, ref: str, header, tables) -> None:
        periods = self.periods.get(header.child, [])
        for prev in tables.get("prev_perm", [])[:1]:
            number = len(periods) - 1  # the latest period, as the return is made
            event = {"type": "previous_permanence", "period": f"{ref}-p{number + 1}",
                     "order": prev.order}
            if prev.la_code:
                event["la_code"] = prev.la_code
            if prev.order_on:
                event["order_on"] = prev.order_on.isoformat()
            add(periods[number].started_on, number, event, prev)
        for adoption in self.adoptions.get(header.child, []):
            self.adoption(add, f"{ref}-p{adoption.period + 1}", header.child, adoption,
                          periods[adoption.period].started_on)

    def adoption(self, add, period: str, child: str, a: "Adoption", started_on: dt.date) -> None:
        n = a.period

        def at(day: dt.date, rank: int, event: dict, row) -> None:
            # A decision made before the period's first episode in the return comes after
            # the period's start in the history.
            add(max(day, started_on), rank, event, row)

        at(a.decided_on, n, {"type": "adoption_decision", "period": period,
                              "decided_on": a.decided_on.isoformat(),
                              "decision_maker": DECISION_MAKER, "note": ADOPTION_NOTE}, a.row)
        if a.ceased_on is not None:
            at(a.ceased_on, n, {"type": "adoption_reversed", "period": period,
                                 "reversed_on": a.ceased_on.isoformat(),
                                 "reversed_reason": a.reason}, a.row)
        ad1 = a.ad1
        if ad1 is None:
            return
        if ad1.foster_care == y2025_26_import.TRUE:
            # The return gives no date for the fostering for adoption placement: the day of
            # the decision (on or before the placement, as Hearth needs).
            at(a.decided_on, n, {"type": "fostering_for_adoption", "period": period,
                                  "ffa_placed_on": a.decided_on.isoformat()}, ad1)
        at(ad1.matched_on, n, {"type": "adoption_match", "period": period,
                                "matched_on": ad1.matched_on.isoformat(),
                                "household": self.household_refs.get(child, "")}, ad1)
        at(a.placed_on, n, {"type": "placed_for_adoption", "period": period,
                             "placed_on": a.placed_on.isoformat()}, ad1)
        at(a.order_on, n, {"type": "adoption_order", "period": period,
                            "adoption_order_on": a.order_on.isoformat()}, ad1)

    def leaving_care(self, add, ref: str, header) -> None:
        facts = self.leavers.get(header.child)
        if facts is None:
            return
        row, leaver = facts.row, f"{ref}-cl"
        event = {"type": "care_leaver", "ref": leaver, "category": facts.category,
                 "applies_from": facts.applies_from.isoformat()}
        if facts.left_care_on is not None:
            event["left_care_on"] = facts.left_care_on.isoformat()
        add(facts.applies_from, 100, event, row)
        if not row.in_touch:
            return  # in the OC3 cohort, with nothing known of them yet
        situation = {"type": "care_leaver_situation", "care_leaver": leaver,
                     "as_at": facts.applies_from.isoformat(), "in_touch": row.in_touch,
                     "activity": row.activity, "accommodation": row.accommodation}
        if row.accommodation:
            situation["accommodation_suitable"] = row.suitable
        add(facts.applies_from, 100, situation, row)

    def notes(self) -> list[str]:
        lines = [f"{rows:,} {name} rows not imported (Hearth does not import the {name} "
                 "table yet)" for name, rows in sorted(self.found.other_rows.items()) if rows]
        if self.found.sw_episodes and not self.defaults.workers:
            lines.append(f"{len(self.found.sw_episodes):,} SWEpisodes rows not imported (their "
                         "SW_IDs name no one in Hearth: give --workers, a CSV of SW_ID and "
                         "USERNAME, to make them allocations to those social workers)")
        lines += [f"{count:,} {what}" for what, count in sorted(self.counts.items())]
        if self.found.oc2:
            lines.append(f"{len(self.found.oc2):,} OC2 rows: SDQ, immunisations and dental "
                         "checks imported; CONVICTED, HEALTH_CHECK, HEALTH_ASSESSMENT, "
                         "SUBSTANCE_MISUSE and the intervention items not imported")
        return lines


@dataclass
class Adoption:
    """One decision that the child should be placed for adoption, and what followed: `row` is
    the PlacedAdoption row (or AD1's when it has none), `period` the number of the period of
    care it is in."""

    row: object
    period: int
    decided_on: dt.date
    ceased_on: dt.date | None = None
    reason: str = ""
    ad1: object = None
    order_on: dt.date | None = None  # the day the period ended by adoption
    placed_on: dt.date | None = None


@dataclass
class CareLeaverFacts:
    row: object
    category: str
    applies_from: dt.date
    left_care_on: dt.date | None


def _placed_on(period: Period, matched_on: dt.date | None) -> dt.date | None:
    """The return has no date the child was placed for adoption: the start of the period's
    first placed-for-adoption episode (PLACE A3 to A6) on or after the match, else the match
    itself."""
    if matched_on is None:
        return None
    return next((e.decom for e in period.episodes if e.place in PLACED_FOR_ADOPTION
                 and e.decom >= matched_on), matched_on)


def _placement(row: EpisodeRow) -> dict:
    values = {"placement_type": row.place, "placement_postcode": row.pl_post,
              "provision": "supported" if row.place in SUPPORTED_PLACEMENTS else "registered"}
    for name, value in (("provider_type", row.provider), ("urn", row.urn),
                        ("home_postcode", row.home_post)):
        if value:
            values[name] = value
    return values


def _same_placement(a: EpisodeRow, b: EpisodeRow) -> bool:
    return (a.place, a.provider, normalise_postcode(a.pl_post), a.urn) == (
        b.place, b.provider, normalise_postcode(b.pl_post), b.urn)


def _rne_problem(before: EpisodeRow, row: EpisodeRow) -> str:
    """RNE must say what changed from the episode before, as Hearth works it out."""
    legal_changed, placement_changed, _ = y2025_26_import.RNE_CHANGES[row.rne]
    actual_legal, actual_placement = row.ls != before.ls, not _same_placement(before, row)
    if not (actual_legal or actual_placement):
        return (f"RNE is {row.rne}, but neither the legal status nor the placement changed "
                f"from the episode on line {before.line}: Hearth records a new episode only "
                "for one of those")
    if placement_changed != actual_placement:
        return (f"RNE is {row.rne}, which says the placement "
                f"{'changed' if placement_changed else 'did not change'}, but it "
                f"{'did' if actual_placement else 'did not'} (from line {before.line})")
    if actual_placement and legal_changed != actual_legal:
        return (f"RNE is {row.rne}, which says the legal status "
                f"{'changed' if legal_changed else 'did not change'}, but it "
                f"{'did' if actual_legal else 'did not'} (from line {before.line})")
    return ""


def _birthday(born: dt.date | None, age: int) -> dt.date | None:
    if born is None:
        return None
    try:
        return born.replace(year=born.year + age)
    except ValueError:  # 29 February
        return dt.date(born.year + age, 3, 1)


def _noon(day: dt.date) -> str:
    return dt.datetime.combine(day, MISSING_TIME, tzinfo=LONDON).isoformat()
