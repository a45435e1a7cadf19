"""A person's record as the API returns it, found and checked exactly as the pages do.

Every API response that carries a person's record (or a section of it) writes one
PERSON_EXPORTED event with `how` naming the endpoint ("api", "api addresses", ...). Lists and
search results write one CHILD_LISTED or CHILD_SEARCH_HIT event per person shown, as the pages do.
"""

import datetime as dt
import uuid
from dataclasses import dataclass

from django.http import Http404
from rest_framework.exceptions import PermissionDenied

from hearth.cases.models import Allocation
from hearth.cases.selectors import current_allocation
from hearth.core import clock
from hearth.people import access, rules, selectors, services
from hearth.people.models import Address, Person, PersonWarning, Relationship

NOT_YOUR_TEAM = (
    "You can change only records held by your own team or not allocated to a team"
)


@dataclass(frozen=True)
class PersonRecord:
    person: Person
    today: dt.date
    allocation: Allocation | None

    @property
    def age(self) -> int | None:
        return rules.age_on(self.person.date_of_birth, self.today)

    @property
    def addresses(self) -> list[Address]:
        return list(self.person.addresses.all())

    @property
    def current_address(self) -> Address | None:
        """The latest address, unless it has ended (as the record page shows it)."""
        latest = next(iter(self.addresses), None)
        return latest if latest is not None and latest.end_date is None else None

    @property
    def active_warnings(self) -> list[PersonWarning]:
        return selectors.active_warnings(self.person, on=self.today)

    @property
    def warnings(self) -> list[PersonWarning]:
        return list(self.person.warnings.all())

    @property
    def relationships(self) -> list[Relationship]:
        """Links to people the caller may see; the selector leaves out everyone else."""
        return list(self.person.relationships.all())


def person_record(user, person_uuid: uuid.UUID) -> PersonRecord:
    """The record with everything it shows, if `user` may see it; otherwise 404."""
    visible = Person.objects.visible_to(user)
    try:
        person = selectors.person_get_for_record(visible=visible, person_uuid=person_uuid)
    except (Person.DoesNotExist, ValueError):
        raise Http404("No person found") from None
    return PersonRecord(person=person, today=clock.today(), allocation=_allocation_of(person))


def person_record_exported(user, person_uuid: uuid.UUID, *, how: str) -> PersonRecord:
    """person_record, with the read written to the audit trail."""
    record = person_record(user, person_uuid)
    services.person_exported(actor=user, person=record.person, how=how)
    return record


def ensure_can_change(user, person: Person) -> None:
    """403 unless `user` may change this (visible) record: the page's rule, team by team."""
    allocation = _allocation_of(person)
    if not access.can_change_person(user, person, allocation.team_id if allocation else None):
        raise PermissionDenied(NOT_YOUR_TEAM)


def _allocation_of(person: Person) -> Allocation | None:
    return current_allocation(person) if person.is_child else None
