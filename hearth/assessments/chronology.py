"""The child's chronology gets each assessment's start and its authorisation with the outcome."""

from collections.abc import Iterable

from hearth.assessments.codes import AssessmentKind
from hearth.assessments.models import Assessment
from hearth.assessments.rules import day
from hearth.cases.chronology import ChronologyItem


def assessment_events(child) -> Iterable[ChronologyItem]:
    assessments = Assessment.objects.filter(child=child).select_related("recorded_by",
                                                                        "authorised_by")
    for assessment in assessments:
        kind = "Updated" if assessment.kind == AssessmentKind.UPDATED else "New"
        yield ChronologyItem(assessment.started_on, f"{kind} assessment started",
                             f"Due to be authorised by {day(assessment.due_on)}",
                             str(assessment.recorded_by), kind="assessment")
        if assessment.authorised_on:
            late = " (late)" if assessment.was_late else ""
            yield ChronologyItem(
                assessment.authorised_on,
                f"Assessment authorised{late}: outcome {assessment.get_outcome_display()}",
                assessment.lateness_reason, str(assessment.authorised_by), kind="assessment")
