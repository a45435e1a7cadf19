"""The demo authority's allegations (hearth/synthetic/lado.py): a LADO officer in the LADO team,
allegations at every step recorded through the services, one waiting."""

import random

import pytest

from hearth.lado import access
from hearth.lado.models import Allegation, AllegationMeeting, LadoTeamMember
from hearth.synthetic.lado import build_lado

pytestmark = pytest.mark.django_db


def test_the_demo_allegations(tiny_authority):
    result = build_lado(tiny_authority, random.Random("lado-1"))
    assert result.allegations == Allegation.objects.count() >= 4
    member = LadoTeamMember.objects.get()
    assert member.user.role == "senior_practitioner" and access.is_lado_member(member.user)
    assert member.user not in tiny_authority.staff  # no persona or demo login is in the team
    assert Allegation.objects.filter(considered_on__isnull=True).exists()
    assert Allegation.objects.exclude(outcome="").exists()
    assert AllegationMeeting.objects.exists()
    assert not Allegation.objects.filter(children__is_restricted=True).exists()
    sectors = Allegation.objects.order_by("pk").values_list("subject_sector", flat=True)
    assert len(set(sectors)) >= 2
