"""Building and exporting Annex A: every list's rows for an as-at date, then the workbook.

`annex_a_build` reads (no audit: only counts leave it for the page); `annex_a_export` writes the
workbook and records one ANNEX_A_EXPORTED event naming the as-at date and each list's row count.
"""

import datetime as dt
import time
from dataclasses import dataclass, field
from types import ModuleType
from typing import BinaryIO

from django.db import transaction
from django.utils import timezone

from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.models import LocalAuthority
from hearth.returns import annex_a
from hearth.returns.annex_a import rows, workbook
from hearth.returns.annex_a.template_2023 import Window, window


class AnnexANotReady(ValueError):
    """Annex A cannot be built (no local authority set up, or an as-at date in the future)."""


@dataclass
class AnnexABuild:
    template: ModuleType
    as_at: dt.date
    authority: str
    lists: dict[int, list[dict]] = field(default_factory=dict)
    windows: dict[int, Window] = field(default_factory=dict)
    notes: dict[int, str] = field(default_factory=dict)
    seconds: dict[int | str, float] = field(default_factory=dict)

    @property
    def counts(self) -> dict[int, int]:
        return {number: len(items) for number, items in self.lists.items()}

    def summary(self) -> list[tuple]:
        """(list, window, rows, note) in the template's order, for the page and the command."""
        return [(item, self.windows[item.number], len(self.lists[item.number]),
                 self.notes.get(item.number, "")) for item in self.template.LISTS]


def _notes(template) -> dict[int, str]:
    notes = dict(template.NO_SOURCE)
    if rows.permanence_module() is None:
        for number in (10, 11):
            notes[number] = template.PERMANENCE_MISSING
        notes[8] = ("What is the permanence plan for this child? is blank: hearth.permanence is "
                    "not installed.")
    iro = ("Date of Last IRO Visit / Contact to the Child is blank: Hearth keeps no record of "
           "the IRO's contacts between reviews. Placement Location and LA of Placement are "
           "blank: Hearth does not record the placement's local authority.")
    notes[8] = f"{notes[8]} {iro}" if 8 in notes else iro
    return notes


def annex_a_build(*, as_at: dt.date, template_key: str | None = None,
                  progress=None) -> AnnexABuild:
    """`progress(done, total)`, when given, is told of each list as it starts and at the end."""
    template = annex_a.for_template(template_key)
    if as_at > clock.today():
        raise AnnexANotReady("The as-at date must be today or in the past.")
    authority = LocalAuthority.current()
    if authority is None:
        raise AnnexANotReady("Set up the local authority first.")
    build = AnnexABuild(template, as_at, authority.name, notes=_notes(template))
    started = time.perf_counter()
    for done, item in enumerate(template.LISTS):
        if progress:
            progress(done, len(template.LISTS))
        list_started = time.perf_counter()
        build.windows[item.number] = window(as_at, item.months)
        build.lists[item.number] = rows.BUILDERS[item.number](as_at)
        build.seconds[item.number] = time.perf_counter() - list_started
    if progress:
        progress(len(template.LISTS), len(template.LISTS))
    build.seconds["build"] = time.perf_counter() - started
    return build


def annex_a_export(*, as_at: dt.date, out: BinaryIO, actor=None, system_job: str = "",
                   template_key: str | None = None, progress=None) -> AnnexABuild:
    """Writes the Annex A workbook as at `as_at` to `out` and audits it. Returns the build."""
    auditor = Auditor(actor, system_job=system_job)
    build = annex_a_build(as_at=as_at, template_key=template_key, progress=progress)
    started = time.perf_counter()
    workbook.write(out, template=build.template, authority=build.authority, as_at=as_at,
                   made_at=timezone.localtime(clock.now()), lists=build.lists,
                   windows=build.windows, notes=build.notes)
    build.seconds["write"] = time.perf_counter() - started
    with transaction.atomic():
        auditor.record("ANNEX_A_EXPORTED", detail={
            "as_at": as_at.isoformat(), "template": build.template.KEY,
            "rows": {f"list_{number}": count for number, count in build.counts.items()}})
    return build
