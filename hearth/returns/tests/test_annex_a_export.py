"""Annex A's workbook read back with openpyxl, the export_return command, and the page."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl import load_workbook

from hearth.core.models import AuditEvent
from hearth.protection.tests.factories import referral_for
from hearth.returns.annex_a import template_2023
from hearth.returns.annex_a.build import annex_a_export

pytestmark = pytest.mark.django_db
D = dt.date
AS_AT = D(2026, 6, 1)
PAGE = reverse("returns:annex_a")


@pytest.fixture
def referred(personas, authority):
    child = personas.child_for(personas.sw_alice, date_of_birth=D(2014, 7, 1),
                               allocated_on=D(2025, 1, 1))
    referral_for(child, on=D(2026, 2, 3), actor=personas.sw_alice)
    return child


def test_the_workbook_has_a_cover_and_a_sheet_per_list_with_dates_as_dates(referred):
    out = io.BytesIO()
    build = annex_a_export(as_at=AS_AT, out=out, system_job="test")
    book = load_workbook(io.BytesIO(out.getvalue()))
    assert book.sheetnames == ["Cover"] + [f"List {n}" for n in range(1, 12)]
    for item in template_2023.LISTS:
        sheet = book[item.sheet]
        assert [c.value for c in sheet[1]] == list(item.columns)
        assert sheet[1][0].font.bold
        assert sheet.max_row == 1 + build.counts[item.number]
        assert sheet.freeze_panes == "A2"
    referrals = book["List 3"]
    header = [c.value for c in referrals[1]]
    row = {name: cell for name, cell in zip(header, referrals[2], strict=True)}
    assert row["Child Unique ID"].value == referred.la_child_id
    assert row["Date of referral"].value == dt.datetime(2026, 2, 3)  # an Excel date
    assert row["Date of referral"].number_format == "DD/MM/YYYY"
    assert row["Date of Birth"].value == dt.datetime(2014, 7, 1)
    assert row["Age of Child (Years)"].value == 11
    assert referrals.column_dimensions["A"].width >= 10

    cover = {r[0]: r[1:] for r in book["Cover"].iter_rows(values_only=True) if r[0]}
    assert cover["Local authority"][0] == "Synthetic Borough Council"
    assert cover["As at"][0] == dt.datetime(2026, 6, 1)
    assert cover["List 3"][:4] == ("Referrals", dt.datetime(2025, 12, 1),
                                   dt.datetime(2026, 6, 1), 1)
    assert cover["List 10"][1] == dt.datetime(2025, 6, 1)  # twelve months
    assert "early help" in cover["List 2"][4]


def test_the_export_is_one_audit_event_naming_each_lists_rows(referred):
    annex_a_export(as_at=AS_AT, out=io.BytesIO(), system_job="test")
    event = AuditEvent.objects.get(event_code="ANNEX_A_EXPORTED")
    assert event.detail["as_at"] == "2026-06-01"
    assert event.detail["rows"]["list_3"] == 1 and event.detail["rows"]["list_2"] == 0
    assert set(event.detail["rows"]) == {f"list_{n}" for n in range(1, 12)}


def test_the_command_writes_the_workbook(referred, tmp_path, capsys):
    target = tmp_path / "annex-a.xlsx"
    call_command("export_return", "annex_a", "--as-at", "2026-06-01", "--out", str(target))
    out = capsys.readouterr().out
    assert "List 3: Referrals: 1 rows (2025-12-01 to 2026-06-01" in out
    assert f"to {target}" in out
    assert load_workbook(target)["List 3"].max_row == 2
    assert not (tmp_path / "annex-a.xlsx.partial").exists()
    event = AuditEvent.objects.get(event_code="ANNEX_A_EXPORTED")
    assert event.system_job == "export_return" and event.actor is None


def test_the_command_asks_for_each_returns_own_date(authority, tmp_path):
    with pytest.raises(CommandError, match="needs --as-at"):
        call_command("export_return", "annex_a", "--out", str(tmp_path / "a.xlsx"))
    with pytest.raises(CommandError, match="needs --year"):
        call_command("export_return", "cin", "--out", str(tmp_path / "a.xml"))
    with pytest.raises(CommandError, match="today or in the past"):
        call_command("export_return", "annex_a", "--as-at", "2030-01-01",
                     "--out", str(tmp_path / "a.xlsx"))
    with pytest.raises(CommandError, match="--validate is for cin and 903 only"):
        call_command("export_return", "annex_a", "--as-at", "2026-06-01", "--validate",
                     "--out", str(tmp_path / "a.xlsx"))
    assert not (tmp_path / "a.xlsx").exists()
    with pytest.raises(CommandError):
        call_command("validate_return", "annex_a")


@pytest.mark.parametrize("persona", ["sw_alice", "tm_bob", "iro_erin", "bs_ben", "admin_sam"])
def test_only_analysts_and_service_managers_open_the_page(client, personas, persona):
    client.force_login(getattr(personas, persona))
    assert client.get(PAGE).status_code == 403
    assert client.get(reverse("returns:annex_a_download", args=["2026-06-01"])).status_code == 403
    assert not AuditEvent.objects.filter(event_code="ANNEX_A_EXPORTED").exists()


def test_the_analyst_sees_each_lists_rows_and_downloads_the_workbook(client, personas, referred):
    client.force_login(personas.analyst_dana)
    assert client.get(PAGE).status_code == 200
    response = client.get(PAGE, {"as_at_day": "1", "as_at_month": "6", "as_at_year": "2026"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "As at 1 June 2026" in body
    assert "List 3: Referrals" in body and "1 Dec 2025 to 1 Jun 2026" in body
    assert "List 10: Adoption" in body and "1 Jun 2025 to 1 Jun 2026" in body
    download = reverse("returns:annex_a_download", args=["2026-06-01"])
    assert download in body
    assert not AuditEvent.objects.filter(event_code="ANNEX_A_EXPORTED").exists()
    response = client.get(download)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="ofsted-annex-a-2026-06-01.xlsx"')
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert book["List 3"].max_row == 2
    event = AuditEvent.objects.get(event_code="ANNEX_A_EXPORTED")
    assert event.actor == personas.analyst_dana


@pytest.mark.parametrize(("typed", "message"), [
    (("16", "6", "2026"), "The as-at date must be today or in the past"),
    (("31", "2", "2026"), "Enter a real date"),
    (("", "6", "2026"), "Enter a day, a month and a year"),
])
def test_a_bad_date_is_a_form_error_that_keeps_what_was_typed(client, personas, authority,
                                                               typed, message):
    client.force_login(personas.analyst_dana)
    day, month, year = typed
    response = client.get(PAGE, {"as_at_day": day, "as_at_month": month, "as_at_year": year})
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    assert f'value="{month}"' in body and f'value="{year}"' in body
    if day:
        assert f'value="{day}"' in body
    assert "Rows in each list" not in body


def test_a_download_for_a_date_that_is_not_one_is_not_found(client, personas, authority):
    client.force_login(personas.analyst_dana)
    url = reverse("returns:annex_a_download", args=["2026-13-01"])
    assert client.get(url).status_code == 404
