"""The analysts' census page and download: who may open them, what they show, what they audit."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from hearth.core.models import AuditEvent
from hearth.returns.tests.factories import build_records, with_a_wrong_upn

pytestmark = pytest.mark.django_db
PAGE = reverse("returns:cin_census")


@pytest.fixture
def made(personas, authority):
    return with_a_wrong_upn(build_records(personas))


@pytest.mark.parametrize("persona", ["sw_alice", "tm_bob", "iro_erin", "bs_ben", "admin_sam"])
def test_only_analysts_and_service_managers_open_the_page(client, personas, persona):
    client.force_login(getattr(personas, persona))
    assert client.get(PAGE).status_code == 403
    assert client.get(reverse("returns:cin_census_build")).status_code == 403
    assert client.post(reverse("returns:cin_census_build"), {"year": 2025}).status_code == 403


def test_the_page_offers_the_collection_years(client, personas):
    client.force_login(personas.analyst_dana)
    response = client.get(PAGE)
    assert response.status_code == 200
    body = response.content.decode()
    assert '<option value="2025">2025 to 2026</option>' in body
    assert "From 1 April to 31 March" in body


def test_a_year_without_a_layout_is_a_form_error(client, personas):
    client.force_login(personas.analyst_dana)
    response = client.get(PAGE, {"year": "1999"})
    assert response.status_code == 200
    assert "Choose a collection year from the list" in response.content.decode()
    assert not AuditEvent.objects.filter(event_code="CIN_CENSUS_VALIDATED").exists()


def test_choosing_a_year_lists_the_failures_by_rule_and_child_and_audits_them(
        client, personas, made, build_return):
    client.force_login(personas.analyst_dana)
    body = client.get(PAGE, {"year": "2025"}).content.decode()
    assert "This year has not been built yet" in body  # no build inside the request
    assert not AuditEvent.objects.filter(event_code="CIN_CENSUS_VALIDATED").exists()
    build_return(client, "cin", year=2025)
    response = client.get(PAGE, {"year": "2025"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Failures by rule" in body
    assert "2887Q" in body  # fewer than 8 disability codes in so small a return
    assert "1530" in body and made.protected.la_child_id in body
    # Analysts see child IDs, not names, and no links into records they may not open.
    assert made.protected.last_name.upper() not in body
    assert made.protected.get_absolute_url() not in body
    listed = AuditEvent.objects.filter(event_code="CHILD_LISTED",
                                       detail__where="children in need census validation")
    assert made.protected.pk in set(listed.values_list("child_id", flat=True))
    assert AuditEvent.objects.filter(event_code="CIN_CENSUS_VALIDATED",
                                     actor=personas.analyst_dana).count() == 1
    # Paging and filtering reuse the build's outcome; building again runs the rules again.
    client.get(PAGE, {"year": "2025", "rule": "1530"})
    assert AuditEvent.objects.filter(event_code="CIN_CENSUS_VALIDATED").count() == 1
    build_return(client, "cin", year=2025)
    assert AuditEvent.objects.filter(event_code="CIN_CENSUS_VALIDATED").count() == 2


def test_filtering_by_rule_and_child(client, personas, made, build_return):
    client.force_login(personas.sm_sara)
    build_return(client, "cin", year=2025)
    body = client.get(PAGE, {"year": "2025", "rule": "1530",
                             "child": made.protected.la_child_id}).content.decode()
    assert "1 failure of rule 1530" in body
    assert made.protected.get_absolute_url() in body  # a service manager may open records
    body = client.get(PAGE, {"year": "2025", "rule": "8540"}).content.decode()
    assert "No failures match." in body


def test_the_download_is_the_census_xml_and_is_audited(client, personas, made, build_return):
    client.force_login(personas.analyst_dana)
    job = build_return(client, "cin", year=2025)
    response = client.get(reverse("returns:return_job_download", args=[job.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="cin-census-2025-26.xml"'
    root = ET.fromstring(b"".join(response.streaming_content))
    assert root.findtext("Header/CollectionDetails/ReferenceDate") == "2026-03-31"
    assert len(root.find("Children")) == 4
    event = AuditEvent.objects.get(event_code="CIN_CENSUS_EXPORTED")
    assert event.actor == personas.analyst_dana
    assert AuditEvent.objects.filter(event_code="CIN_CENSUS_CHILD_EXPORTED").count() == 4
    downloaded = AuditEvent.objects.get(event_code="RETURN_FILE_DOWNLOADED")
    assert downloaded.actor == personas.analyst_dana and downloaded.detail["job"] == str(job.pk)


def test_a_build_for_a_year_without_a_layout_is_a_form_error(client, personas):
    client.force_login(personas.analyst_dana)
    response = client.post(reverse("returns:cin_census_build"), {"year": 1999})
    assert response.status_code == 200
    assert "Choose a collection year from the list" in response.content.decode()


def test_without_a_local_authority_the_build_fails_saying_what_to_set_up(
        client, personas, build_return):
    client.force_login(personas.analyst_dana)
    job = build_return(client, "cin", year=2025)
    assert job.status == "failed"
    body = client.get(reverse("returns:return_job", args=[job.pk])).content.decode()
    assert "The build failed" in body
    assert "Set up the local authority and its DfE LA number first." in body
