"""Posts and who holds them, ASYE programmes, staff and case supervision, and the authority's
required case supervision frequencies."""

from django.conf import settings
from django.db import models

from hearth.accounts.models import Team
from hearth.people.models import Person
from hearth.workforce import codes

USER = settings.AUTH_USER_MODEL


class PostQuerySet(models.QuerySet):
    def established_on(self, day):
        """Posts that exist on `day` (established, and not yet deleted)."""
        return self.filter(established_on__lte=day).filter(
            models.Q(disestablished_on__isnull=True) | models.Q(disestablished_on__gt=day))


class Post(models.Model):
    """A funded post in a team: its grade and full-time equivalent. Who holds it, and when, is
    in PostHolding; a post with no holding on a date is a vacancy on that date."""

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="posts")
    reference = models.CharField(max_length=30, unique=True,
                                 help_text="The post number in the council's establishment")
    title = models.CharField(max_length=100)
    grade = models.CharField(max_length=30, choices=codes.Grade.choices)
    fte = models.DecimalField("Full-time equivalent", max_digits=4, decimal_places=2)
    established_on = models.DateField("Post established on")
    disestablished_on = models.DateField("Post deleted on", null=True, blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["team__name", "reference"]
        constraints = [
            models.CheckConstraint(condition=models.Q(fte__gt=0, fte__lte=1),
                                   name="workforce_post_fte_0_to_1"),
            models.CheckConstraint(condition=models.Q(disestablished_on__isnull=True)
                                   | models.Q(disestablished_on__gt=models.F("established_on")),
                                   name="workforce_post_deleted_after_established"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("workforce:post", args=[self.pk])


class PostHoldingQuerySet(models.QuerySet):
    def on(self, day):
        """Holdings in force on `day`: started on or before it and not ended before it (the
        leaving date is the last day in post)."""
        return self.filter(start_date__lte=day).filter(
            models.Q(end_date__isnull=True) | models.Q(end_date__gte=day))


class PostHolding(models.Model):
    """Someone in a post from a start date to (once they leave) an end date: a member of staff
    with a Hearth account, or an agency worker named here who has none."""

    post = models.ForeignKey(Post, on_delete=models.PROTECT, related_name="holdings")
    user = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT,
                             related_name="post_holdings")
    worker_name = models.CharField("Name of a worker without a Hearth account", max_length=150,
                                   blank=True)
    contract = models.CharField(max_length=20, choices=codes.Contract.choices)
    start_date = models.DateField()
    end_date = models.DateField("Last day in post", null=True, blank=True)
    leaving_reason = models.CharField(max_length=30, blank=True,
                                      choices=codes.LeavingReason.choices)
    leaving_note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    objects = PostHoldingQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-id"]
        indexes = [models.Index(fields=["start_date", "end_date"]),
                   models.Index(fields=["end_date"])]
        constraints = [
            models.UniqueConstraint(fields=["post"], condition=models.Q(end_date__isnull=True),
                                    name="workforce_one_open_holding_per_post"),
            models.CheckConstraint(condition=models.Q(end_date__isnull=True)
                                   | models.Q(end_date__gte=models.F("start_date")),
                                   name="workforce_holding_ends_after_it_starts"),
            models.CheckConstraint(condition=models.Q(user__isnull=False)
                                   | ~models.Q(worker_name=""),
                                   name="workforce_holding_names_someone"),
        ]

    def __str__(self) -> str:
        return f"{self.holder_name} in {self.post}"

    @property
    def holder_name(self) -> str:
        return str(self.user) if self.user_id else self.worker_name

    @property
    def is_agency(self) -> bool:
        return self.contract == codes.Contract.AGENCY

    @property
    def is_leaver(self) -> bool:
        return self.end_date is not None and self.leaving_reason not in codes.NOT_A_LEAVER


class Asye(models.Model):
    """A newly qualified social worker's assessed and supported year in employment (T108)."""

    holding = models.OneToOneField(PostHolding, on_delete=models.PROTECT, related_name="asye")
    started_on = models.DateField("ASYE started on")
    expected_end_on = models.DateField()
    assessor = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+")
    completed_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=20, blank=True, choices=codes.AsyeOutcome.choices)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["started_on", "id"]
        verbose_name = "ASYE programme"

    def __str__(self) -> str:
        return f"ASYE of {self.holding.holder_name} from {self.started_on}"


class StaffSupervision(models.Model):
    """A member of staff's own (reflective, professional) supervision: when, by whom, when the
    next is due. What was discussed stays in the supervision file, not here."""

    worker = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="supervisions")
    supervised_on = models.DateField()
    supervisor = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    next_due_on = models.DateField()
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-supervised_on", "-id"]
        indexes = [models.Index(fields=["worker", "supervised_on"])]

    def __str__(self) -> str:
        return f"Supervision of {self.worker} on {self.supervised_on}"


class CaseSupervision(models.Model):
    """Case supervision recorded on the child's record: the decisions and actions agreed, the
    level of need it was judged against and when the next is due."""

    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="case_supervisions")
    supervised_on = models.DateField()
    supervisor = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    worker = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+", help_text="The child's allocated worker then")
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.PROTECT,
                             related_name="+")
    level_of_need = models.CharField(max_length=20, choices=codes.LevelOfNeed.choices)
    decisions = models.TextField("Decisions and actions")
    next_due_on = models.DateField()
    rule = models.CharField(max_length=60)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-supervised_on", "-id"]
        indexes = [models.Index(fields=["child", "supervised_on"])]

    def __str__(self) -> str:
        return f"Case supervision on {self.supervised_on}"


class SupervisionStandard(models.Model):
    """The authority's required case supervision frequency for a level of need. A level with
    no row uses the default in rules.DEFAULT_INTERVAL_WEEKS."""

    level_of_need = models.CharField(max_length=20, choices=codes.LevelOfNeed.choices,
                                     unique=True)
    interval_weeks = models.PositiveSmallIntegerField()
    changed_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["level_of_need"]
        constraints = [models.CheckConstraint(
            condition=models.Q(interval_weeks__gte=1, interval_weeks__lte=26),
            name="workforce_supervision_interval_1_to_26_weeks")]

    def __str__(self) -> str:
        return f"{self.get_level_of_need_display()}: every {self.interval_weeks} weeks"
