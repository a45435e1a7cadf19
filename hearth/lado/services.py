"""Every write in the LADO area: checked, saved and audited in one transaction.

An event about an allegation that names children is written once per child, with the child's
id, so each child's audit history shows it (to those who may search the audit trail); an
allegation with no linked child has one event. Reading an allegation is audited the same way.
The events carry codes and dates, never the names or the allegation's words.
"""

import datetime as dt

from django.db import transaction

from hearth.core import clock
from hearth.core.audit import Auditor, changes_between
from hearth.core.errors import DomainError
from hearth.lado import access, rules
from hearth.lado.models import Allegation, AllegationMeeting, LadoTeamMember
from hearth.people.models import Person
from hearth.workingdays.selectors import current_calendar

TEXT_FIELDS = ("referrer_name", "referrer_agency", "subject_name", "subject_role",
               "subject_employer", "children_text")


def _record(auditor: Auditor, code: str, target, *, children, detail: dict) -> None:
    children = list(children)
    if not children:
        auditor.record(code, target, detail=detail)
    for child in children:
        auditor.record(code, target, child_id=child.pk, detail=detail)


# ---- The LADO team ---------------------------------------------------------------------------


@transaction.atomic
def member_add(*, user, reason: str, actor, started_on: dt.date | None = None) -> LadoTeamMember:
    if not actor.has_perm("lado.manage_lado_team"):
        raise DomainError("Only a service manager may change the LADO team")
    if user.pk == actor.pk:
        raise DomainError("You cannot add yourself to the LADO team: ask another service "
                          "manager", field="user")
    if not user.is_active or not user.has_perm("lado.view_allegations"):
        raise DomainError(f"{user} cannot be in the LADO team: their role "
                          f"({user.get_role_display()}) may not see allegations", field="user")
    if LadoTeamMember.objects.select_for_update().filter(user=user,
                                                         ended_on__isnull=True).exists():
        raise DomainError(f"{user} is already in the LADO team", field="user")
    if not reason.strip():
        raise DomainError("Say why they are joining the LADO team", field="reason")
    member = LadoTeamMember.objects.create(user=user, started_on=started_on or clock.today(),
                                           reason=reason.strip(), added_by=actor,
                                           recorded_at=clock.now())
    access.forget_membership(user)
    Auditor(actor).record("LADO_MEMBER_ADDED", member, detail={"user": user.pk})
    return member


@transaction.atomic
def member_end(*, member: LadoTeamMember, actor, ended_on: dt.date | None = None
               ) -> LadoTeamMember:
    member = LadoTeamMember.objects.select_for_update().select_related("user").get(pk=member.pk)
    if not actor.has_perm("lado.manage_lado_team"):
        raise DomainError("Only a service manager may change the LADO team")
    if member.ended_on is not None:
        raise DomainError(f"{member.user}'s membership already ended on "
                          f"{rules.day(member.ended_on)}")
    ended_on = ended_on or clock.today()
    if ended_on < member.started_on:
        raise DomainError("The membership cannot end before it started")
    member.ended_on, member.ended_by = ended_on, actor
    member.save(update_fields=["ended_on", "ended_by"])
    access.forget_membership(member.user)
    Auditor(actor).record("LADO_MEMBER_ENDED", member, detail={"user": member.user_id,
                                                                "ended_on": str(ended_on)})
    return member


def team_viewed(*, actor) -> None:
    Auditor(actor).record("LADO_TEAM_VIEWED")


# ---- Allegations -----------------------------------------------------------------------------


def _ensure_member(actor, permission: str = "lado.record_allegation") -> None:
    if not access.may_enter(actor, permission):
        raise DomainError("Only the LADO team may record allegations")


def _ensure_officer(officer) -> None:
    if officer is None or not access.is_lado_member(officer):
        raise DomainError("Choose a LADO officer in the LADO team", field="lado_officer")


def _ensure_children(children) -> list[Person]:
    children = list(children)
    if any(not child.is_child for child in children):
        raise DomainError("Link only children's records", field="children")
    return children


@transaction.atomic
def allegation_record(*, received_on: dt.date, received_time: dt.time | None,
                      referrer_name: str, referrer_agency: str, subject_name: str,
                      subject_role: str, subject_employer: str, subject_sector: str,
                      category: str, summary: str, lado_officer, actor, children=(),
                      children_text: str = "") -> Allegation:
    _ensure_member(actor)
    _ensure_officer(lado_officer)
    rules.ensure_can_record(received_on=received_on, today=clock.today(),
                            sector=subject_sector, category=category)
    children = _ensure_children(children)
    due_on = rules.initial_consideration_due_on(received_on=received_on,
                                                calendar=current_calendar())
    allegation = Allegation.objects.create(
        received_on=received_on, received_time=received_time,
        referrer_name=referrer_name.strip(), referrer_agency=referrer_agency.strip(),
        subject_name=subject_name.strip(), subject_role=subject_role.strip(),
        subject_employer=subject_employer.strip(), subject_sector=subject_sector,
        category=category, summary=summary, children_text=children_text.strip(),
        lado_officer=lado_officer, initial_consideration_due_on=due_on, recorded_by=actor,
        recorded_at=clock.now())
    allegation.children.set(children)
    _record(Auditor(actor), "LADO_ALLEGATION_RECORDED", allegation, children=children, detail={
        "received_on": str(received_on), "sector": subject_sector, "category": category,
        "lado_officer": lado_officer.pk, "children": [c.pk for c in children],
        "initial_consideration_due_on": str(due_on), "rule": rules.due_rule()})
    return allegation


def _locked(allegation: Allegation) -> Allegation:
    return Allegation.objects.select_for_update().get(pk=allegation.pk)


@transaction.atomic
def allegation_change(*, allegation: Allegation, actor, children=(), **values) -> Allegation:
    """Corrects the referral's details. Children linked that the actor may not see (restricted
    records) stay linked: the form only offers the ones they can see."""
    _ensure_member(actor)
    allegation = _locked(allegation)
    _ensure_officer(values.get("lado_officer"))
    rules.ensure_can_change(received_on=values["received_on"], today=clock.today(),
                            considered_on=allegation.considered_on,
                            outcome_on=allegation.outcome_on, closed_on=allegation.closed_on)
    rules.ensure_can_record(received_on=values["received_on"], today=clock.today(),
                            sector=values["subject_sector"], category=values["category"])
    children = _ensure_children(children)
    for name in TEXT_FIELDS:
        values[name] = (values.get(name) or "").strip()
    before = {name: getattr(allegation, name) for name in values}
    hidden = list(allegation.children.exclude(
        pk__in=Person.objects.visible_to(actor).values("pk")))
    for name, value in values.items():
        setattr(allegation, name, value)
    if values["received_on"] != before["received_on"]:
        allegation.initial_consideration_due_on = rules.initial_consideration_due_on(
            received_on=values["received_on"], calendar=current_calendar())
    allegation.save()
    previous = set(allegation.children.values_list("pk", flat=True))
    allegation.children.set([*children, *hidden])
    linked = set(allegation.children.values_list("pk", flat=True))
    changes = changes_between(before, values, exclude=("summary", *TEXT_FIELDS))
    changed_text = sorted(n for n in ("summary", *TEXT_FIELDS) if before[n] != values[n])
    # Children unlinked as well as linked: each one's history shows the change.
    _record(Auditor(actor), "LADO_ALLEGATION_CHANGED", allegation,
            children=Person.objects.filter(pk__in=previous | linked).order_by("pk"),
            detail={"changes": changes, "text_changed": changed_text,
                    "children": sorted(linked), "children_before": sorted(previous),
                    "initial_consideration_due_on": str(
                        allegation.initial_consideration_due_on)})
    return allegation


@transaction.atomic
def initial_consideration_record(*, allegation: Allegation, considered_on: dt.date,
                                 threshold: str, consideration_notes: str,
                                 police_involved: bool | None, actor) -> Allegation:
    _ensure_member(actor, "lado.record_lado_decision")
    allegation = _locked(allegation)
    rules.ensure_can_consider(received_on=allegation.received_on,
                              already_on=allegation.considered_on,
                              closed_on=allegation.closed_on, considered_on=considered_on,
                              threshold=threshold, notes=consideration_notes,
                              today=clock.today())
    allegation.considered_on, allegation.threshold = considered_on, threshold
    allegation.consideration_notes, allegation.police_involved = consideration_notes, \
        police_involved
    allegation.considered_by = actor
    allegation.save(update_fields=["considered_on", "threshold", "consideration_notes",
                                   "police_involved", "considered_by"])
    in_time = rules.considered_in_time(due_on=allegation.initial_consideration_due_on,
                                       considered_on=considered_on)
    _record(Auditor(actor), "LADO_INITIAL_CONSIDERATION_RECORDED", allegation,
            children=allegation.children.all(), detail={
                "considered_on": str(considered_on), "threshold": threshold,
                "due_on": str(allegation.initial_consideration_due_on), "in_time": in_time,
                "police_involved": police_involved})
    return allegation


@transaction.atomic
def meeting_record(*, allegation: Allegation, kind: str, held_on: dt.date, attendees: str,
                   decisions: str, actor) -> AllegationMeeting:
    _ensure_member(actor)
    allegation = _locked(allegation)
    rules.ensure_can_record_meeting(received_on=allegation.received_on,
                                    considered_on=allegation.considered_on,
                                    closed_on=allegation.closed_on, held_on=held_on,
                                    today=clock.today())
    meeting = AllegationMeeting.objects.create(allegation=allegation, kind=kind,
                                               held_on=held_on, attendees=attendees,
                                               decisions=decisions, recorded_by=actor,
                                               recorded_at=clock.now())
    _record(Auditor(actor), "LADO_MEETING_RECORDED", meeting,
            children=allegation.children.all(), detail={
                "allegation": allegation.pk, "kind": kind, "held_on": str(held_on)})
    return meeting


@transaction.atomic
def outcome_record(*, allegation: Allegation, outcome: str, outcome_on: dt.date,
                   outcome_notes: str, referred_to_dbs: bool,
                   referred_to_professional_body: bool, professional_body: str,
                   actor) -> Allegation:
    _ensure_member(actor, "lado.record_lado_decision")
    allegation = _locked(allegation)
    rules.ensure_can_record_outcome(
        received_on=allegation.received_on, considered_on=allegation.considered_on,
        already=allegation.outcome, closed_on=allegation.closed_on, outcome=outcome,
        outcome_on=outcome_on, to_professional_body=referred_to_professional_body,
        professional_body=professional_body, today=clock.today())
    allegation.outcome, allegation.outcome_on = outcome, outcome_on
    allegation.outcome_notes, allegation.outcome_by = outcome_notes, actor
    allegation.referred_to_dbs = referred_to_dbs
    allegation.referred_to_professional_body = referred_to_professional_body
    allegation.professional_body = professional_body.strip() if \
        referred_to_professional_body else ""
    allegation.save(update_fields=["outcome", "outcome_on", "outcome_notes", "outcome_by",
                                   "referred_to_dbs", "referred_to_professional_body",
                                   "professional_body"])
    _record(Auditor(actor), "LADO_OUTCOME_RECORDED", allegation,
            children=allegation.children.all(), detail={
                "outcome": outcome, "outcome_on": str(outcome_on),
                "referred_to_dbs": referred_to_dbs,
                "referred_to_professional_body": referred_to_professional_body,
                "days_from_referral": (outcome_on - allegation.received_on).days})
    return allegation


@transaction.atomic
def allegation_close(*, allegation: Allegation, closed_on: dt.date, actor) -> Allegation:
    _ensure_member(actor, "lado.record_lado_decision")
    allegation = _locked(allegation)
    rules.ensure_can_close(outcome=allegation.outcome, outcome_on=allegation.outcome_on,
                           closed_on=allegation.closed_on, close_on=closed_on,
                           today=clock.today())
    allegation.closed_on, allegation.closed_by = closed_on, actor
    allegation.save(update_fields=["closed_on", "closed_by"])
    _record(Auditor(actor), "LADO_ALLEGATION_CLOSED", allegation,
            children=allegation.children.all(), detail={"closed_on": str(closed_on)})
    return allegation


def allegation_viewed(*, actor, allegation: Allegation) -> None:
    """Opening an allegation: one event per child it names (or one if none)."""
    _record(Auditor(actor), "LADO_ALLEGATION_VIEWED", allegation,
            children=allegation.children.all(), detail={})


def allegations_listed(*, actor, allegations, filters: dict) -> None:
    """The list: one event for the page, and one per child the allegations shown name."""
    auditor = Auditor(actor)
    auditor.record("LADO_ALLEGATIONS_LISTED", detail={"count": len(allegations), **filters})
    pairs = [(allegation, child.pk) for allegation in allegations
             for child in allegation.children.all()]
    child_ids = iter([child_id for _allegation, child_id in pairs])
    # record_many asks for each target's child in order: the pairs' own order.
    auditor.record_many("LADO_ALLEGATIONS_LISTED", [allegation for allegation, _ in pairs],
                        child_id_of=lambda _allegation: next(child_ids),
                        detail={"listed": True})


def report_viewed(*, actor, year: int) -> None:
    Auditor(actor).record("LADO_REPORT_VIEWED", detail={"year": year})
