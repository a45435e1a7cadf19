"""The Assessments tab reads in a fixed number of queries, however many assessments there are."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hearth.assessments import selectors, services
from hearth.assessments.tests.factories import assessment_for, completed
from hearth.core import clock
from hearth.workingdays.selectors import current_calendar

pytestmark = pytest.mark.django_db
D = dt.date


def queries_to_list(child) -> int:
    calendar = current_calendar()
    with CaptureQueriesContext(connection) as captured:
        rows = selectors.assessment_list_for_child(child, today=clock.today(), calendar=calendar)
        [(r.assessment.referral.referral_date, r.assessment.authorised_by,
          list(r.assessment.contributions.all())) for r in rows]
    return len(captured)


def test_the_list_takes_two_queries_for_any_number_of_assessments(personas, child):
    first = completed(assessment_for(child, personas.sw_alice, referred_on=D(2026, 3, 2)),
                      personas.sw_alice, on=D(2026, 3, 20))
    services.assessment_contribution_add(assessment=first, actor=personas.sw_alice,
                                         agency="police", received_on=D(2026, 3, 5),
                                         summary="Callout")
    assert queries_to_list(child) == 2

    services.assessment_authorise(assessment=first, actor=personas.tm_bob,
                                  authorised_on=D(2026, 3, 23), outcome="cin_plan")
    services.assessment_start(referral=first.referral, started_on=D(2026, 4, 1),
                              actor=personas.sw_alice)
    assert queries_to_list(child) == 2
