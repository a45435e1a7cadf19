"""For hearth/people/tests/test_access_matrix.py: an allegation naming the child and a LADO team
membership, so that the matrix opens every LADO page as every persona (none of whom is in the
LADO team: each must get a 404; the service manager opens the team pages)."""

import datetime as dt

from hearth.accounts import services as accounts
from hearth.accounts.roles import Role
from hearth.lado import services


def records_for(child, personas) -> dict:
    from hearth.accounts.models import User

    officer = User.objects.filter(username="matrix_lado").first() or accounts.user_create(
        username="matrix_lado", password=None, first_name="Morgan", last_name="Lade",
        role=Role.SENIOR_PRACTITIONER, team=personas.support_teams["review"],
        system_job="test")
    member = officer.lado_memberships.filter(ended_on__isnull=True).first() or \
        services.member_add(user=officer, reason="LADO officer", actor=personas.sm_sara)
    allegation = services.allegation_record(
        received_on=dt.date(2025, 1, 6), received_time=None, referrer_name="Avery Thornbury",
        referrer_agency="A school", subject_name="Jordan Vexley-Marsh",
        subject_role="Teaching assistant", subject_employer="A school",
        subject_sector="education", category="physical", summary="Alleged rough handling.",
        lado_officer=officer, actor=officer, children=[child])
    return {"allegation_id": allegation.pk, "member_id": member.pk}
