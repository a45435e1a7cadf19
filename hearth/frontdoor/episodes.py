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

_ASSESSMENT_CHECKS: list[AssessmentCheck] = []
_CLOSURE_CHECKS: list[ClosureCheck] = []


def register_assessment_check(check: AssessmentCheck) -> None:
    """`check(referral)` is True when the episode has an assessment."""
    if check not in _ASSESSMENT_CHECKS:
        _ASSESSMENT_CHECKS.append(check)


def register_closure_check(check: ClosureCheck) -> None:
    """`check(referral, closed_on)` gives a message saying why it cannot close, or None."""
    if check not in _CLOSURE_CHECKS:
        _CLOSURE_CHECKS.append(check)


def episode_has_assessment(referral) -> bool:
    return any(check(referral) for check in _ASSESSMENT_CHECKS)


def closure_problems(referral, closed_on: dt.date) -> list[str]:
    return [problem for check in _CLOSURE_CHECKS if (problem := check(referral, closed_on))]
