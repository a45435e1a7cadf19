"""Runs the DfE's SSDA903 rules, as Data to Insight's csc-validator-be-903 implements them, on
the tables Hearth built, in the same process.

Hearth keeps no copy of the rules. The validator's `LacValidator` reads uploaded files and then
validates; here its reading step is skipped (`_OnTables`) and its own `validate` runs on the
tables from hearth.returns.ssda903.tables, last year's with the `_last` suffix, with the same
metadata its reader adds (file format csv). Its findings (a boolean `ERR_<code>` column per
rule on each table) become the `Failure`s of the children in need census, so the pages and
commands show both returns alike. A rule that crashes inside the validator is reported as
`crashed` (0.1.17: rule 233 always does; RETURNS.md section 5.3).
"""

import contextlib
import io
import logging

import pandas as pd

from hearth.returns.cin.validation import Failure, Outcome

__all__ = ["Failure", "Outcome", "run", "ruleset"]


def _quiet():
    # The package calls logging.basicConfig(INFO) on import and logs every rule.
    logging.getLogger("lac_validator").setLevel(logging.WARNING)


def ruleset(ruleset_year: str) -> dict:
    from lac_validator.rules.ruleset_utils import get_year_ruleset

    _quiet()
    return get_year_ruleset(ruleset_year)


class _Counted(dict):
    """The rules to run ({code: rule}), calling `progress(done, total)` as each one starts."""

    def __init__(self, rules, progress):
        super().__init__(rules)
        self.progress = progress

    def items(self):
        rules = list(super().items())
        for done, item in enumerate(rules):
            self.progress(done, len(rules))
            yield item
        self.progress(len(rules), len(rules))


def _validator_class(progress=None):
    from lac_validator.lac_validator import LacValidator

    class _OnTables(LacValidator):
        """LacValidator without its file reader: the tables are given."""

        def __init__(self, metadata, dfs, registry, selected_rules=None):
            self.dfs, self.dones, self.skips, self.fails = dfs, [], [], []
            self.registry, self.metadata = registry, metadata
            self.validate(selected_rules)

        def get_rules_to_run(self, registry, selected_rules=None):
            rules = super().get_rules_to_run(registry, selected_rules)
            return _Counted(rules, progress) if progress else rules

    return _OnTables


def run(tables: dict[str, pd.DataFrame], ruleset_year: str, *, local_authority: str,
        selected_rules: list[str] | None = None, progress=None) -> Outcome:
    """`tables`: this year's by the validator's names, last year's with `_last` after them.
    `local_authority`: the LA's 9-character ONS code. `progress(done, total)`, when given, is
    called as each rule starts."""
    registry = ruleset(ruleset_year)
    metadata = {"collectionYear": ruleset_year, "localAuthority": local_authority,
                "file_format": "csv"}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), _logging_off():
        validator = _validator_class(progress)(metadata, {k: v.copy() for k, v in tables.items()},
                                       registry, selected_rules)
    failures = _failures(validator.ds_results, registry, tables)
    failures.sort(key=lambda f: (_rule_sort_key(f.rule_code), f.child_id, f.table,
                                 f.row if f.row is not None else -1))
    crashed = {code: "the rule raised an exception inside the validator"
               for code in validator.fails}
    rules_run = len(selected_rules) if selected_rules else len(registry)
    return Outcome(failures=failures, rules_run=rules_run, crashed=crashed)


@contextlib.contextmanager
def _logging_off():
    previous = logging.root.manager.disable
    logging.disable(logging.CRITICAL)
    try:
        yield
    finally:
        logging.disable(previous)


def _failures(results: dict, registry: dict, raw: dict[str, pd.DataFrame]) -> list[Failure]:
    """One failure per rule, table and row, with the values of the columns the rule names."""
    failures = []
    for table, frame in results.items():
        if table == "metadata" or not isinstance(frame, pd.DataFrame):
            continue
        source = raw.get(table)
        for column in [c for c in frame.columns if str(c).startswith("ERR_")]:
            code = column[4:]
            rule = registry.get(code)
            message = rule.message.strip() if rule is not None else code
            fields = tuple(f for f in (rule.affected_fields if rule else ())
                           if source is not None and f in source.columns)
            for row in frame.index[frame[column] == True]:  # noqa: E712  (NaN where unset)
                child = frame.at[row, "CHILD"] if "CHILD" in frame.columns else ""
                values = tuple(_value(source, f, row) for f in fields)
                failures.append(Failure(code, message, "" if pd.isna(child) else str(child),
                                        table, fields, int(row), values))
    return failures


def _value(frame: pd.DataFrame | None, column: str, row: int) -> str:
    if frame is None or row >= len(frame):
        return ""
    value = frame[column].iloc[row]
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _rule_sort_key(code: str) -> tuple[int, str]:
    digits = "".join(ch for ch in code if ch.isdigit())
    return (int(digits) if digits else 0, code)
