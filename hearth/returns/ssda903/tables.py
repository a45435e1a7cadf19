"""The return's rows, written as the DfE's CSV files and made into the validator's tables.

One builder collects every child's rows (the year module's mapping); the same rows are the CSV
files (one per table, exact columns, dd/mm/YYYY dates) and the DataFrames the validator's rules
read. The frames are what the validator's own CSV reader (`lac_validator.ingress
.read_csvs_from_text`) makes of those files: every value a string, upper-cased, a blank as
NaN, and Header given its UASC column from the UASC table. No CSV round trip is needed to
validate, and the file and what the rules check cannot drift apart.
"""

import csv
import io
from collections.abc import Iterable

PREVIOUS = "_last"  # the validator's suffix for last year's tables


class RowBuilder:
    def __init__(self, tables: dict[str, tuple[str, ...]]):
        self.columns = tables
        self.rows: dict[str, list[dict]] = {name: [] for name in tables}

    def add(self, child_rows: dict[str, list[dict]]) -> None:
        for name, rows in child_rows.items():
            if name in self.rows:
                self.rows[name].extend(rows)

    def csv_files(self) -> dict[str, bytes]:
        """{table: the CSV file's bytes}, a header row first."""
        return {name: to_csv(self.columns[name], rows) for name, rows in self.rows.items()}

    def frames(self) -> dict:
        import pandas as pd
        from numpy import nan

        frames = {}
        for name, rows in self.rows.items():
            columns = list(self.columns[name])
            data = [[(str(r.get(c) or "").upper() or nan) for c in columns] for r in rows]
            frames[name] = pd.DataFrame(data, columns=columns, dtype=object)
        if "Header" in frames and "UASC" in frames:
            uasc = set(frames["UASC"]["CHILD"])
            frames["Header"]["UASC"] = ["1" if c in uasc else "0"
                                        for c in frames["Header"]["CHILD"]]
        return frames


def to_csv(columns: Iterable[str], rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")
