import datetime as dt

from django.db import transaction

from hearth.accounts.roles import Role
from hearth.cases.models import Allocation
from hearth.core import clock
from hearth.people import rules
from hearth.synthetic.personas import PERSONA_PASSWORD, create_personas


def test_the_eight_personas_have_their_roles_and_teams(personas):
    assert personas.sw_alice.role == Role.SOCIAL_WORKER
    assert personas.tm_bob.role == Role.TEAM_MANAGER
    assert personas.sm_sara.role == Role.SERVICE_MANAGER
    assert personas.sw_alice.team == personas.tm_bob.team == personas.team_a
    assert personas.sw_charlie.team == personas.team_b != personas.team_a
    assert personas.analyst_dana.role == Role.PERFORMANCE_ANALYST
    assert personas.iro_erin.role == Role.IRO
    assert personas.admin_sam.role == Role.SYSTEM_ADMINISTRATOR
    assert personas.bs_ben.role == Role.BUSINESS_SUPPORT
    assert not personas.analyst_dana.team.holds_cases
    assert sorted(personas.users) == sorted(
        ["sw_alice", "tm_bob", "sw_charlie", "analyst_dana", "iro_erin", "admin_sam", "bs_ben",
         "sm_sara"])
    assert personas.sw_alice.check_password(PERSONA_PASSWORD)


def test_child_for_allocates_a_synthetic_child(personas):
    child = personas.child_for(personas.sw_alice)
    allocation = Allocation.objects.current().get(child=child)
    assert (allocation.team, allocation.worker) == (personas.team_a, personas.sw_alice)
    assert child.nhs_number.startswith("999")
    assert rules.nhs_number_problem(child.nhs_number) is None
    assert child.la_child_id


def test_child_for_takes_overrides_and_a_team_without_a_worker(personas):
    due = clock.today() + dt.timedelta(days=60)
    unborn = personas.child_for(None, personas.team_b, expected_date_of_birth=due,
                                first_name="Baby")
    assert unborn.is_unborn and unborn.first_name == "Baby" and unborn.nhs_number is None
    assert Allocation.objects.current().get(child=unborn).worker is None
    named = personas.child_for(personas.sw_charlie, last_name="Quill",
                               allocated_on=clock.today() - dt.timedelta(days=3))
    assert named.last_name == "Quill"
    assert Allocation.objects.current().get(child=named).team == personas.team_b


def test_personas_and_their_children_are_the_same_every_time(db):
    def made() -> list:
        with transaction.atomic():
            found = create_personas()
            children = [found.child_for() for _ in range(3)]
            result = ([(u.username, u.first_name, u.team.name) for u in found.users.values()],
                      [(c.first_name, c.last_name, c.date_of_birth, c.nhs_number, c.upn)
                       for c in children])
            transaction.set_rollback(True)
        return result

    assert made() == made()


def test_personas_share_a_database_with_the_tiny_authority(personas, tiny_authority):
    child = personas.child_for()
    assert child.nhs_number[3] == "9"  # the personas' own range
    assert len(tiny_authority.open_children) > 0
