"""URL parameters for the central access matrix (hearth/people/tests/test_access_matrix.py):
an approved fostering household and a registered provider, made through the services."""

import datetime as dt

from hearth.core import clock
from hearth.fostering import services
from hearth.fostering.codes import AdmDecision, PanelBusiness, Recommendation


def records_for(child, personas) -> dict:
    today = clock.today()
    household = services.household_record_enquiry(
        household_type="mainstream", enquiry_on=today - dt.timedelta(days=90),
        carers=[services.Carer("Robin", f"Matrixcarer{child.pk}")], postcode="ZZ1 1AA",
        supervising_social_worker=personas.sw_alice, actor=personas.sw_alice)
    services.assessment_start(household=household, started_on=today - dt.timedelta(days=60),
                              actor=personas.sw_alice)
    services.panel_recommendation_record(
        household=household, business=PanelBusiness.APPROVAL,
        panel_on=today - dt.timedelta(days=10), recommendation=Recommendation.RECOMMENDED,
        places=2, age_from=0, age_to=17, actor=personas.bs_ben)
    services.adm_decision_record(household=household, decision=AdmDecision.AGREED,
                                 decided_on=today - dt.timedelta(days=8), actor=personas.sm_sara)
    provider = services.provider_record(
        actor=personas.bs_ben, name=f"Matrix House {child.pk}", kind="childrens_home",
        place_provider="PR4", urn=f"SC9{child.pk:05d}", registration="registered",
        judgement="good", judgement_on=today - dt.timedelta(days=100), postcode="ZZ2 2BB")
    return {"household_id": household.pk, "provider_id": provider.pk}
