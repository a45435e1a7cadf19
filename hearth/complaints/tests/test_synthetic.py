"""The demo authority's complaints (hearth/synthetic/complaints.py): recorded through the
services, with late, open and answered ones and learning forms."""

import random

import pytest

from hearth.complaints.models import Complaint, ComplaintStage, Feedback, LearningForm
from hearth.synthetic.complaints import build_complaints

pytestmark = pytest.mark.django_db


def test_the_demo_complaints_look_like_the_seeds(tiny_authority):
    result = build_complaints(tiny_authority, random.Random("complaints-1"))
    assert result.complaints == Complaint.objects.count() >= 6
    assert result.feedback == Feedback.objects.count() >= 3
    answered = ComplaintStage.objects.filter(responded_on__isnull=False).exclude(
        outcome="withdrawn")
    late = [s for s in answered if s.is_late]
    assert late and all(len(s.lateness_reason) >= 20 for s in late)
    assert all(not s.lateness_reason for s in answered if not s.is_late)
    assert ComplaintStage.objects.filter(responded_on__isnull=True).exists()
    assert LearningForm.objects.exists()
    assert not Complaint.objects.filter(children__is_restricted=True).exists()
