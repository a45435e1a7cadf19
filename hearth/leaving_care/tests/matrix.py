"""URL parameters for the central access matrix (hearth/people/tests/test_access_matrix.py).

The matrix's children are 3 to 15, too young to be care leavers, so the child is made 17
(through the people service, as a worker correcting a date of birth would) and recorded as a
relevant care leaver with an entitlement offered, so that every Leaving care page has a record
to show.
"""

import datetime as dt

from hearth.core import clock
from hearth.leaving_care import services
from hearth.leaving_care.codes import Category, Entitlement
from hearth.people import services as people_services
from hearth.people.models import Person


def records_for(child, personas) -> dict:
    today = clock.today()
    child = Person.objects.get(pk=child.pk)
    born = dt.date(today.year - 17, 1, 1)
    people_services.person_update(person=child, actor=personas.sm_sara,
                                  seen_version=child.version, date_of_birth=born)
    left = max(dt.date(today.year, 1, 1), today - dt.timedelta(days=30))
    care_leaver = services.care_leaver_record(
        child=child, category=Category.RELEVANT, applies_from=left, left_care_on=left,
        personal_adviser=personas.sw_alice, actor=personas.tm_bob)
    offer = services.entitlement_offer(care_leaver=care_leaver, kind=Entitlement.TRAVEL,
                                       offered_on=today, actor=personas.sw_alice)
    return {"entitlement_id": offer.pk}
