"""Importing a previous system's children in need census (manage.py import_return cin): the
whole file is checked and refused with its XML line, nothing is written unless all of it is
good, and a return exported, imported into an empty Hearth and exported again gives back the
same facts, child by child."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from hearth.core.models import AuditEvent
from hearth.frontdoor.models import Referral
from hearth.people.models import Person
from hearth.returns import services
from hearth.returns.cin import census_compare, importer
from hearth.returns.tests.factories import build_records

pytestmark = pytest.mark.django_db


def export() -> bytes:
    out = io.BytesIO()
    services.cin_census_export(start_year=2025, out=out, system_job="test")
    return out.getvalue()


def defaults(personas) -> importer.Defaults:
    return importer.Defaults(team=personas.team_a.name, chair=personas.iro_erin.username,
                             authoriser=personas.tm_bob.username)


def exported_then_forgotten(personas) -> bytes:
    """The hand-built records' census; the records themselves are rolled back (the staff
    stay), as if the census came from another system."""
    with transaction.atomic():
        build_records(personas)
        xml = export()
        transaction.set_rollback(True)
    return xml


def write(tmp_path: Path, data: bytes, name: str = "cin.xml") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def run(path: Path, personas, *options: str) -> str:
    out = io.StringIO()
    call_command("import_return", "cin", str(path), "--team", personas.team_a.name,
                 "--chair", personas.iro_erin.username, "--authoriser",
                 personas.tm_bob.username, *options, stdout=out, stderr=out)
    return out.getvalue()


def refused(path: Path, personas, *options: str) -> str:
    err = io.StringIO()
    with pytest.raises(CommandError, match="was not imported"):
        call_command("import_return", "cin", str(path), *options, stdout=io.StringIO(),
                     stderr=err)
    return err.getvalue()


def snapshot() -> dict[str, int]:
    return {"people": Person.objects.count(), "referrals": Referral.objects.count(),
            "audit": AuditEvent.objects.count()}


# ---- The round trip --------------------------------------------------------------------------


def test_a_hand_built_return_round_trips_with_no_differences(personas, authority):
    first = exported_then_forgotten(personas)
    assert Referral.objects.count() == 0
    result = importer.import_bytes(first, source_name="cin.xml", defaults=defaults(personas))
    assert result.problems == []
    assert result.children == 4
    assert census_compare.differences(first, export()) == []
