import datetime as dt

import pytest
from django.db import connection, transaction

from hearth.workingdays import selectors, services
from hearth.workingdays.models import BankHoliday, LocalClosureDay
from hearth.workingdays.rules import OutsideCalendar

D = dt.date
pytestmark = pytest.mark.django_db


def test_it_uses_the_holidays_package_when_nothing_has_been_loaded():
    assert not BankHoliday.objects.exists()
    calendar = selectors.current_calendar()
    assert calendar.add_working_days(D(2025, 12, 19), 15) == D(2026, 1, 14)
    assert calendar.add_working_days(D(2026, 3, 2), 45) == D(2026, 5, 7)
    assert not calendar.is_working_day(D(2022, 9, 19))


def test_it_covers_2000_to_2040_and_no_further():
    calendar = selectors.current_calendar()
    assert calendar.covers(D(2000, 1, 1)) and calendar.covers(D(2040, 12, 31))
    with pytest.raises(OutsideCalendar):
        calendar.is_working_day(D(2041, 1, 2))


def test_it_takes_only_the_years_not_loaded_from_the_package():
    BankHoliday.objects.create(date=D(2026, 6, 1), title="Made-up day", source="manual")
    entries = selectors.bank_holiday_list_for_years(2026, 2027)
    in_2026 = [e for e in entries if e.date.year == 2026]
    assert [(e.date, e.loaded) for e in in_2026] == [(D(2026, 6, 1), True)]
    assert all(not e.loaded for e in entries if e.date.year == 2027)
    assert D(2027, 12, 27) in {e.date for e in entries}


def test_it_includes_local_closure_days(admin_sam):
    LocalClosureDay.objects.create(
        date=D(2026, 1, 2), reason="Snow", added_by=admin_sam, added_at=dt.datetime.now(dt.UTC)
    )
    calendar = selectors.calendar_for(2025, 2026)
    assert not calendar.is_working_day(D(2026, 1, 2))
    assert calendar.add_working_days(D(2025, 12, 19), 15) == D(2026, 1, 15)


def test_it_finds_the_bank_holiday_on_a_day():
    assert selectors.bank_holiday_on(D(2026, 12, 28)).title == "Boxing Day (observed)"
    assert selectors.bank_holiday_on(D(2026, 12, 29)) is None


def test_it_lists_closure_days_from_a_date(admin_sam):
    for day in (D(2025, 12, 1), D(2026, 2, 2)):
        LocalClosureDay.objects.create(
            date=day, reason="Flood", added_by=admin_sam, added_at=dt.datetime.now(dt.UTC)
        )
    assert [c.date for c in selectors.closure_day_list(on_or_after=D(2026, 1, 1))] == [
        D(2026, 2, 2)
    ]
    assert selectors.closure_day_list().count() == 2


def test_inside_a_transaction_it_uses_the_cache_until_the_transaction_changes_a_day(
    admin_sam, django_assert_num_queries
):
    assert connection.in_atomic_block  # pytest-django wraps each test in one
    with django_assert_num_queries(2):
        first = selectors.calendar_for(2025, 2026)
    with django_assert_num_queries(0):
        assert selectors.calendar_for(2025, 2026) is first
    services.closure_day_add(actor=admin_sam, date=D(2026, 1, 2), reason="Snow")
    with django_assert_num_queries(2):
        assert not selectors.calendar_for(2025, 2026).is_working_day(D(2026, 1, 2))
    with django_assert_num_queries(2):  # still uncommitted: never cached
        selectors.calendar_for(2025, 2026)


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_never_reaches_the_cache(admin_sam):
    with transaction.atomic():
        services.closure_day_add(actor=admin_sam, date=D(2026, 1, 2), reason="Snow")
        assert not selectors.calendar_for(2025, 2026).is_working_day(D(2026, 1, 2))
        transaction.set_rollback(True)
    with transaction.atomic():
        assert selectors.calendar_for(2025, 2026).is_working_day(D(2026, 1, 2))
    assert selectors.calendar_for(2025, 2026).is_working_day(D(2026, 1, 2))


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_it_caches_until_a_change_is_committed(
    admin_sam, django_assert_num_queries
):
    services.bank_holidays_load(years=[2025, 2026])
    first = selectors.calendar_for(2025, 2026)
    with django_assert_num_queries(0):
        assert selectors.calendar_for(2025, 2026) is first
    services.closure_day_add(actor=admin_sam, date=D(2026, 1, 2), reason="Snow")
    with django_assert_num_queries(2):
        changed = selectors.calendar_for(2025, 2026)
    assert not changed.is_working_day(D(2026, 1, 2))


@pytest.mark.django_db(transaction=True)
def test_it_rebuilds_a_calendar_older_than_the_maximum_age(monkeypatch, django_assert_num_queries):
    selectors.calendar_for(2025, 2026)
    later = selectors._seconds() + selectors.CALENDAR_MAX_AGE_SECONDS + 1
    monkeypatch.setattr(selectors, "_seconds", lambda: later)
    with django_assert_num_queries(2):
        selectors.calendar_for(2025, 2026)
