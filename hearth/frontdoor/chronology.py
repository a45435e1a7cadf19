"""The front door's events in the child's chronology: contacts, decisions, referrals, closures."""

from collections.abc import Iterable

from django.utils import timezone

from hearth.cases.chronology import ChronologyItem
from hearth.frontdoor.rules import day


def front_door_events(child) -> Iterable[ChronologyItem]:
    if not child.is_child:
        return
    for contact in child.contacts.select_related("recorded_by", "decided_by"):
        yield from _contact_events(contact)
    for referral in child.referrals.select_related("recorded_by", "previous_referral"):
        yield from _referral_events(referral)


def _contact_events(contact) -> Iterable[ChronologyItem]:
    received = timezone.localtime(contact.received_at)
    who = f" ({contact.source_detail})" if contact.source_detail else ""
    yield ChronologyItem(received.date(),
                         f"Contact received from {contact.get_source_display()}{who}",
                         f"Received at {received:%H:%M}. {contact.concern}",
                         str(contact.recorded_by), kind="contact")
    if contact.decided_at is not None:
        decided = timezone.localtime(contact.decided_at)
        yield ChronologyItem(decided.date(),
                             f"Contact decision: {contact.get_decision_display()}",
                             contact.decision_reason, str(contact.decided_by), kind="contact")


def _referral_events(referral) -> Iterable[ChronologyItem]:
    title = "Referral to children's social care"
    if referral.previous_referral is not None:
        title = (f"Re-referral (previous referral on "
                 f"{day(referral.previous_referral.referral_date)})")
    detail = f"Source: {referral.get_source_display()}."
    if referral.primary_need:
        detail += f" Primary need: {referral.get_primary_need_display()}."
    if referral.no_further_action:
        detail += " No further action."
    yield ChronologyItem(referral.referral_date, title, detail, str(referral.recorded_by),
                         kind="referral")
    if referral.closed_on is not None:
        yield ChronologyItem(referral.closed_on, "Episode of need closed",
                             f"{referral.closure_reason}: {referral.get_closure_reason_display()}",
                             kind="referral")
