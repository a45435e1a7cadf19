"""Reads in a fixed number of queries, however many care leavers or records there are."""

import datetime as dt

import pytest

from hearth.leaving_care import selectors, services
from hearth.leaving_care.codes import ContactKind, InTouch
from hearth.leaving_care.tests.factories import calendar_2026, relevant_care_leaver
from hearth.people.models import Person

pytestmark = pytest.mark.django_db
D = dt.date
TODAY = D(2026, 6, 1)


def _busy_care_leaver(personas, born: dt.date):
    child = personas.child_for(personas.sw_alice, date_of_birth=born)
    care_leaver = relevant_care_leaver(child, personas.sw_alice, adviser=personas.sw_alice)
    for day in (5, 12, 19):
        services.contact_record(care_leaver=care_leaver, contact_on=D(2026, 5, day),
                                kind=ContactKind.PHONE, in_touch=True, actor=personas.sw_alice)
        services.situation_record(care_leaver=care_leaver, as_at=D(2026, 5, day),
                                  in_touch=InTouch.NO, actor=personas.sw_alice)
    return child


def test_the_tab_reads_in_a_fixed_number_of_queries(personas, django_assert_max_num_queries):
    child = _busy_care_leaver(personas, D(2009, 2, 2))

    with django_assert_max_num_queries(9):
        summary = selectors.care_leaver_summary(child, today=TODAY, calendar=calendar_2026())

    assert len(summary.contacts) == 3 and summary.situation.as_at == D(2026, 5, 19)


@pytest.mark.parametrize("how_many", [1, 4])
def test_a_page_of_the_list_is_one_query(personas, django_assert_num_queries, how_many):
    for n in range(how_many):
        _busy_care_leaver(personas, D(2009, 2, 2 + n))
    rows = selectors.care_leaver_list(visible_children=Person.objects.all(),
                                      filters=selectors.CareLeaverFilters(), today=TODAY)

    with django_assert_num_queries(1):
        listed = selectors.list_rows(list(rows), today=TODAY, calendar=calendar_2026())

    assert len(listed) == how_many
    assert listed[0].care_leaver.last_contact_on == D(2026, 5, 19)
    assert listed[0].in_touch_label == "No, not in touch"


def test_the_figures_are_three_queries(personas, django_assert_num_queries):
    for n in range(3):
        _busy_care_leaver(personas, D(2009, 2, 2 + n))

    with django_assert_num_queries(3):
        bands = selectors.care_leaver_figures(today=TODAY)

    assert bands[0].care_leavers == 3 and bands[0].in_touch.numerator == 0
    assert bands[0].contacted_in_8_weeks.numerator == 3
