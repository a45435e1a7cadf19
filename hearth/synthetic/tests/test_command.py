from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from hearth.people.models import Person


def run(*args: str) -> str:
    out = StringIO()
    call_command("synthesise", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_synthesise_prints_counts_and_demo_logins_and_refuses_to_add_to_people():
    output = run("--profile", "tiny", "--seed", "3", "--demo-password", "a-demo-password-1")
    assert "open children" in output and "restricted records" in output
    assert "Demo logins" in output and "a-demo-password-1" in output
    assert "System administrator" in output
    people = Person.objects.count()

    with pytest.raises(CommandError, match="--replace"):
        run("--profile", "tiny", "--seed", "3")

    output = run("--profile", "tiny", "--seed", "3", "--replace")
    assert "emptying every table" in output
    assert Person.objects.count() == people


@pytest.mark.django_db
def test_show_logins_prints_one_existing_login_per_role_and_builds_nothing(personas):
    people = Person.objects.count()
    output = run("--show-logins")
    assert "sw_alice" in output or "sw_charlie" in output
    assert "admin_sam" in output and "Performance analyst" in output
    assert Person.objects.count() == people


def test_casework_scale_must_be_a_share_of_the_seeds_volume(db):
    with pytest.raises(CommandError, match="--casework-scale is a share"):
        call_command("synthesise", "--profile", "tiny", "--casework-scale", "0")
