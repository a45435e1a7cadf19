from django.db import transaction

from hearth.accounts.models import Team, User
from hearth.accounts.roles import Role
from hearth.core.audit import Auditor
from hearth.core.errors import DomainError

SYSTEM_USERNAME = "hearth-system"


@transaction.atomic
def team_create(*, name: str, service: str, holds_cases: bool = True, actor=None,
                system_job: str = "") -> Team:
    if Team.objects.filter(name__iexact=name).exists():
        raise DomainError("A team with this name already exists", field="name")
    team = Team.objects.create(name=name, service=service, holds_cases=holds_cases)
    Auditor(actor, system_job=system_job).record("TEAM_CREATED", team)
    return team


@transaction.atomic
def user_create(*, username: str, password: str | None, first_name: str, last_name: str,
                role: str, team: Team | None, job_title: str = "", is_agency: bool = False,
                email: str = "", actor=None, system_job: str = "",
                password_hash: str | None = None) -> User:
    if role not in Role.values:
        raise DomainError(f"Unknown role {role}", field="role")
    if User.objects.filter(username__iexact=username).exists():
        raise DomainError("This username is taken", field="username")
    user = User(username=username, first_name=first_name, last_name=last_name, role=role,
                team=team, job_title=job_title, is_agency=is_agency, email=email)
    if password_hash:
        user.password = password_hash
    elif password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    Auditor(actor, system_job=system_job).record("USER_CREATED", user,
                                                 detail={"role": role, "team": str(team)})
    return user


def system_user() -> User:
    """The account that system jobs (imports, the synthetic authority) act as. Cannot sign in."""
    user, created = User.objects.get_or_create(
        username=SYSTEM_USERNAME,
        defaults={"first_name": "Hearth", "last_name": "system", "role": "",
                  "is_active": False},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user
