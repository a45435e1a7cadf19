"""Small helpers that walk a child through child protection with the real services.

Referrals are made directly: the front door's referral service is not ours to call yet.
"""

import datetime as dt

from hearth.core import clock
from hearth.frontdoor.models import Referral
from hearth.protection import services
from hearth.protection.codes import ConferenceOutcome, Section47Outcome, StrategyDecision

D = dt.date
POLICE = {"agency": "police", "name": "DC Test Officer", "role": "Investigating officer"}
HEALTH = {"agency": "health", "name": "Nurse Example", "role": "Health visitor"}
SCHOOL = {"agency": "education", "name": "Ms Example", "role": "Designated safeguarding lead"}


def referral_for(child, *, on: dt.date, actor) -> Referral:
    return Referral.objects.create(child=child, referral_date=on, source="6",
                                   recorded_by=actor, recorded_at=clock.now())


def discussion(referral, actor, *, on: dt.date, decision=StrategyDecision.SECTION_47,
               participants=(POLICE, HEALTH)):
    return services.strategy_discussion_record(referral=referral, actor=actor, held_on=on,
                                               decision=decision, participants=participants)


def enquiry_needing_icpc(child, actor, *, referred_on: dt.date, discussed_on: dt.date,
                         completed_on: dt.date):
    referral = referral_for(child, on=referred_on, actor=actor)
    enquiry = discussion(referral, actor, on=discussed_on).section47
    return services.section47_conclude(enquiry=enquiry, actor=actor,
                                       outcome=Section47Outcome.CONTINUING_RISK,
                                       completed_on=completed_on, icpc_required=True)


def plan_from_icpc(enquiry, *, actor, chair, on: dt.date, category="NEG",
                   participants=(POLICE, SCHOOL)):
    conference = services.initial_conference_record(
        enquiry=enquiry, actor=actor, held_on=on, chair=chair, outcome=ConferenceOutcome.PLAN,
        category=category, participants=participants)
    return conference.started_plan


def child_on_a_plan(personas, *, icpc_on: dt.date, child=None, category="NEG"):
    """A child of sw_alice's with a plan that started at an ICPC on `icpc_on`."""
    child = child or personas.child_for(personas.sw_alice)
    start = icpc_on - dt.timedelta(days=14)
    enquiry = enquiry_needing_icpc(child, personas.sw_alice, referred_on=start,
                                   discussed_on=start, completed_on=start)
    return plan_from_icpc(enquiry, actor=personas.iro_erin, chair=personas.iro_erin,
                          on=icpc_on, category=category)
