"""Allegations waiting for their initial consideration (1 working day from referral) on the
LADO officer's own My work, through the cases work registry. Only the officer sees the item,
and only while they are in the LADO team; the text names the reference, never the person."""

from django.urls import reverse

from hearth.cases.work_sources import OtherWork

MAX_ON_MY_WORK = 50


def lado_work(user, today) -> list[OtherWork]:
    from hearth.lado import access, selectors

    if not access.may_enter(user, "lado.record_lado_decision"):
        return []
    return [OtherWork(due_on=a.initial_consideration_due_on,
                      what=f"{a}: initial consideration",
                      url=reverse("lado:allegation", args=[a.pk]), source="LADO")
            for a in selectors.awaiting_consideration(officer=user, limit=MAX_ON_MY_WORK)]
