"""The child's chronology gets health assessments, dental checks, SDQs and PEPs."""

from collections.abc import Iterable

from hearth.cases.chronology import ChronologyItem
from hearth.health_education.models import HealthCheck, PersonalEducationPlan, SdqScore


def health_education_events(child) -> Iterable[ChronologyItem]:
    for check in HealthCheck.objects.filter(child=child).select_related("recorded_by"):
        yield ChronologyItem(check.done_on, check.get_kind_display(),
                             f"By {check.carried_out_by}", str(check.recorded_by),
                             kind="health")
    for sdq in SdqScore.objects.filter(child=child).select_related("recorded_by"):
        detail = (f"Score {sdq.score} of 40" if sdq.score is not None
                  else f"No score: {sdq.get_reason_display()}")
        yield ChronologyItem(sdq.completed_on, "Strengths and difficulties questionnaire",
                             detail, str(sdq.recorded_by), kind="health")
    for pep in PersonalEducationPlan.objects.filter(child=child).select_related("recorded_by"):
        yield ChronologyItem(pep.held_on, "Personal education plan meeting", pep.school,
                             str(pep.recorded_by), kind="education")
