"""Runs the DfE's children in need census rules, as Data to Insight's csc-validator-be-cin
implements them, on the tables Hearth built, in the same process.

Hearth keeps no copy of the rules: the validator's registry for the year is run as it is, and
its findings are turned into `Failure`s naming the rule, its message, the child and the place.
A rule that crashes inside the validator is caught by it and printed; those prints are captured
here and reported as `crashed` (rule 8898 is known to crash whenever it would fire).
"""

import contextlib
import io
import re
import warnings
from dataclasses import dataclass

import pandas as pd
from cin_validator.cin_validator import CinValidator, process_data
from cin_validator.rule_engine import CINTable
from cin_validator.rules.ruleset_utils import get_year_ruleset

CRASH = re.compile(r"^Error with rule (\S+): (.*)$")


@dataclass(frozen=True)
class Failure:
    rule_code: str
    message: str
    child_id: str  # LAchildID; "" for a rule about the whole return
    table: str = ""
    columns: tuple[str, ...] = ()
    row: int | None = None
    values: tuple[str, ...] = ()

    @property
    def is_query(self) -> bool:
        """A query (its code ends in Q) may stand with an explanation; an error may not."""
        return self.rule_code.endswith("Q")

    @property
    def kind(self) -> str:
        return "Query" if self.is_query else "Error"


@dataclass
class Outcome:
    failures: list[Failure]
    rules_run: int
    crashed: dict[str, str]

    @property
    def errors(self) -> list[Failure]:
        return [f for f in self.failures if not f.is_query]

    @property
    def queries(self) -> list[Failure]:
        return [f for f in self.failures if f.is_query]

    def by_rule(self) -> dict[str, list[Failure]]:
        grouped: dict[str, list[Failure]] = {}
        for failure in self.failures:
            grouped.setdefault(failure.rule_code, []).append(failure)
        return dict(sorted(grouped.items(), key=lambda item: _rule_sort_key(item[0])))


def ruleset(ruleset_year: str) -> dict:
    return get_year_ruleset(ruleset_year)


def _counting(rules, progress) -> list:
    """The rules to run, calling `progress(done, total)` as each one starts and at the end."""
    rules = list(rules)

    def each():
        for done, rule in enumerate(rules):
            progress(done, len(rules))
            yield rule
        progress(len(rules), len(rules))

    return each()


class _CountedValidator(CinValidator):
    """The validator as it is, reporting each rule it starts (for a job's progress)."""

    progress = None

    def get_rules_to_run(self, registry, selected_rules=None):
        rules = super().get_rules_to_run(registry, selected_rules)
        return _counting(rules, self.progress) if self.progress else rules


def run(tables: dict[str, pd.DataFrame], ruleset_year: str,
        selected_rules: list[str] | None = None, progress=None) -> Outcome:
    """`progress(done, total)`, when given, is called as each rule starts."""
    registry = ruleset(ruleset_year)
    # Only the tables the installed validator knows (0.1.13 has no PreProceedings table).
    tables = {name: frame for name, frame in tables.items() if name in CINTable.__members__}
    raw = {name: frame.copy() for name, frame in tables.items()}
    printed = io.StringIO()
    # pandas 1.5 warns of its own future changes from inside the rules: not ours to act on.
    with contextlib.redirect_stdout(printed), warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        validator_class = type("Counted", (_CountedValidator,), {"progress": staticmethod(
            progress)}) if progress else CinValidator
        validator = validator_class(process_data({k: v.copy() for k, v in tables.items()}),
                                 registry, selected_rules=selected_rules)
    crashed = {m.group(1): m.group(2) for line in printed.getvalue().splitlines()
               if (m := CRASH.match(line))}
    failures = _child_failures(validator.full_issue_df, raw)
    failures += _return_failures(validator.multichild_issues)
    failures.sort(key=lambda f: (_rule_sort_key(f.rule_code), f.child_id, f.table,
                                 f.row if f.row is not None else -1))
    rules_run = len(selected_rules) if selected_rules else len(registry)
    return Outcome(failures=failures, rules_run=rules_run, crashed=crashed)


def _child_failures(issues: pd.DataFrame, raw: dict[str, pd.DataFrame]) -> list[Failure]:
    """One failure per rule, child and row, with every column the rule names there."""
    grouped: dict[tuple, dict] = {}
    for issue in issues.to_dict("records"):
        row = None if pd.isna(issue.get("row_id")) else int(issue["row_id"])
        table = "" if pd.isna(issue.get("tables_affected")) else str(issue["tables_affected"])
        child = issue.get("child_id")
        key = (str(issue["rule_code"]), "" if pd.isna(child) else str(child), table, row)
        entry = grouped.setdefault(key, {"message": str(issue["rule_description"]),
                                         "columns": []})
        column = issue.get("columns_affected")
        if not pd.isna(column) and column not in entry["columns"]:
            entry["columns"].append(str(column))
    failures = []
    for (code, child, table, row), entry in grouped.items():
        values = tuple(_value(raw, table, column, row) for column in entry["columns"])
        failures.append(Failure(code, entry["message"].strip(), child, table,
                                tuple(entry["columns"]), row, values))
    return failures


def _return_failures(issues: pd.DataFrame) -> list[Failure]:
    seen, failures = set(), []
    for issue in issues.to_dict("records") if len(issues) else []:
        code = str(issue["rule_code"])
        if code not in seen:
            seen.add(code)
            failures.append(Failure(code, str(issue["rule_description"]).strip(), ""))
    return failures


def _value(raw: dict[str, pd.DataFrame], table: str, column: str, row: int | None) -> str:
    frame = raw.get(table)
    if frame is None or row is None or column not in frame.columns or row >= len(frame):
        return ""
    value = frame[column].iloc[row]
    if isinstance(value, list):
        return " ".join(map(str, value))
    return "" if value is None or value is pd.NA or (isinstance(value, float) and
                                                     pd.isna(value)) else str(value)


def _rule_sort_key(code: str) -> tuple[int, str]:
    digits = "".join(ch for ch in code if ch.isdigit())
    return (int(digits) if digits else 0, code)
