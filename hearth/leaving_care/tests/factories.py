"""Care leavers made with the real services (synthetic data only)."""

import datetime as dt

from hearth.leaving_care import services
from hearth.leaving_care.codes import Category
from hearth.leaving_care.models import CareLeaver
from hearth.workingdays.rules import WorkingDayCalendar

D = dt.date

# England and Wales bank holidays from TIMESCALES.md section 1, typed in by hand so the pure
# rule tests depend on neither the holidays package nor the database.
BANK_HOLIDAYS_2026 = [D(2026, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 4),
                      D(2026, 5, 25), D(2026, 8, 31), D(2026, 12, 25), D(2026, 12, 28)]


def calendar_2026() -> WorkingDayCalendar:
    return WorkingDayCalendar.for_years(BANK_HOLIDAYS_2026, 2026, 2026)


MAY_DAY = D(2026, 5, 1)


def relevant_care_leaver(child, actor, *, left_care_on: dt.date = MAY_DAY,
                         adviser=None) -> CareLeaver:
    """A 16- or 17-year-old who left care on `left_care_on` and became relevant that day."""
    return services.care_leaver_record(child=child, category=Category.RELEVANT,
                                       applies_from=left_care_on, left_care_on=left_care_on,
                                       personal_adviser=adviser, actor=actor)


def former_relevant(child, actor, *, on: dt.date, left_care_on: dt.date,
                    adviser=None) -> CareLeaver:
    return services.care_leaver_record(child=child, category=Category.FORMER_RELEVANT,
                                       applies_from=on, left_care_on=left_care_on,
                                       personal_adviser=adviser, actor=actor)
