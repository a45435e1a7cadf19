import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from hearth.core.models import AuditEvent
from hearth.workingdays.models import LocalClosureDay

D = dt.date
pytestmark = pytest.mark.django_db
PAGE = reverse("workingdays:closure_days")
SPRING_2026 = dt.datetime(2026, 3, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture(autouse=True)
def _in_spring_2026():
    with time_machine.travel(SPRING_2026, tick=False):
        yield


def remove_page(closure_day) -> str:
    return reverse("workingdays:remove_closure_day", args=[closure_day.pk])


def date_post(day: str, month: str, year: str, reason: str) -> dict:
    return {"date_day": day, "date_month": month, "date_year": year, "reason": reason}


@pytest.fixture
def closure_day(admin_sam):
    return LocalClosureDay.objects.create(
        date=D(2026, 3, 4), reason="Snow", added_by=admin_sam, added_at=SPRING_2026
    )


def test_an_administrator_sees_bank_holidays_for_this_year_and_next(client, admin_sam):
    client.force_login(admin_sam)
    response = client.get(PAGE)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "Bank holidays in 2026 and 2027" in html
    assert "Monday 28 December 2026" in html
    assert "Monday 3 May 2027" in html
    assert "2025" not in html.split("<h1", 1)[1].split("Add a closure day")[0]
    assert "have not been loaded" in html


def test_an_administrator_adds_a_closure_day(client, admin_sam):
    client.force_login(admin_sam)
    response = client.post(PAGE, date_post("4", "3", "2026", "Offices closed: snow"))
    assert response.status_code == 302
    assert response.url == PAGE
    closure_day = LocalClosureDay.objects.get()
    assert (closure_day.date, closure_day.added_by) == (D(2026, 3, 4), admin_sam)
    assert AuditEvent.objects.filter(event_code="CLOSURE_DAY_ADDED", actor=admin_sam).exists()
    page = client.get(PAGE).content.decode()
    assert "4 March 2026 is now a closure day" in page
    assert "Offices closed: snow" in page


def test_a_date_that_is_not_real_shows_the_error_and_keeps_what_was_typed(client, admin_sam):
    client.force_login(admin_sam)
    response = client.post(PAGE, date_post("31", "2", "2026", "Flooded basement"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Enter a real date, for example 27 3 2015" in html
    assert 'href="#id_date_0"' in html and 'id="id_date_0"' in html
    assert 'value="31"' in html and 'value="2026"' in html
    assert 'value="Flooded basement"' in html
    assert not LocalClosureDay.objects.exists()


def test_a_rule_broken_in_the_service_shows_against_the_field(client, admin_sam):
    client.force_login(admin_sam)
    response = client.post(PAGE, date_post("7", "3", "2026", "Flooded basement"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "7 March 2026 is a Saturday: a closure day must be a weekday" in html
    assert "govuk-form-group--error" in html
    assert 'value="7"' in html and 'value="Flooded basement"' in html


def test_missing_answers_are_named(client, admin_sam):
    client.force_login(admin_sam)
    html = client.post(PAGE, date_post("", "", "", "")).content.decode()
    assert "Enter the date of the closure day" in html
    assert "Enter why the offices are closed" in html


def test_removing_asks_for_confirmation_first(client, admin_sam, closure_day):
    client.force_login(admin_sam)
    response = client.get(remove_page(closure_day))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Remove the closure day on Wednesday 4 March 2026?" in html
    assert LocalClosureDay.objects.exists()


def test_an_administrator_removes_a_closure_day(client, admin_sam, closure_day):
    client.force_login(admin_sam)
    response = client.post(remove_page(closure_day))
    assert response.status_code == 302
    assert not LocalClosureDay.objects.exists()
    assert AuditEvent.objects.filter(event_code="CLOSURE_DAY_REMOVED", actor=admin_sam).exists()


def test_removing_a_closure_day_that_does_not_exist_is_not_found(client, admin_sam):
    client.force_login(admin_sam)
    response = client.post(reverse("workingdays:remove_closure_day", args=[999]))
    assert response.status_code == 404


def test_a_social_worker_may_not_open_or_change_closure_days(client, sw_alice, closure_day):
    client.force_login(sw_alice)
    assert client.get(PAGE).status_code == 403
    assert client.post(PAGE, date_post("5", "3", "2026", "Snow")).status_code == 403
    assert client.get(remove_page(closure_day)).status_code == 403
    assert client.post(remove_page(closure_day)).status_code == 403
    assert LocalClosureDay.objects.get() == closure_day
    assert LocalClosureDay.objects.count() == 1


def test_someone_not_signed_in_is_sent_to_sign_in(client):
    response = client.get(PAGE)
    assert response.status_code == 302
    assert reverse("login") in response.url
