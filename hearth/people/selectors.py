"""Reads of people: search, possible duplicates, and the record page's data in few queries."""

import datetime as dt
import operator
import re
from dataclasses import dataclass
from functools import reduce

from django.db.models import Prefetch, Q, QuerySet
from rapidfuzz import fuzz

from hearth.people import rules
from hearth.people.models import Address, Person, PersonWarning, Relationship

SEARCH_CANDIDATE_LIMIT = 2000
MIN_NAME_SCORE = 60


@dataclass(frozen=True)
class SearchCriteria:
    name: str = ""
    date_of_birth: dt.date | None = None
    identifier: str = ""
    children_only: bool = False

    @property
    def is_empty(self) -> bool:
        return not (self.name.strip() or self.date_of_birth or self.identifier.strip())


def identifier_filter(identifier: str) -> Q:
    """An LA child ID, NHS number or UPN, whichever the text looks like."""
    text = identifier.strip()
    digits = rules.normalise_nhs_number(text)
    if digits.isdigit() and len(digits) == 10:
        return Q(nhs_number=digits)
    upn = rules.normalise_upn(text)
    if len(upn) == 13 and re.match(r"^[A-Z]\d{11}[0-9A-Z]$", upn):
        return Q(upn=upn) | Q(la_child_id__iexact=text)
    return Q(la_child_id__iexact=text)


def name_filter(name: str) -> Q | None:
    tokens = rules.name_tokens(name)
    if not tokens:
        return None
    per_token = [
        reduce(operator.or_, (Q(name_keys__contains=f" {key} ") for key in rules.token_keys(t)))
        for t in tokens
    ]
    return reduce(operator.and_, per_token)


def person_search(*, visible: QuerySet, criteria: SearchCriteria) -> list[Person]:
    """People matching every criterion given, best name match first.

    Names forgive spelling (sound-alike keys) and order ("Smith John" finds John Smith).
    """
    if criteria.is_empty:
        return []
    query = visible
    if criteria.children_only:
        query = query.filter(is_child=True)
    if criteria.identifier.strip():
        query = query.filter(identifier_filter(criteria.identifier))
    if criteria.date_of_birth:
        query = query.filter(
            Q(date_of_birth=criteria.date_of_birth)
            | Q(expected_date_of_birth=criteria.date_of_birth))
    names = name_filter(criteria.name)
    if names is not None:
        query = query.filter(names)
    rows = list(query.only(
        "id", "uuid", "first_name", "middle_names", "last_name", "known_as", "date_of_birth",
        "expected_date_of_birth", "sex", "is_child", "la_child_id", "nhs_number", "is_restricted",
    )[:SEARCH_CANDIDATE_LIMIT])
    if names is None:
        return rows
    wanted = " ".join(rules.name_tokens(criteria.name))
    scored = [(name_score(wanted, p), p) for p in rows]
    return [p for score, p in sorted(scored, key=lambda s: (-s[0], s[1].last_name, s[1].id))
            if score >= MIN_NAME_SCORE]


def name_score(wanted: str, person: Person) -> float:
    names = [
        " ".join(rules.name_tokens(person.first_name, person.last_name)),
        " ".join(rules.name_tokens(person.first_name, person.middle_names, person.last_name)),
        " ".join(rules.name_tokens(person.known_as, person.last_name)),
    ]
    return max(fuzz.token_sort_ratio(wanted, n) for n in names if n.strip())


def possible_duplicates(*, visible: QuerySet, first_name: str, last_name: str,
                        date_of_birth: dt.date | None, nhs_number: str | None,
                        exclude_pk=None) -> list[Person]:
    """People who may be the same as the one about to be created: same NHS number, or a
    similar name with the same date of birth."""
    found: dict[int, Person] = {}
    if nhs_number:
        digits = rules.normalise_nhs_number(nhs_number)
        for person in visible.filter(nhs_number=digits):
            found[person.pk] = person
    if date_of_birth:
        criteria = SearchCriteria(name=f"{first_name} {last_name}", date_of_birth=date_of_birth)
        for person in person_search(visible=visible, criteria=criteria):
            found.setdefault(person.pk, person)
    return [p for pk, p in found.items() if pk != exclude_pk]


def person_get_for_record(*, visible: QuerySet, person_uuid) -> Person:
    """The person with everything the record page shows, in a fixed number of queries."""
    return visible.prefetch_related(
        Prefetch("addresses", queryset=Address.objects.order_by("-start_date", "-id")),
        Prefetch("warnings", queryset=PersonWarning.objects.select_related("raised_by")),
        Prefetch(
            "relationships",
            queryset=Relationship.objects.select_related("other").filter(
                other__in=visible).order_by("end_date", "kind", "other__last_name"),
        ),
    ).get(uuid=person_uuid)


def active_warnings(person: Person, *, on: dt.date) -> list[PersonWarning]:
    return [w for w in person.warnings.all()
            if w.start_date <= on and (w.end_date is None or w.end_date >= on)]
