"""The local lists of the complaints procedure (no DfE codes exist for them).

Stages: the Children Act 1989 Representations Procedure (England) Regulations 2006,
SI 2006/1738 (GOVERNANCE.md section 4.1). Outcomes: upheld, partly upheld and not upheld are
the annual report's categories (seeds/001_e8ea781e93d1811d.txt line 766); "withdrawn" closes a
complaint the complainant takes back. Themes: the headings of the learning report
(communication, staff behaviour: seeds/001_e8ea781e93d1811d.txt lines 780-818) with the usual
headings of children's social care complaints; a local list an authority may extend.
"""

from django.db import models


class Stage(models.IntegerChoices):
    LOCAL_RESOLUTION = 1, "Stage 1: local resolution"
    INVESTIGATION = 2, "Stage 2: investigation"
    REVIEW_PANEL = 3, "Stage 3: review panel"


class Relationship(models.TextChoices):
    CHILD = "child", "The child or young person"
    PARENT = "parent", "Parent"
    CARER = "carer", "Carer (foster carer, kinship carer or other)"
    ADVOCATE = "advocate", "Advocate"
    OTHER = "other", "Someone else"


class Outcome(models.TextChoices):
    UPHELD = "upheld", "Upheld"
    PARTLY_UPHELD = "partly_upheld", "Partly upheld"
    NOT_UPHELD = "not_upheld", "Not upheld"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Theme(models.TextChoices):
    COMMUNICATION = "communication", "Communication (not kept informed, information not shared)"
    STAFF_BEHAVIOUR = "staff_behaviour", "Staff attitude or behaviour"
    ASSESSMENT = "assessment", "Assessment (accuracy, not shared in time)"
    DELAY = "delay", "Delay or failure to act"
    DECISION = "decision", "A decision the complainant disagrees with"
    FAMILY_TIME = "family_time", "Family time and contact"
    PLACEMENT = "placement", "Placement or accommodation"
    FINANCE = "finance", "Financial support or allowances"
    WORKER_CHANGE = "worker_change", "Change of worker or no allocated worker"
    RECORDS = "records", "Records, minutes or plans (late or inaccurate)"
    SERVICE = "service", "Service not provided"
    OTHER = "other", "Other"


class FeedbackKind(models.TextChoices):
    COMPLIMENT = "compliment", "Compliment"
    COMMENT = "comment", "Comment"


class ReminderStatus(models.TextChoices):
    CLAIMED = "claimed", "Being sent"
    SENT = "sent", "Sent"
    FAILED = "failed", "Could not be sent"
