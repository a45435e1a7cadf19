"""Code lists for pre-proceedings and care proceedings, in the words the legal team and social
workers use. The CIN census 2026/27 keeps its own codes for the pre-proceedings outcome (CS131);
`CENSUS_OUTCOME` maps ours to them (see ADR 14: the letters' meanings are in the DfE
specification, which these sources do not quote)."""

from django.db import models


class PanelDecision(models.TextChoices):
    NO_FURTHER_ACTION = "nfa", "No further action (legal threshold not met)"
    PRE_PROCEEDINGS = "pre_proceedings", "Start pre-proceedings (PLO)"
    ISSUE = "issue", "Issue care proceedings"
    OTHER = "other", "Other (say what in the reasons)"


OPENS_A_CASE = frozenset({PanelDecision.PRE_PROCEEDINGS, PanelDecision.ISSUE})


class Stage(models.TextChoices):
    PRE_PROCEEDINGS = "pre_proceedings", "Pre-proceedings"
    TO_ISSUE = "to_issue", "Proceedings to be issued"
    PROCEEDINGS = "proceedings", "Care proceedings"
    ENDED = "ended", "Ended"


class MeetingKind(models.TextChoices):
    INITIAL = "initial", "Initial pre-proceedings meeting"
    REVIEW = "review", "Pre-proceedings review meeting"
    FGDM = "fgdm", "Family group decision-making meeting (family group conference)"


class PreProceedingsOutcome(models.TextChoices):
    STEP_DOWN = "step_down", "Step down (child protection or child in need plan)"
    ISSUE = "issue", "Issue care proceedings"
    OTHER = "other", "Ended for another reason (for example the family moved away)"


# PPOutcome (N00833, code set CS131). Verify against the DfE 2026/27 specification.
CENSUS_OUTCOME = {
    PreProceedingsOutcome.STEP_DOWN: "A",
    PreProceedingsOutcome.ISSUE: "B",
    PreProceedingsOutcome.OTHER: "C",
}


class ApplicationType(models.TextChoices):
    CARE_ORDER = "care_order", "Care order (s31)"
    SUPERVISION_ORDER = "supervision_order", "Supervision order (s31)"
    EMERGENCY_PROTECTION = "epo", "Emergency protection order (s44)"
    PLACEMENT_ORDER = "placement_order", "Placement order (Adoption and Children Act s21)"
    CHILD_ASSESSMENT = "child_assessment_order", "Child assessment order (s43)"
    OTHER = "other", "Other"


class HearingKind(models.TextChoices):
    FIRST = "first", "First hearing"
    CASE_MANAGEMENT = "cmh", "Case management hearing"
    FURTHER_CASE_MANAGEMENT = "fcmh", "Further case management hearing"
    ISSUES_RESOLUTION = "irh", "Issues resolution hearing"
    FINAL = "final", "Final hearing"
    OTHER = "other", "Other hearing"


class InterimOrderKind(models.TextChoices):
    INTERIM_CARE = "ico", "Interim care order (s38)"
    INTERIM_SUPERVISION = "iso", "Interim supervision order (s38)"
    EMERGENCY_PROTECTION = "epo", "Emergency protection order (s44)"


class FinalOrderKind(models.TextChoices):
    CARE_ORDER = "care_order", "Care order"
    SUPERVISION_ORDER = "supervision_order", "Supervision order"
    PLACEMENT_ORDER = "placement_order", "Placement order"
    SPECIAL_GUARDIANSHIP = "sgo", "Special guardianship order"
    CHILD_ARRANGEMENTS = "cao", "Child arrangements order"
    NO_ORDER = "no_order", "No order"
    WITHDRAWN = "withdrawn", "Application withdrawn"
    OTHER = "other", "Other"


# The 903 legal status (care.codes.LegalStatus) an order means for a child in care. Orders that
# do not make the child looked after (supervision, child arrangements, SGO) have none.
LEGAL_STATUS_FOR = {
    InterimOrderKind.INTERIM_CARE: "C1",
    InterimOrderKind.EMERGENCY_PROTECTION: "L2",
    FinalOrderKind.CARE_ORDER: "C2",
    FinalOrderKind.PLACEMENT_ORDER: "E1",
}
