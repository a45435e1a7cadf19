"""URL parameters for the access matrices (hearth/people/tests/test_access_matrix.py and
hearth/api/tests/test_access_matrix.py): an adoption decision, a special guardianship
assessment and a return home on the child's period of care, and an approved household of
prospective adopters, so every permanence route that takes an id has a real record to open."""

import datetime as dt

from hearth.care.selectors import care_period_open_for
from hearth.care.tests.factories import period_for
from hearth.permanence import services
from hearth.permanence.codes import GuardianRelationship
from hearth.permanence.tests.factories import approved_household

D = dt.date


def records_for(child, personas) -> dict:
    # hearth.care's own matrix records have already taken the child into care on 4 May 2026.
    period = care_period_open_for(child) or period_for(child, personas.sw_alice,
                                                       started_on=D(2026, 5, 4))
    decision = services.adoption_decision_record(
        period=period, decided_on=D(2026, 5, 11), decision_maker="Synthetic ADM",
        actor=personas.sm_sara)
    sgo = services.sgo_assessment_start(
        period=period, guardians="Synthetic Guardian", relationship=GuardianRelationship.RELATIVE,
        started_on=D(2026, 5, 12), actor=personas.sw_alice)
    reunification = services.reunification_record(period=period, returned_home_on=D(2026, 5, 13),
                                                   actor=personas.sw_alice)
    household = approved_household(personas.sw_alice)
    return {"decision_id": decision.pk, "sgo_id": sgo.pk, "reunification_id": reunification.pk,
            "adopters_id": household.pk}
