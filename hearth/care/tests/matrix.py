"""URL parameters for the access matrix (hearth/people/tests/test_access_matrix.py): a period
of care with an episode needing sign-off, so every care page has a real record to open."""

import datetime as dt

from hearth.care.models import CareEpisode
from hearth.care.tests.factories import period_for


def records_for(child, personas) -> dict:
    period = period_for(child, personas.sw_alice, started_on=dt.date(2026, 5, 4))
    episode = CareEpisode.objects.get(period=period, ended_on__isnull=True)
    return {"care_period_id": period.pk, "care_episode_id": episode.pk}
