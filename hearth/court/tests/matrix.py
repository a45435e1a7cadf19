"""URL parameters for the central access matrix (hearth/people/tests/test_access_matrix.py):
a case in care proceedings, so every page about one case has something to show."""

import datetime as dt

from hearth.court.tests.factories import proceedings


def records_for(child, personas) -> dict:
    legal_case = proceedings(child, personas, decided_on=dt.date(2026, 5, 1),
                             issued_on=dt.date(2026, 5, 5))
    return {"legal_case_id": legal_case.pk}
