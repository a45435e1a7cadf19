"""A child's level of need on a date, read in bulk from the casework records.

The frequency of case supervision depends on the level of need (T100). The workforce app sits
above the casework apps (it reports on their work, like a reporting app), so it reads their
records here, in one place, and never writes them: an open child protection plan, period of
care, child in need plan, or a care leaver record on the date. One query per kind, however many
children are asked about.
"""

import datetime as dt
from collections.abc import Iterable

from django.db.models import Q, QuerySet

from hearth.workforce import rules
from hearth.workforce.codes import LevelOfNeed


def _open_on(start: str, end: str, day: dt.date) -> Q:
    return Q(**{f"{start}__lte": day}) & (Q(**{f"{end}__isnull": True})
                                         | Q(**{f"{end}__gt": day}))


def levels_of_need(child_ids: Iterable[int], *, on: dt.date) -> dict[int, str]:
    """{child id: the level that sets their supervision frequency} for each child asked about."""
    from hearth.care.models import CarePeriod
    from hearth.cin.models import CinPlan
    from hearth.leaving_care.models import CareLeaver
    from hearth.protection.models import ChildProtectionPlan

    ids = list(child_ids)
    # A queryset stays a subquery (no list of thousands of ids in the SQL).
    wanted = child_ids if isinstance(child_ids, QuerySet) else ids
    found: dict[int, set[str]] = {pk: set() for pk in ids}
    sources = (
        (LevelOfNeed.CHILD_PROTECTION, ChildProtectionPlan.objects.filter(
            _open_on("start_date", "end_date", on))),
        (LevelOfNeed.LOOKED_AFTER, CarePeriod.objects.filter(
            _open_on("started_on", "ended_on", on))),
        (LevelOfNeed.CHILD_IN_NEED, CinPlan.objects.filter(
            _open_on("started_on", "ended_on", on))),
        (LevelOfNeed.CARE_LEAVER, CareLeaver.objects.filter(
            became_care_leaver_on__lte=on).filter(Q(left_care_on__isnull=False))),
    )
    for level, rows in sources:
        for child_id in rows.filter(child_id__in=wanted).values_list("child_id", flat=True):
            found[child_id].add(level)
    return {pk: rules.level_of_need(levels) for pk, levels in found.items()}


def level_of_need_for(child, *, on: dt.date) -> str:
    return levels_of_need([child.pk], on=on)[child.pk]
