"""Teams, caseloads and allocation."""

from hearth.api.tests.factories import allocate, api_as, audit_count, make_person, queries_for
from hearth.cases.models import Allocation


def allocation_url(person) -> str:
    return f"/api/v1/people/{person.uuid}/allocation/"


def caseload_url(team) -> str:
    return f"/api/v1/teams/{team.pk}/caseload/"


# ---- Figures --------------------------------------------------------------------------------


def test_an_analyst_sees_figures_without_names(dana, alice, team_a, ada):
    allocate(ada, team_a, alice)

    response = api_as(dana).get("/api/v1/teams/")

    assert response.status_code == 200
    assert response.json()[0] == {
        "id": team_a.pk, "name": "Persona Team A",
        "service": {"code": "assessment", "label": "Assessment"},
        "children": 1, "unallocated": 0, "workers": 1, "average_caseload": 1.0}


def test_a_practitioner_sees_figures_too(alice):
    assert api_as(alice).get("/api/v1/teams/").status_code == 200


def test_a_role_with_neither_permission_is_refused(sam):
    assert api_as(sam).get("/api/v1/teams/").status_code == 403


# ---- Caseload -------------------------------------------------------------------------------


def test_it_lists_a_teams_children_and_audits_them(alice, team_a, ada):
    allocate(ada, team_a, alice)

    response = api_as(alice).get(caseload_url(team_a))

    assert response.status_code == 200
    row = response.json()["results"][0]
    assert row["child"]["uuid"] == str(ada.uuid)
    assert row["worker"]["username"] == "sw_alice"
    assert row["start_date"] == "2024-01-02"
    assert audit_count(ada, "CHILD_LISTED") == 1


def test_it_filters_by_worker_and_unallocated(alice, team_a, ada):
    other = make_person("Ben")
    allocate(ada, team_a, alice)
    allocate(other, team_a)
    client = api_as(alice)

    by_worker = client.get(caseload_url(team_a), {"worker": "sw_alice"}).json()["results"]
    unallocated = client.get(caseload_url(team_a), {"unallocated": "true"}).json()["results"]

    assert [r["child"]["name"] for r in by_worker] == ["Ada Testperson"]
    assert [r["child"]["name"] for r in unallocated] == ["Ben Testperson"]


def test_an_unknown_worker_is_a_400(alice, team_a):
    response = api_as(alice).get(caseload_url(team_a), {"worker": "nobody"})

    assert response.status_code == 400
    assert response.json() == {"worker": ["No one in Persona Team A has this username"]}


def test_restricted_children_are_left_out_for_those_not_on_the_list(charlie, team_a, secret):
    allocate(secret, team_a)

    response = api_as(charlie).get(caseload_url(team_a))

    assert response.json()["results"] == []
    assert audit_count(secret, "CHILD_LISTED") == 0


def test_an_unknown_team_is_404(alice):
    assert api_as(alice).get("/api/v1/teams/999999/caseload/").status_code == 404


def test_an_analyst_may_not_see_names(dana, team_a):
    assert api_as(dana).get(caseload_url(team_a)).status_code == 403


# ---- Allocation -----------------------------------------------------------------------------


def test_a_manager_allocates_a_child(bob, alice, team_a, ada):
    response = api_as(bob).post(allocation_url(ada), {
        "team": team_a.pk, "worker": "sw_alice", "start_date": "2024-03-01",
        "reason": "Test allocation"}, format="json")

    assert response.status_code == 201
    assert response.json()["worker"]["username"] == "sw_alice"
    assert Allocation.objects.current().get(child=ada).worker == alice
    assert audit_count(ada, "CHILD_ALLOCATED") == 1


def test_a_transfer_ends_the_last_allocation(bob, alice, charlie, team_a, team_b, ada):
    allocate(ada, team_a, alice)

    response = api_as(bob).post(allocation_url(ada), {
        "team": team_b.pk, "worker": "sw_charlie", "start_date": "2024-03-01"}, format="json")

    assert response.status_code == 201
    assert Allocation.objects.filter(child=ada).count() == 2
    assert Allocation.objects.current().get(child=ada).team == team_b


def test_the_worker_must_be_in_the_team(bob, charlie, team_a, ada):
    response = api_as(bob).post(allocation_url(ada), {
        "team": team_a.pk, "worker": "sw_charlie", "start_date": "2024-03-01"}, format="json")

    assert response.status_code == 400
    assert response.json() == {
        "worker": ["Charlie Carter is not in Persona Team A: choose someone in the team"]}


def test_an_unknown_team_is_a_400(bob, ada):
    response = api_as(bob).post(allocation_url(ada), {"team": 999999,
                                                      "start_date": "2024-03-01"}, format="json")

    assert response.status_code == 400
    assert response.json() == {"team": ["No team that holds cases has this id"]}


def test_a_service_rule_on_allocation_becomes_a_400(bob, team_a):
    adult = make_person("Grownup", is_child=False, sex="M")

    response = api_as(bob).post(allocation_url(adult), {"team": team_a.pk,
                                                        "start_date": "2024-03-01"},
                                format="json")

    assert response.status_code == 400
    assert response.json() == {"child": ["Only a child can be allocated"]}


def test_a_social_worker_may_not_allocate(alice, team_a, ada):
    response = api_as(alice).post(allocation_url(ada), {"team": team_a.pk,
                                                        "start_date": "2024-03-01"},
                                  format="json")

    assert response.status_code == 403


def test_a_restricted_child_is_404_to_a_manager_not_on_the_list(bob, team_a, secret):
    response = api_as(bob).post(allocation_url(secret), {"team": team_a.pk,
                                                             "start_date": "2024-03-01"},
                                    format="json")

    assert response.status_code == 404


def test_the_caseload_takes_the_same_queries_however_many_children(alice, team_a):
    client = api_as(alice)
    allocate(make_person("Ben"), team_a, alice)
    with_one = queries_for(lambda: client.get(caseload_url(team_a)))
    for name in ("Cal", "Dot", "Eve"):
        allocate(make_person(name), team_a)

    assert len(client.get(caseload_url(team_a)).json()["results"]) == 4
    assert queries_for(lambda: client.get(caseload_url(team_a))) == with_one
