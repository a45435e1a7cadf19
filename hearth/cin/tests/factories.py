"""Helpers that put a child on a child in need plan with the real services (synthetic data)."""

import datetime as dt

from hearth.cin import services
from hearth.cin.models import CinPlan
from hearth.frontdoor.models import Referral
from hearth.frontdoor.services import referral_record
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


def referral_for(child, *, on: dt.date) -> Referral:
    """A referral through the front door's own service."""
    return referral_record(child=child, referral_date=on, source="2A", primary_need="N4",
                           system_job="test")


def plan_for(child, actor, *, referred_on: dt.date, started_on: dt.date | None = None) -> CinPlan:
    referral = referral_for(child, on=referred_on)
    return services.cin_plan_start(referral=referral, started_on=started_on or referred_on,
                                   actor=actor)
