"""The 903 OC3 table: care leavers around their 17th to 21st birthdays. In touch gives the
young person's activity and accommodation; not in touch gives 0 for both; a 17 or 18 year old
still looked after on their latest birthday, or leaving care after it, is left out, as the DfE
asks."""

import datetime as dt

import pytest

from hearth.care import services as care_services
from hearth.care.tests.factories import period_for
from hearth.leaving_care import services as leaving_care
from hearth.leaving_care.codes import Category
from hearth.returns import services

D = dt.date
pytestmark = pytest.mark.django_db
OC3_RULES = {"132", "133", "153", "344", "345", "1007", "1016", "187", "215"}


def _care_leaver(personas, *, born: dt.date, in_care: tuple[dt.date, dt.date], category: str,
                 applies_from: dt.date, in_touch: str, activity: str = "",
                 accommodation: str = "", suitable: bool | None = None):
    alice = personas.sw_alice
    child = personas.child_for(alice, date_of_birth=born, sex="F", ethnicity="WBRI")
    period = period_for(child, alice, started_on=in_care[0])
    care_services.care_end(period=period, ended_on=in_care[1], reason="E8", actor=alice)
    care_leaver = leaving_care.care_leaver_record(
        child=child, category=category, applies_from=applies_from, left_care_on=in_care[1],
        actor=alice)
    leaving_care.situation_record(care_leaver=care_leaver, as_at=D(2026, 2, 1),
                                  in_touch=in_touch, activity=activity,
                                  accommodation=accommodation, accommodation_suitable=suitable,
                                  actor=alice)
    return child


def _oc3_row(build, child) -> tuple | None:
    rows = [r for r in build.this_year.rows["OC3"] if r["CHILD"] == child.la_child_id]
    assert len(rows) <= 1
    return (rows[0]["IN_TOUCH"], rows[0]["ACTIV"], rows[0]["ACCOM"]) if rows else None


def test_in_touch_gives_activity_and_accommodation(personas, authority):
    # 19 on 10 September 2025; left care at 18.
    child = _care_leaver(personas, born=D(2006, 9, 10), in_care=(D(2022, 1, 10), D(2024, 9, 10)),
                         category=Category.FORMER_RELEVANT, applies_from=D(2024, 9, 10),
                         in_touch="YES", activity="F1", accommodation="D", suitable=True)
    assert _oc3_row(services.ssda903_build(start_year=2025), child) == ("YES", "F1", "D1")


def test_not_in_touch_gives_zero_activity_and_accommodation(personas, authority):
    child = _care_leaver(personas, born=D(2006, 9, 10), in_care=(D(2022, 1, 10), D(2024, 9, 10)),
                         category=Category.FORMER_RELEVANT, applies_from=D(2024, 9, 10),
                         in_touch="NO")
    assert _oc3_row(services.ssda903_build(start_year=2025), child) == ("NO", "0", "0")


def test_leaving_care_after_the_17th_birthday_is_left_out(personas, authority):
    # 17 on 1 August 2025, left care on 1 December 2025: not wanted (rule 1016).
    child = _care_leaver(personas, born=D(2008, 8, 1), in_care=(D(2023, 3, 1), D(2025, 12, 1)),
                         category=Category.RELEVANT, applies_from=D(2025, 12, 1),
                         in_touch="YES", activity="F2", accommodation="T", suitable=True)
    assert _oc3_row(services.ssda903_build(start_year=2025), child) is None


def test_leaving_care_before_the_18th_birthday_is_reported(personas, authority):
    # 18 on 1 October 2025, left care at 17 on 1 March 2025: her situation is wanted.
    child = _care_leaver(personas, born=D(2007, 10, 1), in_care=(D(2021, 3, 1), D(2025, 3, 1)),
                         category=Category.RELEVANT, applies_from=D(2025, 3, 1),
                         in_touch="YES", activity="F4", accommodation="T", suitable=True)
    assert _oc3_row(services.ssda903_build(start_year=2025), child) == ("YES", "F4", "T1")


def test_the_validator_finds_no_oc3_errors_in_these_rows(personas, authority):
    _care_leaver(personas, born=D(2008, 8, 1), in_care=(D(2023, 3, 1), D(2025, 12, 1)),
                 category=Category.RELEVANT, applies_from=D(2025, 12, 1),
                 in_touch="NO")
    _care_leaver(personas, born=D(2007, 10, 1), in_care=(D(2021, 3, 1), D(2025, 3, 1)),
                 category=Category.RELEVANT, applies_from=D(2025, 3, 1), in_touch="REFU")
    _, outcome = services.ssda903_validate(start_year=2025, system_job="test")
    assert {f.rule_code for f in outcome.failures} & OC3_RULES == set()
