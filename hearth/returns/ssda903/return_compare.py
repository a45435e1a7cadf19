"""Compares two SSDA903 returns table by table, child by child (the import's round trip).

`differences(a, b)` takes two returns as {file name: CSV bytes or text} (a folder's files, or
an export's) and lists every row of the chosen tables that is in one and not the other, by
child. The tables are recognised by their columns, as the importer recognises them.
"""

import csv
import io
from collections import Counter, defaultdict

from hearth.returns.ssda903.y2025_26_import import table_of

COMPARED = ("Header", "Episodes", "Reviews", "Missing")


def rows_by_child(files: dict[str, bytes | str], tables=COMPARED) -> dict[str, dict]:
    """{table: {CHILD: Counter of rows (tuples in column order)}}."""
    out: dict[str, dict] = {name: defaultdict(Counter) for name in tables}
    for data in files.values():
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
        reader = csv.reader(io.StringIO(text))
        header = next(reader, [])
        name = table_of(header)
        if name not in out:
            continue
        for values in reader:
            if any(v.strip() for v in values):
                row = dict(zip(header, (v.strip() for v in values), strict=False))
                out[name][row["CHILD"]][tuple(row[c] for c in sorted(header))] += 1
    return out


def differences(a: dict[str, bytes | str], b: dict[str, bytes | str],
                tables=COMPARED) -> list[str]:
    first, second = rows_by_child(a, tables), rows_by_child(b, tables)
    found = []
    for name in tables:
        for child in sorted(set(first[name]) | set(second[name])):
            only_a = first[name][child] - second[name][child]
            only_b = second[name][child] - first[name][child]
            found += [f"{name} {child}: only in the first: {row}" for row in only_a]
            found += [f"{name} {child}: only in the second: {row}" for row in only_b]
    return found


def by_kind(found: list[str]) -> Counter:
    """How many differences each table has (for the measurement)."""
    return Counter(line.split(" ", 1)[0] for line in found)
