"""Records a case history through the services, one event at a time, in the order given.

Every event becomes one service call, so an imported (or synthesised) history passes the rules a
user's entry would and is audited the same way. The runner keeps the records each event made by
their file-local `ref`, for the events that point at them.

Every event runs as the runner's system job (`core.context.as_system_job`), so its audit events
name the job beside the event's `by` user, including those of the services that take no
`system_job` argument (the protection services, `assessment_authorise`, `child_deallocate`).
Services that need a person are given `by`, or the Hearth system account when there is none.
"""

from collections import Counter
from collections.abc import Mapping

from django.db import models

from hearth.accounts.models import Team, User
from hearth.accounts.services import system_user
from hearth.assessments import services as assessments
from hearth.care import services as care
from hearth.care.models import CareEpisode, CarePeriod
from hearth.cases import services as cases
from hearth.cin import services as cin
from hearth.core import context
from hearth.core.errors import DomainError
from hearth.frontdoor import services as frontdoor
from hearth.frontdoor.models import Referral
from hearth.health_education import services as health_education
from hearth.imports import history as h
from hearth.leaving_care import services as leaving_care
from hearth.leaving_care.models import CareLeaver, PathwayPlan
from hearth.missing import services as missing
from hearth.people import services as people
from hearth.people.models import Person
from hearth.permanence import services as permanence
from hearth.permanence.models import AdopterHousehold, AdoptionDecision, SpecialGuardianship
from hearth.protection import services as protection
from hearth.protection.models import ChildProtectionPlan, StrategyDiscussion

DEFAULT_ALLOCATION_REASON = "Case history imported"


class Directory:
    """Staff by username and teams by name, read once."""

    def __init__(self) -> None:
        self.users = {u.username: u for u in User.objects.select_related("team")}
        self.teams = {t.name: t for t in Team.objects.all()}
        self._system: User | None = None

    def user(self, username: str) -> User | None:
        return self.users.get(username) if username else None

    def team(self, name: str) -> Team | None:
        return self.teams.get(name)

    def system(self) -> User:
        if self._system is None:
            self._system = system_user()
        return self._system


def create_person(record: h.PersonRecord, *, system_job: str) -> Person:
    person = people.person_create(system_job=system_job, **record.values)
    for address in record.addresses:
        people.address_add(person=person, system_job=system_job, line_1=address.line_1,
                           line_2=address.line_2, town=address.town, postcode=address.postcode,
                           start_date=address.start_date, is_verified=address.is_verified)
    return person


def link_person(person: Person, link: h.RelationshipRecord, other: Person, *,
                system_job: str) -> None:
    people.relationship_add(person=person, other=other, kind=link.kind, system_job=system_job,
                            has_parental_responsibility=link.has_parental_responsibility,
                            lives_with=link.lives_with, start_date=link.start_date,
                            note=link.note)


class CaseRunner:
    """Runs one child's events; `records` maps each ref to the record its event made."""

    def __init__(self, *, child: Person, directory: Directory, system_job: str,
                 people_by_ref: Mapping[str, Person] | None = None,
                 counts: Counter | None = None):
        self.child = child
        self.directory = directory
        self.job = system_job
        self.people = people_by_ref or {}
        self.records: dict[str, models.Model] = {}
        self.counts = counts if counts is not None else Counter()

    def run(self, event: h.Event) -> None:
        with context.as_system_job(self.job):
            getattr(self, f"_{event.TYPE}")(event)
        self.counts[event.TYPE] += 1

    def allocate(self, allocation: h.CaseAllocation) -> None:
        cases.child_allocate(child=self.child, team=self.directory.team(allocation.team),
                             worker=self.directory.user(allocation.worker),
                             start_date=allocation.start_date, system_job=self.job,
                             reason=DEFAULT_ALLOCATION_REASON)
        self.counts["allocation"] += 1

    # ---- Who ---------------------------------------------------------------------------------

    def _by(self, event: h.Event) -> User | None:
        return self.directory.user(event.by)

    def _actor(self, event: h.Event) -> User:
        """For the services that need a person: `by`, else the system account."""
        return self._by(event) or self.directory.system()

    def _record(self, ref: str):
        if ref not in self.records:
            raise DomainError(f"{ref!r} has not been recorded in this case yet")
        return self.records[ref]

    # ---- Allocation --------------------------------------------------------------------------

    def _allocation(self, e: h.AllocationEvent) -> None:
        cases.child_allocate(child=self.child, team=self.directory.team(e.team),
                             worker=self.directory.user(e.worker), start_date=e.start_date,
                             actor=self._by(e), system_job=self.job, reason=e.reason)

    def _allocation_end(self, e: h.AllocationEndEvent) -> None:
        cases.child_deallocate(child=self.child, end_date=e.end_date, actor=self._actor(e))

    # ---- Front door --------------------------------------------------------------------------

    def _contact(self, e: h.ContactEvent) -> None:
        self.records[e.ref] = frontdoor.contact_record(
            child=self.child, received_at=e.received_at, source=e.source, concern=e.concern,
            consent=e.consent, consent_note=e.consent_note, source_detail=e.source_detail,
            others_involved=[self.people[ref] for ref in e.others_involved],
            actor=self._by(e), system_job=self.job)

    def _rating(self, e: h.RatingEvent) -> None:
        frontdoor.contact_rate(contact=self._record(e.contact), rag=e.rag, actor=self._by(e),
                               system_job=self.job)

    def _decision(self, e: h.DecisionEvent) -> None:
        contact = frontdoor.contact_decide(
            contact=self._record(e.contact), decision=e.decision, decision_reason=e.reason,
            decided_at=e.decided_at, rag=e.rag, primary_need=e.primary_need,
            actor=self._by(e), system_job=self.job)
        if e.referral:
            if contact.episode is None:
                raise DomainError(f"A {contact.get_decision_display().lower()} decision opens "
                                  "no episode of need", field="referral")
            self.records[e.referral] = contact.episode

    def _referral(self, e: h.ReferralEvent) -> None:
        self.records[e.ref] = frontdoor.referral_record(
            child=self.child, referral_date=e.referral_date, source=e.source,
            primary_need=e.primary_need, no_further_action=e.no_further_action,
            actor=self._by(e), system_job=self.job)

    def _closure(self, e: h.ClosureEvent) -> None:
        frontdoor.referral_close(referral=self._record(e.referral), closed_on=e.closed_on,
                                 closure_reason=e.reason, actor=self._by(e),
                                 system_job=self.job)

    # ---- Assessments -------------------------------------------------------------------------

    def _assessment_start(self, e: h.AssessmentStartEvent) -> None:
        self.records[e.ref] = assessments.assessment_start(
            referral=self._record(e.referral), started_on=e.started_on, kind=e.kind or None,
            actor=self._by(e), system_job=self.job)

    def _assessment_contribution(self, e: h.AssessmentContributionEvent) -> None:
        assessments.assessment_contribution_add(
            assessment=self._record(e.assessment), agency=e.agency, received_on=e.received_on,
            summary=e.summary, agency_name=e.agency_name, actor=self._by(e),
            system_job=self.job)

    def _assessment_complete(self, e: h.AssessmentCompleteEvent) -> None:
        assessments.assessment_update(
            assessment=self._record(e.assessment), child_seen_on=e.child_seen_on,
            seen_alone=e.seen_alone, factors=list(e.factors), completed_on=e.completed_on,
            actor=self._by(e), system_job=self.job)

    def _assessment_authorise(self, e: h.AssessmentAuthoriseEvent) -> None:
        assessments.assessment_authorise(
            assessment=self._record(e.assessment), actor=self._by(e),
            authorised_on=e.authorised_on, outcome=e.outcome, lateness_reason=e.lateness_reason)

    # ---- Child protection --------------------------------------------------------------------

    def _strategy_discussion(self, e: h.StrategyDiscussionEvent) -> None:
        referral = Referral.objects.get(pk=self._record(e.referral).pk)  # as it is now
        self.records[e.ref] = protection.strategy_discussion_record(
            referral=referral, actor=self._actor(e), held_on=e.held_on, decision=e.decision,
            held_at=e.held_at, reason=e.reason, participants=e.participants)

    def _enquiry_of(self, ref: str):
        discussion: StrategyDiscussion = self._record(ref)
        if discussion.section47_id is None:
            raise DomainError("That strategy discussion started no section 47 enquiry",
                              field="strategy_discussion")
        return discussion.section47

    def _section47_outcome(self, e: h.Section47OutcomeEvent) -> None:
        protection.section47_conclude(
            enquiry=self._enquiry_of(e.strategy_discussion), actor=self._actor(e),
            outcome=e.outcome, completed_on=e.completed_on, icpc_required=e.icpc_required)

    def _initial_conference(self, e: h.InitialConferenceEvent) -> None:
        conference = protection.initial_conference_record(
            enquiry=self._enquiry_of(e.strategy_discussion), actor=self._actor(e),
            held_on=e.held_on, chair=self.directory.user(e.chair), outcome=e.outcome,
            category=e.category, conference_format=e.conference_format,
            delay_reason=e.delay_reason, participants=e.participants)
        self.records[e.ref] = conference
        if e.plan_ref:
            plan = ChildProtectionPlan.objects.filter(initial_conference=conference).first()
            if plan is None:
                raise DomainError("This conference started no child protection plan",
                                  field="plan_ref")
            self.records[e.plan_ref] = plan

    def _review_conference(self, e: h.ReviewConferenceEvent) -> None:
        protection.review_conference_record(
            plan=self._record(e.plan), actor=self._actor(e), held_on=e.held_on,
            chair=self.directory.user(e.chair), outcome=e.outcome, category=e.category,
            conference_format=e.conference_format, delay_reason=e.delay_reason,
            participants=e.participants)

    def _core_group(self, e: h.CoreGroupEvent) -> None:
        protection.core_group_record(plan=self._record(e.plan), actor=self._actor(e),
                                     held_on=e.held_on, note=e.note,
                                     participants=e.participants)

    def _cp_visit(self, e: h.CpVisitEvent) -> None:
        protection.cp_visit_record(plan=self._record(e.plan), actor=self._actor(e),
                                   visited_on=e.visited_on, child_seen=e.child_seen,
                                   seen_alone=e.seen_alone, bedroom_seen=e.bedroom_seen,
                                   note=e.note)

    def _cp_plan_end(self, e: h.CpPlanEndEvent) -> None:
        protection.cp_plan_end(plan=self._record(e.plan), actor=self._actor(e),
                               end_date=e.end_date, reason=e.reason, note=e.note)

    # ---- Child in need plans -----------------------------------------------------------------

    def _cin_plan_start(self, e: h.CinPlanStartEvent) -> None:
        self.records[e.ref] = cin.cin_plan_start(referral=self._record(e.referral),
                                                 started_on=e.started_on, actor=self._by(e),
                                                 system_job=self.job)

    def _cin_plan_review(self, e: h.CinPlanReviewEvent) -> None:
        cin.cin_plan_review(plan=self._record(e.plan), reviewed_on=e.reviewed_on, note=e.note,
                            actor=self._by(e), system_job=self.job)

    def _cin_plan_visit(self, e: h.CinPlanVisitEvent) -> None:
        cin.cin_plan_visit(plan=self._record(e.plan), visited_on=e.visited_on,
                           child_seen=e.child_seen, seen_alone=e.seen_alone,
                           bedroom_seen=e.bedroom_seen, note=e.note, actor=self._by(e),
                           system_job=self.job)

    def _cin_plan_end(self, e: h.CinPlanEndEvent) -> None:
        cin.cin_plan_end(plan=self._record(e.plan), ended_on=e.ended_on, end_reason=e.reason,
                         actor=self._by(e), system_job=self.job)

    # ---- Children in care --------------------------------------------------------------------

    def _care_start(self, e: h.CareStartEvent) -> None:
        self.records[e.ref] = care.care_period_start(
            child=self.child, started_on=e.started_on, legal_status=e.legal_status,
            category_of_need=e.category_of_need, placement=_placement(e), actor=self._by(e),
            system_job=self.job, reason_new_episode=e.reason_new_episode)

    def _period(self, ref: str) -> CarePeriod:
        return CarePeriod.objects.get(pk=self._record(ref).pk)  # as it is now

    def _care_episode(self, e: h.CareEpisodeEvent) -> None:
        care.episode_change(
            period=self._period(e.period), changed_on=e.changed_on, legal_status=e.legal_status,
            category_of_need=e.category_of_need, placement=_placement(e),
            same_carers=e.same_carers, reason_place_change=e.reason_place_change,
            actor=self._by(e), system_job=self.job)

    def _iro_allocation(self, e: h.IroAllocationEvent) -> None:
        care.iro_allocate(period=self._period(e.period), iro=self.directory.user(e.iro),
                          allocated_on=e.allocated_on, actor=self._by(e), system_job=self.job)

    def _cla_review(self, e: h.ClaReviewEvent) -> None:
        care.cla_review_record(
            period=self._period(e.period), held_on=e.held_on, chair=self.directory.user(e.chair),
            participation=e.participation, note=e.note, actor=self._by(e), system_job=self.job)

    def _cla_visit(self, e: h.ClaVisitEvent) -> None:
        care.cla_visit_record(
            period=self._period(e.period), visited_on=e.visited_on, child_seen=e.child_seen,
            seen_alone=e.seen_alone, bedroom_seen=e.bedroom_seen, note=e.note,
            actor=self._by(e), system_job=self.job)

    def _placement_sign_off(self, e: h.PlacementSignOffEvent) -> None:
        episode = CareEpisode.objects.filter(period=self._period(e.period),
                                             ended_on__isnull=True).first()
        if episode is None:
            raise DomainError("This period of care has ended: there is no placement to sign off",
                              field="period")
        care.placement_sign_off(episode=episode, note=e.note, actor=self._actor(e),
                                system_job=self.job)

    def _care_end(self, e: h.CareEndEvent) -> None:
        care.care_end(period=self._period(e.period), ended_on=e.ended_on, reason=e.reason,
                      actor=self._by(e), system_job=self.job)

    # ---- Health and education of children in care --------------------------------------------

    def _health_check(self, e: h.HealthCheckEvent) -> None:
        health_education.health_check_record(
            period=self._period(e.period), kind=e.kind, done_on=e.done_on,
            carried_out_by=e.carried_out_by, note=e.note, actor=self._actor(e))

    def _immunisations(self, e: h.ImmunisationsEvent) -> None:
        health_education.immunisations_record(
            period=self._period(e.period), as_at=e.as_at, up_to_date=e.up_to_date, note=e.note,
            actor=self._actor(e))

    def _sdq(self, e: h.SdqEvent) -> None:
        health_education.sdq_record(period=self._period(e.period), completed_on=e.completed_on,
                                    score=e.score, reason=e.reason, note=e.note,
                                    actor=self._actor(e))

    def _pep(self, e: h.PepEvent) -> None:
        health_education.pep_record(
            period=self._period(e.period), held_on=e.held_on, school=e.school,
            chaired_by_child=e.chaired_by_child,
            virtual_school_attended=e.virtual_school_attended, note=e.note, actor=self._actor(e))

    def _education_contact(self, e: h.EducationContactEvent) -> None:
        health_education.education_contact_record(
            period=self._period(e.period), kind=e.kind, contacted_on=e.contacted_on,
            contact_name=e.contact_name, note=e.note, actor=self._actor(e))

    # ---- Permanence of children in care ------------------------------------------------------

    def _permanence_plan(self, e: h.PermanencePlanEvent) -> None:
        permanence.plan_record(period=self._period(e.period), plan_type=e.plan_type,
                               agreed_on=e.agreed_on, stage=e.stage, note=e.note,
                               actor=self._by(e), system_job=self.job)

    def _permanence_stage(self, e: h.PermanenceStageEvent) -> None:
        permanence.stage_change(period=self._period(e.period), stage=e.stage, since=e.since,
                                note=e.note, actor=self._by(e), system_job=self.job)

    def _permanence_panel(self, e: h.PermanencePanelEvent) -> None:
        permanence.panel_record(period=self._period(e.period), kind=e.kind, held_on=e.held_on,
                                recommendation=e.recommendation, note=e.note,
                                actor=self._by(e), system_job=self.job)

    def _adoption_decision(self, e: h.AdoptionDecisionEvent) -> None:
        permanence.adoption_decision_record(
            period=self._period(e.period), decided_on=e.decided_on,
            decision_maker=e.decision_maker, note=e.note, actor=self._by(e),
            system_job=self.job)

    def _adoption_step(self, e: h.Event, step: str, *, household=None, reason: str = "") -> None:
        """A step of the period's open adoption decision (the latest, if more than one)."""
        decision = AdoptionDecision.objects.filter(
            period=self._period(e.period), reversed_on__isnull=True,
            adoption_order_on__isnull=True).order_by("-decided_on", "-id").first()
        if decision is None:
            raise DomainError("This period of care has no open adoption decision: record the "
                              "adoption_decision first", field="period")
        permanence.adoption_step_record(decision=decision, step=step, on=getattr(e, step),
                                        household=household, reason=reason,
                                        actor=self._by(e), system_job=self.job)

    def _placement_order(self, e: h.PlacementOrderEvent) -> None:
        self._adoption_step(e, "placement_order_on")

    def _fostering_for_adoption(self, e: h.FosteringForAdoptionEvent) -> None:
        self._adoption_step(e, "ffa_placed_on")

    def _adoption_match(self, e: h.AdoptionMatchEvent) -> None:
        household = AdopterHousehold.objects.filter(reference=e.household).first()
        if household is None:
            raise DomainError(f"There are no prospective adopters with the family identifier "
                              f"{e.household!r}", field="household")
        self._adoption_step(e, "matched_on", household=household)

    def _placed_for_adoption(self, e: h.PlacedForAdoptionEvent) -> None:
        self._adoption_step(e, "placed_on")

    def _adoption_order(self, e: h.AdoptionOrderEvent) -> None:
        self._adoption_step(e, "adoption_order_on")

    def _adoption_reversed(self, e: h.AdoptionReversedEvent) -> None:
        self._adoption_step(e, "reversed_on", reason=e.reversed_reason)

    def _sgo_assessment(self, e: h.SgoAssessmentEvent) -> None:
        sgo = permanence.sgo_assessment_start(
            period=self._period(e.period), guardians=e.guardians, relationship=e.relationship,
            started_on=e.started_on, note=e.note, actor=self._by(e), system_job=self.job)
        if e.assessment_completed_on is not None:
            permanence.sgo_step_record(sgo=sgo, step="assessment_completed_on",
                                       on=e.assessment_completed_on, actor=self._by(e),
                                       system_job=self.job)

    def _sgo_order(self, e: h.SgoOrderEvent) -> None:
        sgo = SpecialGuardianship.objects.filter(
            period=self._period(e.period), order_on__isnull=True).order_by(
            "-assessment_started_on", "-id").first()
        if sgo is None:
            raise DomainError("This period of care has no special guardianship assessment "
                              "without an order: record the sgo_assessment first",
                              field="period")
        permanence.sgo_step_record(sgo=sgo, step="order_on", on=e.order_on, actor=self._by(e),
                                   system_job=self.job)

    def _long_term_match(self, e: h.LongTermMatchEvent) -> None:
        permanence.long_term_match_record(period=self._period(e.period), carers=e.carers,
                                          matched_on=e.matched_on, note=e.note,
                                          actor=self._by(e), system_job=self.job)

    def _reunification(self, e: h.ReunificationEvent) -> None:
        reunification = permanence.reunification_record(
            period=self._period(e.period), returned_home_on=e.returned_home_on, note=e.note,
            actor=self._by(e), system_job=self.job)
        if e.care_order_discharged_on is not None:
            permanence.discharge_record(reunification=reunification,
                                        discharged_on=e.care_order_discharged_on,
                                        actor=self._by(e), system_job=self.job)

    def _previous_permanence(self, e: h.PreviousPermanenceEvent) -> None:
        permanence.previous_permanence_record(period=self._period(e.period), order=e.order,
                                              la_code=e.la_code, order_on=e.order_on,
                                              actor=self._by(e), system_job=self.job)

    # ---- Missing episodes and return home interviews -----------------------------------------

    def _missing_episode(self, e: h.MissingEpisodeEvent) -> None:
        self.records[e.ref] = missing.missing_episode_record(
            child=self.child, kind=e.kind, started_at=e.started_at,
            reported_to_police=e.reported_to_police, police_reference=e.police_reference,
            risks=list(e.risks), risk_note=e.risk_note, returned_at=e.returned_at,
            found_at_place=e.found_at_place, actor=self._by(e), system_job=self.job)

    def _missing_return(self, e: h.MissingReturnEvent) -> None:
        missing.missing_episode_record_return(
            episode=self._record(e.episode), returned_at=e.returned_at,
            found_at_place=e.found_at_place, actor=self._by(e), system_job=self.job)

    def _return_interview_offer(self, e: h.ReturnInterviewOfferEvent) -> None:
        missing.return_interview_offer(episode=self._record(e.episode), offered_at=e.offered_at,
                                       accepted=e.accepted, note=e.note, actor=self._by(e),
                                       system_job=self.job)

    def _return_interview(self, e: h.ReturnInterviewEvent) -> None:
        missing.return_interview_hold(
            episode=self._record(e.episode), held_at=e.held_at, conducted_by=e.conducted_by,
            independent=e.independent, seen_alone=e.seen_alone,
            risks_found=list(e.risks_found), note=e.note, actor=self._by(e),
            system_job=self.job)

    def _return_interview_declined(self, e: h.ReturnInterviewDeclinedEvent) -> None:
        missing.return_interview_decline(episode=self._record(e.episode),
                                         declined_on=e.declined_on, note=e.note,
                                         actor=self._by(e), system_job=self.job)

    # ---- Care leavers ------------------------------------------------------------------------

    def _care_leaver(self, e: h.CareLeaverEvent) -> None:
        self.records[e.ref] = leaving_care.care_leaver_record(
            child=self.child, category=e.category, applies_from=e.applies_from,
            left_care_on=e.left_care_on,
            personal_adviser=self.directory.user(e.personal_adviser), actor=self._by(e),
            system_job=self.job)

    def _leaver(self, ref: str) -> CareLeaver:
        return CareLeaver.objects.get(pk=self._record(ref).pk)  # as it is now

    def _care_leaver_category(self, e: h.CareLeaverCategoryEvent) -> None:
        leaving_care.care_leaver_category_change(
            care_leaver=self._leaver(e.care_leaver), category=e.category,
            applies_from=e.applies_from, left_care_on=e.left_care_on, actor=self._by(e),
            system_job=self.job)

    def _personal_adviser(self, e: h.PersonalAdviserEvent) -> None:
        leaving_care.personal_adviser_allocate(
            care_leaver=self._leaver(e.care_leaver), adviser=self.directory.user(e.adviser),
            allocated_on=e.allocated_on, actor=self._by(e), system_job=self.job)

    def _pathway_needs_assessment(self, e: h.NeedsAssessmentEvent) -> None:
        leaving_care.needs_assessment_record(care_leaver=self._leaver(e.care_leaver),
                                             completed_on=e.completed_on, actor=self._by(e),
                                             system_job=self.job)

    def _pathway_plan(self, e: h.PathwayPlanEvent) -> None:
        leaving_care.pathway_plan_agree(care_leaver=self._leaver(e.care_leaver),
                                        agreed_on=e.agreed_on, actor=self._by(e),
                                        system_job=self.job)

    def _pathway_plan_review(self, e: h.PathwayPlanReviewEvent) -> None:
        plan = PathwayPlan.objects.filter(care_leaver=self._record(e.care_leaver)).first()
        if plan is None:
            raise DomainError("Agree the pathway plan (a pathway_plan event) before reviewing "
                              "it", field="care_leaver")
        leaving_care.pathway_plan_review(plan=plan, reviewed_on=e.reviewed_on, note=e.note,
                                         actor=self._by(e), system_job=self.job)

    def _care_leaver_contact(self, e: h.CareLeaverContactEvent) -> None:
        leaving_care.contact_record(
            care_leaver=self._leaver(e.care_leaver), contact_on=e.contact_on, kind=e.kind,
            in_touch=e.in_touch, made_by=self.directory.user(e.made_by), note=e.note,
            actor=self._by(e), system_job=self.job)

    def _care_leaver_situation(self, e: h.CareLeaverSituationEvent) -> None:
        leaving_care.situation_record(
            care_leaver=self._leaver(e.care_leaver), as_at=e.as_at, in_touch=e.in_touch,
            activity=e.activity, accommodation=e.accommodation,
            accommodation_suitable=e.accommodation_suitable, actor=self._by(e),
            system_job=self.job)

    def _staying_put_start(self, e: h.StayingPutStartEvent) -> None:
        leaving_care.staying_put_start(care_leaver=self._leaver(e.care_leaver), carers=e.carers,
                                       started_on=e.started_on, ended_on=e.ended_on,
                                       actor=self._by(e), system_job=self.job)

    def _staying_put_end(self, e: h.StayingPutEndEvent) -> None:
        leaving_care.staying_put_end(care_leaver=self._leaver(e.care_leaver),
                                     ended_on=e.ended_on, actor=self._by(e),
                                     system_job=self.job)

    def _entitlement_offer(self, e: h.EntitlementOfferEvent) -> None:
        leaving_care.entitlement_offer(
            care_leaver=self._leaver(e.care_leaver), kind=e.kind, offered_on=e.offered_on,
            detail=e.detail, taken_up=e.taken_up, actor=self._by(e), system_job=self.job)

    def _support_to_25_request(self, e: h.SupportTo25Event) -> None:
        leaving_care.support_to_25_request(care_leaver=self._leaver(e.care_leaver),
                                           requested_on=e.requested_on, actor=self._by(e),
                                           system_job=self.job)


def _placement(e: h.PlacementFields) -> care.Placement:
    return care.Placement(
        placement_type=e.placement_type, provision=e.provision,
        placement_postcode=e.placement_postcode, provider_type=e.provider_type, urn=e.urn,
        home_postcode=e.home_postcode, intended_until_18=e.intended_until_18,
        head_of_service_agreed=e.head_of_service_agreed)
