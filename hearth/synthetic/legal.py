"""A few synthetic children through the Legal Gateway Panel and pre-proceedings (PLO), recorded
through hearth.court's services so that every date check, task and audit event is real.

About one open child in twenty (at least 2, at most 8), each with an episode of need open when
the panel decided, in the last 300 days. Every date follows the CIN census 2026/27 module 5
order (RETURNS.md 2.4; rules 9006, 9009, 9012, 9013): the letter before proceedings and the
meetings on or after the decision to start, the outcome after the last meeting, the application
made on or after the decision to issue, issued the same day or a few days later, and the
letter telling the parents on or after the issue. The newest cases are still in
pre-proceedings. Nothing is dated after today.
"""

import datetime as dt
import random
from dataclasses import dataclass

from hearth.accounts.roles import Role
from hearth.core import clock
from hearth.court import services as court
from hearth.court.codes import MeetingKind, PanelDecision, PreProceedingsOutcome
from hearth.frontdoor.models import Referral

DAYS_BACK = 300
REASONS = "Concerns about neglect persist despite the child protection plan (synthetic)."
ATTENDED = "Parents, their solicitors, the social worker, the team manager and the LA lawyer"
COURT = "Family Court (synthetic)"


@dataclass
class LegalResult:
    cases: int = 0
    issued: int = 0


def _days(rng: random.Random, low: int, high: int) -> dt.timedelta:
    return dt.timedelta(days=rng.randint(low, high))


def build_legal(authority, rng: random.Random) -> LegalResult:
    today = clock.today()
    staff = authority.organisation.staff
    chairs = [u for u in staff if u.role == Role.SERVICE_MANAGER]
    managers = [u for u in staff if u.role == Role.TEAM_MANAGER] or chairs
    workers = [u for u in staff if u.role == Role.SOCIAL_WORKER] or managers
    result = LegalResult()
    if not chairs:
        return result
    earliest = today - dt.timedelta(days=DAYS_BACK)
    open_episode = {r.child_id: r for r in Referral.objects.filter(
        child__in=[c for c in authority.open_children if not c.is_restricted],
        closed_on__isnull=True, no_further_action=False,
        referral_date__lte=today - dt.timedelta(days=14)).order_by("referral_date", "pk")}
    children = [c for c in authority.open_children if c.pk in open_episode]
    total = min(8, max(2, len(children) // 20), len(children))
    for child in rng.sample(children, total):
        referral = open_episode[child.pk]
        start_from = max(earliest, referral.referral_date + dt.timedelta(days=7))
        started = start_from + _days(rng, 0, max((today - start_from).days, 0))
        worker, manager = rng.choice(workers), rng.choice(managers)
        legal_case = court.panel_record(
            lead_child=child, held_on=started, decision=PanelDecision.PRE_PROCEEDINGS,
            chair=rng.choice(chairs), reasons=REASONS, actor=manager).legal_case
        result.cases += 1
        _pre_proceedings(rng, legal_case, started=started, today=today, worker=worker,
                         manager=manager, result=result)
    return result


def _pre_proceedings(rng, legal_case, *, started, today, worker, manager, result) -> None:
    letter = started + _days(rng, 1, 10)
    if letter > today:
        return
    court.letter_before_proceedings_send(legal_case=legal_case, sent_on=letter,
                                         fgdm_offered=rng.random() < 0.8, actor=worker)
    last = letter
    meetings = [(MeetingKind.INITIAL, letter + _days(rng, 5, 14))]
    if legal_case.fgdm_offered and rng.random() < 0.7:
        meetings.append((MeetingKind.FGDM, letter + _days(rng, 15, 30)))
    for number in range(rng.randint(0, 3)):
        meetings.append((MeetingKind.REVIEW, meetings[0][1] + dt.timedelta(weeks=6 * (number
                                                                                   + 1))))
    for kind, held_on in sorted(meetings, key=lambda m: m[1]):
        if held_on > today:
            return
        court.pre_proceedings_meeting_record(legal_case=legal_case, kind=kind, held_on=held_on,
                                             attended=ATTENDED, actor=worker)
        last = held_on
    decided = last + _days(rng, 3, 21)
    if decided > today or rng.random() < 0.25:
        return  # still in pre-proceedings
    outcome = (PreProceedingsOutcome.ISSUE if rng.random() < 0.4 else
               PreProceedingsOutcome.STEP_DOWN if rng.random() < 0.85 else
               PreProceedingsOutcome.OTHER)
    court.pre_proceedings_outcome_record(legal_case=legal_case, outcome=outcome,
                                         decided_on=decided, actor=manager)
    if outcome != PreProceedingsOutcome.ISSUE:
        return
    applied = decided + _days(rng, 1, 10)
    issued = applied + _days(rng, 0, 3)
    if issued > today:
        return
    parents = issued + _days(rng, 0, 2)
    court.application_record(legal_case=legal_case, applied_on=applied, issued_on=issued,
                             court=COURT, application_type="care_order",
                             parents_letter_on=parents if parents <= today else None,
                             actor=worker)
    result.issued += 1
