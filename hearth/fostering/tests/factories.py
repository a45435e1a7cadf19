"""Fostering households and providers made with the real services (synthetic data only: the
invented town's ZZ postcodes and made-up names)."""

import datetime as dt

from hearth.care.tests.factories import foster_placement, period_for
from hearth.fostering import services
from hearth.fostering.codes import (
    AdmDecision,
    HouseholdType,
    PanelBusiness,
    Recommendation,
)
from hearth.fostering.models import FosteringHousehold

D = dt.date
JANUARY_5, MARCH_10, MARCH_12 = D(2026, 1, 5), D(2026, 3, 10), D(2026, 3, 12)
APRIL_1 = D(2026, 4, 1)
_names = iter(f"Testcarer{n}" for n in range(1, 10_000))


def enquiry(actor, *, household_type: str = HouseholdType.MAINSTREAM,
            enquiry_on: dt.date = JANUARY_5, worker=None) -> FosteringHousehold:
    return services.household_record_enquiry(
        household_type=household_type, enquiry_on=enquiry_on, postcode="ZZ1 2AB",
        carers=[services.Carer("Robin", next(_names)), services.Carer("Sam", next(_names))],
        supervising_social_worker=worker, actor=actor)


def in_assessment(actor, **kwargs) -> FosteringHousehold:
    household = enquiry(actor, **kwargs)
    return services.assessment_start(household=household, started_on=D(2026, 1, 20),
                                     actor=actor)


def approved(actor, adm, *, places: int = 2, age_from: int = 0, age_to: int = 17,
             approved_sex: str = "any", panel_on: dt.date = MARCH_10,
             decided_on: dt.date = MARCH_12, **kwargs) -> FosteringHousehold:
    household = in_assessment(actor, **kwargs)
    services.panel_recommendation_record(
        household=household, business=PanelBusiness.APPROVAL, panel_on=panel_on,
        recommendation=Recommendation.RECOMMENDED, places=places, age_from=age_from,
        age_to=age_to, approved_sex=approved_sex, care_type="long_term", actor=actor)
    services.adm_decision_record(household=household, decision=AdmDecision.AGREED,
                                 decided_on=decided_on, actor=adm)
    return FosteringHousehold.objects.get(pk=household.pk)


def child_in_foster_care(personas, *, started_on: dt.date = APRIL_1, **child_fields):
    """A child looked after in a U4 placement with the authority's own carers."""
    child = personas.child_for(personas.sw_alice, **child_fields)
    period = period_for(child, personas.sw_alice, started_on=started_on,
                        placement=foster_placement(placement_type="U4"))
    return child, period.episodes.get()


def provider(actor, **overrides):
    values = {"name": "Brindlemoor House", "kind": "childrens_home", "place_provider": "PR4",
              "urn": "SC900001", "registration": "registered", "judgement": "good",
              "judgement_on": D(2025, 11, 3), "address": "1 Invented Lane, Brindlemoor",
              "postcode": "ZZ3 4CD"}
    return services.provider_record(actor=actor, **(values | overrides))
