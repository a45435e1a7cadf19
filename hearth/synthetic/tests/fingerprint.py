"""A digest of everything the generator decides, to compare two builds of the same seed."""

import hashlib

from hearth.accounts.models import User
from hearth.cases.models import Allocation
from hearth.people.models import Address, Person, PersonWarning, Relationship


def authority_fingerprint() -> str:
    rows: list[tuple] = []
    rows += Person.objects.order_by("pk").values_list(
        "is_child", "la_child_id", "first_name", "middle_names", "last_name", "known_as", "sex",
        "date_of_birth", "expected_date_of_birth", "ethnicity", "disabilities", "is_uasc",
        "first_language", "needs_interpreter", "religion", "nhs_number", "upn", "upn_unknown",
        "is_restricted")
    rows += User.objects.order_by("pk").values_list("username", "role", "team__name",
                                                   "is_agency", "job_title")
    rows += Address.objects.order_by("pk").values_list(
        "person__nhs_number", "person__first_name", "line_1", "line_2", "postcode",
        "start_date", "end_date")
    rows += Allocation.objects.order_by("pk").values_list(
        "child__la_child_id", "team__name", "worker__username", "start_date", "end_date")
    rows += Relationship.objects.order_by("pk").values_list(
        "person__first_name", "kind", "other__first_name", "has_parental_responsibility",
        "lives_with", "start_date")
    rows += PersonWarning.objects.order_by("pk").values_list("person__first_name", "kind",
                                                            "start_date")
    return hashlib.sha256(repr(rows).encode()).hexdigest()
