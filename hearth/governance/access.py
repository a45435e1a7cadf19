"""Which governance record a URL names. These are not children's records and every holder of
governance.view_governance may read them all (committee papers are public unless exempt), so
the only refusal is a 404 for an id that does not exist (or a child record named under the
wrong parent)."""

from django.http import Http404

from hearth.governance.models import (
    ImprovementAction,
    ImprovementPlan,
    Meeting,
    Minute,
    Priority,
    SelfEvaluation,
    SelfEvaluationSection,
    TrackerAction,
)


def _get(queryset, message: str, **lookup):
    try:
        return queryset.get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404(message) from None


def access_meeting(meeting_id) -> Meeting:
    return _get(Meeting.objects.select_related("committee", "recorded_by"),
                "No meeting found", pk=meeting_id)


def access_minute(meeting: Meeting, minute_id) -> Minute:
    return _get(meeting.minutes.all(), "No such minute of this meeting", pk=minute_id)


def access_tracker_action(action_id) -> TrackerAction:
    return _get(TrackerAction.objects.select_related(
        "owner", "resolution__minute__meeting__committee"), "No tracker action found",
        pk=action_id)


def access_plan(plan_id) -> ImprovementPlan:
    return _get(ImprovementPlan.objects.all(), "No improvement plan found", pk=plan_id)


def access_priority(plan: ImprovementPlan, priority_id) -> Priority:
    return _get(plan.priorities.all(), "No such priority in this plan", pk=priority_id)


def access_action(plan: ImprovementPlan, action_id) -> ImprovementAction:
    return _get(ImprovementAction.objects.select_related("priority", "owner").filter(
        priority__plan=plan), "No such action in this plan", pk=action_id)


def access_evaluation(evaluation_id) -> SelfEvaluation:
    return _get(SelfEvaluation.objects.select_related("started_by"),
                "No self-evaluation found", pk=evaluation_id)


def access_section(evaluation: SelfEvaluation, area) -> SelfEvaluationSection:
    return _get(evaluation.sections.all(), "No such section", area=area)
