"""The registry of data-quality checks: each is a statutory return's validation run on what
Hearth would send today. An app that builds a return registers its check in its (or this
app's) `AppConfig.ready()`:

    from hearth.dataquality import checks
    checks.register("903", "SSDA903 return", run)

where `run(as_at: date) -> (collection_year_label, Outcome)` builds the return for the
collection year `as_at` falls in and validates it, giving the validator's `Outcome` (a list of
`Failure`s: rule_code, message, child_id = LAchildID or "" for the whole return, table, columns,
values, is_query). A check that cannot run yet raises `CheckUnavailable` with a message fit to
show (the validator is not installed, the local authority is not set up).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

Run = Callable[[dt.date], tuple[str, object]]


class CheckUnavailable(RuntimeError):
    """The check cannot run now; the message says why and what to do."""


class UnknownCheck(LookupError):
    pass


@dataclass(frozen=True)
class Check:
    code: str
    label: str
    run: Run


_CHECKS: dict[str, Check] = {}


def register(code: str, label: str, run: Run) -> None:
    _CHECKS[code] = Check(code, label, run)


def get(code: str) -> Check:
    try:
        return _CHECKS[code]
    except KeyError:
        known = ", ".join(sorted(_CHECKS)) or "none"
        raise UnknownCheck(f"No data-quality check {code!r}. Known checks: {known}.") from None


def all_checks() -> list[Check]:
    return [_CHECKS[code] for code in sorted(_CHECKS)]


def choices() -> list[tuple[str, str]]:
    return [(c.code, c.label) for c in all_checks()]


def label_of(code: str) -> str:
    check = _CHECKS.get(code)
    return check.label if check else code
