"""Every write to a person's record: validated, saved and audited in one transaction."""

import datetime as dt
import itertools

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from hearth.core import clock
from hearth.core.audit import Auditor, changes_between, plain_value
from hearth.core.errors import DomainError
from hearth.people import rules
from hearth.people.codes import Disability
from hearth.people.models import (
    Address,
    Person,
    PersonNameKey,
    PersonWarning,
    RecordAccessGrant,
    Relationship,
)

PERSON_FIELDS = (
    "is_child", "first_name", "middle_names", "last_name", "known_as", "date_of_birth",
    "expected_date_of_birth", "date_of_death", "sex", "ethnicity", "disabilities", "is_uasc",
    "first_language", "needs_interpreter", "religion", "nhs_number", "upn", "upn_unknown",
)


class StaleRecord(DomainError):
    """Someone else saved the record after this user opened it."""

    def __init__(self, changed: dict):
        names = ", ".join(sorted(changed)) or "the record"
        super().__init__(
            f"Someone else changed this record while you were editing it ({names}). "
            "Check their changes below, then make yours again."
        )
        self.changed = changed


def _auditor(actor, system_job: str) -> Auditor:
    return Auditor(actor, system_job=system_job)


def _clean_identifiers(values: dict) -> dict:
    values = dict(values)
    values["nhs_number"] = rules.normalise_nhs_number(values.get("nhs_number") or "") or None
    values["upn"] = rules.normalise_upn(values.get("upn") or "") or None
    return values


def ensure_person_is_valid(values: dict, *, today: dt.date) -> None:
    """The service's own rules, whatever the form or API in front of it checked already."""
    problem = rules.birth_date_problem(
        date_of_birth=values.get("date_of_birth"),
        expected_date_of_birth=values.get("expected_date_of_birth"),
        date_of_death=values.get("date_of_death"),
        today=today,
    )
    if problem:
        raise DomainError(problem[1], field=problem[0])
    if values.get("nhs_number") and (message := rules.nhs_number_problem(values["nhs_number"])):
        raise DomainError(message, field="nhs_number")
    if values.get("upn") and (message := rules.upn_problem(values["upn"])):
        raise DomainError(message, field="upn")
    disabilities = list(values.get("disabilities") or [])
    if len(set(disabilities)) != len(disabilities):
        raise DomainError("Each disability can be chosen once", field="disabilities")
    if Disability.NONE in disabilities and len(disabilities) > 1:
        raise DomainError("'No disability' cannot be chosen with a disability",
                          field="disabilities")
    unknown = set(disabilities) - set(Disability.values)
    if unknown:
        raise DomainError(f"Unknown disability code {sorted(unknown)[0]}", field="disabilities")


def _ensure_identifiers_unique(values: dict, *, exclude_pk=None) -> None:
    for field, label in (("nhs_number", "NHS number"), ("upn", "UPN")):
        if values.get(field):
            clash = Person.objects.filter(**{field: values[field]}).exclude(pk=exclude_pk)
            if clash.exists():
                raise DomainError(f"Another person already has this {label}", field=field)


def _next_la_child_id() -> str:
    last = (
        Person.objects.filter(la_child_id__startswith="HC")
        .order_by("-la_child_id").values_list("la_child_id", flat=True).first()
    )
    number = int(last[2:]) + 1 if last else 1
    return f"HC{number:07d}"


@transaction.atomic
def person_create(*, actor=None, system_job: str = "", **values) -> Person:
    values = _clean_identifiers(values)
    ensure_person_is_valid(values, today=clock.today())
    _ensure_identifiers_unique(values)
    now = clock.now()
    person = Person(
        **{k: v for k, v in values.items() if k in PERSON_FIELDS},
        created_at=now,
        updated_at=now,
    )
    if person.is_child:
        person.la_child_id = values.get("la_child_id") or _next_la_child_id()
    _full_clean(person)
    person.save()
    _index_names(person)
    _auditor(actor, system_job).record(
        "PERSON_CREATED", person, child_id=person.pk,
        detail={"is_child": person.is_child, "la_child_id": person.la_child_id},
    )
    return person


def person_snapshot(person: Person) -> dict:
    """The editable fields as plain JSON values, to compare what a user saw with what is now."""
    return {f: plain_value(getattr(person, f)) for f in PERSON_FIELDS}


@transaction.atomic
def person_update(*, person: Person, actor, seen_version: int, seen_values: dict | None = None,
                  **values) -> Person:
    """Saves the changes unless someone else saved the record since `seen_version` was read.

    `seen_values` (a `person_snapshot` taken when the user opened the record) lets the refusal
    say exactly what the other person changed.
    """
    current = Person.objects.select_for_update().get(pk=person.pk)
    before = {f: getattr(current, f) for f in PERSON_FIELDS}
    if current.version != seen_version:
        raise StaleRecord(changes_between(seen_values, person_snapshot(current))
                          if seen_values is not None else {})
    values = _clean_identifiers({**before, **values})
    ensure_person_is_valid(values, today=clock.today())
    _ensure_identifiers_unique(values, exclude_pk=current.pk)
    for field in PERSON_FIELDS:
        setattr(current, field, values[field])
    current.updated_at = clock.now()
    _full_clean(current)
    changed = changes_between(before, {f: getattr(current, f) for f in PERSON_FIELDS})
    if not changed:
        return current
    current.version = F("version") + 1
    current.save()
    current.refresh_from_db()
    _index_names(current)
    Auditor(actor).record("PERSON_UPDATED", current, child_id=current.pk,
                          detail={"changed": changed})
    return current


def _index_names(person: Person) -> None:
    """Keeps the person's sound-alike search keys in step with their names."""
    keys = rules.name_keys(person.first_name, person.middle_names, person.last_name,
                           person.known_as)
    person.name_keys.exclude(key__in=keys).delete()
    existing = set(person.name_keys.values_list("key", flat=True))
    PersonNameKey.objects.bulk_create(
        PersonNameKey(person=person, key=key) for key in sorted(keys - existing))


def _full_clean(instance) -> None:
    try:
        instance.full_clean(validate_unique=False)
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise DomainError(messages[0], field=field) from None


@transaction.atomic
def address_add(*, person: Person, actor=None, system_job: str = "", line_1: str,
                town: str, postcode: str, start_date: dt.date, line_2: str = "",
                is_verified: bool = False) -> Address:
    if start_date > clock.today():
        raise DomainError("The date they moved in must be today or in the past",
                          field="start_date")
    postcode = " ".join(postcode.upper().split())
    # Moving in somewhere new ends the current address the day before.
    for current in person.addresses.filter(end_date__isnull=True, start_date__lt=start_date):
        current.end_date = start_date - dt.timedelta(days=1)
        current.save(update_fields=["end_date"])
    address = Address(person=person, line_1=line_1, line_2=line_2, town=town,
                      postcode=postcode, start_date=start_date, is_verified=is_verified,
                      recorded_at=clock.now())
    _full_clean(address)
    address.save()
    _auditor(actor, system_job).record("ADDRESS_ADDED", address, child_id=person.pk)
    return address


@transaction.atomic
def relationship_add(*, person: Person, other: Person, kind: str, actor=None,
                     system_job: str = "", has_parental_responsibility: bool = False,
                     lives_with: bool = False, start_date: dt.date | None = None,
                     note: str = "") -> Relationship:
    """Links two people both ways: 'Ann parent of Ben' is saved with 'Ben child of Ann'."""
    if person.pk == other.pk:
        raise DomainError("A person cannot be linked to themselves", field="other")
    if Relationship.objects.filter(person=person, other=other, kind=kind,
                                   end_date__isnull=True).exists():
        raise DomainError("These two people are already linked this way", field="kind")
    shared = {"lives_with": lives_with, "start_date": start_date, "note": note}
    forward = Relationship.objects.create(
        person=person, other=other, kind=kind,
        has_parental_responsibility=has_parental_responsibility, **shared)
    Relationship.objects.create(person=other, other=person, kind=rules.inverse_of(kind),
                                **shared)
    _auditor(actor, system_job).record(
        "RELATIONSHIP_ADDED", forward, child_id=person.pk,
        detail={"other": str(other.uuid), "kind": kind})
    return forward


@transaction.atomic
def relationship_end(*, relationship: Relationship, end_date: dt.date, actor=None,
                     system_job: str = "") -> None:
    twin = Relationship.objects.filter(
        person=relationship.other, other=relationship.person,
        kind=rules.inverse_of(relationship.kind), end_date__isnull=True)
    for link in itertools.chain([relationship], twin):
        link.end_date = end_date
        link.save(update_fields=["end_date"])
    _auditor(actor, system_job).record("RELATIONSHIP_ENDED", relationship,
                                       child_id=relationship.person_id)


@transaction.atomic
def warning_add(*, person: Person, kind: str, detail: str, start_date: dt.date, actor=None,
                system_job: str = "") -> PersonWarning:
    if start_date > clock.today():
        raise DomainError("The warning must start today or in the past", field="start_date")
    auditor = _auditor(actor, system_job)
    warning = PersonWarning.objects.create(
        person=person, kind=kind, detail=detail, start_date=start_date,
        raised_by=actor or _system_user(), raised_at=clock.now())
    auditor.record("WARNING_ADDED", warning, child_id=person.pk, detail={"kind": kind})
    return warning


def _system_user():
    from hearth.accounts.services import system_user

    return system_user()


@transaction.atomic
def warning_end(*, warning: PersonWarning, actor, end_date: dt.date) -> None:
    if end_date < warning.start_date:
        raise DomainError("A warning cannot end before it started", field="end_date")
    warning.end_date = end_date
    warning.save(update_fields=["end_date"])
    Auditor(actor).record("WARNING_ENDED", warning, child_id=warning.person_id)


@transaction.atomic
def record_restrict(*, person: Person, actor, reason: str, system_job: str = "") -> None:
    """Restricts the record; the one restricting it stays on its access list."""
    if not reason.strip():
        raise DomainError("Say why the record is restricted", field="reason")
    person.is_restricted = True
    person.restriction_reason = reason
    person.save(update_fields=["is_restricted", "restriction_reason"])
    auditor = _auditor(actor, system_job)
    if actor is not None:
        _grant(person, actor, actor, "Restricted the record")
    auditor.record("RECORD_RESTRICTED", person, child_id=person.pk, detail={"reason": reason})


@transaction.atomic
def record_unrestrict(*, person: Person, actor) -> None:
    person.is_restricted = False
    person.restriction_reason = ""
    person.save(update_fields=["is_restricted", "restriction_reason"])
    Auditor(actor).record("RECORD_UNRESTRICTED", person, child_id=person.pk)


def _grant(person, user, granted_by, reason) -> RecordAccessGrant:
    grant, _ = RecordAccessGrant.objects.get_or_create(
        person=person, user=user,
        defaults={"granted_by": granted_by, "granted_at": clock.now(), "reason": reason})
    return grant


@transaction.atomic
def record_access_grant(*, person: Person, user, actor=None, reason: str,
                        system_job: str = "") -> RecordAccessGrant:
    if not person.is_restricted:
        raise DomainError("Only a restricted record has an access list", field="user")
    grant = _grant(person, user, actor or _system_user(), reason)
    _auditor(actor, system_job).record("RECORD_ACCESS_GRANTED", person, child_id=person.pk,
                                       detail={"user": user.username, "reason": reason})
    return grant


@transaction.atomic
def record_access_revoke(*, person: Person, user, actor) -> None:
    RecordAccessGrant.objects.filter(person=person, user=user).delete()
    Auditor(actor).record("RECORD_ACCESS_REVOKED", person, child_id=person.pk,
                          detail={"user": user.username})


# ---- Reads are audited too -------------------------------------------------------------------


def person_viewed(*, actor, person: Person, section: str = "summary") -> None:
    Auditor(actor).record("CHILD_RECORD_VIEWED", person, child_id=person.pk,
                          detail={"section": section})


def people_listed(*, actor, people, where: str, code: str = "CHILD_LISTED") -> int:
    """One audit event per person shown in a list or search results, in a single insert."""
    return Auditor(actor).record_many(code, people, child_id_of=lambda p: p.pk,
                                      detail={"where": where})


def person_exported(*, actor, person: Person, how: str) -> None:
    Auditor(actor).record("PERSON_EXPORTED", person, child_id=person.pk, detail={"how": how})
