from django.contrib.auth.models import AbstractUser
from django.db import models

from hearth.accounts.roles import Role, permissions_for


class Team(models.Model):
    class Service(models.TextChoices):
        FRONT_DOOR = "front_door", "Front door (MASH)"
        ASSESSMENT = "assessment", "Assessment"
        SAFEGUARDING = "safeguarding", "Safeguarding and support"
        CHILDREN_IN_CARE = "children_in_care", "Children in care"
        CARE_LEAVERS = "care_leavers", "Care leavers"
        DISABLED_CHILDREN = "disabled_children", "Disabled children"
        REVIEW = "review", "Safeguarding and review (IRO and CP chairs)"
        PERFORMANCE = "performance", "Performance and information"
        BUSINESS_SUPPORT = "business_support", "Business support"
        SYSTEMS = "systems", "Systems"

    name = models.CharField(max_length=100, unique=True)
    service = models.CharField(max_length=30, choices=Service.choices)
    holds_cases = models.BooleanField(
        default=True, help_text="Children can be allocated to this team."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A member of staff. One role and one team; the role decides permissions (roles.py)."""

    role = models.CharField(max_length=30, choices=Role.choices)
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.PROTECT, related_name="members"
    )
    job_title = models.CharField(max_length=100, blank=True)
    is_agency = models.BooleanField(default=False)

    class Meta:
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def has_perm(self, perm, obj=None) -> bool:
        # Unlike Django's default, a superuser flag grants nothing: only the role table does.
        return self.is_active and perm in permissions_for(self.role)

    def has_perms(self, perm_list, obj=None) -> bool:
        return all(self.has_perm(p, obj) for p in perm_list)

    def has_module_perms(self, app_label) -> bool:
        return any(p.startswith(f"{app_label}.") for p in permissions_for(self.role))

    def get_all_permissions(self, obj=None) -> set[str]:
        return set(permissions_for(self.role)) if self.is_active else set()
