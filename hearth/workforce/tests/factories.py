"""Posts and holders built through the services, for the tests."""

import datetime as dt
import itertools
from decimal import Decimal

from hearth.workforce import services

_numbers = itertools.count(1)


def post(team, *, fte="1", grade="social_worker", title="Social Worker",
         established_on=dt.date(2020, 1, 1), actor=None):
    return services.post_add(team=team, reference=f"T{next(_numbers):05d}", title=title,
                             grade=grade, fte=Decimal(fte), established_on=established_on,
                             actor=actor, system_job="" if actor else "tests")


def held(team, *, fte="1", contract="permanent", start=dt.date(2021, 1, 1), user=None,
         name="", grade="social_worker", actor=None):
    """A post with someone in it (a named agency worker unless a user is given)."""
    made = post(team, fte=fte, grade=grade, actor=actor)
    holding = services.post_holder_start(
        post=made, start_date=start, contract=contract, user=user,
        worker_name="" if user else (name or f"Worker {made.reference}"), actor=actor,
        system_job="" if actor else "tests")
    return made, holding
