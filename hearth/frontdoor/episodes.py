"""What the apps above the front door say about an episode of need before it closes.

The front door owns the referral (the episode) but not the work hung on it, so it cannot import
assessments, protection or cin. Those apps register checks here from their AppConfig.ready():

    from hearth.frontdoor.episodes import register_assessment_check, register_closure_check

    register_assessment_check(lambda referral: referral.assessments.exists())
    register_closure_check(open_cin_plan_problem)  # (referral, closed_on) -> message or None

`referral_close` asks `episode_has_assessment` (RC8 and RC9 need one, CIN census 8825Q) unless
its caller passes `has_assessment` itself, and refuses the closure with the first message any
closure check returns.
"""

import datetime as dt
from collections.abc import Callable

AssessmentCheck = Callable[[object], bool]
ClosureCheck = Callable[[object, dt.date], str | None]
ActivityCheck = Callable[[object], str | None]

_ASSESSMENT_CHECKS: list[AssessmentCheck] = []
_CLOSURE_CHECKS: list[ClosureCheck] = []
_ACTIVITY_CHECKS: list[ActivityCheck] = []


def register_assessment_check(check: AssessmentCheck) -> None:
    """`check(referral)` is True when the episode has an assessment."""
    if check not in _ASSESSMENT_CHECKS:
        _ASSESSMENT_CHECKS.append(check)


def register_closure_check(check: ClosureCheck) -> None:
    """`check(referral, closed_on)` gives a message saying why it cannot close, or None."""
    if check not in _CLOSURE_CHECKS:
        _CLOSURE_CHECKS.append(check)


def register_activity_check(check: ActivityCheck) -> None:
    """`check(referral)` names the work beyond an assessment the episode had ("a section 47
    enquiry"), or None: RC8 and RC9 say an assessment was all (CIN census rule 2990)."""
    if check not in _ACTIVITY_CHECKS:
        _ACTIVITY_CHECKS.append(check)


def other_activity(referral) -> list[str]:
    return [found for check in _ACTIVITY_CHECKS if (found := check(referral))]


def episode_has_assessment(referral) -> bool:
    return any(check(referral) for check in _ASSESSMENT_CHECKS)


def closure_problems(referral, closed_on: dt.date) -> list[str]:
    return [problem for check in _CLOSURE_CHECKS if (problem := check(referral, closed_on))]
