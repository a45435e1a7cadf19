"""Helpers that raise, answer, escalate and resolve IRO challenges with the real services
(synthetic data)."""

import datetime as dt

from hearth.iro import services
from hearth.iro.codes import Reason, Stage
from hearth.iro.models import Challenge
from hearth.workingdays.rules import WorkingDayCalendar

D = dt.date

# England and Wales bank holidays from TIMESCALES.md section 1, typed in by hand so the pure
# rule tests depend on neither the holidays package nor the database.
BANK_HOLIDAYS_2025_2026 = [
    D(2025, 1, 1), D(2025, 4, 18), D(2025, 4, 21), D(2025, 5, 5), D(2025, 5, 26),
    D(2025, 8, 25), D(2025, 12, 25), D(2025, 12, 26),
    D(2026, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 4), D(2026, 5, 25),
    D(2026, 8, 31), D(2026, 12, 25), D(2026, 12, 28),
]


def timescales_calendar() -> WorkingDayCalendar:
    return WorkingDayCalendar.for_years(BANK_HOLIDAYS_2025_2026, 2025, 2026)


def challenge_for(child, personas, *, raised_on: dt.date, stage: str = Stage.INFORMAL,
                  reason: str = Reason.CARE_PLAN, addressed_to=None) -> Challenge:
    return services.challenge_raise(
        child=child, raised_on=raised_on, stage=stage, reason=reason,
        asked_for="Update the care plan before the next review",
        addressed_to=addressed_to or personas.tm_bob, actor=personas.iro_erin)


def respond(challenge, user, *, on: dt.date):
    return services.challenge_respond(challenge=challenge, responded_on=on,
                                      response="The plan will be updated this week", actor=user)


def escalate(challenge, personas, *, on: dt.date, to=None):
    return services.challenge_escalate(challenge=challenge, escalated_on=on,
                                       addressed_to=to or personas.sm_sara,
                                       why_escalated="No satisfactory response",
                                       actor=personas.iro_erin)


def resolve(challenge, personas, *, on: dt.date):
    return services.challenge_resolve(challenge=challenge, resolved_on=on,
                                      outcome="Care plan updated and shared",
                                      actor=personas.iro_erin)
