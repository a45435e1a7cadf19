"""A check whose outcome each test writes, made of the validator's own Failure and Outcome."""

from hearth.returns.cin.validation import Failure, Outcome


class FakeCheck:
    def __init__(self):
        self.failures: list[Failure] = []
        self.year = "2025 to 2026"
        self.calls = []

    def __call__(self, as_at):
        self.calls.append(as_at)
        return self.year, Outcome(failures=list(self.failures), rules_run=3, crashed={})


def failure(code: str, child_id: str, *, value: str = "x", table: str = "ChildIdentifiers",
            column: str = "UPN", row: int = 0, message: str = "") -> Failure:
    return Failure(code, message or f"Rule {code} is broken", child_id, table, (column,), row,
                   (value,))


def whole_return(code: str) -> Failure:
    return Failure(code, f"Rule {code} about the whole return", "")
