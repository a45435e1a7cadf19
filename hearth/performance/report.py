"""The Corporate Quarterly Performance Report (KPIS.md §16.1): its parts, built once from the
scorecard, for both the HTML page and the Word document."""

from __future__ import annotations

from dataclasses import dataclass

from hearth.performance import periods as p
from hearth.performance import selectors

# The officer-report implications headings and the seed's usual text when there are none
# (seeds/001_e8ea781e93d1811d.txt lines 364-390).
IMPLICATIONS = [
    ("Finance", "There are no direct financial implications in receiving this report."),
    ("Law", "There are no direct legal implications in receiving this report."),
    ("Risk Management", "Risks to performance are reviewed in the performance reporting."),
    ("Equality Impact", "There are no special considerations to be made with regard to "
                        "equality and diversity in noting and receiving this report."),
    ("Human Resources/Organisational Development",
     "There are no specific direct human resource issues in receiving this report."),
    ("Commercial/Procurement", "There is no direct commercial impact."),
    ("Environment/Climate Change", "There is no impact on the environment or climate change."),
]

_NUMBERS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve"]


def counted(n: int) -> str:
    """'five (5)', as the council writes its counts."""
    return f"{_NUMBERS[n]} ({n})" if n < len(_NUMBERS) else f"{n:,}"


def _ordinal(day) -> str:
    suffix = "th" if 11 <= day.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
    return f"{day.day}{suffix} {day:%B %Y}"


@dataclass
class ChartPoint:
    label: str
    value: float | None
    x: float
    y: float | None


@dataclass
class Chart:
    points: list[ChartPoint]
    target_y: float | None
    benchmark_y: float | None
    polyline: str
    top: float


def chart_for(row, width: int = 560, height: int = 200) -> Chart:
    """An SVG line chart's geometry: the eight quarters, the target and the first benchmark."""
    values = [float(c.value) if c.value is not None else None for c in row.cells]
    benchmark = next((float(b.value) for b in row.indicator.benchmarks
                      if b.value is not None), None)
    target = float(row.target) if row.target is not None else None
    known = [v for v in values if v is not None] + [v for v in (target, benchmark)
                                                    if v is not None]
    top = max(known) * 1.15 if known and max(known) > 0 else 1.0
    step = (width - 60) / max(len(values) - 1, 1)

    def y(v):
        return None if v is None else round(height - 20 - (v / top) * (height - 40), 1)

    points = [ChartPoint(f"Q{c.period.number} {c.period.label[2:7]}", v,
                         round(40 + i * step, 1), y(v))
              for i, (c, v) in enumerate(zip(row.cells, values, strict=True))]
    line = " ".join(f"{pt.x},{pt.y}" for pt in points if pt.y is not None)
    return Chart(points, y(target), y(benchmark), line, round(top, 1))


@dataclass
class Report:
    quarter: p.Period
    card: selectors.Scorecard
    title: str
    purpose: str
    recommendation: str
    background: list[str]
    priorities: list[tuple[str, list]]
    summary: str
    implications: list[tuple[str, str]]
    author: str

    @property
    def charts(self):
        return [(row, chart_for(row)) for row in self.card.rows]


def build(quarter: p.Period, *, author: str) -> Report:
    card = selectors.scorecard(quarter, selectors.indicators_for("corporate"))
    reported = [row for row in card.rows if row.current.value is not None]
    by_priority: dict[str, list] = {}
    for row in card.rows:
        by_priority.setdefault(row.indicator.priority, []).append(row)
    met = [row for row in reported if not row.below_target and row.score]
    missed = [row for row in reported if row.below_target]
    label = p.year_label(quarter.financial_year).replace("-", "/")
    period = f"{_ordinal(quarter.start)} to {_ordinal(quarter.end)}"
    summary = (f"Of the {counted(len(reported))} Performance Indicators, "
               f"{counted(len(met))} have met or surpassed their target")
    if missed:
        summary += (f" and {counted(len(missed))} remain{'s' if len(missed) == 1 else ''} yet "
                    f"to achieve {'its' if len(missed) == 1 else 'their'} target ("
                    + ", ".join(row.indicator.code for row in missed) + ")")
    not_reported = len(card.rows) - len(reported)
    if not_reported:
        summary += f"; {counted(not_reported)} had no figure for the quarter"
    return Report(
        quarter=quarter, card=card,
        title=f"Corporate Quarterly Performance Report – Quarter {quarter.number} ({period})",
        purpose=(f"To present the Quarter {quarter.number} position for Children's Services of "
                 f"the financial year {label} covering the period {period}."),
        recommendation=("It is recommended that the Committee review the contents of this "
                        "report and that any identified performance issues are referred to "
                        "the relevant Cabinet Member."),
        background=[f"Within Children's Services there are {counted(len(card.rows))} "
                    f"Performance Indicators across {counted(len(by_priority))} Council "
                    "Priorities:"] + [f"{name} – {len(rows)} measure{'s' if len(rows) != 1 else ''}"
                                      for name, rows in by_priority.items()],
        priorities=list(by_priority.items()),
        summary=summary + ".",
        implications=IMPLICATIONS,
        author=author,
    )
