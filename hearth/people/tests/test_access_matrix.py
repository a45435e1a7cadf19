"""Every page, as every persona, against an ordinary and a restricted child.

The expected answer comes from the permission table (accounts/roles.py) and the record rules
(people/access.py), so this proves each persona gets exactly what the table says.
"""

import datetime as dt
import importlib
import re

import pytest
from django.apps import apps
from django.test import Client

from hearth.accounts.roles import permissions_for
from hearth.core.permissions import PUBLIC, declared_permission
from hearth.core.tests.urlwalk import all_routes
from hearth.people import services

pytestmark = pytest.mark.django_db

# Pages that change a record are further scoped to the team holding the child (ADR 3).
TEAM_SCOPED = {"people:edit_person", "people:add_address", "people:add_relationship",
               "people:end_relationship"}
# The form script's JSON endpoints (hearth/drafts): a bare GET names no form, or is not POST.
DRAFT_ENDPOINTS = {"drafts:draft": 400, "drafts:save": 405, "drafts:discard": 405}
SKIP = {"logout"}  # POST only; signing out is tested in accounts


def casework_for(child, personas) -> dict:
    """A contact, a referral with an authorised assessment, and a child in need plan."""
    from hearth.assessments.tests.factories import assessment_for, completed
    from hearth.cin import services as cin_services
    from hearth.frontdoor.tests.factories import contact_for

    contact = contact_for(child, actor=personas.sm_sara)
    assessment = completed(assessment_for(child, personas.sw_alice,
                                          referred_on=dt.date(2026, 5, 4)),
                           personas.sw_alice, on=dt.date(2026, 5, 20))
    plan = cin_services.cin_plan_start(referral=assessment.referral,
                                       started_on=dt.date(2026, 5, 4), actor=personas.sw_alice)
    return {"contact_id": contact.pk, "referral_id": assessment.referral.pk,
            "assessment_id": assessment.pk, "plan_id": plan.pk,
            **more_records_for(child, personas)}


def more_records_for(child, personas) -> dict:
    """Each app may add its own records for its pages' URL parameters: a module
    `hearth/<app>/tests/matrix.py` with `records_for(child, personas) -> {"<param>": id}`.
    Parameter names are the app's own (`period_id`, not `id`), so they never collide."""
    ids: dict = {}
    for app in apps.get_app_configs():
        if not app.name.startswith("hearth."):
            continue
        try:
            module = importlib.import_module(f"{app.name}.tests.matrix")
        except ModuleNotFoundError as error:
            if error.name not in (f"{app.name}.tests", f"{app.name}.tests.matrix"):
                raise
            continue
        added = module.records_for(child, personas)
        clash = set(added) & set(ids)
        assert not clash, f"{app.name} reuses URL parameter names {clash}"
        ids.update(added)
    return ids


@pytest.fixture
def records(personas):
    ordinary = personas.child_for(personas.sw_alice)
    restricted = personas.child_for(personas.sw_alice)
    ids = {"ordinary": casework_for(ordinary, personas),
           "restricted": casework_for(restricted, personas)}
    services.record_restrict(person=restricted, actor=personas.sm_sara, reason="Staff relative")
    sibling = personas.child_for(personas.sw_alice)
    link = services.relationship_add(person=ordinary, other=sibling, kind="sibling_of",
                                     system_job="test")
    warning = services.warning_add(person=ordinary, kind="other", detail="Test warning",
                                   start_date=dt.date(2025, 1, 1), actor=personas.sw_alice)
    return {"ordinary": ordinary, "restricted": restricted, "warning": warning, "link": link,
            "ids": ids}


def concrete_url(pattern: str, child, records, team) -> str | None:
    url = "/" + pattern
    url = url.replace("<int:link_id>", str(records["link"].pk))
    kind = "restricted" if child.is_restricted else "ordinary"
    for name, value in records["ids"][kind].items():
        url = url.replace(f"<int:{name}>", str(value))
    warning = records["warning"]
    url = url.replace("<uuid:person_uuid>", str(child.uuid))
    url = url.replace("<int:warning_id>", str(warning.pk))
    url = url.replace("<int:team_id>", str(team.pk))
    url = re.sub(r"<int:pk>", "999999", url)
    return None if "<" in url or url.startswith("/api/") else url


def expected_status(user, route, child, personas) -> int:  # noqa: C901 - the rules in order
    declared = declared_permission(route.callback)
    if user is None:
        return 200 if declared == PUBLIC else 302
    if declared == PUBLIC:
        return 302 if route.name == "login" else 200
    inside = getattr(route.callback, "hearth_confidential_area", None)
    if inside is not None and not inside(user):
        return 404  # a confidential area (hearth.lado) does not exist for anyone outside it
    held = permissions_for(user.role)
    if declared != "__signed_in__" and not any(p in held for p in declared.split(" or ")):
        return 403
    if route.name in DRAFT_ENDPOINTS:
        return DRAFT_ENDPOINTS[route.name]
    if route.name == "two_factor_verify":
        return 302  # no authenticator app set up yet: sent to set one up
    if "<uuid:person_uuid>" in route.pattern and child.is_restricted and user != personas.sm_sara:
        return 404
    if "<int:pk>" in route.pattern:
        return 404
    if route.name in TEAM_SCOPED and "people.change_any_person" not in held:
        return 200 if user.team_id == personas.team_a.pk else 403
    if route.name in ("people:end_warning", "people:end_relationship") and child.is_restricted:
        return 404
    return 200


def signed_in_client(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_every_persona_gets_exactly_what_the_table_says(personas, records):
    people = dict(personas.users) | {"anonymous": None}
    clients = {name: signed_in_client(user) for name, user in people.items()}
    checks, violations = 0, []
    for route in all_routes():
        if route.name in SKIP:
            continue
        for kind in ("ordinary", "restricted"):
            child = records[kind]
            url = concrete_url(route.pattern, child, records, personas.team_a)
            if url is None:
                continue
            for name, user in people.items():
                status = clients[name].get(url).status_code
                want = expected_status(user, route, child, personas)
                checks += 1
                if status != want:
                    violations.append(f"{name} GET {url} ({route.name}): {status}, want {want}")
    print(f"access matrix: {checks} checks, {len(violations)} violations")
    assert checks > 100
    assert violations == []
