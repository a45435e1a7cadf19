"""The analysts' SSDA903 page and zip download, and the child's DoLo page: who may open them,
what they show, what they audit."""

import datetime as dt
import io
import zipfile

import pytest
from django.urls import reverse

from hearth.care.models import DeprivationOfLibertyOrder
from hearth.core.models import AuditEvent
from hearth.returns.tests.test_ssda903 import _looked_after

pytestmark = pytest.mark.django_db
PAGE = reverse("returns:ssda903")


@pytest.mark.parametrize("persona", ["sw_alice", "tm_bob", "iro_erin", "bs_ben", "admin_sam"])
def test_only_analysts_and_service_managers_open_the_page(client, personas, persona):
    client.force_login(getattr(personas, persona))
    assert client.get(PAGE).status_code == 403
    assert client.post(reverse("returns:ssda903_build"), {"year": 2025}).status_code == 403


def test_the_page_lists_failures_by_rule_and_child_and_audits_them(client, personas,
                                                                   authority, build_return):
    child = _looked_after(personas)
    child.ethnicity = "XXXX"
    child.save(update_fields=["ethnicity"])
    client.force_login(personas.analyst_dana)
    assert '<option value="2026">2026 to 2027</option>' in client.get(PAGE).content.decode()
    build_return(client, "903", year=2025)
    body = client.get(PAGE, {"year": "2025", "rule": "103"}).content.decode()
    assert "Failures by rule" in body and "1 failure of rule 103" in body
    assert child.la_child_id in body and child.last_name.upper() not in body
    assert AuditEvent.objects.filter(event_code="CHILD_LISTED", child_id=child.pk,
                                     detail__where="SSDA903 return validation").exists()
    body = client.get(PAGE, {"year": "2025", "rule": "103", "table": "Episodes"}
                      ).content.decode()
    assert "No failures match." in body
    assert AuditEvent.objects.filter(event_code="SSDA903_VALIDATED").count() == 1
    assert "Choose a collection year from the list" in client.get(
        PAGE, {"year": "1999"}).content.decode()


def test_the_download_is_a_zip_of_both_years_files(client, personas, authority, build_return):
    child = _looked_after(personas)
    client.force_login(personas.analyst_dana)
    job = build_return(client, "903", year=2025)
    response = client.get(reverse("returns:return_job_download", args=[job.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="ssda903-2025-26.zip"'
    names = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))).namelist()
    assert "2025-26/episodes.csv" in names and "2024-25/header.csv" in names
    assert AuditEvent.objects.filter(event_code="SSDA903_CHILD_EXPORTED",
                                     child_id=child.pk, actor=personas.analyst_dana).exists()
    assert client.post(reverse("returns:ssda903_build"), {"year": 1999}).status_code == 200


def _day(name: str, day: int, month: int, year: int) -> dict:
    return {f"{name}_day": day, f"{name}_month": month, f"{name}_year": year}


def test_the_dolo_page_records_an_order_and_refuses_dates_out_of_order(client, personas,
                                                                        authority):
    child = _looked_after(personas)
    url = reverse("care:dolo", args=[child.uuid])
    client.force_login(personas.sw_alice)
    assert "No deprivation of liberty order" in client.get(url).content.decode()
    bad = client.post(url, {**_day("started_on", 1, 3, 2026), **_day("ended_on", 1, 2, 2026)})
    assert "must be the same as or after" in bad.content.decode()
    good = client.post(url, _day("started_on", 1, 3, 2026))
    assert good.status_code == 302
    assert DeprivationOfLibertyOrder.objects.get(child=child).started_on == dt.date(2026, 3, 1)
    client.force_login(personas.analyst_dana)
    assert client.get(url).status_code in (403, 404)
