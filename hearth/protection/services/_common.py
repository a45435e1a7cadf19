"""What the protection services share: attendance rows and the audit detail about them."""

from collections import Counter
from collections.abc import Iterable, Mapping

from django.db import models

from hearth.core.errors import DomainError
from hearth.protection.codes import Agency
from hearth.protection.models import Participant

PARTICIPANT_FLAGS = ("invited", "attended", "contributed")


def clean_participants(participants: Iterable[Mapping]) -> list[dict]:
    cleaned = []
    for row in participants:
        name = str(row.get("name") or "").strip()
        if row.get("agency") not in Agency.values:
            raise DomainError("Choose the agency of each person", field="participants")
        if not name:
            raise DomainError("Give the name of each person", field="participants")
        cleaned.append({
            "agency": row["agency"], "name": name, "role": str(row.get("role") or "").strip(),
            "invited": bool(row.get("invited", True)),
            "attended": bool(row.get("attended", True)),
            "contributed": bool(row.get("contributed", False)),
        })
    return cleaned


def participants_replace(*, meeting: models.Model, participants: Iterable[Mapping]) -> list:
    """Sets who was at `meeting` (a strategy discussion, conference or core group)."""
    link = {_meeting_field(meeting): meeting}
    rows = clean_participants(participants)
    Participant.objects.filter(**link).delete()
    return Participant.objects.bulk_create([Participant(**link, **row) for row in rows])


def attendance_detail(participants: Iterable[Participant]) -> dict:
    """For the audit trail: how many came from each agency (no names)."""
    return dict(Counter(p.agency for p in participants if p.attended))


def _meeting_field(meeting: models.Model) -> str:
    return {"StrategyDiscussion": "strategy_discussion", "Conference": "conference",
            "CoreGroup": "core_group"}[type(meeting).__name__]
