"""Building, exporting and validating the children in need census.

One pass over the records (hearth.returns.cin.records) gives each child's census record (the
year module's mapping); the same records are written as the DfE's XML and turned into the
validator's tables, so the file and what the rules check cannot drift apart. Every export and
every validation is audited: an export names each child whose record left Hearth.
"""

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from types import ModuleType
from typing import BinaryIO

from django.db import transaction
from django.utils import timezone

from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.models import AuditEvent, LocalAuthority
from hearth.people.models import Person
from hearth.returns import cin
from hearth.returns.cin import census_xml, records

Progress = Callable[[int, int], None]


class ReturnNotReady(ValueError):
    """The return cannot be built yet (for example, no local authority is set up)."""


@dataclass
class CensusBuild:
    year: ModuleType
    header: dict
    children: int = 0
    people: list[Person] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def validator_installed(return_name: str = "cin") -> bool:
    """Whether the return's validator (the `returns` extra) is installed here."""
    try:
        if return_name == "903":
            import lac_validator  # noqa: F401
        else:
            import cin_validator  # noqa: F401
    except ImportError:
        return False
    return True


def _header(year: ModuleType, *, serial_no: int) -> dict:
    authority = LocalAuthority.current()
    if authority is None or not authority.la_code:
        raise ReturnNotReady("Set up the local authority and its DfE LA number first.")
    try:
        release = metadata.version("hearth")
    except metadata.PackageNotFoundError:
        release = "0"
    return year.header(lea=authority.la_code, release=release, serial_no=f"{serial_no:03d}",
                       made_at=timezone.localtime(clock.now()))


def _reads_pre_proceedings(year: ModuleType) -> bool:
    """From 2026 to 2027 the census has the pre-proceedings module (hearth.court's records)."""
    return getattr(year, "READS_PRE_PROCEEDINGS", False)


def _records(build: CensusBuild, progress: Progress | None) -> Iterator[dict]:
    period = build.year.period()
    total = records.cohort_size(period)
    if progress:
        progress(0, total)
    for facts in records.children(
            period, pre_proceedings=_reads_pre_proceedings(build.year)):
        build.people.append(facts.person)
        build.children += 1
        if progress and (build.children % 250 == 0 or build.children == total):
            progress(build.children, total)
        yield build.year.child_record(facts)


def _serial_no(start_year: int) -> int:
    return AuditEvent.objects.filter(event_code="CIN_CENSUS_EXPORTED",
                                     detail__year=start_year).count() + 1


def cin_census_export(*, start_year: int, out: BinaryIO, actor=None, system_job: str = "",
                      progress: Progress | None = None, with_tables: bool = False):
    """Writes the census XML for the collection year starting 1 April `start_year` to `out`.

    With `with_tables`, also returns the validator's tables built in the same pass (needs the
    `returns` extra). Returns (build, tables or None).
    """
    year = cin.for_year(start_year)
    auditor = Auditor(actor, system_job=system_job)
    started = time.perf_counter()
    build = CensusBuild(year, _header(year, serial_no=_serial_no(start_year)))
    builder = None
    if with_tables:
        from hearth.returns.cin.tables import TableBuilder

        builder = TableBuilder(build.header, pre_proceedings=_reads_pre_proceedings(year))

    def each_record():
        for record in _records(build, progress):
            if builder is not None:
                builder.add(record)
            yield record

    census_xml.write(out, build.header, each_record())
    tables = builder.tables() if builder is not None else None
    build.seconds["build"] = time.perf_counter() - started
    with transaction.atomic():
        auditor.record("CIN_CENSUS_EXPORTED", detail={
            "year": start_year, "children": build.children,
            "serial_no": build.header["Source"]["SerialNo"]})
        auditor.record_many("CIN_CENSUS_CHILD_EXPORTED", build.people,
                            child_id_of=lambda p: p.pk, detail={"year": start_year})
    return build, tables


def cin_census_tables(*, start_year: int, progress: Progress | None = None):
    """The validator's tables for the year, built straight from the records (no XML)."""
    from hearth.returns.cin.tables import TableBuilder

    year = cin.for_year(start_year)
    started = time.perf_counter()
    build = CensusBuild(year, _header(year, serial_no=_serial_no(start_year)))
    builder = TableBuilder(build.header, pre_proceedings=_reads_pre_proceedings(year))
    for record in _records(build, progress):
        builder.add(record)
    tables = builder.tables()
    build.seconds["build"] = time.perf_counter() - started
    return build, tables


def cin_census_validate(*, start_year: int, actor=None, system_job: str = "",
                        progress: Progress | None = None, tables=None, build=None,
                        rule_progress: Progress | None = None):
    """Runs the year's DfE rules on the census built from the records. Returns (build, outcome).

    Pass `tables` and `build` from an export to validate what was just written. `progress` is
    told of the children built, `rule_progress` of the rules run.
    """
    from hearth.returns.cin import validation

    auditor = Auditor(actor, system_job=system_job)
    if tables is None:
        build, tables = cin_census_tables(start_year=start_year, progress=progress)
    started = time.perf_counter()
    outcome = validation.run(tables, build.year.RULESET, progress=rule_progress)
    build.seconds["validate"] = time.perf_counter() - started
    auditor.record("CIN_CENSUS_VALIDATED", detail={
        "year": start_year, "children": build.children, "ruleset": build.year.RULESET,
        "errors": len(outcome.errors), "queries": len(outcome.queries),
        "crashed_rules": sorted(outcome.crashed)})
    return build, outcome


# ---- The SSDA903 children looked after return ---------------------------------------------------


@dataclass
class Ssda903Build:
    """A 903 return built from the records: this year's rows and last year's (the validator
    checks this year against last year's Header and Episodes, so both are sent and exported)."""

    year: ModuleType
    this_year: object  # ssda903.tables.RowBuilder
    last_year: object
    children: int = 0
    previous_children: int = 0
    people: list[Person] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def folder(self, start_year: int) -> str:
        return f"{start_year}-{str(start_year + 1)[2:]}"

    def files(self) -> dict[str, bytes]:
        """{path in the export: bytes}: this year's files, then last year's in their folder."""
        start = self.year.START_YEAR
        out = {f"{self.folder(start)}/{self.year.FILES[name]}": data
               for name, data in self.this_year.csv_files().items()}
        out.update({f"{self.folder(start - 1)}/{self.year.FILES[name]}": data
                    for name, data in self.last_year.csv_files().items()})
        return out


def ssda903_build(*, start_year: int, progress: Progress | None = None) -> Ssda903Build:
    """This year's and last year's rows, in one pass over each year's records."""
    from hearth.returns import ssda903
    from hearth.returns.ssda903 import records
    from hearth.returns.ssda903.tables import RowBuilder

    year = ssda903.for_year(start_year)
    started = time.perf_counter()
    build = Ssda903Build(year, RowBuilder(year.TABLES), RowBuilder(year.previous_tables()))
    period = year.period()
    ids = records.cohort_ids(period)
    if progress:
        progress(0, len(ids))
    people = {}
    for facts in records.children(period, ids):
        build.this_year.add(year.rows(facts, period))
        people[facts.person.pk] = facts.person
        build.children += 1
        if progress and (build.children % 250 == 0 or build.children == len(ids)):
            progress(build.children, len(ids))
    previous = year.previous_period()
    for facts in records.children(previous):
        build.last_year.add(year.rows(facts, previous))
        people.setdefault(facts.person.pk, facts.person)
        build.previous_children += 1
    build.people = list(people.values())
    build.seconds["build"] = time.perf_counter() - started
    return build


def ssda903_export(*, start_year: int, actor=None, system_job: str = "",
                   progress: Progress | None = None) -> tuple[Ssda903Build, dict[str, bytes]]:
    """Builds the return and audits its leaving Hearth: one event for the export and one per
    child in this year's or last year's files. Returns (build, {path: CSV bytes})."""
    build = ssda903_build(start_year=start_year, progress=progress)
    files = build.files()
    auditor = Auditor(actor, system_job=system_job)
    with transaction.atomic():
        auditor.record("SSDA903_EXPORTED", detail={
            "year": start_year, "children": build.children,
            "previous_year_children": build.previous_children, "files": sorted(files)})
        auditor.record_many("SSDA903_CHILD_EXPORTED", build.people,
                            child_id_of=lambda p: p.pk, detail={"year": start_year})
    return build, files


def ssda903_la_code() -> str:
    from django.conf import settings

    code = getattr(settings, "HEARTH_LA_ONS_CODE", "")
    if not code:
        raise ReturnNotReady("Set HEARTH_LA_ONS_CODE to the local authority's 9-character ONS "
                             "code (for example E08000027) to check the SSDA903 return.")
    return code


def ssda903_validate(*, start_year: int, actor=None, system_job: str = "",
                     progress: Progress | None = None, build: Ssda903Build | None = None,
                     rule_progress: Progress | None = None):
    """Runs the year's DfE rules on the return built from the records, with last year's
    tables. Returns (build, outcome). Pass `build` from an export to check what was written."""
    from hearth.returns.ssda903 import validation
    from hearth.returns.ssda903.tables import PREVIOUS

    la_code = ssda903_la_code()
    if build is None:
        build = ssda903_build(start_year=start_year, progress=progress)
    started = time.perf_counter()
    tables = build.this_year.frames()
    tables.update({name + PREVIOUS: frame for name, frame in build.last_year.frames().items()})
    build.seconds["tables"] = time.perf_counter() - started
    outcome = validation.run(tables, build.year.RULESET, local_authority=la_code,
                             progress=rule_progress)
    build.seconds["validate"] = time.perf_counter() - started
    Auditor(actor, system_job=system_job).record("SSDA903_VALIDATED", detail={
        "year": start_year, "children": build.children, "ruleset": build.year.RULESET,
        "errors": len(outcome.errors), "queries": len(outcome.queries),
        "crashed_rules": sorted(outcome.crashed)})
    return build, outcome
