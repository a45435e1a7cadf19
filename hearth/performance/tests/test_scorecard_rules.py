"""The seed's Q3 2023/24 scorecard, recomputed from its numerators and denominators
(KPIS.md §16.8), and the rules behind it."""

import datetime as dt
from decimal import Decimal

import pytest

from hearth.performance import periods as p
from hearth.performance import scorecard as sc

# code: (numerator, denominator, unit, polarity, target, Q2 value, Q3 last year, published)
SEED_Q3 = {
    "PI.120": (168, 7663, sc.PERCENT, sc.LOWER, "2.8", "1.3", "2.4", "2.2%"),
    "PI.1447": ("25.27", "142.5", sc.PERCENT, sc.LOWER, "15", "18.8", "8.7", "17.7%"),
    "PI.432": (562, 68446, sc.RATE_10K, sc.LOWER, "83", "84.2", "88.8", "82.1"),
    "PI.433": (174, 68446, sc.RATE_10K, sc.BAND, "43", "22.4", "39.5", "25.4"),
    "PI.2250": (1547, 1612, sc.PERCENT, sc.HIGHER, "90", "95.5", "92.5", "96.0%"),
}
# code: (score, short-term trend, annual trend) as the seed prints them
EXPECTED = {
    "PI.120": ("★", "↘", "↗"),
    "PI.1447": ("▲", "↗", "↘"),
    "PI.432": ("★", "↗", "↗"),
    "PI.433": ("★", "↘", "↗"),
    "PI.2250": ("★", "↗", "↗"),
}


@pytest.mark.parametrize("code", SEED_Q3)
def test_the_seed_scorecard_comes_out_of_its_numerators_and_denominators(code):
    n, d, unit, polarity, target, q2, last_year, published = SEED_Q3[code]
    value = sc.value_of(n, d, unit)
    assert sc.shown(value, unit) == published
    symbol = sc.SCORE_SYMBOLS[sc.score(value, Decimal(target), polarity, Decimal(5))]
    short = sc.TREND_SYMBOLS[sc.trend(Decimal(q2), value, polarity)]
    annual = sc.TREND_SYMBOLS[sc.trend(Decimal(last_year), value, polarity)]
    assert (symbol, short, annual) == EXPECTED[code]


def test_the_latest_quarters_show_their_numerator_and_denominator():
    assert sc.shown_with_counts(sc.value_of(562, 68446, sc.RATE_10K), 562, 68446,
                                sc.RATE_10K) == "82.1 (562 / 68,446)"
    assert sc.shown_with_counts(sc.value_of("25.27", "142.5", sc.PERCENT), "25.27", "142.5",
                                sc.PERCENT) == "17.7% (25.27 / 142.5)"


def test_exact_values_match_the_worked_example():
    assert sc.rounded(sc.value_of(562, 68446, sc.RATE_10K), 4) == Decimal("82.1085")
    assert sc.rounded(sc.value_of(1547, 1612, sc.PERCENT), 4) == Decimal("95.9677")


def test_rounding_is_half_up_not_bankers():
    assert sc.rounded(Decimal("2.25")) == Decimal("2.3")
    assert sc.rounded(Decimal("2.35")) == Decimal("2.4")


def test_a_miss_beyond_the_tolerance_is_missed_and_within_it_close():
    assert sc.score(Decimal("17.7"), Decimal(15), sc.LOWER, Decimal(5)) == sc.CLOSE
    assert sc.score(Decimal("21"), Decimal(15), sc.LOWER, Decimal(5)) == sc.MISSED
    assert sc.score(Decimal("80"), Decimal(90), sc.HIGHER, Decimal(5)) == sc.MISSED


def test_the_target_is_judged_on_the_value_as_shown():
    # 83.04 shows as 83.0, which meets a ceiling of 83.
    assert sc.score(Decimal("83.04"), Decimal(83), sc.LOWER) == sc.MET


def test_no_value_no_target_or_no_direction_is_not_scored():
    assert sc.score(None, Decimal(1), sc.HIGHER) is None
    assert sc.score(Decimal(1), None, sc.HIGHER) is None
    assert sc.score(Decimal(1), Decimal(1), sc.CONTEXT) is None
    assert sc.trend(Decimal(1), Decimal(2), sc.CONTEXT) is None


def test_an_unchanged_figure_at_the_shown_precision_is_level():
    assert sc.trend(Decimal("17.71"), Decimal("17.74"), sc.LOWER) == sc.SAME


def test_nothing_to_divide_by_is_no_value():
    assert sc.value_of(0, 0, sc.PERCENT) is None


def test_financial_quarters():
    q3 = p.quarter(2023, 3)
    assert (q3.start, q3.end, q3.label) == (dt.date(2023, 10, 1), dt.date(2023, 12, 31),
                                            "2023-24 Q3")
    assert p.quarter(2023, 4).start == dt.date(2024, 1, 1)
    assert p.quarter_containing(dt.date(2024, 2, 29)) == p.quarter(2023, 4)
    assert q3.previous() == p.quarter(2023, 2)
    assert p.quarter(2023, 1).previous() == p.quarter(2022, 4)
    assert q3.a_year_before() == p.quarter(2022, 3)
    assert [m.start.month for m in q3.months()] == [10, 11, 12]
    assert p.parse_slug("2023-q3") == q3
    assert p.parse_quarter_label("2023-24 Q3") == q3
    assert len(p.scorecard_quarters(q3)) == 8
    assert p.scorecard_quarters(q3)[0] == p.quarter(2022, 1)


@pytest.mark.parametrize("slug", ["", "2023-q5", "2023-13", "20x3-q1", "0000-01"])
def test_a_period_that_is_not_one_is_refused(slug):
    with pytest.raises(ValueError):
        p.parse_slug(slug)
