"""Figures computed from real records, entered by hand, frozen and recomputed."""

import datetime as dt
from decimal import Decimal

import pytest

from hearth.care.tests.factories import period_for
from hearth.core.errors import DomainError
from hearth.core.models import AuditEvent
from hearth.frontdoor.tests.factories import referral_for
from hearth.performance import periods as p
from hearth.performance import services
from hearth.performance.indicators import LIBRARY
from hearth.performance.models import Snapshot
from hearth.protection.tests.factories import child_on_a_plan

pytestmark = pytest.mark.django_db
Q3 = p.quarter(2026, 3)  # October to December 2026
D = dt.date


def compute(*codes, periods=(Q3,)):
    services.figures_compute(periods=list(periods), system_job="test", codes=list(codes))
    return {(s.indicator, s.period_start): s
            for s in Snapshot.objects.filter(frozen=False, period_kind=p.QUARTER)} | {
        (s.indicator, "month", s.period_start): s
        for s in Snapshot.objects.filter(frozen=False, period_kind=p.MONTH)}


def record_population(children=10_000, year=2026):
    services.population_record(year=year, children=children, source="Test estimate",
                               system_job="test")


def test_children_looked_after_per_10000_counts_those_in_care_on_the_last_day(personas):
    record_population()
    in_care = [personas.child_for(personas.sw_alice) for _ in range(3)]
    for child in in_care:
        period_for(child, personas.sw_alice, started_on=D(2026, 11, 2))
    after_the_quarter = personas.child_for(personas.sw_alice)
    period_for(after_the_quarter, personas.sw_alice, started_on=D(2027, 1, 4))

    snap = compute("PI.432")[("PI.432", Q3.start)]

    assert (snap.numerator, snap.denominator) == (3, 10_000)
    figure = LIBRARY["PI.432"].calculation.figures([Q3], population=lambda day: 10_000,
                                                   with_children=True)[Q3]
    assert figure.numerator_children == {c.pk for c in in_care}


def test_a_rate_without_a_population_is_a_gap_with_its_reason(personas):
    from hearth.core.models import LocalAuthority
    LocalAuthority.objects.all().delete()
    snap = compute("PI.433")[("PI.433", Q3.start)]
    assert snap.gap == "No child population is recorded for this period"


def test_cp_plans_open_two_years_or_more_share(personas):
    child_on_a_plan(personas, icpc_on=D(2024, 6, 3))
    child_on_a_plan(personas, icpc_on=D(2026, 6, 1))
    snap = compute("H-CP-11")[("H-CP-11", Q3.start)]
    assert (snap.numerator, snap.denominator) == (1, 2)


def test_re_referrals_within_12_months(personas):
    child = personas.child_for(personas.sw_alice)
    first = referral_for(child, actor=personas.sw_alice, referral_date=D(2026, 1, 12))
    first.closed_on, first.closure_reason = D(2026, 3, 1), "RC8"
    first.save()
    again = referral_for(personas.child_for(personas.sw_alice), actor=personas.sw_alice,
                         referral_date=D(2026, 11, 3))
    again.previous_referral = first
    again.save()
    referral_for(personas.child_for(personas.sw_alice), actor=personas.sw_alice,
                 referral_date=D(2026, 11, 4))
    snap = compute("H-FD-05")[("H-FD-05", Q3.start)]
    assert (snap.numerator, snap.denominator) == (1, 2)


def test_months_add_up_to_their_quarter(personas):
    for day in (D(2026, 10, 5), D(2026, 11, 9), D(2026, 12, 7)):
        referral_for(personas.child_for(personas.sw_alice), actor=personas.sw_alice,
                     referral_date=day)
    found = compute("H-FD-05", periods=[Q3, *Q3.months()])
    assert found[("H-FD-05", Q3.start)].denominator == 3
    assert [found[("H-FD-05", "month", m.start)].denominator for m in Q3.months()] == [1, 1, 1]


def test_computing_again_updates_the_working_figure_and_is_audited(personas):
    record_population()
    compute("PI.432")
    period_for(personas.child_for(personas.sw_alice), personas.sw_alice,
               started_on=D(2026, 12, 1))
    snap = compute("PI.432")[("PI.432", Q3.start)]
    assert snap.numerator == 1
    assert Snapshot.objects.filter(indicator="PI.432").count() == 1
    assert AuditEvent.objects.filter(event_code="FIGURES_COMPUTED").count() == 2


def test_freezing_keeps_the_reported_figure_when_records_change_later(personas):
    record_population()
    compute("PI.432")
    services.quarter_freeze(quarter=Q3, actor=personas.analyst_dana)
    period_for(personas.child_for(personas.sw_alice), personas.sw_alice,
               started_on=D(2026, 12, 1))  # recorded late
    compute("PI.432")
    frozen = Snapshot.objects.get(indicator="PI.432", frozen=True)
    working = Snapshot.objects.get(indicator="PI.432", frozen=False)
    assert (frozen.numerator, working.numerator) == (0, 1)
    assert frozen.frozen_by == personas.analyst_dana


def test_a_quarter_is_frozen_once_and_only_after_it_ends(personas):
    compute("PI.432")
    services.quarter_freeze(quarter=Q3, actor=personas.analyst_dana)
    with pytest.raises(DomainError, match="frozen already"):
        services.quarter_freeze(quarter=Q3, actor=personas.analyst_dana)
    with pytest.raises(DomainError, match="once it has ended"):
        services.quarter_freeze(quarter=p.quarter(2026, 4), actor=personas.analyst_dana)


def test_entering_a_figure_by_hand(personas):
    snap = services.figure_enter(code="PI.120", period=Q3, numerator="168",
                                 denominator="7663", note="Careers service return",
                                 actor=personas.analyst_dana)
    assert (snap.numerator, snap.denominator) == (Decimal("168"), Decimal("7663"))
    assert snap.source == Snapshot.Source.ENTERED and snap.entered_by == personas.analyst_dana
    event = AuditEvent.objects.get(event_code="FIGURE_ENTERED")
    assert event.detail["numerator"] == "168"


@pytest.mark.parametrize(("code", "numerator", "denominator", "field", "message"), [
    ("PI.432", "1", "2", "indicator", "computed from the records"),
    ("PI.1447", "1", "2", "indicator", "computed from the records"),
    ("PI.120", "abc", "2", "numerator", "as a number"),
    ("PI.120", "1", "0", "denominator", "cannot be 0"),
    ("PI.120", "3", "2", "numerator", "cannot be more than the denominator"),
    ("PI.120", "-1", "2", "numerator", "from 0"),
    ("PI.120", "1.00001", "2", "numerator", "4 decimal places"),
    ("PI.120", "NaN", "2", "numerator", "from 0"),
])
def test_a_bad_entered_figure_is_refused_with_its_reason(personas, code, numerator, denominator,
                                                         field, message):
    with pytest.raises(DomainError, match=message) as refused:
        services.figure_enter(code=code, period=Q3, numerator=numerator,
                              denominator=denominator, note="x", actor=personas.analyst_dana)
    assert refused.value.field == field
    assert not Snapshot.objects.exists()


def test_commentary_is_drafted_approved_by_someone_else_and_reopened_by_a_change(personas):
    row = services.commentary_save(code="PI.1447", quarter=Q3, performance="P", assurance="A",
                                   impact="I", actor=personas.tm_bob)
    with pytest.raises(DomainError, match="someone other"):
        services.commentary_approve(commentary=row, actor=personas.tm_bob)
    row = services.commentary_approve(commentary=row, actor=personas.sm_sara)
    assert row.status == "approved" and row.approved_by == personas.sm_sara
    row = services.commentary_save(code="PI.1447", quarter=Q3, performance="P2",
                                   assurance="A", impact="I", actor=personas.tm_bob)
    assert row.status == "draft" and row.approved_by is None


def test_commentary_needs_all_three_headings(personas):
    with pytest.raises(DomainError) as refused:
        services.commentary_save(code="PI.1447", quarter=Q3, performance="P", assurance=" ",
                                 impact="I", actor=personas.tm_bob)
    assert refused.value.field == "assurance"


def test_every_computed_indicator_computes_on_an_empty_authority(personas):
    written = services.figures_compute(periods=[Q3, *Q3.months()], system_job="test")
    computed = [i for i in LIBRARY.values() if i.is_computed]
    monthly = [i for i in computed if i.frequency == p.MONTH]
    # A monthly indicator gets the quarter and its three months; a quarterly one the quarter.
    assert written == len(computed) + 3 * len(monthly)


def test_the_agency_share_is_computed_from_the_workforce_records(personas):
    agency_staff(personas.team_a)
    snap = compute("PI.1447")[("PI.1447", Q3.start)]
    assert (snap.numerator, snap.denominator) == (Decimal("25.27"), Decimal("142.5"))


def agency_staff(team, start=None):
    """The seed's Q3 2023/24 workforce: 25.27 agency FTE of 142.5 in post."""
    start = start or D(2025, 1, 1)
    from hearth.workforce.tests import factories
    for _ in range(25):
        factories.held(team, contract="agency", start=start)
    factories.held(team, fte="0.27", contract="agency", start=start)
    for _ in range(117):
        factories.held(team, contract="permanent", start=start)
    factories.held(team, fte="0.23", contract="permanent", start=start)


def test_care_leaver_indicators_count_those_owed_support_on_the_last_day(personas):
    from hearth.leaving_care import services as leaving_care
    from hearth.leaving_care.tests.factories import former_relevant

    def leaver(born, left_care_on):
        child = personas.child_for(personas.sw_alice, date_of_birth=born)
        return former_relevant(child, personas.sw_alice, on=left_care_on,
                               left_care_on=left_care_on)

    reached = leaver(D(2006, 1, 10), D(2024, 1, 10))  # 20 at the end of Q3 2026
    leaving_care.contact_record(care_leaver=reached, contact_on=D(2026, 12, 1), kind="visit",
                                in_touch=True, made_by=personas.sw_alice,
                                actor=personas.sw_alice)
    leaving_care.situation_record(care_leaver=reached, as_at=D(2026, 11, 2), in_touch="YES",
                                  activity="F4", accommodation="U",
                                  accommodation_suitable=True, actor=personas.sw_alice)
    not_reached = leaver(D(2007, 3, 1), D(2025, 3, 1))  # 19
    leaving_care.contact_record(care_leaver=not_reached, contact_on=D(2026, 9, 1), kind="visit",
                                in_touch=True, made_by=personas.sw_alice,
                                actor=personas.sw_alice)  # over 8 weeks before
    leaving_care.situation_record(care_leaver=not_reached, as_at=D(2026, 9, 1), in_touch="YES",
                                  activity="G5", accommodation="W",
                                  accommodation_suitable=False, actor=personas.sw_alice)
    leaver(D(2004, 1, 1), D(2022, 1, 1))  # 22: no longer owed support (none asked to 25)

    found = compute("H-LC-04", "H-LC-11", "H-LC-01")
    assert (found[("H-LC-04", Q3.start)].numerator, found[("H-LC-04", Q3.start)].denominator) \
        == (1, 2)
    assert found[("H-LC-11", Q3.start)].numerator == 1
    assert (found[("H-LC-01", Q3.start)].numerator, found[("H-LC-01", Q3.start)].denominator) \
        == (1, 2)


def test_visits_in_timescale_are_visit_tasks_done_by_their_due_date(personas):
    from hearth.cases.models import StatutoryTask
    from hearth.core import clock

    child = personas.child_for(personas.sw_alice)
    for due_on, closed_on, cancelled in [(D(2026, 10, 9), D(2026, 10, 9), False),
                                         (D(2026, 11, 6), D(2026, 11, 10), False),
                                         (D(2026, 12, 4), D(2026, 12, 1), True)]:
        StatutoryTask.objects.create(
            kind="visit_cp", child=child, due_on=due_on, source_type="test", source_id=1,
            rule="test", opened_at=clock.now(), closed_at=clock.now(), closed_on=closed_on,
            cancelled=cancelled)
    snap = compute("H-CP-08")[("H-CP-08", Q3.start)]
    assert (snap.numerator, snap.denominator) == (1, 2)  # the cancelled one is not a visit


def test_placement_stability_counts_three_placements_in_the_year():
    from hearth.performance.indicators import CareFacts, three_or_more_placements

    day = D(2026, 12, 31)
    settled = CareFacts(D(2024, 1, 1), None, (D(2024, 1, 1), D(2026, 3, 1)))
    moved = CareFacts(D(2024, 1, 1), None, (D(2024, 1, 1), D(2026, 3, 1), D(2026, 9, 1)))
    new_and_moved = CareFacts(D(2026, 2, 1), None, (D(2026, 2, 1), D(2026, 5, 1),
                                                    D(2026, 8, 1)))
    left = CareFacts(D(2024, 1, 1), D(2026, 6, 1), (D(2024, 1, 1),))
    assert three_or_more_placements(settled, day) is False
    assert three_or_more_placements(moved, day) is True
    assert three_or_more_placements(new_and_moved, day) is True
    assert three_or_more_placements(left, day) is None
