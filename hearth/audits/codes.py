"""The local lists of case file audits (no DfE codes exist for them).

Grades: Ofsted's four-point judgement scale (outstanding, good, requires improvement to be
good, inadequate), which the council's audits use for each question and overall ("planning
grading", seeds/004_46ad6842801cbab3.txt line 253). Programme kinds: the monthly practice
learning audits, themed audits and multi-agency audits of GOVERNANCE.md section 6.
"""

from django.db import models


class Grade(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


# The two grades that count as a weakness in the themes across audits.
WEAK_GRADES = (Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE)


class ProgrammeKind(models.TextChoices):
    MONTHLY = "monthly", "Monthly practice audit"
    THEMED = "themed", "Themed audit"
    MULTI_AGENCY = "multi_agency", "Multi-agency audit"


class ProgrammeStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETE = "complete", "Complete"


class AuditStatus(models.TextChoices):
    DRAFT = "draft", "In progress"
    COMPLETED = "completed", "Completed, actions open"
    CLOSED = "closed", "Closed (loop closed)"


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"
    CANCELLED = "cancelled", "Cancelled"
