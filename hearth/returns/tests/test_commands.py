"""export_return and validate_return, as an analyst or a scheduler runs them."""

import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from hearth.core.models import AuditEvent
from hearth.returns.tests.factories import build_records, with_a_wrong_upn

pytestmark = pytest.mark.django_db


@pytest.fixture
def made(personas, authority):
    return with_a_wrong_upn(build_records(personas))


def test_export_writes_the_file_with_progress_and_audits_the_job(made, tmp_path, capsys):
    target = tmp_path / "cin.xml"
    call_command("export_return", "cin", "--year", "2025", "--output", str(target))
    out = capsys.readouterr().out
    assert "Built: 0 of 4 children" in out and "Built: 4 of 4 children" in out
    assert "for 4 children to" in out
    assert len(ET.parse(target).getroot().find("Children")) == 4
    assert not (tmp_path / "cin.xml.partial").exists()
    event = AuditEvent.objects.get(event_code="CIN_CENSUS_EXPORTED")
    assert event.system_job == "export_return" and event.actor is None


def test_export_can_validate_what_it_wrote(made, tmp_path, capsys):
    call_command("export_return", "cin", "--year", "2025", "--output",
                 str(tmp_path / "cin.xml"), "--validate")
    out = capsys.readouterr().out
    assert "4 children, 109 rules (2026 ruleset)" in out
    assert "2887Q Query (whole return)" in out


def test_validate_prints_each_failure_with_rule_child_and_message(made, capsys):
    call_command("validate_return", "cin", "--year", "2025")
    out = capsys.readouterr().out
    line = next(li for li in out.splitlines() if li.strip().startswith("1530"))
    assert made.protected.la_child_id in line
    assert "UPN invalid (characters 2-4 not a recognised LA code)" in line
    assert "ChildIdentifiers.UPN = " + made.protected.upn in line
    assert AuditEvent.objects.filter(event_code="CIN_CENSUS_VALIDATED",
                                     system_job="validate_return").count() == 1


def test_validate_can_fail_the_job_on_errors(made):
    with pytest.raises(CommandError, match="errors"):
        call_command("validate_return", "cin", "--year", "2025", "--fail-on-errors")


def test_a_year_without_a_layout_is_refused_with_the_years_there_are(authority, tmp_path):
    with pytest.raises(CommandError, match=r"It has: 2025 \(2025 to 2026\)"):
        call_command("export_return", "cin", "--year", "2019", "--output",
                     str(tmp_path / "x.xml"))


def test_without_a_local_authority_nothing_is_written(db, tmp_path):
    with pytest.raises(CommandError, match="Set up the local authority"):
        call_command("export_return", "cin", "--year", "2025", "--output",
                     str(tmp_path / "cin.xml"))
    assert list(tmp_path.iterdir()) == []
