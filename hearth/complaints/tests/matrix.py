"""URL parameters for the tests that walk every page (the access matrix, the read audit and the
form fuzzing): an open complaint about the child, answered by the team manager with the
service manager copied in, so its stage forms have something to show."""

import datetime as dt

from hearth.complaints.tests.factories import complaint_for
from hearth.core import clock


def records_for(child, personas) -> dict:
    complaint = complaint_for(personas, received_on=clock.today() - dt.timedelta(days=10),
                              children=[child])
    return {"complaint_id": complaint.pk, "stage_id": complaint.stages.get().pk}
