"""URL parameters for the tests that walk every page (the access matrix and the form fuzzing):
an open complaint, answered by the team manager with the service manager copied in, so its
stage forms have something to show.

It names no child: the matrix expects a 404 only on pages with the child in their address, and
a complaint naming the restricted child is (rightly) a 404 to everyone off its access list,
which this app's own view tests check (test_a_complaint_naming_a_hidden_child_is_a_404)."""

import datetime as dt

from hearth.complaints.tests.factories import complaint_for
from hearth.core import clock


def records_for(child, personas) -> dict:
    complaint = complaint_for(personas, received_on=clock.today() - dt.timedelta(days=10))
    return {"complaint_id": complaint.pk, "stage_id": complaint.stages.get().pk}
