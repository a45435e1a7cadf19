"""The looked-after children's yearly strengths and difficulties questionnaires (SDQ), written
through hearth.health_education's own service after the care events are imported.

A child looked after for a year has an SDQ on each anniversary of the period's start while aged
4 to 16 (the SSDA903 OC2 table asks for one, rule 186), or the reason there is none at 3 and
17 (rule 197B); none after today. Only
open periods are written: the service takes no record for a period that has ended.
"""

import datetime as dt
import random

from hearth.care.models import CarePeriod
from hearth.health_education.rules import sdq_age_applies
from hearth.health_education.services import sdq_record
from hearth.people.rules import age_on
from hearth.workingdays.rules import add_months

SDQ_MISSED = 0.0  # share of yearly SDQs not done; 0 keeps the tiny authority's 903 clean


def build_sdqs(rng: random.Random, *, today: dt.date, actor) -> int:
    written = 0
    for period in CarePeriod.objects.filter(ended_on__isnull=True).select_related(
            "child").order_by("pk"):
        born = period.child.date_of_birth
        years = 1
        while (due := add_months(period.started_on, 12 * years)) <= today:
            years += 1
            done = due - dt.timedelta(days=rng.randint(0, 20))
            if done <= period.started_on or rng.random() < SDQ_MISSED:
                continue
            if sdq_age_applies(date_of_birth=born, completed_on=done):
                sdq_record(period=period, completed_on=done, score=rng.randint(3, 30),
                           actor=actor)
                written += 1
            elif age_on(born, done) in (3, 17):
                # About to turn 4, or 17: the year's return wants a reason there is no score
                # (903 rule 197B), SDQ1 "under 4 or over 16".
                sdq_record(period=period, completed_on=done, score=None, reason="SDQ1",
                           actor=actor)
                written += 1
    return written
