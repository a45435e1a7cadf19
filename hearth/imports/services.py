"""Importing case histories from a council's previous system (docs/import-format.md).

`case_history_import` checks the whole file first (format and version, the JSON Schema, then
every reference to people, earlier events, staff and teams), then records it through the same
services a user's entry goes through, inside one transaction. An event the services refuse is
noted with its place in the file and the import carries on (each event in a savepoint of its
own) so that every problem is reported at once; then, if there was any, everything is rolled
back. A dry run checks and records everything the same way and always rolls back.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, fields

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from hearth.core.audit import Auditor
from hearth.core.errors import DomainError
from hearth.imports import history as h
from hearth.imports.runner import CaseRunner, Directory, create_person, link_person
from hearth.imports.validation import (
    Problem,
    format_problems,
    reference_problems,
    schema_problems,
)
from hearth.people.models import Person
from hearth.workingdays.rules import OutsideCalendar

SYSTEM_JOB = "import_cases"


@dataclass
class ImportResult:
    source_name: str
    dry_run: bool
    problems: list[Problem] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    not_tried: int = 0  # events left out because an event they depend on failed

    @property
    def ok(self) -> bool:
        return not self.problems


def case_history_import(data: object, *, source_name: str, dry_run: bool = False) -> ImportResult:
    """Checks and imports a parsed case-history file; nothing is written unless all of it is
    good (and it is not a dry run)."""
    result = ImportResult(source_name=source_name, dry_run=dry_run)
    result.problems = format_problems(data) or schema_problems(data)
    if result.problems:
        return result
    history = h.history_from_json(data)
    directory = Directory()
    result.problems = reference_problems(history, directory)
    if result.problems:
        return result
    with transaction.atomic():
        _Recorder(directory, result).record(history)
        if result.problems or dry_run:
            transaction.set_rollback(True)
        else:
            Auditor(None, system_job=SYSTEM_JOB).record(
                "CASE_HISTORY_IMPORTED",
                detail={"file": source_name, "source": history.source,
                        "counts": dict(result.counts)})
    return result


class _Recorder:
    def __init__(self, directory: Directory, result: ImportResult):
        self.directory = directory
        self.result = result
        self.people: dict[str, Person] = {}

    def record(self, history: h.CaseHistory) -> None:
        for number, person in enumerate(history.people):
            self.attempt(f"people[{number}]", lambda p=person: self.create(p), person)
        for number, person in enumerate(history.people):
            self.link(number, person)
        for number, case in enumerate(history.cases):
            self.record_case(number, case)

    def create(self, record: h.PersonRecord) -> None:
        self.people[record.ref] = create_person(record, system_job=SYSTEM_JOB)
        self.result.counts["person"] += 1
        self.result.counts["address"] += len(record.addresses)

    def link(self, number: int, record: h.PersonRecord) -> None:
        for link_number, link in enumerate(record.relationships):
            person, other = self.people.get(record.ref), self.people.get(link.other)
            if person is None or other is None:
                continue  # its person was refused, and that is reported already
            where = f"people[{number}].relationships[{link_number}]"
            if self.attempt(where, lambda p=person, li=link, o=other: link_person(
                    p, li, o, system_job=SYSTEM_JOB)):
                self.result.counts["relationship"] += 1

    def record_case(self, number: int, case: h.Case) -> None:
        child = self.people.get(case.child)
        if child is None:
            self.result.not_tried += len(case.events)
            return
        runner = CaseRunner(child=child, directory=self.directory, system_job=SYSTEM_JOB,
                            people_by_ref=self.people, counts=self.result.counts)
        failed: set[str] = set()  # refs of events refused, or not tried
        first_problem = len(self.result.problems)
        for event_number, event in enumerate(case.events):
            if self.depends_on_a_failure(event, failed):
                failed |= set(h.refs_defined(event))
                self.result.not_tried += 1
                continue
            where = f"cases[{number}].events[{event_number}]"
            if not self.attempt(where, lambda e=event: runner.run(e), event):
                failed |= set(h.refs_defined(event))
                self.note_follow_on(first_problem)
        if case.allocation:
            self.attempt(f"cases[{number}].allocation",
                         lambda: runner.allocate(case.allocation), case.allocation)

    def depends_on_a_failure(self, event: h.Event, failed: set[str]) -> bool:
        people = getattr(event, "others_involved", ())
        return bool(set(event.refs_used().values()) & failed) or any(
            ref not in self.people for ref in people)

    def note_follow_on(self, first_problem: int) -> None:
        """A later refusal in a case that already had one may only follow from it: say so."""
        problems = self.result.problems
        if len(problems) - 1 > first_problem:
            earlier, latest = problems[first_problem], problems[-1]
            problems[-1] = Problem(latest.location, f"{latest.message} (this may follow from "
                                                    f"the problem at {earlier.location})")

    def attempt(self, where: str, action: Callable[[], None], about: object = None) -> bool:
        """Runs `action` in a savepoint; a refusal becomes a problem at `where`."""
        try:
            with transaction.atomic():
                action()
        except DomainError as error:
            self.result.problems.append(Problem(_at(where, error.field, about), error.message))
        except ValidationError as error:
            self.result.problems.append(Problem(where, " ".join(error.messages)))
        except (IntegrityError, OutsideCalendar) as error:
            self.result.problems.append(Problem(where, _database_refusal(error)))
        else:
            return True
        return False


def _at(where: str, field_name: str | None, about: object) -> str:
    """The place of the event (or person), down to the field when the refusal names one."""
    if isinstance(about, h.PersonRecord) and field_name in about.values:
        prefix = "identifiers." if field_name in h.IDENTIFIERS else ""
        return f"{where}.{prefix}{field_name}"
    names = {f.name for f in fields(about)} if about is not None else set()
    return f"{where}.{field_name}" if field_name in names else where


def _database_refusal(error: Exception) -> str:
    text = str(error)
    if "la_child_id" in text:
        return "another person already has this LA child ID"
    if isinstance(error, OutsideCalendar):
        return f"a date is outside the working-day calendar: {text}"
    return f"the database refused it ({text})"
