"""URL parameters for the central access matrix (hearth/people/tests/test_access_matrix.py):
an open challenge addressed to the team manager, so every page about one challenge has
something to show."""

import datetime as dt

from hearth.iro.tests.factories import challenge_for


def records_for(child, personas) -> dict:
    challenge = challenge_for(child, personas, raised_on=dt.date(2026, 5, 20))
    return {"challenge_id": challenge.pk}
