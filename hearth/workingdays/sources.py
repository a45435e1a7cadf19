"""Where the list of bank holidays in England and Wales comes from. No network calls.

- The maintained `holidays` package (the default): it knows substitute days (28 December 2026)
  and the one-off days proclaimed so far (19 September 2022, 8 May 2023), but only those that
  were known when the installed version was released.
- The GOV.UK list (https://www.gov.uk/bank-holidays.json), downloaded by a person and passed to
  the load command as a file, for a one-off day announced after the package was released.

Both give weekdays only, as the GOV.UK list does: a holiday that falls on a weekend is replaced
by its substitute day, and the weekend is not a working day anyway.
"""

import datetime as dt
from collections.abc import Iterable

import holidays

GOV_UK_DIVISION = "england-and-wales"


def bank_holidays_from_package(years: Iterable[int]) -> dict[dt.date, str]:
    listed = holidays.country_holidays("GB", subdiv="ENG", years=list(years))
    return {day: title for day, title in sorted(listed.items()) if day.weekday() < 5}


def bank_holidays_from_gov_uk_json(published: dict) -> dict[dt.date, str]:
    """The England and Wales events from the parsed GOV.UK bank-holidays.json."""
    try:
        events = published[GOV_UK_DIVISION]["events"]
        listed = {dt.date.fromisoformat(e["date"]): e["title"] for e in events}
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"Not a GOV.UK bank holidays list: {error!r}") from error
    return {day: title for day, title in sorted(listed.items()) if day.weekday() < 5}
