"""Every write at the front door: checked, saved, audited and its clock kept, in one transaction.

Recording a contact opens the DECIDE_CONTACT task (due 1 working day after receipt, T01);
deciding it closes the task. A referral or strategy-discussion decision opens an episode of need
(a `Referral`) in the same transaction, or joins the child's open one. Closing an episode closes
the tasks the referral itself started.
"""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from hearth.cases.models import TaskKind
from hearth.cases.tasks import task_close, task_open, tasks_close_all_for
from hearth.core import clock
from hearth.core.audit import Auditor, changes_between, plain_value
from hearth.core.errors import DomainError
from hearth.frontdoor import episodes, rules, selectors
from hearth.frontdoor.models import Contact, Referral
from hearth.people.models import Person, Relationship
from hearth.workingdays.selectors import current_calendar

REFERRAL_FIELDS = ("referral_date", "source", "primary_need", "no_further_action")


# ---- Contacts ---------------------------------------------------------------------------------


@transaction.atomic
def contact_record(*, child: Person, received_at: dt.datetime, source: str, concern: str,
                   consent: str, actor=None, system_job: str = "", source_detail: str = "",
                   consent_note: str = "", others_involved: Iterable[Person] = ()) -> Contact:
    """Records a contact and starts its 1-working-day decision clock."""
    _ensure_child(child)
    now = clock.now()
    rules.ensure_received_in_the_past(received_at=received_at, now=now)
    rules.ensure_consent_explained(consent=consent, consent_note=consent_note)
    if not concern.strip():
        raise DomainError("Describe the concern", field="concern")
    others = _ensure_in_network(child, list(others_involved))
    due_on = rules.contact_decision_due_on(received_on=timezone.localdate(received_at),
                                           calendar=current_calendar())
    contact = Contact(child=child, received_at=received_at, source=source,
                      source_detail=source_detail.strip(), concern=concern.strip(),
                      consent=consent, consent_note=consent_note.strip(),
                      decision_due_on=due_on, recorded_by=actor or _system_user(),
                      recorded_at=now)
    _full_clean(contact)
    contact.save()
    contact.others_involved.set(others)
    task_open(kind=TaskKind.DECIDE_CONTACT, child=child, source=contact, due_on=due_on,
              rule=rules.CONTACT_DECISION_RULE)
    Auditor(actor, system_job=system_job).record(
        "CONTACT_RECORDED", contact, child_id=child.pk,
        detail={"source": source, "received_at": received_at.isoformat(),
                "decision_due_on": str(due_on), "consent": consent,
                "others_involved": [str(p.uuid) for p in others]})
    return contact


@transaction.atomic
def contact_rate(*, contact: Contact, rag: str, actor=None, system_job: str = "") -> Contact:
    """Gives an undecided contact its RAG rating, or changes it as more is known."""
    contact = _locked_contact(contact)
    _rate(contact, Auditor(actor, system_job=system_job), rag)
    return contact


def _rate(contact: Contact, auditor: Auditor, rag: str) -> None:
    if contact.decided_at is not None:
        raise DomainError(f"This contact was decided on {_when(contact.decided_at)}: its "
                          "rating can no longer change", field="rag")
    rules.ensure_rag(rag)
    if rag == contact.rag:
        return
    before = contact.rag
    contact.rag, contact.rated_at = rag, clock.now()
    contact.rated_by = auditor.actor or _system_user()
    contact.save(update_fields=["rag", "rated_at", "rated_by"])
    auditor.record("CONTACT_RATED", contact, child_id=contact.child_id,
                   detail={"rag": [before, rag]})


@transaction.atomic
def contact_decide(*, contact: Contact, decision: str, decision_reason: str,
                   decided_at: dt.datetime, rag: str = "", primary_need: str = "", actor=None,
                   system_job: str = "") -> Contact:
    """Records the manager's decision once and for all, closing the decision clock.

    `rag` rates the contact in the same step if it was not rated (or changes the rating).
    A referral or strategy-discussion decision opens an episode of need from the decision
    date, with `primary_need`, unless the child already has an open one: then the contact
    joins it (`contact.episode`), as the census allows one episode at a time.
    """
    auditor = Auditor(actor, system_job=system_job)
    contact = _locked_contact(contact)
    if contact.decided_at is not None:
        raise DomainError(
            f"This contact was already decided ({contact.get_decision_display().lower()}) on "
            f"{_when(contact.decided_at)} by {contact.decided_by}. A decision cannot be made "
            "twice", field="decision")
    rules.ensure_decision_time(received_at=contact.received_at, decided_at=decided_at,
                               now=clock.now())
    if rag:
        _rate(contact, auditor, rag)
    rules.ensure_can_decide(decision=decision, reason=decision_reason, rag=contact.rag)
    decided_on = timezone.localdate(decided_at)
    if rules.decision_opens_an_episode(decision):
        contact.episode = _episode_for(contact, auditor=auditor, decided_on=decided_on,
                                       primary_need=primary_need)
    contact.decision, contact.decision_reason = decision, decision_reason.strip()
    contact.decided_at, contact.decided_by = decided_at, actor or _system_user()
    contact.save(update_fields=["decision", "decision_reason", "decided_at", "decided_by",
                                "episode"])
    task_close(kind=TaskKind.DECIDE_CONTACT, source=contact, done_on=decided_on, actor=actor)
    auditor.record(
        "CONTACT_DECIDED", contact, child_id=contact.child_id,
        detail={"decision": decision, "decided_at": decided_at.isoformat(),
                "in_time": rules.decided_in_time(decided_on=decided_on,
                                                 due_on=contact.decision_due_on),
                "episode": contact.episode_id,
                "joined_open_episode": contact.episode is not None
                and contact.episode.contact_id != contact.pk})
    return contact


def _episode_for(contact: Contact, *, auditor: Auditor, decided_on: dt.date,
                 primary_need: str) -> Referral:
    _lock_child(contact.child)
    open_episode = selectors.open_referral_for(contact.child, on=decided_on)
    if open_episode is not None:
        return open_episode
    return _referral_create(
        child=contact.child, auditor=auditor, recorded_by=auditor.actor or _system_user(),
        referral_date=decided_on, source=contact.source, primary_need=primary_need,
        no_further_action=False, contact=contact)


# ---- Referrals --------------------------------------------------------------------------------


@transaction.atomic
def referral_record(*, child: Person, referral_date: dt.date, source: str,
                    primary_need: str = "", no_further_action: bool = False, actor=None,
                    system_job: str = "") -> Referral:
    """Records a referral directly (from another authority, or one that skipped the MASH)."""
    _ensure_child(child)
    _lock_child(child)
    return _referral_create(child=child, auditor=Auditor(actor, system_job=system_job),
                            recorded_by=actor or _system_user(), referral_date=referral_date,
                            source=source, primary_need=primary_need,
                            no_further_action=no_further_action)


def _referral_create(*, child: Person, auditor: Auditor, recorded_by, referral_date: dt.date,
                     source: str, primary_need: str, no_further_action: bool,
                     contact: Contact | None = None) -> Referral:
    rules.ensure_referral_date(
        referral_date=referral_date, today=clock.today(),
        contact_received_on=timezone.localdate(contact.received_at) if contact else None)
    rules.ensure_primary_need(primary_need=primary_need, no_further_action=no_further_action)
    rules.ensure_no_overlap(
        rules.Episode(referral_date, None, no_further_action), _episodes_of(child))
    referral = Referral(child=child, contact=contact, referral_date=referral_date, source=source,
                        primary_need=primary_need, no_further_action=no_further_action,
                        recorded_by=recorded_by, recorded_at=clock.now())
    _full_clean(referral)
    referral.save()
    _relink_re_referrals(child)
    referral.refresh_from_db(fields=["previous_referral"])
    auditor.record("REFERRAL_RECORDED", referral, child_id=child.pk,
                   detail={**_referral_values(referral), "contact": getattr(contact, "pk", None),
                           "re_referral_of": referral.previous_referral_id})
    return referral


@transaction.atomic
def referral_update(*, referral: Referral, actor=None, system_job: str = "",
                    **values) -> Referral:
    """Changes a referral's date, source, primary need or NFA flag; re-referral links follow."""
    unknown = set(values) - set(REFERRAL_FIELDS)
    if unknown:
        raise TypeError(f"referral_update cannot change {sorted(unknown)}")
    _lock_child(referral.child)
    referral = Referral.objects.select_related("contact").get(pk=referral.pk)
    before = _referral_values(referral)
    after = {**{f: getattr(referral, f) for f in REFERRAL_FIELDS}, **values}
    contact = referral.contact
    rules.ensure_referral_date(
        referral_date=after["referral_date"], today=clock.today(), closed_on=referral.closed_on,
        contact_received_on=timezone.localdate(contact.received_at) if contact else None)
    rules.ensure_primary_need(primary_need=after["primary_need"],
                              no_further_action=after["no_further_action"])
    rules.ensure_no_overlap(
        rules.Episode(after["referral_date"], referral.closed_on, after["no_further_action"]),
        _episodes_of(referral.child, exclude=referral.pk))
    for field, value in after.items():
        setattr(referral, field, value)
    _full_clean(referral)
    changed = changes_between(before, _referral_values(referral))
    if not changed:
        return referral
    referral.save(update_fields=list(REFERRAL_FIELDS))
    relinked = _relink_re_referrals(referral.child)
    Auditor(actor, system_job=system_job).record(
        "REFERRAL_CHANGED", referral, child_id=referral.child_id,
        detail={"changed": changed, "relinked": relinked})
    referral.refresh_from_db(fields=["previous_referral"])
    return referral


@transaction.atomic
def referral_close(*, referral: Referral, closed_on: dt.date, closure_reason: str,
                   has_assessment: bool | None = None, actor=None,
                   system_job: str = "") -> Referral:
    """Ends the episode with a DfE reason. `has_assessment` None asks the registered apps
    (hearth.frontdoor.episodes) whether the episode had an assessment."""
    auditor = Auditor(actor, system_job=system_job)
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if not referral.is_open:
        raise DomainError(f"This episode was already closed on {rules.day(referral.closed_on)}",
                          field="closed_on")
    if has_assessment is None:
        has_assessment = episodes.episode_has_assessment(referral)
    rules.ensure_can_close(referral_date=referral.referral_date, closed_on=closed_on,
                           closure_reason=closure_reason, has_assessment=has_assessment,
                           today=clock.today())
    for problem in episodes.closure_problems(referral, closed_on):
        raise DomainError(problem, field="closed_on")
    if closure_reason in rules.CLOSED_AFTER_ASSESSMENT:
        for activity in episodes.other_activity(referral):
            raise DomainError(
                f"{closure_reason} means the episode had an assessment and nothing more, but it "
                f"had {activity}: choose another reason, such as RC7", field="closure_reason")
    referral.closed_on, referral.closure_reason = closed_on, closure_reason
    _full_clean(referral)
    referral.save(update_fields=["closed_on", "closure_reason"])
    closed_tasks = tasks_close_all_for(source=referral, done_on=closed_on, actor=actor)
    auditor.record("REFERRAL_CLOSED", referral, child_id=referral.child_id,
                          detail={"closed_on": str(closed_on), "closure_reason": closure_reason,
                                  "tasks_closed": closed_tasks})
    return referral


def _episodes_of(child: Person, *, exclude=None) -> list[tuple[int, rules.Episode]]:
    rows = Referral.objects.filter(child=child).exclude(pk=exclude).values_list(
        "pk", "referral_date", "closed_on", "no_further_action")
    return [(pk, rules.Episode(start, end, nfa)) for pk, start, end, nfa in rows]


def _relink_re_referrals(child: Person) -> dict[str, int | None]:
    """Points each of the child's referrals at the one it re-refers to; what changed."""
    current = dict(Referral.objects.filter(child=child).values_list("pk", "previous_referral"))
    dates = list(Referral.objects.filter(child=child).values_list("pk", "referral_date"))
    changed = {}
    for pk, previous in rules.previous_referral_links(dates).items():
        if current[pk] != previous:
            Referral.objects.filter(pk=pk).update(previous_referral=previous)
            changed[str(pk)] = previous
    return changed


def _referral_values(referral: Referral) -> dict:
    return {f: plain_value(getattr(referral, f)) for f in REFERRAL_FIELDS}


# ---- Shared checks ----------------------------------------------------------------------------


def _ensure_child(person: Person) -> None:
    if not person.is_child:
        raise DomainError("Contacts and referrals are about children: this is an adult's "
                          "record", field="child")


def _ensure_in_network(child: Person, others: list[Person]) -> list[Person]:
    """Other people involved must be in the child's family and network (a current link)."""
    linked = set(Relationship.objects.filter(person=child, end_date__isnull=True)
                 .values_list("other_id", flat=True))
    strangers = [p for p in others if p.pk not in linked]
    if strangers:
        raise DomainError(f"{strangers[0]} is not in the child's family and network: link them "
                          "to the child first", field="others_involved")
    return others


def _locked_contact(contact: Contact) -> Contact:
    return (Contact.objects.select_for_update(of=("self",))
            .select_related("child", "decided_by").get(pk=contact.pk))


def _lock_child(child: Person) -> None:
    """One front-door write per child at a time, so two episodes cannot open together."""
    Person.objects.select_for_update().filter(pk=child.pk).values_list("pk").first()


def _when(moment: dt.datetime) -> str:
    local = timezone.localtime(moment)
    return f"{rules.day(local.date())} at {local:%H:%M}"


def _full_clean(instance) -> None:
    try:
        instance.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise DomainError(messages[0], field=field) from None


def _system_user():
    from hearth.accounts.services import system_user

    return system_user()
