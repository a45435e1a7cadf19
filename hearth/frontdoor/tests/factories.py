"""Synthetic contacts and referrals for the front-door tests, made through the services."""

import datetime as dt

from hearth.core import clock
from hearth.frontdoor import services
from hearth.frontdoor.codes import Consent, ReferralSource


def contact_for(child, *, actor, received_at: dt.datetime | None = None, **values):
    values.setdefault("source", ReferralSource.SCHOOLS)
    values.setdefault("concern", "Arrived at school hungry with an unexplained bruise.")
    values.setdefault("consent", Consent.GIVEN)
    return services.contact_record(child=child, actor=actor,
                                   received_at=received_at or clock.now(), **values)


def decided_contact_for(child, *, actor, decision: str = "nfa", **values):
    contact = contact_for(child, actor=actor, **values)
    return services.contact_decide(contact=contact, actor=actor, decision=decision,
                                   decision_reason="Enough is known to decide.",
                                   decided_at=clock.now(), rag="green",
                                   primary_need="N1" if decision in ("referral", "strategy")
                                   else "")


def referral_for(child, *, actor, referral_date: dt.date, **values):
    values.setdefault("source", ReferralSource.POLICE)
    values.setdefault("primary_need", "N1")
    return services.referral_record(child=child, actor=actor, referral_date=referral_date,
                                    **values)
