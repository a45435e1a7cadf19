"""Checking a case-history file before anything is written: JSON, format and version, the JSON
Schema, then the references (people, earlier events, staff and teams). Every check collects all
its problems, each with the place in the file it was found, like `cases[3].events[7].held_on`."""

import datetime as dt
import functools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker, ValidationError

from hearth.accounts.roles import Role
from hearth.imports import history as h
from hearth.imports.runner import Directory
from hearth.permanence.models import AdopterHousehold

FORMAT = "hearth-case-history"
VERSION = 1
MAX_BYTES = 50 * 1024 * 1024
SCHEMA_PATH = Path(__file__).parent / "schemas" / "case-history-v1.schema.json"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
AUTHORISE_PERMISSION = "assessments.authorise_assessment"
SIGN_OFF_PERMISSION = "care.sign_off_placement"
ADOPTION_DECISION_PERMISSION = "permanence.record_adoption_decision"


@dataclass(frozen=True)
class Problem:
    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class ImportRefused(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def place(path: Iterable) -> str:
    """cases[3].events[7].referral_date, from a JSON path."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text


# ---- The file and its JSON ----------------------------------------------------------------------


def read_file(path: Path, *, max_bytes: int = MAX_BYTES) -> object:
    """The file's JSON, or ImportRefused: too big, not UTF-8, or not JSON (line and column)."""
    size = path.stat().st_size
    if size > max_bytes:
        raise ImportRefused([Problem("", f"The file is {size / 1024 / 1024:,.1f} MB: the limit is "
                                         f"{max_bytes / 1024 / 1024:,.0f} MB. Split the histories "
                                         "into several files.")])
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problem = Problem(f"byte {error.start}", "the file is not UTF-8 text")
        raise ImportRefused([problem]) from None
    return parse_json(text)


def parse_json(text: str) -> object:
    """The JSON in `text`, or ImportRefused: a syntax error (with its line and column), a value
    JSON does not allow (NaN, Infinity), a number too long to read, or nesting too deep."""
    try:
        return json.loads(text, parse_constant=_no_constants)
    except json.JSONDecodeError as error:
        raise ImportRefused([Problem(f"line {error.lineno}, column {error.colno}",
                                     f"not valid JSON: {error.msg}")]) from None
    except _NotJson as error:
        raise ImportRefused([Problem("", f"not valid JSON: {error}")]) from None
    except ValueError:  # Python refuses integers of more than 4,300 digits
        raise ImportRefused([Problem("", "not valid JSON: a number has more than 4,300 "
                                         "digits")]) from None
    except RecursionError:
        raise ImportRefused([Problem("", "not valid JSON: it is nested too deeply to be a "
                                         "case history")]) from None


class _NotJson(ValueError):
    pass


def _no_constants(name: str):
    raise _NotJson(f"{name} is not a JSON value")


# ---- Format, version and schema ---------------------------------------------------------------


def format_problems(data: object) -> list[Problem]:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        found = data.get("format") if isinstance(data, dict) else None
        return [Problem("format", f"This is not a Hearth case history: 'format' must be "
                                  f"'{FORMAT}' (found {found!r})")]
    if data.get("version") != VERSION:
        return [Problem("version", f"This file is version {data.get('version')!r} of the case "
                                   f"history format: this Hearth reads version {VERSION}")]
    return []


@functools.cache
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text())


def _format_checker() -> FormatChecker:
    checker = FormatChecker(["date"])
    checker.checks("date-time", raises=ValueError)(_is_date_time)
    return checker


def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    return bool(RFC3339.match(value)) and dt.datetime.fromisoformat(value) is not None


def schema_problems(data: object) -> list[Problem]:
    validator = Draft202012Validator(schema(), format_checker=_format_checker())
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    return [_problem(error) for error in errors]


def _problem(error: ValidationError) -> Problem:
    path = list(error.absolute_path)
    if error.validator == "required":
        missing = error.message.split("'")[1]
        return Problem(place([*path, missing]), "is required")
    if error.validator == "format":
        kind = {"date-time": "date and time with an offset"}.get(error.validator_value,
                                                                  error.validator_value)
        return Problem(place(path), f"{error.instance!r} is not a {kind}")
    if error.validator == "enum" and len(error.validator_value) > 12:
        return Problem(place(path), f"{error.instance!r} is not one of the codes allowed here "
                                    "(see docs/import-format.md)")
    return Problem(place(path), error.message)


# ---- References ---------------------------------------------------------------------------------


def reference_problems(history: h.CaseHistory, directory: Directory) -> list[Problem]:
    people = {p.ref: p for p in history.people}
    problems = list(_people_problems(history, people))
    children_seen: dict[str, int] = {}
    for number, case in enumerate(history.cases):
        where = f"cases[{number}]"
        problems += _child_problems(case, where, people, children_seen, number)
        if case.allocation:
            problems += _allocation_problems(case.allocation.team, case.allocation.worker,
                                             f"{where}.allocation", directory)
        problems += _event_problems(case, where, people, directory)
    return problems


def _people_problems(history: h.CaseHistory, people: dict) -> Iterator[Problem]:
    first: dict[str, int] = {}
    for number, person in enumerate(history.people):
        if person.ref in first:
            yield Problem(f"people[{number}].ref", f"{person.ref!r} is already the ref of "
                                                   f"people[{first[person.ref]}]")
        first.setdefault(person.ref, number)
        for link_number, link in enumerate(person.relationships):
            where = f"people[{number}].relationships[{link_number}].other"
            if link.other not in people:
                yield Problem(where, f"no person in the file has the ref {link.other!r}")
            elif link.other == person.ref:
                yield Problem(where, "a person cannot be linked to themselves")


def _child_problems(case: h.Case, where: str, people: dict, seen: dict,
                    number: int) -> list[Problem]:
    person = people.get(case.child)
    if person is None:
        return [Problem(f"{where}.child", f"no person in the file has the ref {case.child!r}")]
    if not person.values.get("is_child"):
        return [Problem(f"{where}.child", f"{case.child!r} is an adult (is_child is false): "
                                          "cases are about children")]
    if case.child in seen:
        return [Problem(f"{where}.child", f"{case.child!r} already has a case, "
                                          f"cases[{seen[case.child]}]: put all of a child's "
                                          "events in one case")]
    seen[case.child] = number
    return []


def _allocation_problems(team_name: str, worker: str, where: str,
                         directory: Directory) -> list[Problem]:
    team = directory.team(team_name)
    if team is None:
        return [Problem(f"{where}.team", f"there is no team called {team_name!r}")]
    if not team.holds_cases:
        return [Problem(f"{where}.team", f"{team_name} does not hold cases")]
    if worker:
        user = directory.user(worker)
        if user is None:
            return [Problem(f"{where}.worker", f"no member of staff has the username {worker!r}")]
        if user.team_id != team.pk:
            return [Problem(f"{where}.worker", f"{worker} is not in {team_name}")]
    return []


def _event_problems(case: h.Case, where: str, people: dict,
                    directory: Directory) -> list[Problem]:
    problems = event_reference_problems(case.events, where)
    for number, event in enumerate(case.events):
        at = f"{where}.events[{number}]"
        problems += _staff_problems(event, at, directory)
        problems += [Problem(f"{at}.others_involved", f"no person in the file has the ref {ref!r}")
                     for ref in getattr(event, "others_involved", ()) if ref not in people]
        problems += _permanence_problems(event, at, directory)
    return problems


def event_reference_problems(events: list[h.Event], where: str) -> list[Problem]:
    """Each ref an event points at is defined by an earlier event, of the right kind, once."""
    defined: dict[str, tuple[str, int]] = {}  # ref -> (kind of record, event number)
    problems: list[Problem] = []
    for number, event in enumerate(events):
        at = f"{where}.events[{number}]"
        problems += _refs_used_problems(event, at, defined)
        for ref, kind in h.refs_defined(event).items():
            if ref in defined:
                problems.append(Problem(at, f"the ref {ref!r} is already used in this case "
                                            f"(events[{defined[ref][1]}])"))
            defined.setdefault(ref, (kind, number))
    return problems


def _refs_used_problems(event: h.Event, at: str,
                        defined: dict[str, tuple[str, int]]) -> list[Problem]:
    problems = []
    for field_name, kind in h.REF_FIELDS.get(event.TYPE, {}).items():
        ref = getattr(event, field_name)
        if ref not in defined:
            problems.append(Problem(f"{at}.{field_name}", f"{ref!r} is not defined by an "
                                                          "earlier event in this case"))
        elif defined[ref][0] != kind:
            problems.append(Problem(f"{at}.{field_name}", f"{ref!r} is a {defined[ref][0]} "
                                                          f"(events[{defined[ref][1]}]), not a "
                                                          f"{kind}"))
    return problems


def _permanence_problems(event: h.Event, at: str, directory: Directory) -> list[Problem]:
    """A match names prospective adopters already in Hearth, by their family identifier; the
    agency decision maker's decision is recorded by someone who may record it."""
    if isinstance(event, h.AdoptionDecisionEvent) and event.by:
        recorder = directory.user(event.by)
        if recorder is not None and not recorder.has_perm(ADOPTION_DECISION_PERMISSION):
            return [Problem(f"{at}.by", f"{event.by} cannot record the agency decision maker's "
                                        "decision: only an active service manager can")]
    if isinstance(event, h.AdoptionMatchEvent) and not AdopterHousehold.objects.filter(
            reference=event.household).exists():
        return [Problem(f"{at}.household", "there are no prospective adopters with the family "
                                           f"identifier {event.household!r}")]
    return []


def _staff_problems(event: h.Event, at: str, directory: Directory) -> list[Problem]:
    problems = []
    for field_name in ("by", "chair", "worker", "iro", "adviser", "personal_adviser", "made_by"):
        username = getattr(event, field_name, "")
        if username and directory.user(username) is None:
            problems.append(Problem(f"{at}.{field_name}",
                                    f"no member of staff has the username {username!r}"))
    if problems:
        return problems
    if isinstance(event, h.AllocationEvent):
        return _allocation_problems(event.team, event.worker, at, directory)
    return _role_problems(event, at, directory)


def _role_problems(event: h.Event, at: str, directory: Directory) -> list[Problem]:
    """Chairs and IROs are independent reviewing officers; authorisations and sign-offs are by
    the managers who may make them."""
    if isinstance(event, h.InitialConferenceEvent | h.ReviewConferenceEvent | h.ClaReviewEvent):
        chair = directory.user(event.chair)
        if chair.role != Role.IRO or not chair.is_active:
            return [Problem(f"{at}.chair", f"{event.chair} is not an active independent "
                                           "reviewing officer or child protection chair")]
    if isinstance(event, h.IroAllocationEvent):
        iro = directory.user(event.iro)
        if iro.role != Role.IRO or not iro.is_active:
            return [Problem(f"{at}.iro", f"{event.iro} is not an active independent "
                                         "reviewing officer")]
    if isinstance(event, h.AssessmentAuthoriseEvent):
        manager = directory.user(event.by)
        if not manager.has_perm(AUTHORISE_PERMISSION):
            return [Problem(f"{at}.by", f"{event.by} cannot authorise assessments: only an "
                                        "active team manager or service manager can")]
    if isinstance(event, h.PlacementSignOffEvent):
        signer = directory.user(event.by)
        if signer is None or not signer.has_perm(SIGN_OFF_PERMISSION):
            return [Problem(f"{at}.by", f"{event.by or 'The system account'} cannot sign off "
                                        "placements: only an active service manager can")]
    return []
