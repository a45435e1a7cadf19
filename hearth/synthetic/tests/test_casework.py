"""The synthetic casework, on the tiny authority built once for the module (seed 1, on a fixed
day): every casework app has records, nothing is in the future, every open task is due when its
rule says, the proportions are roughly the seeds', and the same seed gives the same casework."""

import datetime as dt
import hashlib
import random
from dataclasses import dataclass

import pytest
import time_machine
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from hearth.accounts.models import Team
from hearth.assessments.models import Assessment
from hearth.assessments.rules import assessment_due_on
from hearth.care import rules as care_rules
from hearth.care.models import CareEpisode, CarePeriod, CareReview
from hearth.cases.models import Allocation, StatutoryTask, TaskKind, Visit
from hearth.cin.models import CinPlan, CinPlanReview
from hearth.core.models import AuditEvent
from hearth.court import rules as court_rules
from hearth.court import services as court_services
from hearth.court.models import LegalCase
from hearth.frontdoor.codes import ReasonForClosure
from hearth.frontdoor.models import Contact, Referral
from hearth.frontdoor.rules import contact_decision_due_on
from hearth.health_education import rules as he_rules
from hearth.health_education import services as health_education_services
from hearth.health_education.models import HealthCheck, PersonalEducationPlan, SdqScore
from hearth.leaving_care.models import CareLeaver
from hearth.missing import rules as missing_rules
from hearth.missing.models import MissingEpisode
from hearth.permanence import rules as permanence_rules
from hearth.protection import rules as cp
from hearth.protection.models import (
    ChildProtectionPlan,
    Conference,
    CoreGroup,
    Section47Enquiry,
    StrategyDiscussion,
)
from hearth.synthetic.casework import (
    CASEWORK,
    SYSTEM_JOB,
    casework_figures,
    crew_maker,
    desk_for,
    review_iros,
)
from hearth.synthetic.casework_care import CarePlanner
from hearth.synthetic.casework_plan import CaseworkPlanner
from hearth.synthetic.casework_stories import StoryWriter
from hearth.synthetic.generator import Authority, build_authority
from hearth.synthetic.profiles import TINY
from hearth.workingdays.rules import add_months, add_weeks
from hearth.workingdays.selectors import current_calendar

SEED = 1
NOW = dt.datetime(2026, 6, 15, 13, 30, tzinfo=dt.UTC)  # a Monday afternoon
TODAY = NOW.date()
SETTINGS = CASEWORK["tiny"]


@dataclass
class Built:
    authority: Authority
    first_fingerprint: str
    second_fingerprint: str


def casework_fingerprint() -> str:
    rows: list = []
    rows += Contact.objects.order_by("pk").values_list(
        "child__la_child_id", "received_at", "source", "rag", "decision", "decided_at",
        "decided_by__username")
    rows += Referral.objects.order_by("pk").values_list(
        "child__la_child_id", "referral_date", "closed_on", "closure_reason",
        "previous_referral__referral_date")
    rows += Assessment.objects.order_by("pk").values_list(
        "child__la_child_id", "started_on", "completed_on", "authorised_on", "outcome")
    rows += Conference.objects.order_by("pk").values_list("child__la_child_id", "kind",
                                                          "held_on", "outcome", "category")
    rows += Visit.objects.order_by("pk").values_list("child__la_child_id", "plan", "visited_on",
                                                     "child_seen", "visited_by__username")
    rows += StatutoryTask.objects.order_by("pk").values_list(
        "kind", "child__la_child_id", "due_on", "closed_on", "team__name", "worker__username")
    rows += Allocation.objects.order_by("pk").values_list("child__la_child_id", "team__name",
                                                          "worker__username", "start_date")
    rows += CarePeriod.objects.order_by("pk").values_list(
        "child__la_child_id", "started_on", "ended_on", "end_reason", "iro__username")
    rows += CareEpisode.objects.order_by("pk").values_list(
        "child__la_child_id", "started_on", "legal_status", "placement_type", "provider_type",
        "placement_postcode", "urn", "reason_place_change")
    rows += CareReview.objects.order_by("pk").values_list("period__child__la_child_id",
                                                          "held_on", "due_on", "participation")
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def build() -> Authority:
    return build_authority(TINY, seed=SEED)


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    """Built twice with the same seed (the first rolled back), in a transaction rolled back
    after the module's tests."""
    with django_db_blocker.unblock(), time_machine.travel(NOW, tick=False):
        with transaction.atomic():
            with transaction.atomic():
                build()
                first = casework_fingerprint()
                transaction.set_rollback(True)
            authority = build()
            yield Built(authority, first, casework_fingerprint())
            transaction.set_rollback(True)


@pytest.fixture
def on_the_day(built):
    with time_machine.travel(NOW, tick=False):
        yield


# ---- It is there, and none of it is in the future ---------------------------------------------


@pytest.mark.parametrize("model", [
    Contact, Referral, Assessment, StrategyDiscussion, Section47Enquiry, Conference,
    ChildProtectionPlan, CoreGroup, CinPlan, CinPlanReview, Visit, StatutoryTask,
])
def test_every_casework_app_has_records(built, db, model):
    assert model.objects.exists()


def test_children_move_between_teams_and_cases_close_with_dfe_reasons(built, db):
    reasons = set(Referral.objects.exclude(closure_reason="").values_list("closure_reason",
                                                                          flat=True))
    assert "RC8" in reasons and len(reasons) >= 2
    assert reasons <= set(ReasonForClosure.values)
    assert AuditEvent.objects.filter(event_code="CHILD_ALLOCATED", system_job=SYSTEM_JOB,
                                     detail__team__icontains="Assessment").exists()
    assert Conference.objects.filter(kind="review").exists()
    assert ChildProtectionPlan.objects.filter(end_date__isnull=False).exists()


def test_nothing_is_dated_in_the_future(built, db):
    assert not Contact.objects.filter(received_at__gt=NOW).exists()
    assert not Contact.objects.filter(decided_at__gt=NOW).exists()
    future = {
        Referral: ["referral_date", "closed_on"],
        Assessment: ["started_on", "child_seen_on", "completed_on", "authorised_on"],
        StrategyDiscussion: ["held_on"], Section47Enquiry: ["completed_on"],
        Conference: ["held_on"], ChildProtectionPlan: ["start_date", "end_date"],
        CoreGroup: ["held_on"], CinPlan: ["started_on", "ended_on"],
        CinPlanReview: ["reviewed_on"], Visit: ["visited_on"], Allocation: ["start_date"],
    }
    for model, fields in future.items():
        for name in fields:
            assert not model.objects.filter(**{f"{name}__gt": TODAY}).exists(), (model, name)


def test_the_casework_was_recorded_through_the_services_and_audited(built, db):
    recorded = AuditEvent.objects.filter(event_code="CONTACT_RECORDED", system_job=SYSTEM_JOB)
    assert recorded.count() == Contact.objects.count()
    assert AuditEvent.objects.filter(event_code="VISIT_RECORDED").count() == Visit.objects.count()
    assert AuditEvent.objects.filter(event_code="REFERRAL_CLOSED", system_job=SYSTEM_JOB).count() \
        == Referral.objects.filter(closed_on__isnull=False).count()
    casework_codes = ["CP_PLAN_STARTED", "INITIAL_CONFERENCE_HELD", "ASSESSMENT_AUTHORISED",
                      "STRATEGY_DISCUSSION_RECORDED", "CORE_GROUP_HELD"]
    casework = AuditEvent.objects.filter(event_code__in=casework_codes)
    assert casework.exists()
    assert not casework.exclude(system_job=SYSTEM_JOB).exists()


# ---- The work open today ----------------------------------------------------------------------


def expected_due_on(task: StatutoryTask) -> dt.date:
    """The task's due date, worked out again from its record by the rules."""
    calendar = current_calendar()
    source = {"frontdoor.Contact": Contact, "assessments.Assessment": Assessment,
              "protection.Section47Enquiry": Section47Enquiry,
              "protection.ChildProtectionPlan": ChildProtectionPlan,
              "cin.CinPlan": CinPlan, "care.CarePeriod": CarePeriod,
              "court.LegalCase": LegalCase,
              "missing.MissingEpisode": MissingEpisode, "leaving_care.CareLeaver": CareLeaver,
              }[task.source_type].objects.get(pk=task.source_id)
    kind = TaskKind(task.kind)
    if kind in DUE_BY_KIND:
        return DUE_BY_KIND[kind](source, calendar)
    if kind in health_education_services.KINDS:
        return health_education_due_on(source, kind, calendar)
    if kind in (TaskKind.HOLD_CLA_REVIEW, TaskKind.VISIT_CLA):
        return cla_due_on(source, kind, calendar)
    if kind == TaskKind.DECIDE_CONTACT:
        return contact_decision_due_on(received_on=timezone.localdate(source.received_at),
                                       calendar=calendar)
    if kind == TaskKind.AUTHORISE_ASSESSMENT:
        return assessment_due_on(referral_date=source.referral.referral_date, calendar=calendar)
    if kind == TaskKind.HOLD_ICPC:
        return cp.icpc_due_on(strategy_discussion_on=source.started_on, calendar=calendar)
    if kind in (TaskKind.REVIEW_CIN_PLAN, TaskKind.VISIT_CIN):
        return cin_due_on(source, kind, calendar)
    return cp_due_on(source, kind, calendar)


def permanence_plan_due_on(period: CarePeriod, calendar) -> dt.date:
    first = period.reviews.filter(number=1).first()
    return permanence_rules.plan_due_on(started_on=period.started_on,
                                        first_review_on=first.held_on if first else None,
                                        calendar=calendar)


# Tasks whose due date one rule gives from the record alone: (record, calendar) -> due date.
DUE_BY_KIND = {
    TaskKind.OFFER_RETURN_INTERVIEW: lambda episode, _: missing_rules.london_date(
        missing_rules.interview_due_at(episode.returned_at)),
    # The care leaver's own clocks (tested in hearth/leaving_care/tests).
    TaskKind.ALLOCATE_PERSONAL_ADVISER: lambda leaver, _: leaver.adviser_due_on,
    TaskKind.CONTACT_CARE_LEAVER: lambda leaver, _: leaver.contact_due_on,
    TaskKind.REVIEW_PATHWAY_PLAN: lambda leaver, _: leaver.pathway_plan.review_due_on,
    TaskKind.DECIDE_PRE_PROCEEDINGS: lambda case, _: court_rules.pre_proceedings_due_on(
        case.pp_started_on, weeks=court_services.pre_proceedings_weeks()),
    TaskKind.CONCLUDE_CARE_PROCEEDINGS: lambda case, _: court_rules.proceedings_due_on(
        case.issued_on, extension_weeks=case.extensions.values_list("weeks", flat=True)),
    TaskKind.PERMANENCE_PLAN: permanence_plan_due_on,
}


def cin_due_on(plan: CinPlan, kind: TaskKind, calendar) -> dt.date:
    if kind == TaskKind.REVIEW_CIN_PLAN:
        last = max([plan.started_on, *plan.reviews.values_list("reviewed_on", flat=True)])
        return add_weeks(last, 12)
    seen = Visit.objects.filter(plan="cin", plan_id=plan.pk, child_seen=True)
    last = max([plan.started_on, *seen.values_list("visited_on", flat=True)])
    return calendar.add_working_days(last, 20)


def cla_due_on(period: CarePeriod, kind: TaskKind, calendar) -> dt.date:
    if kind == TaskKind.HOLD_CLA_REVIEW:
        held = list(period.reviews.values_list("held_on", flat=True))
        return care_rules.review_due_on(period_started_on=period.started_on,
                                        reviews_held=len(held),
                                        last_review_on=max(held, default=None),
                                        calendar=calendar)
    episode = period.episodes.get(ended_on__isnull=True)
    seen = Visit.objects.filter(plan=Visit.Plan.LOOKED_AFTER, plan_id=period.pk, child_seen=True,
                                visited_on__gte=episode.placement_started_on)
    return care_rules.visit_due_on(placement_started_on=episode.placement_started_on,
                                   last_seen_on=max(seen.values_list("visited_on", flat=True),
                                                    default=None),
                                   intended_until_18=episode.intended_until_18)


def health_education_due_on(period: CarePeriod, kind: TaskKind, calendar) -> dt.date:
    dob, started_on = period.child.date_of_birth, period.started_on
    checks = HealthCheck.objects.filter(period=period)
    if kind == TaskKind.INITIAL_HEALTH_ASSESSMENT:
        return he_rules.initial_health_assessment_due_on(started_on=started_on,
                                                         calendar=calendar)
    if kind == TaskKind.REVIEW_HEALTH_ASSESSMENT:
        last = checks.exclude(kind="dental").latest("done_on").done_on
        return he_rules.review_health_assessment_due_on(date_of_birth=dob,
                                                        last_assessed_on=last)
    if kind == TaskKind.DENTAL_CHECK:
        last = max(checks.filter(kind="dental").values_list("done_on", flat=True), default=None)
        return he_rules.dental_due_on(started_on=started_on, last_checked_on=last)
    if kind == TaskKind.SDQ:
        last = max(SdqScore.objects.filter(period=period).values_list("completed_on", flat=True),
                   default=None)
        return he_rules.sdq_due_on(date_of_birth=dob, started_on=started_on,
                                   last_completed_on=last)
    last = max(PersonalEducationPlan.objects.filter(period=period).values_list(
        "held_on", flat=True), default=None)
    return he_rules.pep_due_on(date_of_birth=dob, started_on=started_on, last_held_on=last,
                               calendar=calendar)


def cp_due_on(plan: ChildProtectionPlan, kind: TaskKind, calendar) -> dt.date:
    if kind == TaskKind.HOLD_FIRST_CORE_GROUP:
        return cp.first_core_group_due_on(icpc_on=plan.start_date, calendar=calendar)
    if kind == TaskKind.HOLD_CORE_GROUP:
        return add_weeks(plan.core_groups.latest("held_on").held_on, 6)
    if kind == TaskKind.HOLD_REVIEW_CONFERENCE:
        reviews = plan.review_conferences.order_by("-held_on")
        return (add_months(reviews[0].held_on, 6) if reviews
                else add_months(plan.start_date, 3))
    seen = Visit.objects.filter(plan="cp", plan_id=plan.pk, child_seen=True)
    last = max([plan.start_date, *seen.values_list("visited_on", flat=True)])
    return calendar.add_working_days(last, 10)


def test_every_open_task_is_due_when_its_rule_says(built, db):
    tasks = list(StatutoryTask.objects.open())
    assert len(tasks) > 20
    for task in tasks:
        assert task.due_on == expected_due_on(task), (task.kind, task.child_id)


def test_the_worklists_have_work_overdue_due_soon_and_on_track(built, db):
    open_tasks = StatutoryTask.objects.open()
    assert open_tasks.filter(due_on__lt=TODAY).exists()
    assert open_tasks.filter(due_on__gte=TODAY).exists()
    kinds = set(open_tasks.values_list("kind", flat=True))
    assert {TaskKind.DECIDE_CONTACT, TaskKind.AUTHORISE_ASSESSMENT, TaskKind.VISIT_CP,
            TaskKind.VISIT_CIN, TaskKind.REVIEW_CIN_PLAN} <= kinds


def test_open_tasks_are_with_the_team_and_worker_who_hold_the_child(built, db):
    holders = {a.child_id: (a.team_id, a.worker_id) for a in Allocation.objects.current()}
    for task in StatutoryTask.objects.open():
        assert (task.team_id, task.worker_id) == holders.get(task.child_id, (None, None))


def test_open_children_stay_allocated_and_closed_children_do_not(built, db):
    current = Allocation.objects.current()
    assert current.count() == len(built.authority.open_children)
    closed = [c.pk for c in built.authority.closed_children]
    assert not current.filter(child_id__in=closed).exists()


# ---- Roughly the seeds' figures ---------------------------------------------------------------


def test_the_proportions_are_roughly_the_seeds(built, db, on_the_day):
    figures = casework_figures(years=SETTINGS.years, population=TINY.population_0_17)

    assert 2.5 <= figures["contacts per referral"] <= 3.5
    assert 55 <= figures["contact decisions within 1 WD %"] <= 95
    assert 45 <= figures["assessments within 45 WD %"] <= 90
    assert 5 <= figures["re-referrals %"] <= 35
    assert 50 <= figures["CP visits in time %"] <= 100
    assert 1 <= figures["children on CP plans"] <= 12
    assert 0 < figures["open tasks overdue"] < figures["open tasks"] / 2


# ---- The same seed, the same casework ---------------------------------------------------------


def test_the_same_seed_gives_the_same_casework(built):
    assert built.first_fingerprint == built.second_fingerprint


def plan_for(authority: Authority, seed: int) -> list:
    writer = StoryWriter(random.Random(seed), calendar=current_calendar(), now=NOW,
                         history_from=TODAY - dt.timedelta(days=365 * SETTINGS.years),
                         rates=SETTINGS.rates, desk=desk_for(authority.organisation))
    planner = CaseworkPlanner(random.Random(seed), writer=writer, org=authority.organisation,
                              settings=SETTINGS, population=TINY.population_0_17)
    stories = planner.plan(authority.open_children, authority.closed_children)
    return [(story.child.pk, story.in_order()) for story in stories]


def test_another_seed_plans_other_casework(built, db, on_the_day):
    assert plan_for(built.authority, 2) == plan_for(built.authority, 2)
    assert plan_for(built.authority, 3) != plan_for(built.authority, 2)


# ---- Children in care -------------------------------------------------------------------------


def held_by(service: str) -> set[int]:
    return set(Allocation.objects.current().filter(team__service=service).values_list(
        "child_id", flat=True))


def test_every_child_in_a_children_in_care_team_is_looked_after(built, db):
    in_care = held_by(Team.Service.CHILDREN_IN_CARE)
    looked_after = set(CarePeriod.objects.filter(ended_on__isnull=True).values_list(
        "child_id", flat=True))

    assert len(in_care) >= 5
    assert in_care <= looked_after
    assert looked_after - in_care <= held_by(Team.Service.CARE_LEAVERS)  # some 16 and 17
    assert not CarePeriod.objects.filter(ended_on__isnull=True, iro__isnull=True).exists()
    assert built.authority.casework.looked_after == len(looked_after)


def test_periods_of_care_have_their_episodes_reviews_and_visits(built, db):
    open_periods = CarePeriod.objects.filter(ended_on__isnull=True)
    assert not open_periods.exclude(episodes__ended_on__isnull=True).exists()
    statuses = set(CareEpisode.objects.values_list("legal_status", flat=True))
    assert {"C2", "V2"} & statuses
    placements = set(CareEpisode.objects.values_list("placement_type", flat=True))
    assert placements & {"U1", "U3", "U4", "U6"}
    assert len(set(CareReview.objects.values_list("participation", flat=True))) >= 3
    assert not CareReview.objects.exclude(chair=F("period__iro")).exists()
    visits = Visit.objects.filter(plan=Visit.Plan.LOOKED_AFTER)
    plans_from = TODAY - dt.timedelta(days=round(365 * SETTINGS.plan_years))
    assert visits.exists()
    assert not visits.filter(visited_on__lt=plans_from).exists()  # the event count is bounded
    open_kinds = set(StatutoryTask.objects.open().values_list("kind", flat=True))
    assert {TaskKind.HOLD_CLA_REVIEW, TaskKind.VISIT_CLA} <= open_kinds


def test_children_who_left_care_left_for_a_dfe_reason(built, db):
    left = CarePeriod.objects.filter(ended_on__isnull=False)

    assert built.authority.casework.left_care == left.count()
    for period in left:
        assert period.end_reason and period.end_reason != "X1"
        assert period.ended_on >= TODAY - dt.timedelta(days=365 * SETTINGS.years)
        assert not StatutoryTask.objects.open().filter(source_type="care.CarePeriod",
                                                      source_id=period.pk).exists()


def test_no_care_record_is_dated_in_the_future(built, db):
    future = {CarePeriod: ["started_on", "ended_on", "iro_allocated_on"],
              CareEpisode: ["started_on", "ended_on", "placement_started_on"],
              CareReview: ["held_on"]}
    for model, fields in future.items():
        for name in fields:
            assert not model.objects.filter(**{f"{name}__gt": TODAY}).exists(), (model, name)


def test_the_care_figures_are_printed_and_roughly_the_seeds(built, db, on_the_day):
    figures = casework_figures(years=SETTINGS.years, population=TINY.population_0_17)

    assert figures["children looked after"] == CarePeriod.objects.filter(
        ended_on__isnull=True).count()
    assert figures["looked after per 10,000"] == round(
        figures["children looked after"] * 10_000 / TINY.population_0_17, 1)
    assert 60 <= figures["CLA reviews in time %"] <= 100
    assert 0 <= figures["looked after with 3+ placements in a year %"] <= 50


def care_plan_for(authority: Authority, seed: int) -> list:
    writer = StoryWriter(random.Random(seed), calendar=current_calendar(), now=NOW,
                         history_from=TODAY - dt.timedelta(days=365 * SETTINGS.years),
                         plans_from=TODAY - dt.timedelta(days=round(365 * SETTINGS.plan_years)),
                         rates=SETTINGS.rates, desk=desk_for(authority.organisation))
    planner = CaseworkPlanner(random.Random(seed), writer=writer, org=authority.organisation,
                              settings=SETTINGS, population=TINY.population_0_17)
    planner.plan(authority.open_children, authority.closed_children)
    care = CarePlanner(random.Random(seed), writer=writer,
                       iros=review_iros(authority.organisation),
                       crew_for=crew_maker(authority.organisation), story_for=planner.story)
    care.plan(authority.open_children, authority.closed_children, planner.periods,
              planner.stories)
    return [(s.child.pk, [e for e in s.in_order() if e.TYPE.startswith(("care", "cla", "iro"))])
            for s in planner.stories.values()]


def test_the_same_seed_gives_the_same_care(built, db, on_the_day):
    assert care_plan_for(built.authority, 2) == care_plan_for(built.authority, 2)
    assert care_plan_for(built.authority, 3) != care_plan_for(built.authority, 2)
