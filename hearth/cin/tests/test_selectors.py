"""The Child in need tab reads in a fixed number of queries, however many plans there are."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hearth.cin import selectors, services
from hearth.cin.tests.factories import plan_for
from hearth.core import clock
from hearth.workingdays.selectors import current_calendar

pytestmark = pytest.mark.django_db
D = dt.date


def queries_to_list(child) -> int:
    calendar = current_calendar()
    with CaptureQueriesContext(connection) as captured:
        summaries = selectors.cin_plan_list_for_child(child, today=clock.today(),
                                                      calendar=calendar)
        [(s.plan.referral.referral_date, s.plan.started_by, s.plan.ended_by,
          [r.recorded_by for r in s.reviews], [v.visited_by for v in s.visits])
         for s in summaries]
    return len(captured)


def test_the_list_takes_four_queries_for_any_number_of_plans(personas, child):
    plan = plan_for(child, personas.sw_alice, referred_on=D(2026, 3, 2))
    services.cin_plan_review(plan=plan, actor=personas.sw_alice, reviewed_on=D(2026, 3, 20))
    assert queries_to_list(child) == 4

    services.cin_plan_visit(plan=plan, actor=personas.sw_alice, visited_on=D(2026, 3, 21),
                            child_seen=True, seen_alone=False)
    services.cin_plan_end(plan=plan, actor=personas.sw_alice, ended_on=D(2026, 3, 31))
    again = services.cin_plan_start(referral=plan.referral, started_on=D(2026, 4, 7),
                                    actor=personas.sw_alice)
    services.cin_plan_review(plan=again, actor=personas.tm_bob, reviewed_on=D(2026, 4, 20))
    assert queries_to_list(child) == 4
