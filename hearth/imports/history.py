"""Case histories as Hearth records them: people, and each child's dated events in order.

A file in the import format (docs/import-format.md) is read into these classes, and the synthetic
authority writes its casework as them too; `runner.CaseRunner` records both through the services.
Events name each other by file-local references (`ref`): an assessment names its referral's ref,
a core group its plan's.
"""

import datetime as dt
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import ClassVar

from hearth.workingdays.rules import LONDON

Participants = tuple[Mapping, ...]


# ---- People -------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class AddressRecord:
    line_1: str
    town: str
    postcode: str
    start_date: dt.date
    line_2: str = ""
    is_verified: bool = False


@dataclass(frozen=True, kw_only=True)
class RelationshipRecord:
    """A link from the person to `other` (a person's ref); the reverse link is made with it."""

    kind: str
    other: str
    has_parental_responsibility: bool = False
    lives_with: bool = False
    start_date: dt.date | None = None
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class PersonRecord:
    ref: str
    values: dict  # person_create's fields: names, demographics (DfE codes) and identifiers
    addresses: tuple[AddressRecord, ...] = ()
    relationships: tuple[RelationshipRecord, ...] = ()


# ---- Events -------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Event:
    """Something that happened on a child's case. `by` is the username of who recorded it."""

    TYPE: ClassVar[str] = ""
    DATE_FIELD: ClassVar[str] = ""
    by: str = ""

    @property
    def day(self) -> dt.date | None:
        value = getattr(self, self.DATE_FIELD) if self.DATE_FIELD else None
        return value.astimezone(LONDON).date() if isinstance(value, dt.datetime) else value

    def refs_used(self) -> dict[str, str]:
        """{field: ref} for the earlier events this one points at."""
        return {name: getattr(self, name) for name in REF_FIELDS.get(self.TYPE, ())
                if getattr(self, name)}


@dataclass(frozen=True, kw_only=True)
class AllocationEvent(Event):
    TYPE = "allocation"
    DATE_FIELD = "start_date"
    start_date: dt.date
    team: str
    worker: str = ""
    reason: str = ""


@dataclass(frozen=True, kw_only=True)
class AllocationEndEvent(Event):
    TYPE = "allocation_end"
    DATE_FIELD = "end_date"
    end_date: dt.date


@dataclass(frozen=True, kw_only=True)
class ContactEvent(Event):
    TYPE = "contact"
    DATE_FIELD = "received_at"
    ref: str
    received_at: dt.datetime
    source: str
    concern: str
    consent: str
    consent_note: str = ""
    source_detail: str = ""
    others_involved: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class RatingEvent(Event):
    """A RAG rating before the decision (Hearth keeps the time it was recorded, not given)."""

    TYPE = "rating"
    contact: str
    rag: str


@dataclass(frozen=True, kw_only=True)
class DecisionEvent(Event):
    """A referral or strategy decision opens an episode (or joins the open one): `referral`
    names it for the events that follow."""

    TYPE = "decision"
    DATE_FIELD = "decided_at"
    contact: str
    decided_at: dt.datetime
    decision: str
    reason: str
    rag: str = ""
    primary_need: str = ""
    referral: str = ""


@dataclass(frozen=True, kw_only=True)
class ReferralEvent(Event):
    TYPE = "referral"
    DATE_FIELD = "referral_date"
    ref: str
    referral_date: dt.date
    source: str
    primary_need: str = ""
    no_further_action: bool = False


@dataclass(frozen=True, kw_only=True)
class AssessmentStartEvent(Event):
    TYPE = "assessment_start"
    DATE_FIELD = "started_on"
    ref: str
    referral: str
    started_on: dt.date
    kind: str = ""


@dataclass(frozen=True, kw_only=True)
class AssessmentContributionEvent(Event):
    TYPE = "assessment_contribution"
    DATE_FIELD = "received_on"
    assessment: str
    agency: str
    received_on: dt.date
    summary: str
    agency_name: str = ""


@dataclass(frozen=True, kw_only=True)
class AssessmentCompleteEvent(Event):
    TYPE = "assessment_complete"
    DATE_FIELD = "completed_on"
    assessment: str
    completed_on: dt.date
    factors: tuple[str, ...]
    child_seen_on: dt.date | None = None
    seen_alone: bool = False


@dataclass(frozen=True, kw_only=True)
class AssessmentAuthoriseEvent(Event):
    TYPE = "assessment_authorise"
    DATE_FIELD = "authorised_on"
    assessment: str
    authorised_on: dt.date
    outcome: str
    lateness_reason: str = ""


@dataclass(frozen=True, kw_only=True)
class StrategyDiscussionEvent(Event):
    TYPE = "strategy_discussion"
    DATE_FIELD = "held_on"
    ref: str
    referral: str
    held_on: dt.date
    decision: str
    held_at: dt.time | None = None
    reason: str = ""
    participants: Participants = ()


@dataclass(frozen=True, kw_only=True)
class Section47OutcomeEvent(Event):
    """The outcome of the enquiry that `strategy_discussion` started or was held during."""

    TYPE = "section47_outcome"
    DATE_FIELD = "completed_on"
    strategy_discussion: str
    completed_on: dt.date
    outcome: str
    icpc_required: bool


@dataclass(frozen=True, kw_only=True)
class InitialConferenceEvent(Event):
    """The conference for the enquiry of `strategy_discussion`; a plan outcome starts the plan
    named `plan_ref`."""

    TYPE = "initial_conference"
    DATE_FIELD = "held_on"
    ref: str
    strategy_discussion: str
    held_on: dt.date
    chair: str
    outcome: str
    plan_ref: str = ""
    category: str = ""
    conference_format: str = ""
    delay_reason: str = ""
    participants: Participants = ()


@dataclass(frozen=True, kw_only=True)
class ReviewConferenceEvent(Event):
    TYPE = "review_conference"
    DATE_FIELD = "held_on"
    plan: str
    held_on: dt.date
    chair: str
    outcome: str
    category: str = ""
    conference_format: str = ""
    delay_reason: str = ""
    participants: Participants = ()


@dataclass(frozen=True, kw_only=True)
class CoreGroupEvent(Event):
    TYPE = "core_group"
    DATE_FIELD = "held_on"
    plan: str
    held_on: dt.date
    note: str = ""
    participants: Participants = ()


@dataclass(frozen=True, kw_only=True)
class CpVisitEvent(Event):
    TYPE = "cp_visit"
    DATE_FIELD = "visited_on"
    plan: str
    visited_on: dt.date
    child_seen: bool
    seen_alone: bool = False
    bedroom_seen: bool = False
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class CpPlanEndEvent(Event):
    TYPE = "cp_plan_end"
    DATE_FIELD = "end_date"
    plan: str
    end_date: dt.date
    reason: str
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class CinPlanStartEvent(Event):
    TYPE = "cin_plan_start"
    DATE_FIELD = "started_on"
    ref: str
    referral: str
    started_on: dt.date


@dataclass(frozen=True, kw_only=True)
class CinPlanReviewEvent(Event):
    TYPE = "cin_plan_review"
    DATE_FIELD = "reviewed_on"
    plan: str
    reviewed_on: dt.date
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class CinPlanVisitEvent(Event):
    TYPE = "cin_plan_visit"
    DATE_FIELD = "visited_on"
    plan: str
    visited_on: dt.date
    child_seen: bool
    seen_alone: bool = False
    bedroom_seen: bool = False
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class CinPlanEndEvent(Event):
    TYPE = "cin_plan_end"
    DATE_FIELD = "ended_on"
    plan: str
    ended_on: dt.date
    reason: str = ""


@dataclass(frozen=True, kw_only=True)
class ClosureEvent(Event):
    """Closes the episode of need `referral` with a DfE reason for closure."""

    TYPE = "closure"
    DATE_FIELD = "closed_on"
    referral: str
    closed_on: dt.date
    reason: str


# ---- Children in care ---------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class PlacementFields:
    """Where the child lives during an episode (hearth.care.services.Placement). `provision`
    says how the placement is regulated; unregistered or unregulated provision, or an under-16
    in supported accommodation, waits for the head of service's sign-off."""

    placement_type: str
    placement_postcode: str
    provider_type: str = ""
    provision: str = "registered"
    urn: str = ""
    home_postcode: str = ""
    intended_until_18: bool = False
    head_of_service_agreed: bool = False


@dataclass(frozen=True, kw_only=True)
class CareStartEvent(PlacementFields, Event):
    """The child becomes looked after: the period of care `ref` and its first episode."""

    TYPE = "care_start"
    DATE_FIELD = "started_on"
    ref: str
    started_on: dt.date
    legal_status: str
    category_of_need: str
    reason_new_episode: str = "S"  # another when the period began in records not imported


@dataclass(frozen=True, kw_only=True)
class CareEpisodeEvent(PlacementFields, Event):
    """A new legal status or placement in the period of care `period`: the current episode
    ends that day and the next begins. A change of placement needs `reason_place_change`."""

    TYPE = "care_episode"
    DATE_FIELD = "changed_on"
    period: str
    changed_on: dt.date
    legal_status: str
    category_of_need: str
    reason_place_change: str = ""
    same_carers: bool = False


@dataclass(frozen=True, kw_only=True)
class IroAllocationEvent(Event):
    TYPE = "iro_allocation"
    DATE_FIELD = "allocated_on"
    period: str
    allocated_on: dt.date
    iro: str


@dataclass(frozen=True, kw_only=True)
class ClaReviewEvent(Event):
    TYPE = "cla_review"
    DATE_FIELD = "held_on"
    period: str
    held_on: dt.date
    chair: str
    participation: str
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class ClaVisitEvent(Event):
    TYPE = "cla_visit"
    DATE_FIELD = "visited_on"
    period: str
    visited_on: dt.date
    child_seen: bool
    seen_alone: bool = False
    bedroom_seen: bool = False
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class PlacementSignOffEvent(Event):
    """The head of service (`by`) signs off the current placement of `period`. Hearth keeps
    the time it was recorded, not given (like a rating)."""

    TYPE = "placement_sign_off"
    period: str
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class CareEndEvent(Event):
    """The child ceases to be looked after: the DfE reason (REC, not X1) ends the period."""

    TYPE = "care_end"
    DATE_FIELD = "ended_on"
    period: str
    ended_on: dt.date
    reason: str


# ---- Health and education of children in care (hearth.health_education) -----------------------


@dataclass(frozen=True, kw_only=True)
class HealthCheckEvent(Event):
    """An initial or review health assessment, or a dental check, in the period `period`."""

    TYPE = "health_check"
    DATE_FIELD = "done_on"
    period: str
    kind: str
    done_on: dt.date
    carried_out_by: str
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class ImmunisationsEvent(Event):
    TYPE = "immunisations"
    DATE_FIELD = "as_at"
    period: str
    as_at: dt.date
    up_to_date: bool
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class SdqEvent(Event):
    """A strengths and difficulties questionnaire: a score, or the 903 reason there is none."""

    TYPE = "sdq"
    DATE_FIELD = "completed_on"
    period: str
    completed_on: dt.date
    score: int | None = None
    reason: str = ""
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class PepEvent(Event):
    TYPE = "pep"
    DATE_FIELD = "held_on"
    period: str
    held_on: dt.date
    school: str
    chaired_by_child: bool = False
    virtual_school_attended: bool = False
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class EducationContactEvent(Event):
    TYPE = "education_contact"
    DATE_FIELD = "contacted_on"
    period: str
    kind: str
    contacted_on: dt.date
    contact_name: str
    note: str = ""


# ---- Missing episodes and return home interviews (hearth.missing) -----------------------------


@dataclass(frozen=True, kw_only=True)
class MissingEpisodeEvent(Event):
    """The child went missing (or away without authorisation): the episode `ref`. With
    `returned_at` the return is recorded too and the 72-hour interview clock starts."""

    TYPE = "missing_episode"
    DATE_FIELD = "started_at"
    ref: str
    kind: str
    started_at: dt.datetime
    reported_to_police: bool = False
    police_reference: str = ""
    risks: tuple[str, ...] = ()
    risk_note: str = ""
    returned_at: dt.datetime | None = None
    found_at_place: str = ""


@dataclass(frozen=True, kw_only=True)
class MissingReturnEvent(Event):
    TYPE = "missing_return"
    DATE_FIELD = "returned_at"
    episode: str
    returned_at: dt.datetime
    found_at_place: str = ""


@dataclass(frozen=True, kw_only=True)
class ReturnInterviewOfferEvent(Event):
    TYPE = "return_interview_offer"
    DATE_FIELD = "offered_at"
    episode: str
    offered_at: dt.datetime
    accepted: bool
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class ReturnInterviewEvent(Event):
    """The return home interview was held."""

    TYPE = "return_interview"
    DATE_FIELD = "held_at"
    episode: str
    held_at: dt.datetime
    conducted_by: str
    independent: bool
    seen_alone: bool | None = None
    risks_found: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class ReturnInterviewDeclinedEvent(Event):
    """Declined, after an offer (after the third, "declined after 3 offers")."""

    TYPE = "return_interview_declined"
    DATE_FIELD = "declined_on"
    episode: str
    declined_on: dt.date
    note: str = ""


# ---- Care leavers (hearth.leaving_care) ---------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class CareLeaverEvent(Event):
    """The young person becomes a care leaver (`ref`) in a category, optionally with their
    personal adviser (a username) from that day."""

    TYPE = "care_leaver"
    DATE_FIELD = "applies_from"
    ref: str
    category: str
    applies_from: dt.date
    left_care_on: dt.date | None = None
    personal_adviser: str = ""


@dataclass(frozen=True, kw_only=True)
class CareLeaverCategoryEvent(Event):
    TYPE = "care_leaver_category"
    DATE_FIELD = "applies_from"
    care_leaver: str
    category: str
    applies_from: dt.date
    left_care_on: dt.date | None = None


@dataclass(frozen=True, kw_only=True)
class PersonalAdviserEvent(Event):
    TYPE = "personal_adviser"
    DATE_FIELD = "allocated_on"
    care_leaver: str
    adviser: str
    allocated_on: dt.date


@dataclass(frozen=True, kw_only=True)
class NeedsAssessmentEvent(Event):
    TYPE = "pathway_needs_assessment"
    DATE_FIELD = "completed_on"
    care_leaver: str
    completed_on: dt.date


@dataclass(frozen=True, kw_only=True)
class PathwayPlanEvent(Event):
    TYPE = "pathway_plan"
    DATE_FIELD = "agreed_on"
    care_leaver: str
    agreed_on: dt.date


@dataclass(frozen=True, kw_only=True)
class PathwayPlanReviewEvent(Event):
    TYPE = "pathway_plan_review"
    DATE_FIELD = "reviewed_on"
    care_leaver: str
    reviewed_on: dt.date
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class CareLeaverContactEvent(Event):
    TYPE = "care_leaver_contact"
    DATE_FIELD = "contact_on"
    care_leaver: str
    contact_on: dt.date
    kind: str
    in_touch: bool
    made_by: str = ""
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class CareLeaverSituationEvent(Event):
    """What the young person is doing and where they live (903 OC3 IN_TOUCH, ACTIV, ACCOM)."""

    TYPE = "care_leaver_situation"
    DATE_FIELD = "as_at"
    care_leaver: str
    as_at: dt.date
    in_touch: str
    activity: str = ""
    accommodation: str = ""
    accommodation_suitable: bool | None = None


@dataclass(frozen=True, kw_only=True)
class StayingPutStartEvent(Event):
    TYPE = "staying_put_start"
    DATE_FIELD = "started_on"
    care_leaver: str
    carers: str
    started_on: dt.date
    ended_on: dt.date | None = None


@dataclass(frozen=True, kw_only=True)
class StayingPutEndEvent(Event):
    TYPE = "staying_put_end"
    DATE_FIELD = "ended_on"
    care_leaver: str
    ended_on: dt.date


@dataclass(frozen=True, kw_only=True)
class EntitlementOfferEvent(Event):
    TYPE = "entitlement_offer"
    DATE_FIELD = "offered_on"
    care_leaver: str
    kind: str
    offered_on: dt.date
    detail: str = ""
    taken_up: bool | None = None


@dataclass(frozen=True, kw_only=True)
class SupportTo25Event(Event):
    TYPE = "support_to_25_request"
    DATE_FIELD = "requested_on"
    care_leaver: str
    requested_on: dt.date


# ---- Permanence of children in care (hearth.permanence) ------------------------------------------


@dataclass(frozen=True, kw_only=True)
class PermanencePlanEvent(Event):
    """The permanence plan agreed, or a change of plan type (the current plan ends that day)."""

    TYPE = "permanence_plan"
    DATE_FIELD = "agreed_on"
    period: str
    plan_type: str
    agreed_on: dt.date
    stage: str = "agreed"
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class PermanenceStageEvent(Event):
    TYPE = "permanence_stage"
    DATE_FIELD = "since"
    period: str
    stage: str
    since: dt.date
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class PermanencePanelEvent(Event):
    TYPE = "permanence_panel"
    DATE_FIELD = "held_on"
    period: str
    kind: str
    held_on: dt.date
    recommendation: str
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class AdoptionDecisionEvent(Event):
    """The agency decision maker decided the child should be placed for adoption. The adoption
    events after it (placement order ... adoption order, or the reversal) are steps of the
    period's open decision."""

    TYPE = "adoption_decision"
    DATE_FIELD = "decided_on"
    period: str
    decided_on: dt.date
    decision_maker: str
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class PlacementOrderEvent(Event):
    TYPE = "placement_order"
    DATE_FIELD = "placement_order_on"
    period: str
    placement_order_on: dt.date


@dataclass(frozen=True, kw_only=True)
class FosteringForAdoptionEvent(Event):
    TYPE = "fostering_for_adoption"
    DATE_FIELD = "ffa_placed_on"
    period: str
    ffa_placed_on: dt.date


@dataclass(frozen=True, kw_only=True)
class AdoptionMatchEvent(Event):
    """Matched with approved prospective adopters already in Hearth (their family identifier)."""

    TYPE = "adoption_match"
    DATE_FIELD = "matched_on"
    period: str
    matched_on: dt.date
    household: str


@dataclass(frozen=True, kw_only=True)
class PlacedForAdoptionEvent(Event):
    TYPE = "placed_for_adoption"
    DATE_FIELD = "placed_on"
    period: str
    placed_on: dt.date


@dataclass(frozen=True, kw_only=True)
class AdoptionOrderEvent(Event):
    TYPE = "adoption_order"
    DATE_FIELD = "adoption_order_on"
    period: str
    adoption_order_on: dt.date


@dataclass(frozen=True, kw_only=True)
class AdoptionReversedEvent(Event):
    """The child should no longer be placed for adoption (903 REASON_PLACED_CEASED RD1-RD4)."""

    TYPE = "adoption_reversed"
    DATE_FIELD = "reversed_on"
    period: str
    reversed_on: dt.date
    reversed_reason: str


@dataclass(frozen=True, kw_only=True)
class SgoAssessmentEvent(Event):
    """A special guardianship assessment started (and, with `assessment_completed_on`, done)."""

    TYPE = "sgo_assessment"
    DATE_FIELD = "started_on"
    period: str
    guardians: str
    relationship: str
    started_on: dt.date
    assessment_completed_on: dt.date | None = None
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class SgoOrderEvent(Event):
    """The special guardianship order, on the period's latest assessment without one."""

    TYPE = "sgo_order"
    DATE_FIELD = "order_on"
    period: str
    order_on: dt.date


@dataclass(frozen=True, kw_only=True)
class LongTermMatchEvent(Event):
    TYPE = "long_term_match"
    DATE_FIELD = "matched_on"
    period: str
    carers: str
    matched_on: dt.date
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class ReunificationEvent(Event):
    """The child returned home under the plan (and, with `care_order_discharged_on`, the care
    order was discharged)."""

    TYPE = "reunification"
    DATE_FIELD = "returned_home_on"
    period: str
    returned_home_on: dt.date
    care_order_discharged_on: dt.date | None = None
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class PreviousPermanenceEvent(Event):
    """The permanence order the child had before this period of care (903 PrevPerm)."""

    TYPE = "previous_permanence"
    DATE_FIELD = "order_on"
    period: str
    order: str
    la_code: str = ""
    order_on: dt.date | None = None


EVENT_TYPES: dict[str, type[Event]] = {cls.TYPE: cls for cls in (
    AllocationEvent, AllocationEndEvent, ContactEvent, RatingEvent, DecisionEvent,
    ReferralEvent, AssessmentStartEvent, AssessmentContributionEvent, AssessmentCompleteEvent,
    AssessmentAuthoriseEvent, StrategyDiscussionEvent, Section47OutcomeEvent,
    InitialConferenceEvent, ReviewConferenceEvent, CoreGroupEvent, CpVisitEvent, CpPlanEndEvent,
    CinPlanStartEvent, CinPlanReviewEvent, CinPlanVisitEvent, CinPlanEndEvent, ClosureEvent,
    CareStartEvent, CareEpisodeEvent, IroAllocationEvent, ClaReviewEvent, ClaVisitEvent,
    PlacementSignOffEvent, CareEndEvent,
    HealthCheckEvent, ImmunisationsEvent, SdqEvent, PepEvent, EducationContactEvent,
    MissingEpisodeEvent, MissingReturnEvent, ReturnInterviewOfferEvent, ReturnInterviewEvent,
    ReturnInterviewDeclinedEvent,
    CareLeaverEvent, CareLeaverCategoryEvent, PersonalAdviserEvent, NeedsAssessmentEvent,
    PathwayPlanEvent, PathwayPlanReviewEvent, CareLeaverContactEvent, CareLeaverSituationEvent,
    StayingPutStartEvent, StayingPutEndEvent, EntitlementOfferEvent, SupportTo25Event,
    PermanencePlanEvent, PermanenceStageEvent, PermanencePanelEvent, AdoptionDecisionEvent,
    PlacementOrderEvent, FosteringForAdoptionEvent, AdoptionMatchEvent, PlacedForAdoptionEvent,
    AdoptionOrderEvent, AdoptionReversedEvent, SgoAssessmentEvent, SgoOrderEvent,
    LongTermMatchEvent, ReunificationEvent, PreviousPermanenceEvent,
)}
HEALTH_EDUCATION_EVENTS = ("health_check", "immunisations", "sdq", "pep", "education_contact")
MISSING_EVENTS = ("missing_return", "return_interview_offer", "return_interview",
                  "return_interview_declined")
CARE_LEAVER_EVENTS = ("care_leaver_category", "personal_adviser", "pathway_needs_assessment",
                      "pathway_plan", "pathway_plan_review", "care_leaver_contact",
                      "care_leaver_situation", "staying_put_start", "staying_put_end",
                      "entitlement_offer", "support_to_25_request")
PERMANENCE_EVENTS = ("permanence_plan", "permanence_stage", "permanence_panel",
                     "adoption_decision", "placement_order", "fostering_for_adoption",
                     "adoption_match", "placed_for_adoption", "adoption_order",
                     "adoption_reversed", "sgo_assessment", "sgo_order", "long_term_match",
                     "reunification", "previous_permanence")

# What each reference names: the kind of record, and the events that define such a ref.
REFERENCE_KINDS: dict[str, tuple[str, ...]] = {
    "contact": ("contact",),
    "referral": ("referral", "decision"),
    "assessment": ("assessment_start",),
    "strategy discussion": ("strategy_discussion",),
    "child protection plan": ("initial_conference",),
    "child in need plan": ("cin_plan_start",),
    "period of care": ("care_start",),
    "missing episode": ("missing_episode",),
    "care leaver": ("care_leaver",),
}
# event type -> {field that points at an earlier event: the kind of record it names}
REF_FIELDS: dict[str, dict[str, str]] = {
    "rating": {"contact": "contact"},
    "decision": {"contact": "contact"},
    "assessment_start": {"referral": "referral"},
    "assessment_contribution": {"assessment": "assessment"},
    "assessment_complete": {"assessment": "assessment"},
    "assessment_authorise": {"assessment": "assessment"},
    "strategy_discussion": {"referral": "referral"},
    "cin_plan_start": {"referral": "referral"},
    "section47_outcome": {"strategy_discussion": "strategy discussion"},
    "initial_conference": {"strategy_discussion": "strategy discussion"},
    "review_conference": {"plan": "child protection plan"},
    "core_group": {"plan": "child protection plan"},
    "cp_visit": {"plan": "child protection plan"},
    "cp_plan_end": {"plan": "child protection plan"},
    "cin_plan_review": {"plan": "child in need plan"},
    "cin_plan_visit": {"plan": "child in need plan"},
    "cin_plan_end": {"plan": "child in need plan"},
    "closure": {"referral": "referral"},
    **{kind: {"period": "period of care"} for kind in (
        "care_episode", "iro_allocation", "cla_review", "cla_visit", "placement_sign_off",
        "care_end", *HEALTH_EDUCATION_EVENTS, *PERMANENCE_EVENTS)},
    **{kind: {"episode": "missing episode"} for kind in MISSING_EVENTS},
    **{kind: {"care_leaver": "care leaver"} for kind in CARE_LEAVER_EVENTS},
}


def refs_defined(event: Event) -> dict[str, str]:
    """{ref: kind of record} for the references this event defines."""
    defined: dict[str, str] = {}
    kind = {"contact": "contact", "referral": "referral", "assessment_start": "assessment",
            "strategy_discussion": "strategy discussion",
            "cin_plan_start": "child in need plan",
            "care_start": "period of care", "missing_episode": "missing episode",
            "care_leaver": "care leaver"}.get(event.TYPE)
    if kind and getattr(event, "ref", ""):
        defined[event.ref] = kind
    if isinstance(event, DecisionEvent) and event.referral:
        defined[event.referral] = "referral"
    if isinstance(event, InitialConferenceEvent) and event.plan_ref:
        defined[event.plan_ref] = "child protection plan"
    return defined


# ---- Cases and the whole history ----------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class CaseAllocation:
    """Who holds the child once the history is recorded (from `start_date`)."""

    team: str
    start_date: dt.date
    worker: str = ""


@dataclass(kw_only=True)
class Case:
    child: str
    events: list[Event] = field(default_factory=list)
    allocation: CaseAllocation | None = None


@dataclass(kw_only=True)
class CaseHistory:
    people: list[PersonRecord] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    source: str = ""


# ---- Reading plain values (from JSON) into these classes ----------------------------------------


def parse_datetime(text: str) -> dt.datetime:
    """ISO 8601; a time without an offset is read as UK local time."""
    value = dt.datetime.fromisoformat(text)
    return value if value.tzinfo is not None else value.replace(tzinfo=LONDON)


def build(cls: type, values: Mapping):
    """A dataclass from plain values, converting dates, times and lists by the field types."""
    hints = typing.get_type_hints(cls)
    names = {f.name for f in fields(cls)}
    return cls(**{name: _convert(hints[name], value) for name, value in values.items()
                  if name in names})


def _convert(hint, value):
    if value is None:
        return None
    base = _without_none(hint)
    if base is dt.datetime:
        return parse_datetime(value)
    if base is dt.date:
        return dt.date.fromisoformat(value)
    if base is dt.time:
        return dt.time.fromisoformat(value)
    if typing.get_origin(base) is tuple:
        return tuple(value)
    return value


def _without_none(hint):
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and len(args) == 1:
        return args[0]
    return hint


def history_from_json(data: Mapping) -> CaseHistory:
    """A CaseHistory from a file's JSON that has passed the schema."""
    return CaseHistory(people=[_person(p) for p in data["people"]],
                       cases=[_case(c) for c in data["cases"]], source=data.get("source", ""))


PERSON_PARTS = ("ref", "identifiers", "addresses", "relationships")
IDENTIFIERS = ("nhs_number", "upn", "upn_unknown", "la_child_id")
PERSON_DATES = ("date_of_birth", "expected_date_of_birth", "date_of_death")


def _person(values: Mapping) -> PersonRecord:
    fields_ = {k: v for k, v in values.items() if k not in PERSON_PARTS}
    fields_.update(values.get("identifiers", {}))
    for name in PERSON_DATES:
        if fields_.get(name):
            fields_[name] = dt.date.fromisoformat(fields_[name])
    return PersonRecord(
        ref=values["ref"], values=fields_,
        addresses=tuple(build(AddressRecord, a) for a in values.get("addresses", ())),
        relationships=tuple(build(RelationshipRecord, r)
                            for r in values.get("relationships", ())))


def _case(values: Mapping) -> Case:
    allocation = values.get("allocation")
    return Case(child=values["child"],
                allocation=build(CaseAllocation, allocation) if allocation else None,
                events=[build(EVENT_TYPES[e["type"]], e) for e in values["events"]])
