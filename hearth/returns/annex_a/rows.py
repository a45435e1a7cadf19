"""Annex A's rows, list by list, from Hearth's records as they stood on the as-at date.

Each `list_N(as_at)` answers one list in a fixed number of queries whatever the size of the
authority (the list's own records with the child, then one query per extra fact: allocations,
visits, reviews, counts), and gives rows as dicts keyed by the template's column names
(template_2023.py). Facts recorded after the as-at date are not yet facts and are left out.

Every child is included, restricted records too: Annex A is for the inspectors, and who may build
it is decided by the permission on the page and the command (ADR 3).

Where the sources are silent we chose (and the cover sheet says so):
- a list of episodes holds those open at any time in the window (started on or before the as-at
  date, not ended before the window began); lists 1, 3 and 5 hold what happened in the window;
- Allocated Team and Worker are the allocation open on the as-at date, else the child's latest
  (for a care leaver with no allocated worker, the personal adviser);
- "in the last 12 months" counts back 12 calendar months from the as-at date, except the number
  of referrals, which counts back from each referral (as the DfE's re-referral measure does);
- Yes/No columns say "Yes" or "No" ("Y"/"N" where the column's name asks for Y/N) and are blank
  while the fact is not known yet (an assessment not yet authorised).
"""

import datetime as dt
from collections import defaultdict

from django.apps import apps
from django.db.models import Max, Q, QuerySet
from django.utils import timezone

from hearth.assessments.codes import AssessmentOutcome
from hearth.assessments.models import Assessment
from hearth.care.models import CareEpisode, CarePeriod, CareReview
from hearth.cases.models import Allocation, Visit
from hearth.cin.models import CinPlan
from hearth.frontdoor.models import Contact, Referral
from hearth.health_education.codes import HealthCheckKind
from hearth.health_education.models import HealthCheck
from hearth.leaving_care.models import CareLeaver, CategoryPeriod, Situation
from hearth.missing.codes import InterviewOutcome, MissingKind
from hearth.missing.models import MissingEpisode
from hearth.people.models import Person
from hearth.protection.codes import ConferenceKind, ConferenceOutcome
from hearth.protection.models import ChildProtectionPlan, Conference, Section47Enquiry
from hearth.returns.annex_a.template_2023 import Window, window
from hearth.workingdays.rules import add_months

GENDER = {"M": "Male", "F": "Female", "U": "Unknown"}
SUPPORT_NEEDED = {AssessmentOutcome.CIN_PLAN, AssessmentOutcome.STRATEGY_DISCUSSION}
# A new 903 episode that changes the placement (every reason but "L", legal status only).
PLACEMENT_CHANGES = {"S", "P", "B", "T", "U"}
EMERGENCY_STATUSES = {"L1", "L2"}  # police protection, emergency protection order
PERMANENCE_APP = "hearth.permanence"


def yes_no(value: bool | None, *, short: bool = False) -> str:
    if value is None:
        return ""
    if short:
        return "Y" if value else "N"
    return "Yes" if value else "No"


def age_on(date_of_birth: dt.date | None, day: dt.date) -> int | None:
    if date_of_birth is None or date_of_birth > day:
        return None
    return day.year - date_of_birth.year - (
        (day.month, day.day) < (date_of_birth.month, date_of_birth.day))


def common(person: Person, as_at: dt.date) -> dict:
    return {
        "Child Unique ID": person.la_child_id or str(person.pk),
        "Gender": GENDER.get(person.sex, person.sex),
        "Ethnicity": person.ethnicity,
        "Date of Birth": person.date_of_birth,
        "Age of Child (Years)": age_on(person.date_of_birth, as_at),
    }


def has_disability(person: Person) -> str:
    codes = [code for code in (person.disabilities or []) if code and code != "NONE"]
    return yes_no(bool(codes))


def _child_row(person: Person, as_at: dt.date, *, disability: bool = True) -> dict:
    row = common(person, as_at)
    if disability:
        row["Does the Child have a Disability"] = has_disability(person)
    return row


def _allocations(children: QuerySet, as_at: dt.date) -> dict[int, tuple[str, str]]:
    """(team, worker) per child: the allocation open on the as-at date, else the latest begun."""
    chosen: dict[int, Allocation] = {}
    for allocation in Allocation.objects.filter(
            child__in=children, start_date__lte=as_at).select_related(
            "team", "worker").order_by("child_id", "start_date", "pk"):
        current = chosen.get(allocation.child_id)
        open_then = allocation.end_date is None or allocation.end_date >= as_at
        if current is None or open_then or not (
                current.end_date is None or current.end_date >= as_at):
            chosen[allocation.child_id] = allocation
    return {child_id: (str(a.team) if a.team_id else "", str(a.worker) if a.worker_id else "")
            for child_id, a in chosen.items()}


def _allocated(row: dict, allocations: dict, child_id: int) -> dict:
    team, worker = allocations.get(child_id, ("", ""))
    row["Allocated Team"] = team
    row["Allocated Worker"] = worker
    return row


def _day_bounds(w: Window) -> tuple[dt.datetime, dt.datetime]:
    zone = timezone.get_current_timezone()
    start = dt.datetime.combine(w.start, dt.time.min, tzinfo=zone)
    end = dt.datetime.combine(w.end + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    return start, end


def _open_in(w: Window, start_field: str, end_field: str) -> Q:
    return Q(**{f"{start_field}__lte": w.end}) & (
        Q(**{f"{end_field}__isnull": True}) | Q(**{f"{end_field}__gte": w.start}))


def _ended_by(day: dt.date | None, as_at: dt.date) -> dt.date | None:
    """An end recorded after the as-at date was not yet a fact on it."""
    return day if day is not None and day <= as_at else None


def _counts_back(dates_by_child: dict[int, list[dt.date]], child_id: int, since: dt.date,
                 until: dt.date) -> int:
    return sum(1 for day in dates_by_child.get(child_id, ()) if since < day <= until)


# List 1: contacts received in the window.
def list_1(as_at: dt.date) -> list[dict]:
    w = window(as_at, 6)
    start, end = _day_bounds(w)
    rows = []
    contacts = Contact.objects.filter(received_at__gte=start, received_at__lt=end)
    for contact in contacts.select_related("child").order_by("received_at", "pk"):
        row = _child_row(contact.child, as_at, disability=False)
        row["Date of Contact"] = timezone.localtime(contact.received_at).date()
        row["Contact Source"] = contact.source
        rows.append(row)
    return rows


# List 2: early help assessments. Hearth has no early help records yet.
def list_2(as_at: dt.date) -> list[dict]:
    return []


# List 3: referrals made in the window.
def list_3(as_at: dt.date) -> list[dict]:
    w = window(as_at, 6)
    referrals = Referral.objects.filter(referral_date__gte=w.start, referral_date__lte=w.end)
    children = referrals.values("child_id")
    earlier = defaultdict(list)
    for child_id, day in Referral.objects.filter(
            child__in=children, referral_date__gt=add_months(w.start, -12),
            referral_date__lte=w.end).values_list("child_id", "referral_date"):
        earlier[child_id].append(day)
    allocations = _allocations(children, as_at)
    rows = []
    for referral in referrals.select_related("child").order_by("referral_date", "pk"):
        row = _child_row(referral.child, as_at, disability=False)
        row["Date of referral"] = referral.referral_date
        row["Referral Source"] = referral.source
        row["Referral NFA?"] = yes_no(referral.no_further_action)
        row["Number of Referrals in Last 12 Months"] = _counts_back(
            earlier, referral.child_id, add_months(referral.referral_date, -12),
            referral.referral_date)
        rows.append(_allocated(row, allocations, referral.child_id))
    return rows


# List 4: assessments open at some time in the window (begun, not authorised before it).
def list_4(as_at: dt.date) -> list[dict]:
    w = window(as_at, 6)
    assessments = Assessment.objects.filter(_open_in(w, "started_on", "authorised_on"))
    allocations = _allocations(assessments.values("child_id"), as_at)
    rows = []
    for assessment in assessments.select_related("child").order_by("started_on", "pk"):
        row = _child_row(assessment.child, as_at)
        authorised = _ended_by(assessment.authorised_on, as_at)
        seen = assessment.child_seen_on is not None and assessment.child_seen_on <= as_at
        row["Continuous Assessment Start Date"] = assessment.started_on
        row["Child Seen During Continuous Assessment"] = yes_no(seen)
        row["Continuous Assessment Date of Authorisation"] = authorised
        row["Was the child assessed as requiring LA children's social care support?"] = (
            yes_no(assessment.outcome in SUPPORT_NEEDED)
            if authorised and assessment.outcome else "")
        rows.append(_allocated(row, allocations, assessment.child_id))
    return rows


# List 5: section 47 enquiries started in the window, with their initial conferences.
def list_5(as_at: dt.date) -> list[dict]:
    w = window(as_at, 6)
    enquiries = Section47Enquiry.objects.filter(started_on__gte=w.start, started_on__lte=w.end)
    children = enquiries.values("child_id")
    year_ago = add_months(as_at, -12)
    enquiry_dates = defaultdict(list)
    for child_id, day in Section47Enquiry.objects.filter(
            child__in=children, started_on__gt=year_ago, started_on__lte=as_at).values_list(
            "child_id", "started_on"):
        enquiry_dates[child_id].append(day)
    conference_dates = defaultdict(list)
    initial = {}
    for child_id, section47_id, held_on, outcome in Conference.objects.filter(
            child__in=children, kind=ConferenceKind.INITIAL, held_on__lte=as_at).values_list(
            "child_id", "section47_id", "held_on", "outcome"):
        conference_dates[child_id].append(held_on)
        if section47_id:
            initial[section47_id] = (held_on, outcome)
    allocations = _allocations(children, as_at)
    rows = []
    for enquiry in enquiries.select_related("child").order_by("started_on", "pk"):
        row = _child_row(enquiry.child, as_at)
        concluded = _ended_by(enquiry.completed_on, as_at) is not None
        conference = initial.get(enquiry.pk)
        row["Strategy discussion initiating Section 47 Enquiry Start Date"] = enquiry.started_on
        row["Was an Initial Child Protection Conference deemed unnecessary?"] = (
            yes_no(not enquiry.icpc_required)
            if concluded and enquiry.icpc_required is not None else "")
        row["Date of Initial Child Protection Conference"] = conference[0] if conference else None
        row["Did the Initial Child Protection Conference Result in a Child Protection Plan"] = (
            yes_no(conference[1] == ConferenceOutcome.PLAN) if conference else "")
        row["Number of Section 47 Enquiries in the last 12 months"] = _counts_back(
            enquiry_dates, enquiry.child_id, year_ago, as_at)
        row["Number of ICPCs in the last 12 months"] = _counts_back(
            conference_dates, enquiry.child_id, year_ago, as_at)
        rows.append(_allocated(row, allocations, enquiry.child_id))
    return rows


# List 6: episodes of need (referrals taken on) open at some time in the window.
def list_6(as_at: dt.date) -> list[dict]:
    w = window(as_at, 6)
    episodes = Referral.objects.filter(_open_in(w, "referral_date", "closed_on")).exclude(
        no_further_action=True, closed_on__isnull=True)
    children = episodes.values("child_id")
    last_seen = dict(Visit.objects.filter(
        child__in=children, child_seen=True, visited_on__lte=as_at).values(
        "child_id").annotate(last=Max("visited_on")).values_list("child_id", "last"))
    open_on_day = Q(ended_on__isnull=True) | Q(ended_on__gt=as_at)
    looked_after = set(CarePeriod.objects.filter(
        open_on_day, child__in=children, started_on__lte=as_at).values_list(
        "child_id", flat=True))
    protected = set(ChildProtectionPlan.objects.filter(
        Q(end_date__isnull=True) | Q(end_date__gt=as_at), child__in=children,
        start_date__lte=as_at).values_list("child_id", flat=True))
    in_need = set(CinPlan.objects.filter(
        open_on_day, child__in=children, started_on__lte=as_at).values_list(
        "child_id", flat=True))
    allocations = _allocations(children, as_at)
    rows = []
    for referral in episodes.select_related("child").order_by("referral_date", "pk"):
        row = _child_row(referral.child, as_at)
        closed = _ended_by(referral.closed_on, as_at)
        row["CIN Start Date"] = referral.referral_date
        row["Primary Need Code"] = referral.primary_need
        row["Date Child Was Last Seen"] = last_seen.get(referral.child_id)
        row["CIN Closure Date"] = closed
        row["Reason for Closure"] = referral.closure_reason if closed else ""
        row["Case Status"] = _case_status(referral.child_id, closed, looked_after, protected,
                                          in_need)
        rows.append(_allocated(row, allocations, referral.child_id))
    return rows


def _case_status(child_id, closed, looked_after, protected, in_need) -> str:
    if closed:
        return "Closed"
    if child_id in looked_after:
        return "Looked after"
    if child_id in protected:
        return "Child protection plan"
    if child_id in in_need:
        return "Child in need plan"
    return "Open"


# List 7: child protection plans open at some time in the window.
def list_7(as_at: dt.date) -> list[dict]:
    w = window(as_at, 6)
    plans = ChildProtectionPlan.objects.filter(_open_in(w, "start_date", "end_date"))
    children = plans.values("child_id")
    last_visit = {}
    for visit in Visit.objects.filter(plan=Visit.Plan.CHILD_PROTECTION,
                                      plan_id__in=plans.values("pk"),
                                      visited_on__lte=as_at).order_by("visited_on", "pk").only(
            "plan_id", "visited_on", "seen_alone"):
        last_visit[visit.plan_id] = visit
    last_review = dict(Conference.objects.filter(
        plan__in=plans, kind=ConferenceKind.REVIEW, held_on__lte=as_at).values(
        "plan_id").annotate(last=Max("held_on")).values_list("plan_id", "last"))
    emergency = set(CareEpisode.objects.filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=w.start), child__in=children,
        started_on__lte=as_at, legal_status__in=EMERGENCY_STATUSES).values_list(
        "child_id", flat=True))
    allocations = _allocations(children, as_at)
    rows = []
    for plan in plans.select_related("child").order_by("start_date", "pk"):
        row = _child_row(plan.child, as_at)
        visit = last_visit.get(plan.pk)
        row["Child Protection Plan Start Date"] = plan.start_date
        row["Initial Category of Abuse"] = plan.initial_category
        row["Latest Category of Abuse"] = plan.latest_category
        row["Date of the Last Statutory Visit"] = visit.visited_on if visit else None
        row["Was the Child Seen Alone?"] = yes_no(visit.seen_alone) if visit else ""
        row["Date of latest review conference"] = last_review.get(plan.pk)
        row["Child Protection Plan End Date"] = _ended_by(plan.end_date, as_at)
        row["Subject to Emergency Protection Order or Protected Under Police Powers in Last "
            "Six Months (Y/N)"] = yes_no(plan.child_id in emergency, short=True)
        row["Number of Previous Child Protection Plans"] = plan.previous_plans
        rows.append(_allocated(row, allocations, plan.child_id))
    return rows


def permanence_module():
    """hearth.permanence's returns contract, or None while that app is not installed."""
    if not apps.is_installed(PERMANENCE_APP):
        return None
    from hearth.permanence import returns as perm  # noqa: PLC0415 (optional app)

    return perm


# List 8: periods of care open at some time in the window.
def list_8(as_at: dt.date) -> list[dict]:
    w = window(as_at, 6)
    year_ago = add_months(as_at, -12)
    periods = CarePeriod.objects.filter(_open_in(w, "started_on", "ended_on"))
    children = periods.values("child_id")
    periods_by_child = defaultdict(list)
    for child_id, started_on, ended_on in CarePeriod.objects.filter(
            child__in=children, started_on__lte=as_at).values_list(
            "child_id", "started_on", "ended_on"):
        periods_by_child[child_id].append((started_on, ended_on))
    episodes = defaultdict(list)
    for episode in CareEpisode.objects.filter(period__in=periods, started_on__lte=as_at).order_by(
            "started_on", "pk"):
        episodes[episode.period_id].append(episode)
    last_review = dict(CareReview.objects.filter(period__in=periods, held_on__lte=as_at).values(
        "period_id").annotate(last=Max("held_on")).values_list("period_id", "last"))
    last_visit = dict(Visit.objects.filter(
        plan=Visit.Plan.LOOKED_AFTER, plan_id__in=periods.values("pk"),
        visited_on__lte=as_at).values("plan_id").annotate(last=Max("visited_on")).values_list(
        "plan_id", "last"))
    health = defaultdict(dict)
    for child_id, kind, last in HealthCheck.objects.filter(
            child__in=children, done_on__lte=as_at).values("child_id", "kind").annotate(
            last=Max("done_on")).values_list("child_id", "kind", "last"):
        health[child_id][kind] = last
    missing = _missing_facts(children, since=year_ago, as_at=as_at)
    perm = permanence_module()
    plans = {}
    if perm is not None:
        plans = perm.permanence_plans(list(periods.values_list("child_id", flat=True)), as_at)
    allocations = _allocations(children, as_at)
    rows = []
    for period in periods.select_related("child").order_by("started_on", "pk"):
        row = _child_row(period.child, as_at)
        own = episodes.get(period.pk, [])
        latest = own[-1] if own else None
        checks = health.get(period.child_id, {})
        assessments = [checks.get(HealthCheckKind.INITIAL), checks.get(HealthCheckKind.REVIEW)]
        facts = missing.get(period.child_id, {})
        ended = _ended_by(period.ended_on, as_at)
        row["Date Started to be Looked After"] = period.started_on
        row["Child's Category of Need"] = latest.category_of_need if latest else ""
        row["Is this a second or subsequent period of being a Looked After Child within the "
            "last 12 months (Y/N)"] = yes_no(_earlier_period_within_a_year(
                periods_by_child[period.child_id], period.started_on), short=True)
        row["Start date of current legal status"] = _legal_status_since(own)
        row["Child's Legal Status"] = latest.legal_status if latest else ""
        row["Date of Latest Statutory Review"] = last_review.get(period.pk)
        row["Date of Last Social Work Visit"] = last_visit.get(period.pk)
        row["What is the permanence plan for this child?"] = plans.get(period.child_id, "")
        row["Date of Last IRO Visit / Contact to the Child"] = None
        row["Date of Last Health Assessment"] = max(
            (day for day in assessments if day), default=None)
        row["Date of Last Dental Check"] = checks.get(HealthCheckKind.DENTAL)
        row["Number of Placements in the Last 12 months"] = _placements_since(own, year_ago)
        row["Date Ceased to be Looked After"] = ended
        row["Reason Ceased to be Looked After"] = period.end_reason if ended else ""
        row["Start Date of Most Recent Placement"] = (
            latest.placement_started_on if latest else None)
        row["Placement Type"] = latest.placement_type if latest else ""
        row["Placement Provider"] = latest.provider_type if latest else ""
        row["Placement postcode"] = latest.placement_postcode if latest else ""
        row["URN of Placement"] = latest.urn if latest else ""
        row["Placement Location"] = ""
        row["LA of Placement"] = ""
        row["Number of Episodes the Child has been 'Missing' from their Placement in the last "
            "12 months"] = facts.get("missing", 0)
        row["Number of Episodes the Child has been 'Absent' from their Placement in the last "
            "12 months"] = facts.get("absent", 0)
        row["Was the child offered a Return Interview after their last missing episode "
            "(Y/N)?"] = yes_no(facts.get("offered"), short=True)
        row["Did the child accept a Return Interview after their last missing episode "
            "(Y/N)?"] = yes_no(facts.get("accepted"), short=True)
        rows.append(_allocated(row, allocations, period.child_id))
    return rows


def _earlier_period_within_a_year(periods: list[tuple], started_on: dt.date) -> bool:
    year_before = add_months(started_on, -12)
    return any(other_start < started_on and other_end is not None
               and year_before <= other_end <= started_on
               for other_start, other_end in periods)


def _legal_status_since(episodes: list[CareEpisode]) -> dt.date | None:
    """The start of the run of episodes with the latest episode's legal status."""
    if not episodes:
        return None
    since = episodes[-1].started_on
    for episode in reversed(episodes[:-1]):
        if episode.legal_status != episodes[-1].legal_status:
            break
        since = episode.started_on
    return since


def _placements_since(episodes: list[CareEpisode], since: dt.date) -> int:
    """Placements the child lived in at some time since `since`: each episode that began a
    placement counts once; a legal-status-only change (reason L) continues the one before."""
    count = 0
    for index, episode in enumerate(episodes):
        if episode.ended_on is not None and episode.ended_on < since:
            continue
        first_in_range = index == 0 or (episodes[index - 1].ended_on is not None
                                        and episodes[index - 1].ended_on < since)
        if first_in_range or episode.reason_new_episode in PLACEMENT_CHANGES:
            count += 1
    return count


def _missing_facts(children: QuerySet, *, since: dt.date, as_at: dt.date) -> dict[int, dict]:
    facts = defaultdict(lambda: {"missing": 0, "absent": 0})
    last_missing = {}
    for episode in MissingEpisode.objects.filter(
            child__in=children, started_on__gt=since, started_on__lte=as_at).order_by(
            "started_on", "pk").prefetch_related("interview_offers", "interview"):
        if episode.kind == MissingKind.MISSING:
            facts[episode.child_id]["missing"] += 1
            last_missing[episode.child_id] = episode
        else:
            facts[episode.child_id]["absent"] += 1
    for child_id, episode in last_missing.items():
        offers = [o for o in episode.interview_offers.all()
                  if timezone.localtime(o.offered_at).date() <= as_at]
        interview = getattr(episode, "interview", None)
        held = interview is not None and interview.outcome == InterviewOutcome.HELD
        facts[child_id]["offered"] = bool(offers) or held
        facts[child_id]["accepted"] = any(o.accepted for o in offers) or held
    return facts


# List 9: care leavers supported at some time in the window (under 25 when it began).
def list_9(as_at: dt.date) -> list[dict]:
    w = window(as_at, 6)
    leavers = CareLeaver.objects.filter(became_care_leaver_on__lte=as_at).filter(
        Q(child__date_of_birth__isnull=True)
        | Q(child__date_of_birth__gt=add_months(w.start, -25 * 12)))
    category = {}
    for care_leaver_id, code in CategoryPeriod.objects.filter(
            care_leaver__in=leavers, applies_from__lte=as_at).order_by(
            "applies_from", "pk").values_list("care_leaver_id", "category"):
        category[care_leaver_id] = code
    situation = {}
    for item in Situation.objects.filter(care_leaver__in=leavers, as_at__lte=as_at).order_by(
            "as_at", "pk"):
        situation[item.care_leaver_id] = item
    allocations = _allocations(leavers.values("child_id"), as_at)
    rows = []
    for leaver in leavers.select_related("child", "personal_adviser").order_by(
            "became_care_leaver_on", "pk"):
        row = _child_row(leaver.child, as_at)
        _allocated(row, allocations, leaver.child_id)
        if not row["Allocated Worker"] and leaver.personal_adviser_id:
            row["Allocated Worker"] = str(leaver.personal_adviser)  # their personal adviser
        now = situation.get(leaver.pk)
        row["Eligibility Category"] = category.get(leaver.pk, "")
        row["LA in Touch"] = now.in_touch if now else ""
        row["Type of Accommodation"] = now.accommodation if now else ""
        row["Suitability of Accommodation"] = (
            ("Suitable" if now.accommodation_suitable else "Unsuitable")
            if now and now.accommodation_suitable is not None else "")
        row["Activity Status"] = now.activity if now else ""
        rows.append(row)
    return rows


# List 10: children with an adoption decision in the 12 months (hearth.permanence).
def list_10(as_at: dt.date) -> list[dict]:
    perm = permanence_module()
    if perm is None:
        return []
    w = window(as_at, 12)
    facts = perm.annex_a_list_10(w.start, w.end)
    people = Person.objects.in_bulk({item["child_id"] for item in facts})
    rows = []
    for item in facts:
        person = people.get(item["child_id"])
        if person is None:
            continue
        row = common(person, as_at)
        row.update({key: value for key, value in item.items() if key != "child_id"})
        row.setdefault("Does the Child have a Disability", has_disability(person))
        rows.append(row)
    return rows


# List 11: prospective adopters in the 12 months (hearth.permanence).
def list_11(as_at: dt.date) -> list[dict]:
    perm = permanence_module()
    if perm is None:
        return []
    w = window(as_at, 12)
    return [dict(item) for item in perm.annex_a_list_11(w.start, w.end)]


BUILDERS = {1: list_1, 2: list_2, 3: list_3, 4: list_4, 5: list_5, 6: list_6, 7: list_7,
            8: list_8, 9: list_9, 10: list_10, 11: list_11}
