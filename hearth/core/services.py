from django.db import transaction

from hearth.core.audit import Auditor
from hearth.core.errors import DomainError
from hearth.core.models import LocalAuthority


@transaction.atomic
def local_authority_set(*, name: str, la_code: str, population_0_17: int, population_year: int,
                        actor=None, system_job: str = "") -> LocalAuthority:
    if not (la_code.isdigit() and len(la_code) == 3):
        raise DomainError("The DfE LA number is 3 digits", field="la_code")
    if population_0_17 <= 0:
        raise DomainError("The population must be more than 0", field="population_0_17")
    authority = LocalAuthority.current() or LocalAuthority()
    authority.name, authority.la_code = name, la_code
    authority.population_0_17, authority.population_year = population_0_17, population_year
    authority.save()
    Auditor(actor, system_job=system_job).record(
        "LOCAL_AUTHORITY_SET", authority,
        detail={"population_0_17": population_0_17, "population_year": population_year})
    return authority
