"""Composable scopes for contacts and referrals, named in the front door's own words."""

import datetime as dt

from django.db import models

from hearth.frontdoor.codes import Rag


class ContactQuerySet(models.QuerySet):
    def undecided(self):
        return self.filter(decided_at__isnull=True)

    def about_children_in(self, visible_children):
        return self.filter(child__in=visible_children)

    def overdue(self, *, on: dt.date):
        return self.filter(decision_due_on__lt=on)

    def rated(self, rag: str):
        """`rag` is red, amber or green; "" for contacts not rated yet."""
        return self.filter(rag=rag)

    def in_queue_order(self, *, today: dt.date):
        """Overdue first, then red, amber, green and unrated, then the least time left."""
        late_first = models.Case(models.When(decision_due_on__lt=today, then=0), default=1)
        by_rag = models.Case(
            models.When(rag=Rag.RED, then=0), models.When(rag=Rag.AMBER, then=1),
            models.When(rag=Rag.GREEN, then=2), default=3)
        return self.annotate(queue_lateness=late_first, queue_rag=by_rag).order_by(
            "queue_lateness", "queue_rag", "decision_due_on", "received_at", "id")


class ReferralQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed_on__isnull=True)

    def holding_the_episode_open(self):
        """Open referrals that are not NFA: the child's current episode of need."""
        return self.open().filter(no_further_action=False)
