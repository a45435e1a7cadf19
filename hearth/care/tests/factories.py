"""Helpers that take a child into care with the real services (synthetic data only)."""

import datetime as dt

from hearth.care import services
from hearth.care.models import CarePeriod
from hearth.workingdays.rules import WorkingDayCalendar

D = dt.date

# England and Wales bank holidays from TIMESCALES.md section 1, typed in by hand so the pure
# rule tests depend on neither the holidays package nor the database.
BANK_HOLIDAYS_2025_2027 = [
    D(2025, 1, 1), D(2025, 4, 18), D(2025, 4, 21), D(2025, 5, 5), D(2025, 5, 26),
    D(2025, 8, 25), D(2025, 12, 25), D(2025, 12, 26),
    D(2026, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 4), D(2026, 5, 25),
    D(2026, 8, 31), D(2026, 12, 25), D(2026, 12, 28),
    D(2027, 1, 1), D(2027, 3, 26), D(2027, 3, 29),
]


def timescales_calendar() -> WorkingDayCalendar:
    return WorkingDayCalendar.for_years(BANK_HOLIDAYS_2025_2027, 2025, 2027)


def foster_placement(**overrides) -> services.Placement:
    """A mainstream foster placement with the authority's own carers (synthetic postcode)."""
    values = {"placement_type": "U6", "provision": "registered", "placement_postcode": "ZZ1 1AA",
              "provider_type": "PR1", "urn": "XXXXXXX", "home_postcode": "ZZ9 9ZZ"}
    return services.Placement(**(values | overrides))


def supported_placement(**overrides) -> services.Placement:
    values = {"placement_type": "K3", "provision": "supported", "placement_postcode": "ZZ2 2BB",
              "provider_type": "PR4", "urn": "SC123456"}
    return services.Placement(**(values | overrides))


def period_for(child, actor, *, started_on: dt.date, legal_status: str = "C1",
               placement: services.Placement | None = None) -> CarePeriod:
    return services.care_period_start(child=child, started_on=started_on,
                                      legal_status=legal_status, category_of_need="N1",
                                      placement=placement or foster_placement(), actor=actor)
