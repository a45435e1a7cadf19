"""Reporting periods: calendar months and the council's financial-year quarters (April to
March), which is how the scorecard counts (KPIS.md §16.3: "2023-24 Qtr. 1 outturn")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTH, QUARTER = "month", "quarter"
_QUARTER_LABEL = re.compile(r"^(\d{4})-(\d{2}) Q([1-4])$")


@dataclass(frozen=True, order=True)
class Period:
    start: dt.date
    kind: str

    @property
    def end(self) -> dt.date:
        months = 1 if self.kind == MONTH else 3
        return _first_of_month(self.start, months) - dt.timedelta(days=1)

    @property
    def financial_year(self) -> int:
        """The year the financial year starts in: 2023 for 2023-24."""
        return self.start.year if self.start.month >= 4 else self.start.year - 1

    @property
    def number(self) -> int:
        """The quarter's number in its financial year (1 = April to June)."""
        return (self.start.month - 4) % 12 // 3 + 1

    @property
    def label(self) -> str:
        if self.kind == MONTH:
            return self.start.strftime("%B %Y")
        return f"{year_label(self.financial_year)} Q{self.number}"

    @property
    def slug(self) -> str:
        return (self.start.strftime("%Y-%m") if self.kind == MONTH
                else f"{self.financial_year}-q{self.number}")

    def previous(self) -> Period:
        months = 1 if self.kind == MONTH else 3
        return Period(_first_of_month(self.start, -months), self.kind)

    def a_year_before(self) -> Period:
        return Period(self.start.replace(year=self.start.year - 1), self.kind)

    def months(self) -> list[Period]:
        if self.kind == MONTH:
            return [self]
        return [Period(_first_of_month(self.start, i), MONTH) for i in range(3)]

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def year_label(financial_year: int) -> str:
    return f"{financial_year}-{(financial_year + 1) % 100:02d}"


def quarter(financial_year: int, number: int) -> Period:
    if not 1 <= number <= 4:
        raise ValueError("A quarter is numbered 1 to 4")
    return Period(_first_of_month(dt.date(financial_year, 4, 1), 3 * (number - 1)), QUARTER)


def quarter_containing(day: dt.date) -> Period:
    start_month = (day.month - 4) % 12 // 3 * 3 + 4
    year = day.year if day.month >= 4 else day.year - 1
    return Period(_first_of_month(dt.date(year, 4, 1), start_month - 4), QUARTER)


def month_containing(day: dt.date) -> Period:
    return Period(day.replace(day=1), MONTH)


def parse_slug(slug: str) -> Period:
    """'2023-q3' or '2023-12'; ValueError for anything else."""
    match = re.fullmatch(r"(\d{4})-q([1-4])", slug or "")
    if match:
        return quarter(int(match[1]), int(match[2]))
    match = re.fullmatch(r"(\d{4})-(\d{2})", slug or "")
    if match and 1 <= int(match[2]) <= 12 and 1900 < int(match[1]) < 3000:
        return Period(dt.date(int(match[1]), int(match[2]), 1), MONTH)
    raise ValueError(f"Not a period: {slug!r}")


def parse_quarter_label(label: str) -> Period:
    """'2023-24 Q3', as the scorecard prints it."""
    match = _QUARTER_LABEL.fullmatch(label.strip())
    if not match or (int(match[1]) + 1) % 100 != int(match[2]):
        raise ValueError(f"Not a quarter: {label!r}")
    return quarter(int(match[1]), int(match[3]))


def scorecard_quarters(current: Period) -> list[Period]:
    """The eight quarters the scorecard shows: the previous financial year and this one."""
    year = current.financial_year
    return [quarter(y, n) for y in (year - 1, year) for n in (1, 2, 3, 4)]


def months_between(first: dt.date, last: dt.date) -> list[Period]:
    periods, start = [], first.replace(day=1)
    while start <= last:
        periods.append(Period(start, MONTH))
        start = _first_of_month(start, 1)
    return periods


def quarters_between(first: dt.date, last: dt.date) -> list[Period]:
    periods, current = [], quarter_containing(first)
    while current.start <= last:
        periods.append(current)
        current = Period(_first_of_month(current.start, 3), QUARTER)
    return periods


def _first_of_month(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)
