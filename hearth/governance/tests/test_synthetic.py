"""The demo authority's committee work and improvement plan (hearth/synthetic/governance.py):
recorded through the services."""

import random

import pytest

from hearth.governance.models import (
    ImprovementAction,
    Measure,
    Meeting,
    Minute,
    Priority,
    TrackerAction,
)
from hearth.synthetic.governance import build_governance

pytestmark = pytest.mark.django_db


def test_the_demo_committee_and_plan_look_like_the_seeds(tiny_authority):
    result = build_governance(tiny_authority, random.Random("governance-1"))
    assert result.meetings == Meeting.objects.count() >= 3
    assert result.minutes == Minute.objects.count()
    assert result.tracker_actions == TrackerAction.objects.count() >= 3
    # One action carried and still open; at least one answered and closed.
    assert TrackerAction.objects.exclude(status="closed").exists()
    assert TrackerAction.objects.filter(status="closed").exists()
    # Minute numbers run on through the municipal year without a gap or a repeat.
    for year in Minute.objects.values_list("municipal_year", flat=True).distinct():
        numbers = list(Minute.objects.filter(municipal_year=year).order_by(
            "meeting__held_on", "number").values_list("number", flat=True))
        assert numbers == list(range(1, len(numbers) + 1))
    assert Priority.objects.count() == 9
    assert result.improvement_actions == ImprovementAction.objects.count() == 18
    assert set(Measure.objects.values_list("indicator_code", flat=True)) == {
        "H-FD-01", "H-AS-01", "H-WF-06"}
