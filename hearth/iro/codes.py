"""The local lists of the dispute resolution protocol (no DfE codes exist for them).

Stages: informal, then formal stages up the line of management (GOVERNANCE.md section 5;
seeds/003_e1469a924c65b786.txt lines 668, 676-679). The seeds name the levels but not the
formal steps: these are the usual steps of English authorities' protocols, a local default.

Reasons: the categories of the IRO annual report 2019/20, Tables 8 and 9
(seeds/003_e1469a924c65b786.txt lines 691-714), with the everyday headings of care planning
(contact, health, education, statutory visits) and "Other".
"""

from django.db import models


class Stage(models.TextChoices):
    INFORMAL = "informal", "Informal (social worker or team manager)"
    TEAM_MANAGER = "formal_1", "Formal stage 1: team manager"
    SERVICE_MANAGER = "formal_2", "Formal stage 2: service manager"
    HEAD_OF_SERVICE = "formal_3", "Formal stage 3: head of service"
    DIRECTOR = "formal_4", "Formal stage 4: director (CAFCASS may be consulted)"


STAGE_ORDER = [Stage.INFORMAL, Stage.TEAM_MANAGER, Stage.SERVICE_MANAGER,
               Stage.HEAD_OF_SERVICE, Stage.DIRECTOR]


class Reason(models.TextChoices):
    CARE_PLAN = "care_plan", "Care or pathway plan not completed or updated"
    OUTSTANDING_ACTIONS = "outstanding_actions", "Outstanding actions"
    CP_PLAN = "cp_plan", "Child protection plan not progressed"
    PLACEMENT = "placement", "Placement (unregulated, post-18 provision or a move)"
    ALLOCATION = "allocation", "Delay in allocation or unallocated case"
    PERMANENCE = "permanence", "Permanence (adoption medical or application delayed)"
    DRIFT = "drift", "Drift and delay"
    REPORTS = "reports", "Review cancelled, or social work report missing or late"
    FINAL_REVIEW = "final_review", "No final review before discharge"
    FOSTERING = "fostering", "Fostering team: no supervision or outstanding actions"
    CONTACT = "contact", "Contact with family"
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education"
    VISITS = "visits", "Statutory visits"
    LIFE_STORY = "life_story", "No life story work"
    OTHER = "other", "Other"
