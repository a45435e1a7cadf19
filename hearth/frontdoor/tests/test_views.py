"""Pages: recording, rating and deciding contacts, referrals and closure, and who may do what."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from hearth.accounts.roles import permissions_for
from hearth.cases.models import StatutoryTask
from hearth.core.models import AuditEvent
from hearth.core.permissions import declared_permission
from hearth.core.tests.urlwalk import all_routes
from hearth.frontdoor.models import Contact, Referral
from hearth.frontdoor.tests.conftest import london
from hearth.frontdoor.tests.factories import contact_for, decided_contact_for, referral_for
from hearth.people import services as people_services

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def child(personas, on_wednesday):
    return personas.child_for(personas.sw_alice)


def signed_in(client: Client, user) -> Client:
    client.force_login(user)
    return client


def url(name: str, *args) -> str:
    return reverse(f"frontdoor:{name}", args=args)


def contact_post(**overrides) -> dict:
    return {"received_on_day": "4", "received_on_month": "3", "received_on_year": "2026",
            "received_time": "08:40", "source": "2A", "source_detail": "Head teacher",
            "concern": "Bruise on the arm; says dad hit him.", "consent": "given",
            "consent_note": "", **overrides}


def decision_post(**overrides) -> dict:
    return {"rag": "red", "decision": "referral", "primary_need": "N1",
            "decision_reason": "Disclosure of physical harm.", "decided_on_day": "4",
            "decided_on_month": "3", "decided_on_year": "2026", "decided_time": "09:30",
            **overrides}


# ---- Recording a contact ----------------------------------------------------------------------


def test_finding_the_child_leads_to_the_contact_form(client, personas, child):
    signed_in(client, personas.bs_ben)

    response = client.get(url("choose_child"), {"q": f"{child.first_name} {child.last_name}"})

    assert response.status_code == 200
    assert child in response.context["results"]
    assert url("record_contact", child.uuid) in response.content.decode()
    assert "/people/new/" in response.content.decode()


def test_recording_a_contact_starts_the_clock(client, personas, child):
    signed_in(client, personas.bs_ben)

    response = client.post(url("record_contact", child.uuid), contact_post())

    contact = Contact.objects.get()
    assert response.status_code == 302
    assert response.url == url("contact", child.uuid, contact.pk)
    assert contact.received_at == london(2026, 3, 4, 8, 40)
    assert contact.decision_due_on == D(2026, 3, 5)
    assert StatutoryTask.objects.get().kind == "decide_contact"
    page = client.get(response.url).content.decode()
    assert "The contact was recorded. The decision is due by 5 March 2026" in page
    assert "1 working day left" in page


def test_a_refused_contact_keeps_what_was_typed(client, personas, child):
    signed_in(client, personas.bs_ben)

    response = client.post(url("record_contact", child.uuid),
                           contact_post(received_time="10:05", consent="refused"))

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {"received_on": [
        "The time the contact was received cannot be in the future"]}
    assert form.data["concern"] == "Bruise on the arm; says dad hit him."
    assert not Contact.objects.exists()
    response = client.post(url("record_contact", child.uuid), contact_post(consent="refused"))
    assert "Say why consent was not given" in response.content.decode()


def test_the_network_can_be_chosen_as_others_involved(client, personas, child):
    father = people_services.person_create(system_job="test", is_child=False,
                                           first_name="Rob", last_name="Testfather", sex="M")
    people_services.relationship_add(person=father, other=child, kind="parent_of",
                                     system_job="test")
    signed_in(client, personas.bs_ben)

    page = client.get(url("record_contact", child.uuid)).content.decode()
    assert f"Rob Testfather (Parent of {child.first_name})" in page
    client.post(url("record_contact", child.uuid),
                contact_post(others_involved=[str(father.uuid)]))
    assert list(Contact.objects.get().others_involved.all()) == [father]


def test_the_form_starts_at_the_local_time_now(client, personas, child, time_machine):
    time_machine.move_to(london(2026, 6, 3, 14, 5), tick=False)  # British Summer Time
    signed_in(client, personas.bs_ben)

    form = client.get(url("record_contact", child.uuid)).context["form"]

    assert form.initial["received_time"] == "14:05"
    assert form.initial["received_on"] == D(2026, 6, 3)


def test_an_adults_record_has_no_front_door(client, personas, on_wednesday):
    adult = people_services.person_create(system_job="test", is_child=False, first_name="Al",
                                          last_name="Testadult", sex="M")
    signed_in(client, personas.tm_bob)

    assert client.get(url("child_front_door", adult.uuid)).status_code == 404
    assert client.get(url("record_contact", adult.uuid)).status_code == 404


# ---- Rating and deciding ----------------------------------------------------------------------


def test_a_manager_decides_and_a_referral_is_recorded(client, personas, child):
    contact = contact_for(child, actor=personas.bs_ben, received_at=london(2026, 3, 4, 8))
    signed_in(client, personas.tm_bob)

    response = client.post(url("decide_contact", child.uuid, contact.pk), decision_post())

    assert response.status_code == 302
    referral = Referral.objects.get()
    assert (referral.referral_date, referral.contact) == (D(2026, 3, 4), contact)
    page = client.get(response.url).content.decode()
    assert "A referral was recorded on 4 March 2026" in page
    assert "In time" in page
    assert StatutoryTask.objects.get().closed_on == D(2026, 3, 4)


def test_a_decision_cannot_be_made_twice_and_the_page_says_so(client, personas, child):
    contact = decided_contact_for(child, actor=personas.tm_bob)
    signed_in(client, personas.tm_bob)

    page = client.get(url("decide_contact", child.uuid, contact.pk)).content.decode()
    assert "A decision cannot be made twice" in page
    response = client.post(url("decide_contact", child.uuid, contact.pk), decision_post())
    assert "already decided" in response.content.decode()


def test_a_decision_time_before_receipt_is_shown_on_the_date(client, personas, child):
    contact = contact_for(child, actor=personas.bs_ben, received_at=london(2026, 3, 4, 8))
    signed_in(client, personas.tm_bob)

    response = client.post(url("decide_contact", child.uuid, contact.pk),
                           decision_post(decided_time="07:30"))

    assert "before the contact was received" in response.context["form"].errors["decided_on"][0]


def test_a_senior_practitioners_rating_and_a_workers_refusal(client, personas, child):
    contact = contact_for(child, actor=personas.bs_ben)
    signed_in(client, personas.sw_alice)
    assert client.post(url("rate_contact", child.uuid, contact.pk),
                       {"rag": "red"}).status_code == 403
    assert client.post(url("decide_contact", child.uuid, contact.pk),
                       decision_post()).status_code == 403

    signed_in(client, personas.tm_bob)
    response = client.post(url("rate_contact", child.uuid, contact.pk), {"rag": "amber"})
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.rag == "amber"


def test_a_contact_under_another_childs_address_is_not_found(client, personas, child):
    other = personas.child_for(personas.sw_alice)
    contact = contact_for(other, actor=personas.tm_bob)
    signed_in(client, personas.tm_bob)

    assert client.get(url("contact", child.uuid, contact.pk)).status_code == 404
    assert client.get(url("decide_contact", child.uuid, contact.pk)).status_code == 404


# ---- Referrals and closure --------------------------------------------------------------------


def test_a_referral_recorded_directly_shows_its_re_referral(client, personas, child):
    earlier = referral_for(child, actor=personas.tm_bob, referral_date=D(2025, 6, 2),
                           primary_need="", no_further_action=True)
    signed_in(client, personas.sw_alice)

    response = client.post(url("record_referral", child.uuid), {
        "referral_date_day": "2", "referral_date_month": "3", "referral_date_year": "2026",
        "source": "5C", "primary_need": "N4"})

    assert response.status_code == 302
    assert Referral.objects.exclude(pk=earlier.pk).get().previous_referral == earlier
    page = client.get(url("child_front_door", child.uuid)).content.decode()
    assert "Re-referral: previous referral on 2 June 2025" in page
    assert "The referral was recorded. It is a re-referral" in page


def test_a_referral_without_a_primary_need_is_refused_on_the_field(client, personas, child):
    signed_in(client, personas.sw_alice)

    response = client.post(url("record_referral", child.uuid), {
        "referral_date_day": "2", "referral_date_month": "3", "referral_date_year": "2026",
        "source": "5C"})

    assert "primary_need" in response.context["form"].errors


def test_changing_a_referral(client, personas, child):
    referral = referral_for(child, actor=personas.tm_bob, referral_date=D(2026, 3, 2))
    signed_in(client, personas.sw_alice)

    response = client.post(url("change_referral", child.uuid, referral.pk), {
        "referral_date_day": "3", "referral_date_month": "3", "referral_date_year": "2026",
        "source": "6", "primary_need": "N5"})

    assert response.status_code == 302
    referral.refresh_from_db()
    assert (referral.referral_date, referral.source, referral.primary_need) == (
        D(2026, 3, 3), "6", "N5")


def test_closing_an_episode_and_rc8_without_an_assessment(client, personas, child):
    referral = referral_for(child, actor=personas.tm_bob, referral_date=D(2026, 2, 2))
    signed_in(client, personas.tm_bob)
    closing = url("close_referral", child.uuid, referral.pk)
    date = {"closed_on_day": "3", "closed_on_month": "3", "closed_on_year": "2026"}

    refused = client.post(closing, {**date, "closure_reason": "RC8"})
    assert "RC8 is for a case closed after an assessment" in refused.content.decode()
    assert client.post(closing, {**date, "closure_reason": "RC7"}).status_code == 302

    page = client.get(url("child_front_door", child.uuid)).content.decode()
    assert "Closed" in page and "RC7" in page
    assert "This episode was closed on 3 March 2026" in client.get(closing).content.decode()


def test_a_social_worker_cannot_close_an_episode(client, personas, child):
    referral = referral_for(child, actor=personas.tm_bob, referral_date=D(2026, 2, 2))
    signed_in(client, personas.sw_alice)

    assert client.get(url("close_referral", child.uuid, referral.pk)).status_code == 403


def test_the_record_tab_lists_contacts_and_referrals_with_actions(client, personas, child):
    contact_for(child, actor=personas.bs_ben)
    decided_contact_for(child, actor=personas.tm_bob, decision="referral")
    signed_in(client, personas.tm_bob)

    response = client.get(url("child_front_door", child.uuid))

    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("<h1") == 1
    assert 'aria-current="page" href="/front-door/child/' in page
    for text in ("Record a contact", "Record a referral", "Decide", "Rate", "Close", "Open",
                 "Referral to children&#x27;s social care"):
        assert text in page
    assert AuditEvent.objects.filter(event_code="CHILD_RECORD_VIEWED",
                                     detail__section="front_door").exists()

    signed_in(client, personas.iro_erin)
    page = client.get(url("child_front_door", child.uuid)).content.decode()
    assert "Record a contact" not in page and "Decide" not in page


# ---- Every front-door page, as every persona --------------------------------------------------


@pytest.fixture
def records(personas, on_wednesday):
    ordinary = personas.child_for(personas.sw_alice)
    restricted = personas.child_for(personas.sw_alice)
    people_services.record_restrict(person=restricted, actor=personas.sm_sara,
                                    reason="Staff relative")
    made = {}
    for kind, child in (("ordinary", ordinary), ("restricted", restricted)):
        contact = contact_for(child, actor=personas.sm_sara)
        referral = referral_for(child, actor=personas.sm_sara, referral_date=D(2026, 3, 2))
        made[kind] = (child, contact, referral)
    return made


def test_every_front_door_page_as_every_persona(personas, records):
    """The URLs with a contact or referral id, which the project-wide matrix cannot fill."""
    routes = [r for r in all_routes() if r.name.startswith("frontdoor:")]
    checks, wrong = 0, []
    for name, user in personas.users.items():
        client = signed_in(Client(), user)
        held = permissions_for(user.role)
        for route in routes:
            for kind, (child, contact, referral) in records.items():
                path = ("/" + route.pattern).replace("<uuid:person_uuid>", str(child.uuid))
                path = path.replace("<int:contact_id>", str(contact.pk))
                path = path.replace("<int:referral_id>", str(referral.pk))
                want = 200
                if declared_permission(route.callback) not in held:
                    want = 403
                elif "<uuid:" in route.pattern and kind == "restricted" and name != "sm_sara":
                    want = 404
                status = client.get(path).status_code
                checks += 1
                if status != want:
                    wrong.append(f"{name} GET {path}: {status}, want {want}")
    assert checks == len(routes) * len(personas.users) * 2
    assert wrong == []

