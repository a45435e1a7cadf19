"""The SSDA903 children looked after return, one module per collection year (y2025_26.py, ...).

`for_year(start_year)` gives the year's module: its tables and columns, code lists, mapping and
the validator ruleset that checks it. A year Hearth has no module for is refused, not guessed.
"""

from types import ModuleType

from hearth.returns.cin import UnsupportedYear
from hearth.returns.ssda903 import y2025_26, y2026_27

YEARS: dict[int, ModuleType] = {m.START_YEAR: m for m in (y2025_26, y2026_27)}

__all__ = ["YEARS", "UnsupportedYear", "for_year", "supported_years"]


def for_year(start_year: int) -> ModuleType:
    try:
        return YEARS[start_year]
    except KeyError:
        supported = ", ".join(f"{y} ({m.LABEL})" for y, m in sorted(YEARS.items()))
        raise UnsupportedYear(
            f"Hearth has no SSDA903 layout for the collection year starting 1 April "
            f"{start_year}. It has: {supported}.") from None


def supported_years() -> list[int]:
    return sorted(YEARS)
