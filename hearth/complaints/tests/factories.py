"""Helpers that record and answer complaints with the real services (synthetic data)."""

import datetime as dt

from hearth.complaints import services
from hearth.complaints.codes import Outcome, Relationship, Theme
from hearth.complaints.models import Complaint
from hearth.workingdays.rules import WorkingDayCalendar

D = dt.date

# England and Wales bank holidays (TIMESCALES.md section 1 and the holidays package), typed in
# by hand so the pure rule tests depend on neither the package nor the database.
BANK_HOLIDAYS_2025_2027 = [
    D(2025, 1, 1), D(2025, 4, 18), D(2025, 4, 21), D(2025, 5, 5), D(2025, 5, 26),
    D(2025, 8, 25), D(2025, 12, 25), D(2025, 12, 26),
    D(2026, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 4), D(2026, 5, 25),
    D(2026, 8, 31), D(2026, 12, 25), D(2026, 12, 28),
    D(2027, 1, 1), D(2027, 3, 26), D(2027, 3, 29), D(2027, 5, 3), D(2027, 5, 31),
    D(2027, 8, 30), D(2027, 12, 27), D(2027, 12, 28),
]


def calendar() -> WorkingDayCalendar:
    return WorkingDayCalendar.for_years(BANK_HOLIDAYS_2025_2027, 2025, 2027)


def complaint_for(personas, *, received_on: dt.date, children=(), manager=None,
                  service_manager="sara", themes=(Theme.COMMUNICATION,),
                  team=None) -> Complaint:
    return services.complaint_record(
        received_on=received_on, complainant_name="Jordan Quillby",
        complainant_relationship=Relationship.PARENT, children=children,
        summary="Not told the social worker was away, and the plan was not shared.",
        themes=list(themes), team=team or personas.team_a,
        responding_manager=manager or personas.tm_bob,
        service_manager=personas.sm_sara if service_manager == "sara" else service_manager,
        receiving_officer=personas.bs_ben, actor=personas.bs_ben)


def stage_of(complaint: Complaint, number: int = 1):
    return complaint.stages.get(stage=number)


def respond(complaint, user, *, on: dt.date, stage: int = 1, outcome: str = Outcome.UPHELD,
            lateness_reason: str = ""):
    return services.complaint_stage_respond(
        stage=stage_of(complaint, stage), responded_on=on, outcome=outcome,
        response_summary="We apologised and shared the plan.",
        lateness_reason=lateness_reason, actor=user)


LATE_REASON = "The manager was on leave and cover was not arranged in time."
