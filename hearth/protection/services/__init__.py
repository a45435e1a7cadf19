"""Every child protection write: validated by the pure rules, saved, audited, and with its
statutory tasks opened and closed, in one transaction per call.

Other apps call these (never the models) to record child protection work.
"""

from hearth.protection.services.conferences import (
    conference_attendance_update,
    initial_conference_record,
    review_conference_record,
)
from hearth.protection.services.plans import (
    core_group_attendance_update,
    core_group_record,
    cp_plan_end,
    cp_visit_record,
)
from hearth.protection.services.strategy import (
    section47_conclude,
    strategy_discussion_record,
    strategy_discussion_update,
)

__all__ = [
    "conference_attendance_update",
    "core_group_attendance_update",
    "core_group_record",
    "cp_plan_end",
    "cp_visit_record",
    "initial_conference_record",
    "review_conference_record",
    "section47_conclude",
    "strategy_discussion_record",
    "strategy_discussion_update",
]
