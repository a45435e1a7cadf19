"""Pure rules of data quality: which collection year a date falls in, an issue's identity
across runs, and when an issue on My work is due. No ORM, no clock."""

import datetime as dt
import hashlib
import json

# A local default (the sources give none): an issue found is due for correction within five
# working days, so it shows on My work as "on track" first and "overdue" after a week.
FIX_WITHIN_WORKING_DAYS = 5


def collection_start_year(on: dt.date) -> int:
    """The start year of the collection year (1 April to 31 March) that `on` falls in."""
    return on.year if on.month >= 4 else on.year - 1


def year_to_check(on: dt.date, supported: list[int]) -> int:
    """The collection year to check on `on`: the current one if Hearth has its layout, else the
    latest one before it that it has (the return last due), else the earliest it has."""
    if not supported:
        raise ValueError("no collection years are supported")
    current = collection_start_year(on)
    earlier = [year for year in supported if year <= current]
    return max(earlier) if earlier else min(supported)


def fingerprint(*, check_code: str, collection_year: str, rule_code: str, la_child_id: str,
                table: str, columns: tuple[str, ...], values: tuple[str, ...]) -> str:
    """An issue's identity: the same rule failing for the same child at the same place with the
    same values is the same issue in every run (so an explanation stays with it). Changing the
    value makes it a new issue: an explanation was about what it explained."""
    key = json.dumps([check_code, collection_year, rule_code, la_child_id, table,
                      list(columns), list(values)], ensure_ascii=False)
    return hashlib.sha256(key.encode()).hexdigest()


def issue_due_on(found_on: dt.date, calendar) -> dt.date:
    return calendar.add_working_days(found_on, FIX_WITHIN_WORKING_DAYS)
