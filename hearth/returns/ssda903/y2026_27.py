"""The SSDA903 return 2026 to 2027: 2025 to 2026's tables, codes and mapping, plus the new DoLo
table of deprivation of liberty orders (RETURNS.md section 3.3; rules 700 to 710 of the
validator's `lac2026_27` ruleset, registry key "2027")."""

from hearth.returns.ssda903 import y2025_26
from hearth.returns.ssda903.records import ChildFacts, CollectionPeriod
from hearth.returns.ssda903.y2025_26 import (  # noqa: F401  the codes carry on unchanged
    ACTIVITY,
    CATEGORY_OF_NEED,
    DATE_FORMAT,
    IN_TOUCH,
    LEGAL_STATUS,
    MISSING,
    PLACEMENT,
    PLACEMENT_PROVIDER,
    REASON_CEASED,
    REASON_NEW_EPISODE,
    REASON_PLACE_CHANGE,
    REVIEW_CODE,
    SDQ_REASON,
    SEX,
    SW_REASON,
)

START_YEAR = 2026
LABEL = "2026 to 2027"
RULESET = "2027"  # get_year_ruleset("2027") is lac2026_27

TABLES: dict[str, tuple[str, ...]] = {
    **y2025_26.TABLES,
    "DoLo": ("CHILD", "DOB", "DOLO_START", "DOLO_END"),
}
FILES = {**y2025_26.FILES, "DoLo": "dolo.csv"}


def period() -> CollectionPeriod:
    return CollectionPeriod(START_YEAR)


def previous_period() -> CollectionPeriod:
    return CollectionPeriod(START_YEAR - 1)


def previous_tables() -> dict[str, tuple[str, ...]]:
    """Last year's return (2025 to 2026) had no DoLo table."""
    return y2025_26.TABLES


def rows(facts: ChildFacts, census: CollectionPeriod) -> dict[str, list[dict]]:
    out = y2025_26.rows(facts, census)
    child, dob = facts.person.la_child_id or "", y2025_26._date(facts.person.date_of_birth)
    out["DoLo"] = [{"CHILD": child, "DOB": dob, "DOLO_START": y2025_26._date(o.started_on),
                    "DOLO_END": y2025_26._date(o.ended_on if census.contains(o.ended_on)
                                               else None)} for o in facts.dolos]
    return out
