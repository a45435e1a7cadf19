"""Pure rule tests: no database. The worked examples are TIMESCALES.md section 1."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from hearth.workingdays import rules
from hearth.workingdays.rules import OutsideCalendar, WorkingDayCalendar

D = dt.date
LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(
    ("start", "working_days", "due_on"),
    [
        pytest.param(D(2025, 12, 19), 15, D(2026, 1, 14), id="ICPC across Christmas and New Year"),
        pytest.param(D(2026, 3, 27), 15, D(2026, 4, 21), id="ICPC across Easter"),
        pytest.param(D(2025, 12, 24), 1, D(2025, 12, 29), id="1 WD over four non-working days"),
        pytest.param(D(2026, 4, 2), 1, D(2026, 4, 7), id="1 WD over Easter"),
        pytest.param(D(2026, 3, 2), 45, D(2026, 5, 7), id="assessment across Easter and May"),
        pytest.param(D(2025, 12, 19), 10, D(2026, 1, 7), id="first core group across Christmas"),
    ],
)
def test_it_gives_every_worked_example_in_timescales(
    calendar_2025_2026, start, working_days, due_on
):
    assert calendar_2025_2026.add_working_days(start, working_days) == due_on
    assert calendar_2025_2026.working_days_between(start, due_on) == working_days


@pytest.mark.parametrize(
    ("start", "working_days", "due_on"),
    [
        pytest.param(D(2025, 8, 22), 1, D(2025, 8, 26), id="Friday before a bank holiday Monday"),
        pytest.param(D(2025, 8, 25), 1, D(2025, 8, 26), id="starts on a bank holiday Monday"),
        pytest.param(D(2026, 4, 3), 1, D(2026, 4, 7), id="starts on Good Friday"),
        pytest.param(D(2026, 5, 2), 1, D(2026, 5, 5), id="starts on a Saturday before a BH"),
        pytest.param(D(2026, 3, 7), 1, D(2026, 3, 9), id="starts on a Saturday"),
        pytest.param(D(2026, 3, 8), 5, D(2026, 3, 13), id="starts on a Sunday"),
        pytest.param(D(2026, 12, 24), 1, D(2026, 12, 29), id="substitute Boxing Day 2026"),
        pytest.param(D(2026, 3, 7), 0, D(2026, 3, 7), id="day 0 is the start, even a Saturday"),
        pytest.param(D(2026, 1, 15), -10, D(2025, 12, 31), id="10 WD before, across 1 January"),
        pytest.param(D(2026, 4, 7), -1, D(2026, 4, 2), id="1 WD before, across Easter"),
    ],
)
def test_it_counts_from_the_day_after_the_start(calendar_2025_2026, start, working_days, due_on):
    assert calendar_2025_2026.add_working_days(start, working_days) == due_on


def test_it_treats_weekends_bank_holidays_and_other_listed_days_as_non_working():
    calendar = WorkingDayCalendar(frozenset({D(2026, 3, 11)}))
    assert calendar.is_working_day(D(2026, 3, 10))
    assert not calendar.is_working_day(D(2026, 3, 11))
    assert not calendar.is_working_day(D(2026, 3, 14))  # Saturday
    assert not calendar.is_working_day(D(2026, 3, 15))  # Sunday
    assert calendar.add_working_days(D(2026, 3, 10), 1) == D(2026, 3, 12)


def test_it_gives_the_next_working_day_strictly_after(calendar_2025_2026):
    assert calendar_2025_2026.next_working_day(D(2026, 4, 2)) == D(2026, 4, 7)
    assert calendar_2025_2026.next_working_day(D(2026, 4, 7)) == D(2026, 4, 8)


def test_it_rolls_a_non_working_day_forward_only_when_asked(calendar_2025_2026):
    assert calendar_2025_2026.working_day_on_or_after(D(2026, 12, 26)) == D(2026, 12, 29)
    assert calendar_2025_2026.working_day_on_or_after(D(2026, 12, 29)) == D(2026, 12, 29)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2026, 3, 9), D(2026, 3, 9), 0),
        (D(2026, 3, 9), D(2026, 3, 10), 1),
        (D(2026, 3, 13), D(2026, 3, 16), 1),  # Friday to Monday
        (D(2026, 3, 14), D(2026, 3, 15), 0),  # Saturday to Sunday
        (D(2026, 4, 2), D(2026, 4, 6), 0),  # Thursday to Easter Monday
        (D(2025, 12, 19), D(2026, 1, 14), 15),
        (D(2025, 1, 1), D(2025, 12, 31), 253),  # 261 weekdays less 8 bank holidays
    ],
)
def test_it_counts_working_days_between_two_dates_either_way(
    calendar_2025_2026, start, end, expected
):
    assert calendar_2025_2026.working_days_between(start, end) == expected
    assert calendar_2025_2026.working_days_between(end, start) == -expected


def test_it_agrees_with_itself_for_every_start_day_of_a_year(calendar_2025_2026):
    start = D(2025, 3, 1)
    for offset in range(365):
        day = start + dt.timedelta(days=offset)
        for working_days in (0, 1, 5, 15, 45):
            due_on = calendar_2025_2026.add_working_days(day, working_days)
            assert calendar_2025_2026.is_working_day(due_on) or working_days == 0
            assert calendar_2025_2026.working_days_between(day, due_on) == working_days


def test_it_refuses_days_outside_the_years_it_covers(calendar_2025_2026):
    with pytest.raises(OutsideCalendar):
        calendar_2025_2026.is_working_day(D(2027, 1, 4))
    with pytest.raises(OutsideCalendar):
        calendar_2025_2026.add_working_days(D(2026, 12, 30), 5)
    with pytest.raises(OutsideCalendar):
        calendar_2025_2026.working_days_between(D(2024, 12, 30), D(2025, 1, 2))


def test_a_calendar_without_limits_covers_every_day():
    calendar = WorkingDayCalendar(frozenset())
    assert calendar.add_working_days(D(1999, 12, 31), 1) == D(2000, 1, 3)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        pytest.param(D(2025, 8, 31), 6, D(2026, 2, 28), id="31 Aug + 6 months, non-leap"),
        pytest.param(D(2027, 8, 31), 6, D(2028, 2, 29), id="31 Aug + 6 months, leap"),
        pytest.param(D(2028, 2, 29), 12, D(2029, 2, 28), id="29 Feb + 12 months"),
        pytest.param(D(2028, 2, 29), 48, D(2032, 2, 29), id="29 Feb + 4 years"),
        pytest.param(D(2028, 1, 31), 1, D(2028, 2, 29), id="31 Jan + 1 month, leap"),
        pytest.param(D(2027, 1, 31), 1, D(2027, 2, 28), id="31 Jan + 1 month, non-leap"),
        pytest.param(D(2026, 3, 31), 1, D(2026, 4, 30), id="31 Mar + 1 month"),
        pytest.param(D(2025, 11, 15), 3, D(2026, 2, 15), id="across a year end"),
        pytest.param(D(2026, 3, 31), -1, D(2026, 2, 28), id="backwards"),
        pytest.param(D(2026, 1, 15), -13, D(2024, 12, 15), id="backwards across years"),
        pytest.param(D(2026, 5, 9), 0, D(2026, 5, 9), id="zero months"),
    ],
)
def test_it_adds_calendar_months_clamping_to_the_month_end(start, months, expected):
    assert rules.add_months(start, months) == expected
    assert WorkingDayCalendar(frozenset()).add_months(start, months) == expected


def test_it_adds_weeks_and_days_as_calendar_days():
    assert rules.add_weeks(D(2026, 1, 1), 26) == D(2026, 7, 2)  # 182 days: care proceedings
    assert rules.add_days(D(2026, 12, 24), 10) == D(2027, 1, 3)  # weekends and BHs count


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        pytest.param(
            dt.datetime(2026, 3, 27, 12, 0, tzinfo=LONDON),
            dt.datetime(2026, 3, 30, 13, 0, tzinfo=LONDON),
            id="clocks go forward on Sunday 29 March 2026",
        ),
        pytest.param(
            dt.datetime(2026, 10, 23, 12, 0, tzinfo=LONDON),
            dt.datetime(2026, 10, 26, 11, 0, tzinfo=LONDON),
            id="clocks go back on Sunday 25 October 2026",
        ),
        pytest.param(
            dt.datetime(2026, 6, 5, 17, 30, tzinfo=LONDON),
            dt.datetime(2026, 6, 8, 17, 30, tzinfo=LONDON),
            id="no change of clocks; weekend counts",
        ),
        pytest.param(
            dt.datetime(2026, 3, 28, 9, 0, tzinfo=dt.UTC),
            dt.datetime(2026, 3, 31, 10, 0, tzinfo=LONDON),
            id="a UTC start comes back in London time",
        ),
    ],
)
def test_it_adds_72_real_hours_across_a_change_of_clocks(start, expected):
    due_at = rules.add_hours(start, 72)
    assert due_at == expected
    assert due_at.utcoffset() == expected.utcoffset()
    assert due_at.astimezone(dt.UTC) - start.astimezone(dt.UTC) == dt.timedelta(hours=72)
    assert due_at.tzinfo == LONDON


def test_it_refuses_hours_from_a_time_without_a_time_zone():
    with pytest.raises(ValueError, match="time-zone-aware"):
        rules.add_hours(dt.datetime(2026, 3, 27, 12, 0), 72)


def test_the_calendar_is_immutable(calendar_2025_2026):
    with pytest.raises(AttributeError):
        calendar_2025_2026.non_working_days = frozenset()
