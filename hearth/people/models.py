import uuid

from django.conf import settings
from django.db import models

from hearth.people.codes import (
    Disability,
    Ethnicity,
    RelationshipKind,
    Religion,
    Sex,
    UpnUnknown,
    WarningKind,
)
from hearth.people.querysets import PersonQuerySet


class Person(models.Model):
    """A child or an adult in a child's world (parent, carer, relative, friend).

    Children carry an LA child ID; everyone else is linked to children through relationships.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    is_child = models.BooleanField(default=True)
    la_child_id = models.CharField(
        "LA child ID", max_length=20, null=True, blank=True, unique=True
    )
    first_name = models.CharField(max_length=100)
    middle_names = models.CharField(max_length=100, blank=True)
    last_name = models.CharField(max_length=100)
    known_as = models.CharField("Known as", max_length=100, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    expected_date_of_birth = models.DateField(null=True, blank=True)
    date_of_death = models.DateField(null=True, blank=True)
    sex = models.CharField(max_length=1, choices=Sex.choices)
    ethnicity = models.CharField(max_length=4, choices=Ethnicity.choices, default=Ethnicity.NOBT)
    disabilities = models.JSONField(default=list, blank=True)
    is_uasc = models.BooleanField("Unaccompanied asylum-seeking child", default=False)
    first_language = models.CharField(max_length=60, blank=True)
    needs_interpreter = models.BooleanField(default=False)
    religion = models.CharField(max_length=20, choices=Religion.choices, blank=True)
    nhs_number = models.CharField("NHS number", max_length=10, null=True, blank=True, unique=True)
    upn = models.CharField("UPN", max_length=13, null=True, blank=True, unique=True)
    upn_unknown = models.CharField(
        "Reason UPN unknown", max_length=3, choices=UpnUnknown.choices, blank=True
    )
    is_restricted = models.BooleanField(default=False)
    restriction_reason = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    version = models.PositiveIntegerField(default=1)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name", "id"]
        indexes = [
            models.Index(fields=["last_name", "first_name"]),
            models.Index(fields=["date_of_birth"]),
            # The few restricted records, found without reading every person (hidden_from).
            models.Index(fields=["id"], condition=models.Q(is_restricted=True),
                         name="person_restricted_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~(
                    models.Q(date_of_birth__isnull=False)
                    & models.Q(expected_date_of_birth__isnull=False)
                ),
                name="person_born_or_expected_not_both",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("people:person", args=[self.uuid])

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)

    @property
    def is_unborn(self) -> bool:
        return self.date_of_birth is None and self.expected_date_of_birth is not None

    def disability_labels(self) -> list[str]:
        return [Disability(code).label for code in self.disabilities]


class RecordAccessGrant(models.Model):
    """A place on a restricted record's access list."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="access_grants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="record_access_grants")
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    granted_at = models.DateTimeField()
    reason = models.CharField(max_length=200)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "user"], name="one_grant_per_user_per_record")
        ]

    def __str__(self) -> str:
        return f"{self.user} may see {self.person}"


class Address(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="addresses")
    line_1 = models.CharField("Address line 1", max_length=100)
    line_2 = models.CharField("Address line 2", max_length=100, blank=True)
    town = models.CharField("Town or city", max_length=60)
    postcode = models.CharField(max_length=8)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    is_verified = models.BooleanField(default=False)
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name_plural = "addresses"

    def __str__(self) -> str:
        return ", ".join(p for p in (self.line_1, self.line_2, self.town, self.postcode) if p)


class Relationship(models.Model):
    """One direction of a two-way link; its twin (the inverse kind) is always saved with it."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="relationships")
    other = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=30, choices=RelationshipKind.choices)
    has_parental_responsibility = models.BooleanField(default=False)
    lives_with = models.BooleanField(default=False)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["kind", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "other", "kind"], condition=models.Q(end_date__isnull=True),
                name="one_current_relationship_of_a_kind",
            ),
            models.CheckConstraint(
                condition=~models.Q(person=models.F("other")), name="no_relationship_to_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.get_kind_display().lower()} {self.other}"


class PersonWarning(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="warnings")
    kind = models.CharField(max_length=30, choices=WarningKind.choices)
    detail = models.TextField()
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="+")
    raised_at = models.DateTimeField()

    class Meta:
        ordering = ["-start_date", "-id"]

    def __str__(self) -> str:
        return self.get_kind_display()


class PersonNameKey(models.Model):
    """One sound-alike key of a person's names (see rules.name_keys), for indexed search."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="name_keys")
    key = models.CharField(max_length=24)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "person"], name="one_name_key_per_person")
        ]

    def __str__(self) -> str:
        return self.key
