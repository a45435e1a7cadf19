"""The child's chronology gets permanence plans, panels and the adoption and SGO steps."""

from collections.abc import Iterable

from hearth.cases.chronology import ChronologyItem
from hearth.permanence.models import (
    AdoptionDecision,
    PermanencePanel,
    PermanencePlan,
    SpecialGuardianship,
)

ADOPTION_LABELS = {
    "decided_on": "Decision that the child should be placed for adoption",
    "placement_order_on": "Placement order", "ffa_placed_on": "Placed in fostering for adoption",
    "matched_on": "Matched with prospective adopters", "placed_on": "Placed for adoption",
    "adoption_order_on": "Adoption order",
    "reversed_on": "Decision that the child should no longer be placed for adoption",
}


def permanence_events(child) -> Iterable[ChronologyItem]:
    for plan in PermanencePlan.objects.filter(child=child).select_related("recorded_by"):
        yield ChronologyItem(plan.stage_since, f"Permanence plan: {plan.get_plan_type_display()}",
                             plan.get_stage_display(), str(plan.recorded_by), kind="permanence")
    for panel in PermanencePanel.objects.filter(child=child).select_related("recorded_by"):
        yield ChronologyItem(panel.held_on, panel.get_kind_display(), panel.recommendation,
                             str(panel.recorded_by), kind="permanence")
    for decision in AdoptionDecision.objects.filter(child=child).select_related("recorded_by"):
        for field, label in ADOPTION_LABELS.items():
            if getattr(decision, field):
                yield ChronologyItem(getattr(decision, field), label, "",
                                     str(decision.recorded_by), kind="permanence")
    for sgo in SpecialGuardianship.objects.filter(child=child).select_related("recorded_by"):
        yield ChronologyItem(sgo.assessment_started_on, "Special guardianship assessment "
                             "started", sgo.guardians, str(sgo.recorded_by), kind="permanence")
        if sgo.order_on:
            yield ChronologyItem(sgo.order_on, "Special guardianship order", sgo.guardians,
                                 str(sgo.recorded_by), kind="permanence")
