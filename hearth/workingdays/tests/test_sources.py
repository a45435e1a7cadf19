import datetime as dt

import pytest

from hearth.workingdays.sources import bank_holidays_from_gov_uk_json, bank_holidays_from_package
from hearth.workingdays.tests.conftest import TIMESCALES_BANK_HOLIDAYS, timescales_dates

D = dt.date


@pytest.mark.parametrize("year", sorted(TIMESCALES_BANK_HOLIDAYS))
def test_the_holidays_package_gives_exactly_the_timescales_table(year):
    expected = {day for day in timescales_dates() if day.year == year}
    assert set(bank_holidays_from_package([year])) == expected


@pytest.mark.parametrize(
    "day",
    [
        pytest.param(D(2022, 9, 19), id="State Funeral of Queen Elizabeth II"),
        pytest.param(D(2023, 5, 8), id="Coronation of King Charles III"),
        pytest.param(D(2026, 12, 28), id="substitute for Boxing Day"),
        pytest.param(D(2022, 12, 27), id="substitute for Christmas Day"),
    ],
)
def test_the_holidays_package_knows_one_off_and_substitute_days(day):
    assert day in bank_holidays_from_package([day.year])


def test_it_leaves_out_holidays_that_fall_at_a_weekend():
    listed = bank_holidays_from_package([2026])
    assert D(2026, 12, 26) not in listed  # Saturday; replaced by Monday 28 December
    assert all(day.weekday() < 5 for day in listed)


def test_it_reads_the_england_and_wales_part_of_the_gov_uk_list():
    published = {
        "england-and-wales": {
            "division": "england-and-wales",
            "events": [
                {"title": "Boxing Day", "date": "2026-12-28", "notes": "Substitute day"},
                {"title": "Christmas Day", "date": "2026-12-25", "notes": ""},
            ],
        },
        "scotland": {"division": "scotland", "events": [{"title": "x", "date": "2026-01-02"}]},
    }
    assert bank_holidays_from_gov_uk_json(published) == {
        D(2026, 12, 25): "Christmas Day",
        D(2026, 12, 28): "Boxing Day",
    }


def test_it_refuses_something_that_is_not_the_gov_uk_list():
    with pytest.raises(ValueError, match="Not a GOV.UK bank holidays list"):
        bank_holidays_from_gov_uk_json({"scotland": {"events": []}})
