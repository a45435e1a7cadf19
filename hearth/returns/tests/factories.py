"""A small hand-built set of records for the census tests, made with the other apps' own test
factories and services (synthetic people only)."""

import datetime as dt
from dataclasses import dataclass

from hearth.assessments import services as assessment_services
from hearth.assessments.tests.factories import assessment_for, completed
from hearth.cin import services as cin_services
from hearth.cin.tests.factories import plan_for
from hearth.frontdoor import services as frontdoor_services
from hearth.frontdoor.tests.factories import referral_for
from hearth.people.models import Person
from hearth.protection import services as protection
from hearth.protection.codes import ConferenceOutcome, Section47Outcome
from hearth.protection.tests.factories import discussion

D = dt.date


@dataclass
class Records:
    protected: Person  # assessed, section 47, initial conference, plan, reviews
    nfa: Person  # one referral with no further action, no UPN and no reason recorded
    closed_before: Person  # episodes over before the year began: not in the census
    in_need: Person  # a child in need plan still open at the reference date
    unborn: Person


def build_records(personas) -> Records:
    alice, bob, erin = personas.sw_alice, personas.tm_bob, personas.iro_erin

    protected = personas.child_for(alice, date_of_birth=D(2016, 2, 3), ethnicity="MWBC",
                                   disabilities=["MOB", "LD"], sex="F")
    assessment = assessment_for(protected, alice, referred_on=D(2025, 5, 6))
    completed(assessment, alice, on=D(2025, 6, 2), factors=("3A", "16A"))
    assessment_services.assessment_authorise(assessment=assessment, actor=bob,
                                             authorised_on=D(2025, 6, 3),
                                             outcome="strategy_discussion")
    enquiry = discussion(assessment.referral, alice, on=D(2025, 6, 4)).section47
    protection.section47_conclude(enquiry=enquiry, actor=alice,
                                  outcome=Section47Outcome.CONTINUING_RISK,
                                  completed_on=D(2025, 6, 10), icpc_required=True)
    icpc = protection.initial_conference_record(
        enquiry=enquiry, actor=erin, held_on=D(2025, 6, 20), chair=erin,
        outcome=ConferenceOutcome.PLAN, category="NEG")
    plan = icpc.started_plan
    protection.review_conference_record(plan=plan, actor=erin, held_on=D(2025, 9, 19),
                                        chair=erin, outcome=ConferenceOutcome.CONTINUE_PLAN,
                                        category="EMO")
    protection.review_conference_record(plan=plan, actor=erin, held_on=D(2026, 3, 13),
                                        chair=erin, outcome=ConferenceOutcome.CONTINUE_PLAN,
                                        category="EMO")
    # After the reference date: not yet a fact on 31 March 2026.
    protection.review_conference_record(plan=plan, actor=erin, held_on=D(2026, 6, 12),
                                        chair=erin, outcome=ConferenceOutcome.CONTINUE_PLAN,
                                        category="PHY")

    nfa = personas.child_for(alice, date_of_birth=D(2012, 9, 1), upn="", upn_unknown="")
    referral_for(nfa, actor=alice, referral_date=D(2025, 7, 1), no_further_action=True,
                 primary_need="", source="2A")

    closed_before = personas.child_for(alice)
    old = referral_for(closed_before, actor=alice, referral_date=D(2024, 1, 10))
    frontdoor_services.referral_close(referral=old, closed_on=D(2025, 3, 1),
                                      closure_reason="RC7", has_assessment=False, actor=bob)
    # No further action before the year began: over that day, though never closed.
    referral_for(closed_before, actor=alice, referral_date=D(2025, 3, 10),
                 no_further_action=True, primary_need="")

    in_need = personas.child_for(alice, date_of_birth=D(2019, 11, 30))
    first = plan_for(in_need, alice, referred_on=D(2025, 4, 14), started_on=D(2025, 5, 1))
    # A review replaces the plan with a new one the same day: one period in the census.
    cin_services.cin_plan_end(plan=first, ended_on=D(2025, 9, 1), actor=bob)
    second = cin_services.cin_plan_start(referral=first.referral, started_on=D(2025, 9, 1),
                                         actor=alice)
    cin_services.cin_plan_end(plan=second, ended_on=D(2026, 5, 1), actor=bob)

    unborn = personas.child_for(alice, expected_date_of_birth=D(2026, 7, 20))
    referral_for(unborn, actor=alice, referral_date=D(2026, 2, 2), source="3B")
    return Records(protected, nfa, closed_before, in_need, unborn)


def with_a_wrong_upn(made: Records) -> Records:
    """The protected child's UPN typed with an LA number the DfE does not know (999), as a
    previous system's data might hold it: rule 1530 fails for that child alone."""
    import random

    from hearth.synthetic.names import upn

    Person.objects.filter(pk=made.protected.pk).update(
        upn=upn(random.Random(1), la_code="999", year=16))
    made.protected.refresh_from_db()
    return made
