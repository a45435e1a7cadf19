"""The child's chronology gets each IRO challenge's raising, escalations and resolution."""

from collections.abc import Iterable

from hearth.cases.chronology import ChronologyItem
from hearth.iro.selectors import challenges_for_child


def challenge_events(child) -> Iterable[ChronologyItem]:
    for challenge in challenges_for_child(child):
        stages = list(challenge.stages.all())
        reason = challenge.get_reason_display()
        yield ChronologyItem(challenge.raised_on, f"IRO challenge raised: {reason}",
                             f"{stages[0].get_stage_display()}. {challenge.asked_for}",
                             str(challenge.raised_by), kind="iro_challenge")
        for stage in stages[1:]:
            yield ChronologyItem(stage.started_on, f"IRO challenge escalated: {reason}",
                                 f"{stage.get_stage_display()}. {stage.why_escalated}".strip(),
                                 kind="iro_challenge")
        if challenge.resolved_on:
            yield ChronologyItem(challenge.resolved_on, f"IRO challenge resolved: {reason}",
                                 challenge.outcome, str(challenge.resolved_by),
                                 kind="iro_challenge")
