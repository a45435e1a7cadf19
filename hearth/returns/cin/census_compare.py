"""Compares two children in need census files fact by fact, child by child (the header, which
names the software, serial number and time, is not a fact about children).

    differences(first_xml, second_xml) -> ["HC0000012: CINdetails[1].Assessments[0]...", ...]

Used by the round-trip test of the importer and to measure it on a synthetic authority.
"""

from hearth.returns.cin.census_read import Node, parse_bytes


def facts(node: Node):
    """An element as plain values: its text, or its children by name (a list when repeated)."""
    if not node.children:
        return node.text
    grouped: dict[str, list] = {}
    for child in node.children:
        grouped.setdefault(child.tag, []).append(facts(child))
    return {name: values[0] if len(values) == 1 and name not in _LISTS else values
            for name, values in grouped.items()}


_LISTS = {"CINdetails", "Assessments", "CINPlanDates", "Section47", "ChildProtectionPlans",
          "Disability", "AssessmentFactors", "CPPreviewDate"}


def children(data: bytes) -> dict[str, dict]:
    root = parse_bytes(data)
    found = root.first("Children")
    out = {}
    for child in found.all("Child") if found is not None else []:
        values = facts(child)
        out[values.get("ChildIdentifiers", {}).get("LAchildID", f"line {child.line}")] = values
    return out


def differences(first: bytes, second: bytes) -> list[str]:
    a, b = children(first), children(second)
    found = [f"{key}: only in the first file" for key in sorted(set(a) - set(b))]
    found += [f"{key}: only in the second file" for key in sorted(set(b) - set(a))]
    for key in sorted(set(a) & set(b)):
        found += [f"{key}: {d}" for d in _diff(a[key], b[key], "")]
    return found


def _diff(x, y, where: str) -> list[str]:
    if isinstance(x, dict) and isinstance(y, dict):
        out = []
        for name in sorted(set(x) | set(y)):
            out += _diff(x.get(name), y.get(name), f"{where}.{name}" if where else name)
        return out
    if isinstance(x, list) and isinstance(y, list) and len(x) == len(y):
        out = []
        for number, (p, q) in enumerate(zip(x, y, strict=True)):
            out += _diff(p, q, f"{where}[{number}]")
        return out
    return [] if x == y else [f"{where}: {x!r} then {y!r}"]
