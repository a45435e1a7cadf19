from django import template

from hearth.performance import scorecard as sc
from hearth.performance.selectors import figure_value

register = template.Library()

_BETTER = {sc.HIGHER: "Higher", sc.LOWER: "Lower",
           sc.BAND: "Lower, up to the target (a very low figure is questioned too)",
           sc.CONTEXT: "Neither: a volume or profile, not scored"}


@register.filter
def better_when(indicator) -> str:
    return _BETTER[indicator.polarity]


@register.filter
def target_text(indicator, period) -> str:
    target = indicator.target_on(period.end)
    if target is None:
        return "None set"
    places = 0 if target == target.to_integral_value() else 1
    return sc.shown(target, indicator.unit, places)


@register.filter
def figure_text(snapshot, indicator) -> str:
    value = figure_value(snapshot, indicator)
    if value is None:
        return f"No figure: {snapshot.gap or 'nothing to count'}"
    return sc.shown_with_counts(value, snapshot.numerator, snapshot.denominator,
                                indicator.unit, indicator.places)


@register.filter
def live_text(figure, indicator) -> str:
    if figure.gap:
        return f"No figure: {figure.gap}"
    value = sc.value_of(figure.numerator, figure.denominator, indicator.unit)
    if value is None:
        return "No figure: nothing to count"
    return sc.shown_with_counts(value, figure.numerator, figure.denominator, indicator.unit,
                                indicator.places)
