import datetime as dt

import pytest
import time_machine

from hearth.core.errors import DomainError
from hearth.core.models import AuditEvent
from hearth.workingdays import selectors, services
from hearth.workingdays.models import BankHoliday, LocalClosureDay
from hearth.workingdays.sources import bank_holidays_from_package

D = dt.date
pytestmark = pytest.mark.django_db


def test_it_loads_bank_holidays_and_audits_each_one():
    added = services.bank_holidays_load(years=[2025, 2026])
    assert [h.date for h in added] == sorted(bank_holidays_from_package([2025, 2026]))
    assert BankHoliday.objects.filter(source="holidays_package").count() == 16
    events = AuditEvent.objects.filter(event_code="BANK_HOLIDAY_ADDED")
    assert events.count() == 16
    boxing_day = events.get(detail__date="2026-12-28")
    assert boxing_day.system_job == "load_bank_holidays"
    assert boxing_day.actor is None
    assert boxing_day.target_type == "workingdays.BankHoliday"
    assert boxing_day.detail["title"] == "Boxing Day (observed)"


def test_loading_again_adds_nothing_and_keeps_existing_rows():
    BankHoliday.objects.create(date=D(2026, 12, 25), title="Christmas", source="manual")
    first = services.bank_holidays_load(years=[2026])
    second = services.bank_holidays_load(years=[2026])
    assert len(first) == 7
    assert second == []
    assert BankHoliday.objects.get(date=D(2026, 12, 25)).title == "Christmas"
    assert AuditEvent.objects.filter(event_code="BANK_HOLIDAY_ADDED").count() == 7


def test_it_loads_a_published_list_for_the_years_asked_only():
    published = {D(2026, 12, 28): "Boxing Day", D(2027, 1, 1): "New Year's Day"}
    added = services.bank_holidays_load(years=[2026], published=published, source="gov_uk_list")
    assert [(h.date, h.title, h.source) for h in added] == [
        (D(2026, 12, 28), "Boxing Day", "gov_uk_list")
    ]


def test_it_loads_all_years_from_2000_to_2040_by_default():
    services.bank_holidays_load()
    assert BankHoliday.objects.earliest("date").date == D(2000, 1, 3)
    assert BankHoliday.objects.latest("date").date.year == 2040


def test_it_adds_a_closure_day_and_audits_who_did_it(admin_sam):
    moment = dt.datetime(2026, 1, 2, 8, 15, tzinfo=dt.UTC)
    with time_machine.travel(moment, tick=False):
        closure_day = services.closure_day_add(
            actor=admin_sam, date=D(2026, 1, 2), reason="  Heavy snow  "
        )
    assert closure_day.reason == "Heavy snow"
    assert closure_day.added_by == admin_sam
    assert closure_day.added_at == moment
    event = AuditEvent.objects.get(event_code="CLOSURE_DAY_ADDED")
    assert event.actor == admin_sam
    assert event.target_id == str(closure_day.pk)
    assert event.detail == {"date": "2026-01-02", "reason": "Heavy snow"}


def test_a_closure_day_moves_a_due_date_and_removing_it_moves_it_back(admin_sam):
    services.bank_holidays_load(years=[2025, 2026])
    assert selectors.current_calendar().add_working_days(D(2025, 12, 19), 15) == D(2026, 1, 14)

    closure_day = services.closure_day_add(actor=admin_sam, date=D(2026, 1, 2), reason="Snow")
    assert selectors.current_calendar().add_working_days(D(2025, 12, 19), 15) == D(2026, 1, 15)

    services.closure_day_remove(actor=admin_sam, closure_day=closure_day)
    assert selectors.current_calendar().add_working_days(D(2025, 12, 19), 15) == D(2026, 1, 14)


def test_it_removes_a_closure_day_and_audits_it(admin_sam):
    closure_day = services.closure_day_add(actor=admin_sam, date=D(2026, 3, 4), reason="Strike")
    pk = closure_day.pk
    services.closure_day_remove(actor=admin_sam, closure_day=closure_day)
    assert not LocalClosureDay.objects.exists()
    event = AuditEvent.objects.get(event_code="CLOSURE_DAY_REMOVED")
    assert event.actor == admin_sam
    assert event.target_id == str(pk)
    assert event.detail == {"date": "2026-03-04", "reason": "Strike"}


@pytest.mark.parametrize(
    ("day", "reason", "field", "message"),
    [
        (D(2026, 3, 7), "Snow", "date", "7 March 2026 is a Saturday: a closure day"),
        (D(2026, 3, 8), "Snow", "date", "8 March 2026 is a Sunday: a closure day"),
        (D(2026, 12, 28), "Snow", "date", "28 December 2026 is already a bank holiday"),
        (D(2026, 4, 3), "Snow", "date", "3 April 2026 is already a bank holiday: Good Friday"),
        (None, "Snow", "date", "Enter the date of the closure day"),
        (D(2041, 1, 2), "Snow", "date", "Enter a date between 2000 and 2040"),
        (D(2026, 3, 4), "   ", "reason", "Enter why the offices are closed"),
        (D(2026, 3, 4), "x" * 201, "reason", "The reason must be 200 characters or fewer"),
    ],
)
def test_it_refuses_a_closure_day_that_breaks_a_rule(admin_sam, day, reason, field, message):
    with pytest.raises(DomainError) as raised:
        services.closure_day_add(actor=admin_sam, date=day, reason=reason)
    assert raised.value.field == field
    assert raised.value.message.startswith(message)
    assert not LocalClosureDay.objects.exists()
    assert not AuditEvent.objects.filter(event_code="CLOSURE_DAY_ADDED").exists()


def test_it_refuses_a_loaded_bank_holiday_as_a_closure_day(admin_sam):
    BankHoliday.objects.create(date=D(2026, 6, 1), title="Made-up holiday", source="manual")
    with pytest.raises(DomainError, match="already a bank holiday: Made-up holiday"):
        services.closure_day_add(actor=admin_sam, date=D(2026, 6, 1), reason="Snow")


def test_it_refuses_the_same_closure_day_twice(admin_sam):
    services.closure_day_add(actor=admin_sam, date=D(2026, 3, 4), reason="Snow")
    with pytest.raises(DomainError, match="4 March 2026 is already a closure day"):
        services.closure_day_add(actor=admin_sam, date=D(2026, 3, 4), reason="More snow")
    assert LocalClosureDay.objects.count() == 1
