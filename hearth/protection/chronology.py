"""The child protection events in the child's chronology (a read model over our records)."""

from collections.abc import Iterable

from hearth.cases.chronology import ChronologyItem
from hearth.protection.codes import ConferenceKind, StrategyDecision
from hearth.protection.models import ChildProtectionPlan, Conference, Section47Enquiry
from hearth.protection.models import StrategyDiscussion as Discussion

KIND = "protection"


def child_protection_events(child) -> Iterable[ChronologyItem]:
    # Newest first, and a stable sort: on the same day the later step must come out first.
    yield from _plans(child)
    yield from _conferences(child)
    yield from _enquiries(child)
    yield from _discussions(child)


def _discussions(child) -> Iterable[ChronologyItem]:
    for discussion in Discussion.objects.filter(child=child).select_related("recorded_by"):
        decided = ("decided on a section 47 enquiry"
                   if discussion.decision == StrategyDecision.SECTION_47
                   else "decided no section 47 enquiry was needed")
        yield ChronologyItem(discussion.held_on, f"Strategy discussion: {decided}",
                             discussion.reason, str(discussion.recorded_by), kind=KIND)


def _enquiries(child) -> Iterable[ChronologyItem]:
    for enquiry in Section47Enquiry.objects.filter(child=child).select_related("recorded_by",
                                                                               "concluded_by"):
        if enquiry.completed_on:
            conference = ("an initial conference is needed" if enquiry.icpc_required
                          else "no initial conference is needed")
            yield ChronologyItem(enquiry.completed_on, "Section 47 enquiry ended",
                                 f"{enquiry.get_outcome_display()}; {conference}",
                                 str(enquiry.concluded_by or ""), kind=KIND)
        yield ChronologyItem(enquiry.started_on, "Section 47 enquiry started", "",
                             str(enquiry.recorded_by), kind=KIND)


def _conferences(child) -> Iterable[ChronologyItem]:
    for conference in Conference.objects.filter(child=child).select_related("chair"):
        title = ("Initial child protection conference" if conference.kind == ConferenceKind.INITIAL
                 else "Review child protection conference")
        category = f" ({conference.get_category_display()})" if conference.category else ""
        yield ChronologyItem(conference.held_on, title,
                             f"{conference.get_outcome_display()}{category}",
                             f"Chair: {conference.chair}", kind=KIND)


def _plans(child) -> Iterable[ChronologyItem]:
    for plan in ChildProtectionPlan.objects.filter(child=child).select_related("ended_by"):
        if plan.end_date:
            yield ChronologyItem(plan.end_date, "Child protection plan ended",
                                 plan.get_end_reason_display(), str(plan.ended_by or ""),
                                 kind=KIND)
        yield ChronologyItem(plan.start_date, "Child protection plan started",
                             f"Category: {plan.get_initial_category_display()}", kind=KIND)
