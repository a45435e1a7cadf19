"""Writes to the working-day calendar: validated, saved and audited in one transaction.

Each change empties the process's calendar cache when its transaction commits (selectors.py).
"""

import datetime as dt
from collections.abc import Iterable, Mapping

from django.db import IntegrityError, transaction

from hearth.core import clock
from hearth.core.audit import Auditor
from hearth.core.errors import DomainError
from hearth.workingdays import selectors
from hearth.workingdays.models import BankHoliday, LocalClosureDay
from hearth.workingdays.rules import is_weekend
from hearth.workingdays.sources import bank_holidays_from_package

DEFAULT_YEARS = range(selectors.FIRST_YEAR, selectors.LAST_YEAR + 1)
REASON_MAX_LENGTH = LocalClosureDay._meta.get_field("reason").max_length


def bank_holidays_load(
    *,
    system_job: str = "load_bank_holidays",
    years: Iterable[int] = DEFAULT_YEARS,
    published: Mapping[dt.date, str] | None = None,
    source: str = BankHoliday.Source.HOLIDAYS_PACKAGE,
) -> list[BankHoliday]:
    """Add the bank holidays in `years` that the table lacks; running it again adds nothing.

    `published` is a list already read from elsewhere (the GOV.UK file), with its `source`;
    without it the list comes from the `holidays` package. Rows already in the table are left
    as they are, whatever their title or source.
    """
    years = set(years)
    listed = published if published is not None else bank_holidays_from_package(years)
    wanted = {day: title for day, title in listed.items() if day.year in years}
    auditor = Auditor(system_job=system_job)
    selectors.calendar_changing()
    with transaction.atomic():
        existing = set(BankHoliday.objects.filter(date__in=wanted).values_list("date", flat=True))
        added = [
            _bank_holiday_add(auditor, day, title, source)
            for day, title in sorted(wanted.items())
            if day not in existing
        ]
        transaction.on_commit(selectors.forget_calendars)
    return added


def closure_day_add(*, actor, date: dt.date | None, reason: str) -> LocalClosureDay:
    reason = (reason or "").strip()
    _ensure_closure_day_allowed(date, reason)
    selectors.calendar_changing()
    try:
        with transaction.atomic():
            closure_day = LocalClosureDay.objects.create(
                date=date, reason=reason, added_by=actor, added_at=clock.now()
            )
            Auditor(actor).record(
                "CLOSURE_DAY_ADDED", closure_day, detail=_closure_day_detail(closure_day)
            )
            transaction.on_commit(selectors.forget_calendars)
    except IntegrityError:  # someone else added the same day a moment ago
        raise DomainError(f"{_long(date)} is already a closure day", field="date") from None
    return closure_day


def closure_day_remove(*, actor, closure_day: LocalClosureDay) -> None:
    selectors.calendar_changing()
    with transaction.atomic():
        Auditor(actor).record(
            "CLOSURE_DAY_REMOVED", closure_day, detail=_closure_day_detail(closure_day)
        )
        closure_day.delete()
        transaction.on_commit(selectors.forget_calendars)


def _bank_holiday_add(auditor: Auditor, day: dt.date, title: str, source: str) -> BankHoliday:
    holiday = BankHoliday.objects.create(date=day, title=title, source=source)
    auditor.record(
        "BANK_HOLIDAY_ADDED",
        holiday,
        detail={"date": day.isoformat(), "title": title, "source": source},
    )
    return holiday


def _ensure_closure_day_allowed(day: dt.date | None, reason: str) -> None:
    if day is None:
        raise DomainError("Enter the date of the closure day", field="date")
    if not selectors.FIRST_YEAR <= day.year <= selectors.LAST_YEAR:
        raise DomainError(
            f"Enter a date between {selectors.FIRST_YEAR} and {selectors.LAST_YEAR}",
            field="date",
        )
    if is_weekend(day):
        raise DomainError(
            f"{_long(day)} is a {day:%A}: a closure day must be a weekday", field="date"
        )
    if holiday := selectors.bank_holiday_on(day):
        raise DomainError(f"{_long(day)} is already a bank holiday: {holiday.title}", field="date")
    if LocalClosureDay.objects.filter(date=day).exists():
        raise DomainError(f"{_long(day)} is already a closure day", field="date")
    if not reason:
        raise DomainError("Enter why the offices are closed", field="reason")
    if len(reason) > REASON_MAX_LENGTH:
        raise DomainError(
            f"The reason must be {REASON_MAX_LENGTH} characters or fewer", field="reason"
        )


def _closure_day_detail(closure_day: LocalClosureDay) -> dict:
    return {"date": closure_day.date.isoformat(), "reason": closure_day.reason}


def _long(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"
