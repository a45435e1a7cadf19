import datetime as dt

import pytest

from hearth.dataquality import rules
from hearth.workingdays.rules import WorkingDayCalendar

D = dt.date


@pytest.mark.parametrize(("on", "start"), [(D(2026, 3, 31), 2025), (D(2026, 4, 1), 2026),
                                           (D(2026, 12, 7), 2026), (D(2026, 1, 1), 2025)])
def test_the_collection_year_runs_from_1_april(on, start):
    assert rules.collection_start_year(on) == start


def test_the_year_checked_is_the_current_one_or_the_latest_hearth_has_before_it():
    assert rules.year_to_check(D(2025, 6, 1), [2025]) == 2025
    assert rules.year_to_check(D(2026, 12, 7), [2025]) == 2025  # 2026/27 has no layout yet
    assert rules.year_to_check(D(2026, 12, 7), [2025, 2026]) == 2026
    assert rules.year_to_check(D(2024, 6, 1), [2025]) == 2025
    with pytest.raises(ValueError):
        rules.year_to_check(D(2025, 6, 1), [])


def test_an_issue_is_the_same_issue_while_rule_child_place_and_values_are():
    base = dict(check_code="cin", collection_year="2025 to 2026", rule_code="1530",
                la_child_id="C1", table="ChildIdentifiers", columns=("UPN",), values=("A",))
    same = rules.fingerprint(**base)
    assert same == rules.fingerprint(**base)
    assert len(same) == 64
    for change in ({"values": ("B",)}, {"la_child_id": "C2"}, {"rule_code": "1531"},
                   {"collection_year": "2026 to 2027"}, {"columns": ("UPN", "X")}):
        assert rules.fingerprint(**{**base, **change}) != same


def test_an_issue_is_due_five_working_days_after_it_was_found():
    calendar = WorkingDayCalendar.for_years((), 2026, 2026)
    assert rules.issue_due_on(D(2026, 6, 15), calendar) == D(2026, 6, 22)
