"""The workforce's code lists: grades, contracts, leaving reasons, levels of need."""

from django.db import models


class Grade(models.TextChoices):
    SOCIAL_WORKER = "social_worker", "Social worker"
    SENIOR_PRACTITIONER = "senior_practitioner", "Senior practitioner"
    ADVANCED_PRACTITIONER = "advanced_practitioner", "Advanced practitioner"
    TEAM_MANAGER = "team_manager", "Team manager"
    SERVICE_MANAGER = "service_manager", "Service manager"
    IRO = "iro", "Independent reviewing officer or CP chair"
    PERSONAL_ADVISER = "personal_adviser", "Personal adviser"
    FAMILY_SUPPORT_WORKER = "family_support_worker", "Family support worker"
    BUSINESS_SUPPORT = "business_support", "Business support"


# The posts PI.1447 counts ("% of agency social workers", the social worker establishment of
# 142.5 FTE, seeds/001 line 438): qualified social work posts in the teams, up to team manager.
# Service managers, IROs, personal advisers and support staff are outside it (a decision: the
# seed does not say; see NOTES-workforce.md).
SOCIAL_WORK_GRADES = frozenset({Grade.SOCIAL_WORKER, Grade.SENIOR_PRACTITIONER,
                                Grade.ADVANCED_PRACTITIONER, Grade.TEAM_MANAGER})
# The case-holding qualified social workers WF02 divides by (average caseload per social worker).
CASE_HOLDING_GRADES = frozenset({Grade.SOCIAL_WORKER, Grade.SENIOR_PRACTITIONER,
                                 Grade.ADVANCED_PRACTITIONER})


class Contract(models.TextChoices):
    PERMANENT = "permanent", "Permanent (employed by the council)"
    AGENCY = "agency", "Agency"


class LeavingReason(models.TextChoices):
    RESIGNED = "resigned", "Resigned"
    RETIRED = "retired", "Retired"
    END_OF_CONTRACT = "end_of_contract", "End of contract or assignment"
    DISMISSED = "dismissed", "Dismissed"
    REDUNDANCY = "redundancy", "Redundancy"
    DIED = "died", "Died in service"
    INTERNAL_MOVE = "internal_move", "Moved to another post in the council"
    OTHER = "other", "Other"


# Ending a holding for this reason is a move, not a leaver: turnover does not count it.
NOT_A_LEAVER = frozenset({LeavingReason.INTERNAL_MOVE})


class LevelOfNeed(models.TextChoices):
    """What decides how often a child's case must be supervised (T100: monthly, more often for
    the highest risk). The highest level the child is at wins, in this order."""

    CHILD_PROTECTION = "child_protection", "Child protection plan"
    LOOKED_AFTER = "looked_after", "Child in care"
    CHILD_IN_NEED = "child_in_need", "Child in need plan"
    CARE_LEAVER = "care_leaver", "Care leaver"
    OTHER = "other", "Other open case (assessment, early work)"


class AsyeOutcome(models.TextChoices):
    PASSED = "passed", "Passed"
    FAILED = "failed", "Not passed"
    WITHDRAWN = "withdrawn", "Withdrew or left before the end"
