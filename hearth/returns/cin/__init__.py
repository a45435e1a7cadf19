"""The children in need census, one module per collection year (y2025_26.py, ...).

`for_year(start_year)` gives the year's module: its layout, code lists, mapping and the
validator ruleset that checks it. A year Hearth has no module for is refused, not guessed.
"""

from types import ModuleType

from hearth.returns.cin import y2025_26, y2026_27

YEARS: dict[int, ModuleType] = {y2025_26.START_YEAR: y2025_26, y2026_27.START_YEAR: y2026_27}


class UnsupportedYear(LookupError):
    pass


def for_year(start_year: int) -> ModuleType:
    try:
        return YEARS[start_year]
    except KeyError:
        supported = ", ".join(f"{y} ({m.LABEL})" for y, m in sorted(YEARS.items()))
        raise UnsupportedYear(
            f"Hearth has no children in need census layout for the collection year starting "
            f"1 April {start_year}. It has: {supported}.") from None


def supported_years() -> list[int]:
    return sorted(YEARS)


def caveat(start_year: int) -> str:
    """What the installed validator cannot check for the year, or ""."""
    module = for_year(start_year)
    return module.caveat() if hasattr(module, "caveat") else ""
