"""Helpers that record allegations with the real services (synthetic data only)."""

import datetime as dt

from hearth.lado import services
from hearth.lado.codes import Category, Sector
from hearth.lado.models import Allegation
from hearth.workingdays.rules import WorkingDayCalendar

D = dt.date
# England and Wales bank holidays 2026 (TIMESCALES.md section 1), typed in by hand so the pure
# rule tests need neither the holidays package nor the database.
BANK_HOLIDAYS_2026 = [D(2026, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 4),
                      D(2026, 5, 25), D(2026, 8, 31), D(2026, 12, 25), D(2026, 12, 28)]
SUBJECT = "Jordan Vexley-Marsh"  # invented
REFERRED, CONSIDERED, CONCLUDED = D(2026, 5, 28), D(2026, 5, 29), D(2026, 6, 1)


def calendar() -> WorkingDayCalendar:
    return WorkingDayCalendar.for_years(BANK_HOLIDAYS_2026, 2026, 2026)


def allegation_for(officer, *, received_on: dt.date = REFERRED, children=(),
                   sector: str = Sector.EDUCATION, category: str = Category.PHYSICAL,
                   actor=None) -> Allegation:
    return services.allegation_record(
        received_on=received_on, received_time=dt.time(10, 15), referrer_name="Avery Thornbury",
        referrer_agency="Harrowgate Primary School", subject_name=SUBJECT,
        subject_role="Teaching assistant", subject_employer="Harrowgate Primary School",
        subject_sector=sector, category=category,
        summary="A pupil said the assistant grabbed their arm hard in the playground.",
        lado_officer=officer, actor=actor or officer, children=children)


def considered(allegation, officer, *, on: dt.date = CONSIDERED, threshold: str = "met"):
    return services.initial_consideration_record(
        allegation=allegation, considered_on=on, threshold=threshold,
        consideration_notes="Harm test met: physical harm alleged.", police_involved=False,
        actor=officer)


def concluded(allegation, officer, *, on: dt.date = CONCLUDED,
              outcome: str = "unsubstantiated", dbs: bool = False):
    return services.outcome_record(
        allegation=allegation, outcome=outcome, outcome_on=on,
        outcome_notes="Not enough evidence either way; training for the assistant.",
        referred_to_dbs=dbs, referred_to_professional_body=False, professional_body="",
        actor=officer)
