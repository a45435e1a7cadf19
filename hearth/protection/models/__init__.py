"""Child protection records, one module per concept (STYLE.md §2.3)."""

from hearth.protection.models.conference import Conference
from hearth.protection.models.participant import Participant
from hearth.protection.models.plan import ChildProtectionPlan, CoreGroup
from hearth.protection.models.strategy import Section47Enquiry, StrategyDiscussion

__all__ = [
    "ChildProtectionPlan",
    "Conference",
    "CoreGroup",
    "Participant",
    "Section47Enquiry",
    "StrategyDiscussion",
]
