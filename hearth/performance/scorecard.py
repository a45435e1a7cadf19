"""The scorecard's arithmetic and symbols, as pure functions (KPIS.md §16.4 to §16.8).

- A value is numerator / denominator × multiplier, kept exact and shown rounded half up.
- Score: ★ when the target is met, ▲ when it is missed by no more than the indicator's
  tolerance ("close"), ▼ when it is missed by more. A target is met by direction: a ceiling for
  lower-is-better indicators, a floor for higher-is-better.
- Trend arrows show the direction of *performance*, not of the raw number: ↗ better, ↘ worse,
  ➔ no change at the shown precision. Indicators with no good direction get no arrow.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

HIGHER, LOWER, BAND, CONTEXT = "higher", "lower", "band", "context"
MET, CLOSE, MISSED = "met", "close", "missed"
SCORE_SYMBOLS = {MET: "★", CLOSE: "▲", MISSED: "▼"}
SCORE_WORDS = {MET: "Target met", CLOSE: "Close to target", MISSED: "Target missed"}
BETTER, WORSE, SAME = "better", "worse", "same"
TREND_SYMBOLS = {BETTER: "↗", WORSE: "↘", SAME: "➔"}

PERCENT, RATE_10K, COUNT, AVERAGE = "percent", "rate_10k", "count", "average"
MULTIPLIERS = {PERCENT: Decimal(100), RATE_10K: Decimal(10_000), COUNT: Decimal(1),
               AVERAGE: Decimal(1)}


def value_of(numerator, denominator, unit: str) -> Decimal | None:
    """The exact value, or None when there is nothing to divide by."""
    numerator = Decimal(str(numerator))
    if unit == COUNT:
        return numerator
    denominator = Decimal(str(denominator))
    if denominator == 0:
        return None
    return numerator / denominator * MULTIPLIERS[unit]


def rounded(value: Decimal | None, places: int = 1) -> Decimal | None:
    if value is None:
        return None
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def score(value: Decimal | None, target: Decimal | None, polarity: str,
          tolerance: Decimal = Decimal(0), places: int = 1) -> str | None:
    """MET, CLOSE or MISSED, judged on the value as shown (the committee sees 82.1, not
    82.1085); None when there is no value, no target or no good direction."""
    if value is None or target is None or polarity == CONTEXT:
        return None
    shown, target = rounded(value, places), Decimal(target)
    shortfall = shown - target if polarity in (LOWER, BAND) else target - shown
    if shortfall <= 0:
        return MET
    return CLOSE if shortfall <= Decimal(tolerance) else MISSED


def trend(before: Decimal | None, after: Decimal | None, polarity: str,
          places: int = 1) -> str | None:
    """BETTER, WORSE or SAME from `before` to `after`, by the indicator's polarity."""
    if before is None or after is None or polarity == CONTEXT:
        return None
    before, after = rounded(before, places), rounded(after, places)
    if before == after:
        return SAME
    went_up = after > before
    return BETTER if went_up == (polarity == HIGHER) else WORSE


def shown(value: Decimal | None, unit: str, places: int = 1) -> str:
    """'82.1', '17.7%' or '1,234': one display rule per unit (KPIS.md §16.5)."""
    if value is None:
        return ""
    if unit == COUNT:
        return f"{int(rounded(value, 0)):,}"
    text = f"{rounded(value, places):,.{places}f}"
    return f"{text}%" if unit == PERCENT else text


def amount(number) -> str:
    """A numerator or denominator as printed: thousands separators, decimals only when it has
    them (FTE: 25.27 / 142.5)."""
    number = Decimal(str(number)).normalize()
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return f"{number:,f}"


def shown_with_counts(value: Decimal | None, numerator, denominator, unit: str,
                      places: int = 1) -> str:
    """'82.1 (562 / 68,446)' as the latest quarters are printed."""
    text = shown(value, unit, places)
    if unit == COUNT or value is None:
        return text
    return f"{text} ({amount(numerator)} / {amount(denominator)})"
