"""An indicator's latest figure on a date: the authority's snapshot for the latest period
ended by the date, never a team's share, and 'no figure' when none was computed."""

import datetime as dt

import pytest

from hearth.accounts.models import Team
from hearth.core import clock
from hearth.governance import figures
from hearth.performance.models import Snapshot

pytestmark = pytest.mark.django_db
D = dt.date


def snap(code, start, kind, numerator, denominator, **extra):
    return Snapshot.objects.create(indicator=code, period_kind=kind, period_start=start,
                                   numerator=numerator, denominator=denominator,
                                   source="computed", worked_out_at=clock.now(), **extra)


def test_the_latest_ended_period_of_the_authority(personas):
    team = Team.objects.first()
    snap("H-AS-01", D(2026, 1, 1), "quarter", 30, 40)  # Q4: 75%, ended 31 March
    snap("H-AS-01", D(2026, 3, 1), "month", 9, 10)  # March: 90%, also ended 31 March
    snap("H-AS-01", D(2026, 4, 1), "month", 1, 10, team=team)  # a team's April: never used
    figure = figures.latest_figure("H-AS-01", D(2026, 5, 15))
    # H-AS-01 is monthly: March's figure wins the tie with the quarter ending the same day.
    assert (figure.text, figure.period) == ("90.0%", "March 2026")
    assert figures.latest_figure("H-AS-01", D(2026, 3, 30)).text == figures.NO_FIGURE
    assert figures.latest_figure("NOT-A-CODE", D(2026, 5, 15)) is None


def test_a_snapshot_with_a_gap_is_no_figure(personas):
    snap("H-CP-04", D(2026, 4, 1), "month", 0, 0, gap="Nothing to count in this period")
    figure = figures.latest_figure("H-CP-04", D(2026, 5, 31))
    assert (figure.text, figure.period) == ("no figure", "April 2026")


def test_targets_show_in_the_indicators_unit():
    from decimal import Decimal
    assert figures.shown_target("H-FD-01", Decimal("95")) == "95%"
    assert figures.shown_target("H-AS-02", Decimal("45")) == "45"
    assert figures.shown_target("", Decimal("12.50")) == "12.5"
