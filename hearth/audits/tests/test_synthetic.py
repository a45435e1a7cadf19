"""The demo authority's case file audits (hearth/synthetic/audits.py): recorded through the
services, with completed and closed audits, actions done, late and open, and deep dives."""

import random

import pytest

from hearth.audits.models import AuditAction, AuditProgramme, CaseAudit, DeepDive
from hearth.audits.selectors import ReportFilters, deep_dive_schedule, report
from hearth.core import clock
from hearth.synthetic.audits import build_audits

pytestmark = pytest.mark.django_db


def test_the_demo_audits_look_like_the_seeds(tiny_authority):
    result = build_audits(tiny_authority, random.Random("audits-1"))
    assert result.programmes == AuditProgramme.objects.count() == 4
    assert result.audits == CaseAudit.objects.count() >= 6
    assert result.actions == AuditAction.objects.count() > 0
    assert CaseAudit.objects.filter(status="closed").exists()
    assert not CaseAudit.objects.filter(child__is_restricted=True).exists()
    for audit in CaseAudit.objects.exclude(worker=None):
        assert audit.auditor_id != audit.worker_id
    for audit in CaseAudit.objects.filter(status="closed"):
        assert not audit.actions.filter(status="open").exists()
    assert AuditAction.objects.filter(status="done").exists()
    figures = report(ReportFilters(), today=clock.today())
    assert figures.audits >= result.audits // 2 and figures.themes
    assert result.deep_dives == DeepDive.objects.count() >= 1
    schedule = deep_dive_schedule(today=clock.today())
    assert any(row.covered for row in schedule) and any(not row.covered for row in schedule)
