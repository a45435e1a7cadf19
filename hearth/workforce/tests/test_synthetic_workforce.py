"""The synthetic authority's establishment gives the demo plausible workforce figures."""

from decimal import Decimal

from hearth.accounts.models import User
from hearth.core import clock
from hearth.workforce import indicators
from hearth.workforce.models import PostHolding


def test_every_case_holding_worker_has_a_post_and_the_agency_share_is_near_the_seeds(
        tiny_authority):
    today = clock.today()
    workers = User.objects.filter(team__holds_cases=True, is_active=True,
                                  role__in=["social_worker", "senior_practitioner",
                                            "team_manager"])
    held = set(PostHolding.objects.on(today).values_list("user_id", flat=True))
    assert set(workers.values_list("pk", flat=True)) <= held
    agency, in_post, share = indicators.agency_share(today)
    assert agency > 0 and Decimal("15") <= share <= Decimal("25")
    assert indicators.vacancy_rate(today)[0] > 0
    assert indicators.average_caseload(today)[2] is not None
