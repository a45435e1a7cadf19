"""Every write to a fostering household and to the provider register: checked, saved,
audited and the household's clocks kept, in one transaction. Reads of a household's record
are audited here too (FOSTERING_HOUSEHOLD_VIEWED / _LISTED): carers' details are adults'
sensitive data.

Clocks (rules.py, ADR 15): a connected person's temporary approval opens
CONCLUDE_CONNECTED_ASSESSMENT, due on its last day; a panel recommendation opens
RECORD_ADM_DECISION, 7 working days on; approval opens REVIEW_APPROVAL, a year on, and each
review opens the next.
"""

import datetime as dt
import uuid
from dataclasses import dataclass

from django.db import transaction

from hearth.care import codes as care_codes
from hearth.care.models import CareEpisode
from hearth.core import clock
from hearth.core.audit import Auditor, changes_between
from hearth.core.errors import DomainError
from hearth.fostering import rules
from hearth.fostering.codes import (
    AdmDecision,
    HouseholdStatus,
    HouseholdTaskKind,
    HouseholdType,
    PanelBusiness,
    Recommendation,
    ReviewOutcome,
)
from hearth.fostering.models import (
    ApprovalReview,
    FosterCarer,
    FosteringHousehold,
    HouseholdPlacement,
    PanelRecommendation,
    Provider,
)
from hearth.fostering.tasks import (
    household_task_close,
    household_task_open,
    household_tasks_cancel_all,
    household_tasks_follow_worker,
)
from hearth.people.rules import age_on
from hearth.workingdays.selectors import current_calendar

S, K = HouseholdStatus, HouseholdTaskKind
CARRIED_OVER = frozenset({"L", "T", "U"})  # RNE: same carers as the episode before


@dataclass(frozen=True)
class Carer:
    first_name: str
    last_name: str
    date_of_birth: dt.date | None = None


def _audit(actor, code: str, household: FosteringHousehold, detail: dict | None = None,
           child_id=None) -> None:
    Auditor(actor).record(code, household, child_id=child_id,
                          detail={"reference": household.reference, **(detail or {})})


def _locked(household: FosteringHousehold) -> FosteringHousehold:
    return FosteringHousehold.objects.select_for_update().get(pk=household.pk)


def _saved(household: FosteringHousehold, *fields: str) -> FosteringHousehold:
    household.version += 1
    household.save(update_fields=[*fields, "version"])
    return household


@transaction.atomic
def household_record_enquiry(*, household_type: str, carers: list[Carer], enquiry_on: dt.date,
                             postcode: str = "", supervising_social_worker=None,
                             actor) -> FosteringHousehold:
    if household_type not in HouseholdType.values:
        raise DomainError("Choose the type of fostering", field="household_type")
    rules.ensure_not_future(enquiry_on, clock.today(), field="enquiry_on")
    named = [c for c in carers if c.first_name.strip() and c.last_name.strip()]
    if not named:
        raise DomainError("Enter the first and last name of at least one carer",
                          field="first_carer_first_name")
    household = FosteringHousehold(
        reference=f"new-{uuid.uuid4().hex[:12]}", household_type=household_type,
        enquiry_on=enquiry_on, postcode=postcode.strip().upper(),
        supervising_social_worker=supervising_social_worker, recorded_by=actor,
        recorded_at=clock.now())
    household.full_clean(exclude=["reference"])
    household.save()
    household.reference = f"FH{household.pk:05d}"
    household.save(update_fields=["reference"])
    FosterCarer.objects.bulk_create([
        FosterCarer(household=household, first_name=c.first_name.strip(),
                    last_name=c.last_name.strip(), date_of_birth=c.date_of_birth)
        for c in named])
    _audit(actor, "FOSTERING_HOUSEHOLD_RECORDED", household,
           {"household_type": household_type, "enquiry_on": str(enquiry_on)})
    return household


def household_viewed(*, actor, household: FosteringHousehold, how: str = "record") -> None:
    _audit(actor, "FOSTERING_HOUSEHOLD_VIEWED", household, {"how": how})


def households_listed(*, actor, households, where: str) -> int:
    return Auditor(actor).record_many("FOSTERING_HOUSEHOLD_LISTED", households,
                                      child_id_of=lambda h: None, detail={"where": where})


@transaction.atomic
def supervising_social_worker_allocate(*, household: FosteringHousehold, worker,
                                       actor) -> FosteringHousehold:
    household = _locked(household)
    before = household.supervising_social_worker_id
    household.supervising_social_worker = worker
    _saved(household, "supervising_social_worker")
    household_tasks_follow_worker(household=household)
    _audit(actor, "FOSTERING_SSW_ALLOCATED", household,
           {"from": before, "to": getattr(worker, "pk", None)})
    return household


def _open_or_refuse(household: FosteringHousehold) -> None:
    if household.is_closed:
        raise DomainError(f"This household's record is closed "
                          f"({household.get_status_display().lower()})")


@transaction.atomic
def initial_visit_record(*, household: FosteringHousehold, visited_on: dt.date,
                         actor) -> FosteringHousehold:
    household = _locked(household)
    _open_or_refuse(household)
    rules.ensure_not_future(visited_on, clock.today(), field="visited_on")
    rules.ensure_not_before(visited_on, household.enquiry_on, field="visited_on",
                            what="the enquiry")
    household.initial_visit_on = visited_on
    _saved(household, "initial_visit_on")
    _audit(actor, "FOSTERING_INITIAL_VISIT_RECORDED", household, {"on": str(visited_on)})
    return household


@transaction.atomic
def assessment_start(*, household: FosteringHousehold, started_on: dt.date,
                     actor) -> FosteringHousehold:
    household = _locked(household)
    if household.status != S.ENQUIRY:
        raise DomainError("An assessment can start only from an enquiry")
    rules.ensure_not_future(started_on, clock.today(), field="started_on")
    rules.ensure_not_before(started_on, household.initial_visit_on or household.enquiry_on,
                            field="started_on", what="the initial visit or enquiry")
    _start_assessment(household, started_on)
    _audit(actor, "FOSTERING_ASSESSMENT_STARTED", household, {"on": str(started_on)})
    return household


def _start_assessment(household: FosteringHousehold, on: dt.date) -> None:
    household.status, household.assessment_started_on = S.IN_ASSESSMENT, on
    household.status_changed_on = on
    _saved(household, "status", "assessment_started_on", "status_changed_on")


@transaction.atomic
def temporary_approval_grant(*, household: FosteringHousehold, approved_on: dt.date, child,
                             actor) -> FosteringHousehold:
    """Regulation 24: a connected person approved for a named child while assessed."""
    household = _locked(household)
    rules.ensure_temporary_approval(household_type=household.household_type,
                                    status=household.status,
                                    already=household.temporary_approval_on is not None)
    if child is None or not child.is_child:
        raise DomainError("Choose the child the temporary approval is for", field="child")
    rules.ensure_not_future(approved_on, clock.today(), field="approved_on")
    rules.ensure_not_before(approved_on, household.enquiry_on, field="approved_on",
                            what="the enquiry")
    if household.status == S.ENQUIRY:
        _start_assessment(household, approved_on)
    household.temporary_approval_on = approved_on
    household.temporary_approval_child = child
    household.temporary_approval_ends_on = rules.temporary_approval_ends_on(approved_on)
    _saved(household, "temporary_approval_on", "temporary_approval_child",
           "temporary_approval_ends_on")
    household_task_open(household=household, kind=K.CONCLUDE_CONNECTED_ASSESSMENT,
                        due_on=household.temporary_approval_ends_on,
                        rule=rules.temporary_approval_rule())
    _audit(actor, "FOSTERING_TEMPORARY_APPROVAL_GRANTED", household,
           {"on": str(approved_on), "ends_on": str(household.temporary_approval_ends_on)},
           child_id=child.pk)
    return household


@transaction.atomic
def temporary_approval_extend(*, household: FosteringHousehold, extended_on: dt.date,
                              actor) -> FosteringHousehold:
    """Regulation 25: one extension of up to 8 weeks, made before the approval ends."""
    household = _locked(household)
    rules.ensure_extension(ends_on=household.temporary_approval_ends_on,
                           extended=household.temporary_approval_extended, on=extended_on,
                           status=household.status)
    rules.ensure_not_future(extended_on, clock.today(), field="extended_on")
    household.temporary_approval_extended = True
    household.temporary_approval_ends_on = rules.temporary_approval_ends_on(
        household.temporary_approval_on, extended=True)
    _saved(household, "temporary_approval_extended", "temporary_approval_ends_on")
    household_task_open(household=household, kind=K.CONCLUDE_CONNECTED_ASSESSMENT,
                        due_on=household.temporary_approval_ends_on,
                        rule=rules.temporary_approval_rule(extended=True))
    _audit(actor, "FOSTERING_TEMPORARY_APPROVAL_EXTENDED", household,
           {"on": str(extended_on), "ends_on": str(household.temporary_approval_ends_on)},
           child_id=household.temporary_approval_child_id)
    return household


def pending_recommendation(household: FosteringHousehold) -> PanelRecommendation | None:
    return household.panel_recommendations.filter(
        decision_due_on__isnull=False, decided_on__isnull=True).first()


@transaction.atomic
def panel_recommendation_record(*, household: FosteringHousehold, business: str,
                                panel_on: dt.date, recommendation: str, places=None,
                                age_from=None, age_to=None, approved_sex: str = "",
                                care_type: str = "", note: str = "",
                                actor) -> PanelRecommendation:
    household = _locked(household)
    if pending_recommendation(household) is not None:
        raise DomainError("The agency decision maker has not decided on the last panel's "
                          "recommendation yet: record that decision first")
    if business not in PanelBusiness.values:
        raise DomainError("Choose what the panel considered", field="business")
    if recommendation not in Recommendation.values:
        raise DomainError("Choose the panel's recommendation", field="recommendation")
    rules.ensure_panel_business(status=household.status, business=business,
                                first_review_pending=household.approved_on is not None
                                and household.last_reviewed_on is None)
    rules.ensure_not_future(panel_on, clock.today(), field="panel_on")
    rules.ensure_not_before(panel_on, household.assessment_started_on, field="panel_on",
                            what="the assessment started")
    if rules.needs_terms(business, recommendation):
        rules.ensure_terms(places=places, age_from=age_from, age_to=age_to)
    panel = PanelRecommendation(
        household=household, business=business, panel_on=panel_on,
        recommendation=recommendation, places=places, age_from=age_from, age_to=age_to,
        approved_sex=approved_sex, care_type=care_type, note=note, recorded_by=actor,
        recorded_at=clock.now())
    if recommendation != Recommendation.DEFERRED:
        panel.decision_due_on = rules.adm_decision_due_on(panel_on, current_calendar())
        panel.decision_rule = rules.adm_decision_rule()
    panel.save()
    if panel.decision_due_on:
        household_task_open(household=household, kind=K.RECORD_ADM_DECISION,
                            due_on=panel.decision_due_on, rule=panel.decision_rule)
    _audit(actor, "FOSTERING_PANEL_RECOMMENDATION_RECORDED", household,
           {"business": business, "recommendation": recommendation, "panel_on": str(panel_on)})
    return panel


@transaction.atomic
def adm_decision_record(*, household: FosteringHousehold, decision: str, decided_on: dt.date,
                        note: str = "", actor) -> PanelRecommendation:
    """The agency decision maker agrees with the panel or not; what follows depends on what
    the panel considered (approval, a review, new terms, termination)."""
    household = _locked(household)
    panel = pending_recommendation(household)
    if panel is None:
        raise DomainError("There is no panel recommendation waiting for a decision")
    if decision not in AdmDecision.values:
        raise DomainError("Choose whether the agency decision maker agreed", field="decision")
    rules.ensure_not_future(decided_on, clock.today(), field="decided_on")
    rules.ensure_not_before(decided_on, panel.panel_on, field="decided_on", what="the panel")
    panel.decision, panel.decided_on = decision, decided_on
    panel.decided_by, panel.decision_note = actor, note
    panel.save(update_fields=["decision", "decided_on", "decided_by", "decision_note"])
    household_task_close(household=household, kind=K.RECORD_ADM_DECISION, done_on=decided_on)
    positive = (panel.recommendation == Recommendation.RECOMMENDED) == (
        decision == AdmDecision.AGREED)
    _apply_decision(household, panel, positive=positive, on=decided_on)
    _audit(actor, "FOSTERING_ADM_DECISION_RECORDED", household,
           {"business": panel.business, "decision": decision, "positive": positive,
            "decided_on": str(decided_on), "status": household.status})
    return panel


def _apply_decision(household: FosteringHousehold, panel: PanelRecommendation, *,
                    positive: bool, on: dt.date) -> None:
    if panel.business == PanelBusiness.APPROVAL:
        _approve(household, panel, on) if positive else _close(household, S.NOT_APPROVED, on,
                                                               "Not approved")
    elif panel.business == PanelBusiness.TERMINATION and positive:
        _close(household, S.DEREGISTERED, on, "Approval terminated")
    elif panel.business in (PanelBusiness.FIRST_REVIEW, PanelBusiness.REVIEW) and not positive:
        _close(household, S.DEREGISTERED, on, "Approval not continued after review")
    elif panel.business == PanelBusiness.CHANGE_OF_TERMS and positive and panel.places:
        _set_terms(household, panel)
        _saved(household, "approved_places", "age_from", "age_to", "approved_sex", "care_type")


def _set_terms(household: FosteringHousehold, panel: PanelRecommendation) -> None:
    household.approved_places, household.age_from = panel.places, panel.age_from
    household.age_to = panel.age_to
    household.approved_sex = panel.approved_sex or household.approved_sex
    household.care_type = panel.care_type or household.care_type


def _approve(household: FosteringHousehold, panel: PanelRecommendation, on: dt.date) -> None:
    _set_terms(household, panel)
    household.status, household.approved_on, household.status_changed_on = S.APPROVED, on, on
    household.review_due_on = rules.review_due_on(on)
    _saved(household, "status", "approved_on", "status_changed_on", "review_due_on",
           "approved_places", "age_from", "age_to", "approved_sex", "care_type")
    household_task_close(household=household, kind=K.CONCLUDE_CONNECTED_ASSESSMENT, done_on=on)
    household_task_open(household=household, kind=K.REVIEW_APPROVAL,
                        due_on=household.review_due_on, rule=rules.review_rule(first=True))


def _close(household: FosteringHousehold, status: str, on: dt.date, reason: str) -> None:
    household.status, household.status_changed_on = status, on
    household.status_reason, household.review_due_on = reason, None
    _saved(household, "status", "status_changed_on", "status_reason", "review_due_on")
    household_task_close(household=household, kind=K.CONCLUDE_CONNECTED_ASSESSMENT, done_on=on)
    household_tasks_cancel_all(household=household, on=on)


@transaction.atomic
def review_record(*, household: FosteringHousehold, reviewed_on: dt.date, outcome: str,
                  note: str = "", actor) -> ApprovalReview:
    """An annual review. The first after approval always goes to panel (reg 28), as does one
    that changes the terms or asks for termination; the next review is a year on."""
    household = _locked(household)
    if household.status not in (S.APPROVED, S.ON_HOLD):
        raise DomainError("Only approved carers' approval is reviewed")
    if outcome not in ReviewOutcome.values:
        raise DomainError("Choose the outcome of the review", field="outcome")
    rules.ensure_not_future(reviewed_on, clock.today(), field="reviewed_on")
    rules.ensure_not_before(reviewed_on, household.last_reviewed_on or household.approved_on,
                            field="reviewed_on", what="the approval or the last review")
    first = household.last_reviewed_on is None
    review = ApprovalReview.objects.create(
        household=household, reviewed_on=reviewed_on, due_on=household.review_due_on,
        outcome=outcome, goes_to_panel=first or outcome != ReviewOutcome.CONTINUE, note=note,
        recorded_by=actor, recorded_at=clock.now())
    household.last_reviewed_on = reviewed_on
    household.review_due_on = rules.review_due_on(reviewed_on)
    _saved(household, "last_reviewed_on", "review_due_on")
    household_task_close(household=household, kind=K.REVIEW_APPROVAL, done_on=reviewed_on)
    household_task_open(household=household, kind=K.REVIEW_APPROVAL,
                        due_on=household.review_due_on, rule=rules.review_rule(first=False))
    _audit(actor, "FOSTERING_REVIEW_RECORDED", household,
           {"reviewed_on": str(reviewed_on), "outcome": outcome, "first": first,
            "next_due_on": str(household.review_due_on)})
    return review


@transaction.atomic
def household_status_change(*, household: FosteringHousehold, status: str, on: dt.date,
                            reason: str, actor) -> FosteringHousehold:
    """On hold, back from hold, or resigned (withdrawn before approval)."""
    household = _locked(household)
    rules.ensure_manual_change(household.status, status)
    rules.ensure_not_future(on, clock.today(), field="on")
    rules.ensure_not_before(on, household.status_changed_on or household.enquiry_on,
                            field="on", what="the last change of status")
    if not reason.strip():
        raise DomainError("Enter the reason", field="reason")
    before = household.status
    if status == S.RESIGNED:
        _close(household, S.RESIGNED, on, reason.strip())
    else:
        household.status, household.status_changed_on = status, on
        household.status_reason = reason.strip()
        _saved(household, "status", "status_changed_on", "status_reason")
    _audit(actor, "FOSTERING_STATUS_CHANGED", household,
           {"from": before, "to": status, "on": str(on)})
    return household


def placed_now(household: FosteringHousehold) -> int:
    return HouseholdPlacement.objects.filter(household=household,
                                             episode__ended_on__isnull=True).count()


@transaction.atomic
def placement_link(*, episode: CareEpisode, household: FosteringHousehold,
                   actor) -> HouseholdPlacement:
    """Says which household a child's current foster placement is with."""
    household = _locked(household)
    episode = CareEpisode.objects.select_related("child").get(pk=episode.pk)
    if not episode.is_open or episode.placement_type not in care_codes.FOSTER_PLACEMENTS:
        raise DomainError("Only a current foster placement (U1 to U6) can be linked to a "
                          "fostering household", field="household")
    if HouseholdPlacement.objects.filter(episode=episode).exists():
        raise DomainError("This placement is already linked to a household", field="household")
    _ensure_household_can_take(household, episode)
    link = HouseholdPlacement.objects.create(household=household, episode=episode,
                                             child=episode.child, linked_by=actor,
                                             linked_at=clock.now())
    _audit(actor, "FOSTERING_PLACEMENT_LINKED", household, {"episode": episode.pk},
           child_id=episode.child_id)
    return link


def _ensure_household_can_take(household: FosteringHousehold, episode: CareEpisode) -> None:
    temporary = (household.status == S.IN_ASSESSMENT
                 and household.temporary_approval_child_id == episode.child_id
                 and household.temporary_approval_ends_on is not None
                 and household.temporary_approval_ends_on >= episode.placement_started_on)
    if temporary:
        return
    if household.status != S.APPROVED:
        raise DomainError(f"{household.reference} is not approved to foster (it is "
                          f"{household.get_status_display().lower()})", field="household")
    if rules.vacancies(status=household.status, places=household.approved_places,
                       placed=placed_now(household)) < 1:
        raise DomainError(f"{household.reference} has no vacancy: all "
                          f"{household.approved_places} approved places are taken",
                          field="household")
    child = episode.child
    if not rules.fits_terms(age=age_on(child.date_of_birth, episode.started_on),
                            sex=_sex_of(child), age_from=household.age_from,
                            age_to=household.age_to, approved_sex=household.approved_sex):
        raise DomainError(f"The child is outside {household.reference}'s terms of approval "
                          f"(ages {household.age_from} to {household.age_to}, "
                          f"{household.get_approved_sex_display().lower()}): the terms must "
                          "change first", field="household")


def _sex_of(child) -> str | None:
    return {"1": "male", "2": "female", "M": "male", "F": "female"}.get(
        str(getattr(child, "sex", "") or ""))


def carry_link_forward(episode: CareEpisode, *, actor) -> None:
    """Care listener: a new episode with the same carers keeps the household link."""
    if episode.reason_new_episode not in CARRIED_OVER or (
            episode.placement_type not in care_codes.FOSTER_PLACEMENTS):
        return
    previous = (CareEpisode.objects.filter(period_id=episode.period_id)
                .exclude(pk=episode.pk).order_by("-started_on", "-id")
                .select_related("fostering_household_link").first())
    link = getattr(previous, "fostering_household_link", None) if previous else None
    if link is None:
        return
    actor = actor or _system_user()
    HouseholdPlacement.objects.create(household=link.household, episode=episode,
                                      child=episode.child, linked_by=actor,
                                      linked_at=clock.now())
    Auditor(actor).record("FOSTERING_PLACEMENT_LINKED", link.household,
                          child_id=episode.child_id,
                          detail={"reference": link.household.reference,
                                  "episode": episode.pk, "carried_from": previous.pk})


def _system_user():
    from hearth.accounts.services import system_user

    return system_user()


PROVIDER_FIELDS = ("name", "kind", "place_provider", "urn", "registration", "judgement",
                   "judgement_on", "address", "postcode")


def _provider_checked(provider: Provider) -> None:
    provider.name, provider.urn = provider.name.strip(), provider.urn.strip().upper()
    provider.postcode = provider.postcode.strip().upper()
    if provider.judgement_on and provider.judgement_on > clock.today():
        raise DomainError("The date of the judgement must be today or in the past",
                          field="judgement_on")
    if provider.judgement and provider.judgement != "not_yet_inspected" and (
            provider.judgement_on is None):
        raise DomainError("Enter the date of the latest judgement", field="judgement_on")
    if provider.registration == "registered" and not provider.urn:
        raise DomainError("Enter the Ofsted URN of a registered provider", field="urn")
    clash = Provider.objects.filter(urn=provider.urn).exclude(pk=provider.pk).first()
    if provider.urn and clash:
        raise DomainError(f"URN {provider.urn} is already on the register ({clash.name})",
                          field="urn")
    provider.full_clean()


@transaction.atomic
def provider_record(*, actor, **values) -> Provider:
    provider = Provider(**{k: values.get(k) or ("" if k != "judgement_on" else None)
                           for k in PROVIDER_FIELDS}, recorded_by=actor,
                        recorded_at=clock.now())
    _provider_checked(provider)
    provider.save()
    Auditor(actor).record("PROVIDER_RECORDED", provider,
                          detail={"name": provider.name, "registration": provider.registration})
    return provider


@transaction.atomic
def provider_update(*, provider: Provider, actor, **values) -> Provider:
    provider = Provider.objects.select_for_update().get(pk=provider.pk)
    before = {k: getattr(provider, k) for k in PROVIDER_FIELDS}
    for key in PROVIDER_FIELDS:
        if key in values:
            setattr(provider, key, values[key] if values[key] is not None else (
                None if key == "judgement_on" else ""))
    _provider_checked(provider)
    provider.save()
    after = {k: getattr(provider, k) for k in PROVIDER_FIELDS}
    Auditor(actor).record("PROVIDER_CHANGED", provider,
                          detail={"changes": changes_between(before, after)})
    return provider


def provider_viewed(*, actor, provider: Provider) -> None:
    Auditor(actor).record("PROVIDER_VIEWED", provider, detail={"name": provider.name})
