"""Builds Hearth records from a council's previous children in need census (migration from an
incumbent system): `manage.py import_return cin FILE.xml`.

The census is read and checked whole (census_read: well-formed XML, no document type or
entities; the year module: layout, codes, dates, each problem at its XML line), then translated
into the case-history import format (hearth/imports, docs/import-format.md) — one person and one
case per child, each episode of need as the events that would have produced it — and handed to
`hearth.imports.services.case_history_import`, so the same JSON Schema, reference checks and
casework services apply as to any imported history, in one transaction. Any problem anywhere
refuses the whole file, with the line, and writes nothing.

The census holds facts, not who did what: the conferences' chair (--chair), the manager who
authorised assessments (--authoriser) and the team that holds the open cases (--team) are
given on the command line, and are asked for only when the file needs them. What the census
does not say and Hearth needs (a child's name, an assessment's outcome, when an enquiry ended)
is filled in plainly and the same way every time, as described beside each choice below.
"""

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from django.db import transaction

from hearth.accounts.models import Team, User
from hearth.core.audit import Auditor
from hearth.core.models import LocalAuthority
from hearth.imports import services as imports
from hearth.imports.validation import FORMAT, VERSION
from hearth.people.models import Person
from hearth.returns.cin import census_read, y2025_26_import
from hearth.returns.cin.census_read import CensusRefused, Node, XmlProblem

SYSTEM_JOB = "import_return"
YEARS: dict[int, ModuleType] = {y2025_26_import.START_YEAR: y2025_26_import}

PLACEHOLDER_FIRST_NAME = "Unnamed"  # the census holds no names
LATENESS_REASON = "Imported from the children in need census: no reason was recorded"
PLAN_END_NOTE = "Imported from the children in need census"
DERIVED_UPN_UNKNOWN = {"UN6", "UN7"}  # Hearth derives these (unborn, NFA) rather than storing

# Same-day events in the order the services need them (ends before new starts, closure last).
ORDER = ("referral", "assessment_start", "review_conference", "cp_plan_end", "cin_plan_end",
         "assessment_complete", "assessment_authorise", "strategy_discussion",
         "section47_outcome", "initial_conference", "cin_plan_start", "closure")


@dataclass
class Defaults:
    team: str = ""
    chair: str = ""
    authoriser: str = ""


@dataclass
class ReturnImport:
    source_name: str
    dry_run: bool
    problems: list[XmlProblem] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    children: int = 0
    year_label: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def import_file(path: Path, *, defaults: Defaults, dry_run: bool = False) -> ReturnImport:
    result = ReturnImport(source_name=path.name, dry_run=dry_run)
    try:
        root = census_read.read_file(path)
    except CensusRefused as refused:
        result.problems = refused.problems
        return result
    return import_tree(root, result=result, defaults=defaults)


def import_bytes(data: bytes, *, source_name: str, defaults: Defaults,
                 dry_run: bool = False) -> ReturnImport:
    result = ReturnImport(source_name=source_name, dry_run=dry_run)
    try:
        root = census_read.parse_bytes(data)
    except CensusRefused as refused:
        result.problems = refused.problems
        return result
    return import_tree(root, result=result, defaults=defaults)


def import_tree(root: Node, *, result: ReturnImport, defaults: Defaults) -> ReturnImport:
    year, children_node = _header(root, result)
    if year is None:
        return result
    result.year_label = year.LABEL
    children, problems, not_kept = year.read_children(children_node)
    result.problems += problems
    result.problems += _file_problems(children, defaults)
    if result.problems:
        return result
    translation = Translation(year, defaults)
    data = translation.history(children, source=result.source_name)
    result.children = len(children)
    result.notes = translation.notes(not_kept)
    with transaction.atomic():
        outcome = imports.case_history_import(data, source_name=result.source_name,
                                              dry_run=result.dry_run)
        result.counts = outcome.counts
        result.problems = [XmlProblem(translation.line_of(p.location), _message(p))
                           for p in outcome.problems]
        if result.ok and not result.dry_run:
            Auditor(None, system_job=SYSTEM_JOB).record(
                "CIN_CENSUS_IMPORTED", detail={"file": result.source_name, "year": year.LABEL,
                                               "children": result.children,
                                               "counts": dict(result.counts)})
    return result


def _message(problem) -> str:
    return f"{problem.message} (as {problem.location})" if problem.location else problem.message


# ---- The header: which census, which year ---------------------------------------------------


def _header(root: Node, result: ReturnImport) -> tuple[ModuleType | None, Node | None]:
    def refuse(node: Node | None, message: str):
        result.problems.append(XmlProblem(node.line if node else None, message))
        return None, None

    if root.tag != "Message":
        return refuse(root, f"this is not a census file: its root element is <{root.tag}>, "
                            "not <Message>")
    details = (root.first("Header") or Node("Header", root.line)).first("CollectionDetails")
    if details is None:
        return refuse(root, "the file has no <Header><CollectionDetails>")
    if details.value("Collection") != "CIN":
        return refuse(details, f"this is a {details.value('Collection') or 'unnamed'} "
                               "collection, not the children in need census (CIN)")
    reference = details.value("ReferenceDate")
    try:
        reference_date = dt.date.fromisoformat(reference)
    except ValueError:
        return refuse(details, f"<ReferenceDate> {reference!r} is not a date")
    start_year = reference_date.year - 1
    supported = ", ".join(f"{m.LABEL} (reference date 31 March {y + 1})"
                          for y, m in sorted(YEARS.items()))
    if (reference_date.month, reference_date.day) != (3, 31) or start_year not in YEARS:
        return refuse(details, f"the file's reference date is {reference}: Hearth reads the "
                               f"children in need census for {supported} only")
    if details.value("Year") != str(reference_date.year):
        return refuse(details, f"<Year> {details.value('Year')!r} does not match the reference "
                               f"date {reference}")
    lea = (root.first("Header").first("Source") or Node("Source", 0)).value("LEA")
    authority = LocalAuthority.current()
    if authority is not None and authority.la_code and lea and lea != authority.la_code:
        return refuse(root.first("Header"), f"the file is local authority {lea}'s return; "
                                            f"this Hearth is {authority.la_code}")
    children = root.first("Children")
    if children is None:
        return refuse(root, "the file has no <Children>")
    return YEARS[start_year], children


# ---- Checks across the file and against Hearth --------------------------------------------


def _file_problems(children, defaults: Defaults) -> list[XmlProblem]:
    problems: list[XmlProblem] = []
    first: dict[str, int] = {}
    for child in children:
        if child.la_child_id in first:
            problems.append(XmlProblem(child.line, f"LAchildID {child.la_child_id} is given "
                                                   f"twice (first on line "
                                                   f"{first[child.la_child_id]})"))
        first.setdefault(child.la_child_id, child.line)
    existing = set(Person.objects.filter(la_child_id__in=list(first)).values_list(
        "la_child_id", flat=True))
    for child in children:
        if child.la_child_id in existing and first[child.la_child_id] == child.line:
            problems.append(XmlProblem(child.line, f"a child with LAchildID {child.la_child_id}"
                                                   " is already in Hearth: the importer does "
                                                   "not merge records, so take this child out "
                                                   "of the file or out of Hearth first"))
    problems += _defaults_problems(children, defaults)
    return problems


def _defaults_problems(children, defaults: Defaults) -> list[XmlProblem]:
    episodes = [e for c in children for e in c.episodes]
    needs = {
        "chair": next((e for e in episodes if e.cp_plans or any(s.icpc_on for s in e.section47s)),
                      None),
        "authoriser": next((e for e in episodes if any(a.authorised_on for a in e.assessments)),
                           None),
        "team": next((e for e in episodes if e.closed_on is None and not e.no_further_action),
                     None),
    }
    why = {"chair": "the file has child protection conferences: name their chair (an "
                    "independent reviewing officer's username) with --chair",
           "authoriser": "the file has authorised assessments: name the manager who "
                         "authorised them (a username) with --authoriser",
           "team": "the file has open episodes of need: name the team that will hold them "
                   "with --team"}
    problems = []
    for option, episode in needs.items():
        if episode is not None and not getattr(defaults, option):
            problems.append(XmlProblem(episode.line, why[option]))
    if defaults.team and not Team.objects.filter(name=defaults.team).exists():
        problems.append(XmlProblem(None, f"--team: there is no team called {defaults.team!r}"))
    for option in ("chair", "authoriser"):
        username = getattr(defaults, option)
        if username and not User.objects.filter(username=username).exists():
            problems.append(XmlProblem(None, f"--{option}: no member of staff has the username "
                                             f"{username!r}"))
    return problems


# ---- Census facts to case-history events ----------------------------------------------------


class Translation:
    """One file's translation, remembering each JSON place's XML line for the problems."""

    def __init__(self, year: ModuleType, defaults: Defaults):
        self.year = year
        self.defaults = defaults
        self.lines: dict[str, int] = {}
        self.counts: Counter = Counter()

    def line_of(self, location: str) -> int | None:
        """The line of the longest known prefix of a JSON place like cases[3].events[7].x."""
        parts = re.findall(r"[^.\[]+|\[\d+\]", location)
        for end in range(len(parts), 0, -1):
            key = "".join(p if p.startswith("[") else (("." if i else "") + p)
                          for i, p in enumerate(parts[:end]))
            if key in self.lines:
                return self.lines[key]
        return None

    def history(self, children, *, source: str) -> dict:
        people, cases = [], []
        for number, child in enumerate(children):
            ref = f"child-{number + 1}"
            self.lines[f"people[{number}]"] = child.line
            self.lines[f"cases[{number}]"] = child.line
            people.append(self.person(ref, child))
            cases.append(self.case(number, ref, child))
        return {"format": FORMAT, "version": VERSION,
                "source": f"Children in need census {self.year.LABEL} ({source})",
                "people": people, "cases": cases}

    def person(self, ref: str, child) -> dict:
        values = {"ref": ref, "is_child": True, "first_name": PLACEHOLDER_FIRST_NAME,
                  "last_name": f"child {child.la_child_id}", "sex": child.sex or "U"}
        for name in ("date_of_birth", "expected_date_of_birth", "date_of_death"):
            if getattr(child, name):
                values[name] = getattr(child, name).isoformat()
        if child.ethnicity:
            values["ethnicity"] = child.ethnicity
        if child.disabilities:
            values["disabilities"] = list(child.disabilities)
        identifiers = {"la_child_id": child.la_child_id}
        if child.upn:
            identifiers["upn"] = child.upn
        if child.upn_unknown and child.upn_unknown not in DERIVED_UPN_UNKNOWN:
            identifiers["upn_unknown"] = child.upn_unknown
        elif child.upn_unknown:
            self.counts[f"UPNunknown {child.upn_unknown} (Hearth derives it)"] += 1
        values["identifiers"] = identifiers
        return values

    def case(self, number: int, ref: str, child) -> dict:
        events: list[tuple[tuple, dict, int]] = []  # (sort key, event, XML line)
        for e_number, episode in enumerate(child.episodes):
            events += self.episode(f"{ref}-e{e_number + 1}", e_number, episode)
        events.sort(key=lambda item: item[0])
        plans = [p for e in child.episodes for p in e.cp_plans]
        for earlier, plan in enumerate(sorted(plans, key=lambda p: p.started_on)):
            if plan.previous_plans is not None and plan.previous_plans != earlier:
                # Hearth counts NumberOfPreviousCPP from the plans it holds.
                self.counts["plans whose NumberOfPreviousCPP counts plans not in the file"] += 1
        case = {"child": ref, "events": []}
        for e_number, (_, event, line) in enumerate(events):
            self.lines[f"cases[{number}].events[{e_number}]"] = line
            case["events"].append(event)
        open_episode = next((e for e in child.episodes
                             if e.closed_on is None and not e.no_further_action), None)
        if open_episode is not None and self.defaults.team:
            case["allocation"] = {"team": self.defaults.team,
                                  "start_date": open_episode.referral_date.isoformat()}
        return case

    def episode(self, ref: str, order: int, episode) -> list[tuple[tuple, dict, int]]:
        out: list[tuple[tuple, dict, int]] = []

        def add(day: dt.date, event: dict, line: int) -> None:
            out.append(((order, day, ORDER.index(event["type"]), len(out)), event, line))

        add(episode.referral_date, _drop_empty({
            "type": "referral", "ref": ref, "referral_date": episode.referral_date.isoformat(),
            "source": episode.source, "primary_need": episode.primary_need,
            "no_further_action": episode.no_further_action}), episode.line)
        for number, assessment in enumerate(episode.assessments):
            self.assessment(add, f"{ref}-a{number + 1}", ref, assessment, episode)
        self.cin_plans(add, ref, episode)
        self.protection(add, ref, episode)
        if episode.closed_on is not None:
            add(episode.closed_on, {"type": "closure", "referral": ref,
                                    "closed_on": episode.closed_on.isoformat(),
                                    "reason": episode.closure_reason}, episode.line)
        return out

    def cin_plans(self, add, ref: str, episode) -> None:
        cp_starts = {p.started_on for p in episode.cp_plans}
        for number, plan in enumerate(episode.cin_plans):
            plan_ref = f"{ref}-cin{number + 1}"
            add(plan.started_on, {"type": "cin_plan_start", "ref": plan_ref, "referral": ref,
                                  "started_on": plan.started_on.isoformat()}, plan.line)
            # A child protection plan starting ends the child in need plan by itself.
            if plan.ended_on is not None and plan.ended_on not in cp_starts:
                add(plan.ended_on, {"type": "cin_plan_end", "plan": plan_ref,
                                    "ended_on": plan.ended_on.isoformat()}, plan.line)

    def protection(self, add, ref: str, episode) -> None:
        plans_by_start = {p.started_on: (n, p) for n, p in enumerate(episode.cp_plans)}
        started: set[int] = set()
        for number, enquiry in enumerate(episode.section47s):
            plan = plans_by_start.get(enquiry.icpc_on) if enquiry.icpc_on else None
            if plan is not None:
                started.add(plan[0])
            self.section47(add, f"{ref}-s{number + 1}", ref, enquiry, episode,
                           plan=(f"{ref}-cp{plan[0] + 1}", plan[1]) if plan else None)
        for number, plan in enumerate(episode.cp_plans):
            plan_ref = f"{ref}-cp{number + 1}"
            if number not in started:
                # The plan's enquiry and conference are not in this year's return (they were
                # before 1 April): they are recorded on the plan's start date, as the census
                # defines CPPstartDate as the initial conference's date.
                self.counts["child protection plans whose enquiry was before the year"] += 1
                enquiry = y2025_26_import.CensusSection47(plan.line, plan.started_on,
                                                          icpc_on=plan.started_on)
                self.section47(add, f"{plan_ref}-s", ref, enquiry, episode,
                               plan=(plan_ref, plan))
            self.cp_plan(add, plan_ref, plan)
        if episode.initial_cpc_on is not None and not any(
                s.icpc_on == episode.initial_cpc_on for s in episode.section47s) and not any(
                p.started_on == episode.initial_cpc_on for p in episode.cp_plans):
            self.counts["episode-level DateOfInitialCPC without its enquiry (left out)"] += 1

    def assessment(self, add, ref: str, referral: str, assessment, episode) -> None:
        add(assessment.started_on, {"type": "assessment_start", "ref": ref, "referral": referral,
                                    "started_on": assessment.started_on.isoformat()},
            assessment.line)
        if assessment.authorised_on is None:
            return
        day = assessment.authorised_on.isoformat()
        # Hearth authorises an assessment with its factors: the census requires them too.
        add(assessment.authorised_on, {"type": "assessment_complete", "assessment": ref,
                                       "completed_on": day,
                                       "factors": list(assessment.factors)}, assessment.line)
        add(assessment.authorised_on, {
            "type": "assessment_authorise", "assessment": ref, "authorised_on": day,
            "outcome": _assessment_outcome(assessment.authorised_on, episode),
            "lateness_reason": LATENESS_REASON, "by": self.defaults.authoriser},
            assessment.line)

    def section47(self, add, ref: str, referral: str, enquiry, episode, *, plan) -> None:
        add(enquiry.started_on, {"type": "strategy_discussion", "ref": ref, "referral": referral,
                                 "held_on": enquiry.started_on.isoformat(),
                                 "decision": "section_47"}, enquiry.line)
        if enquiry.icpc_on is not None:
            # The census gives no end date for an enquiry that led to a conference: it ends
            # the day of the conference, with the outcome a conference needs.
            day = enquiry.icpc_on.isoformat()
            add(enquiry.icpc_on, {"type": "section47_outcome", "strategy_discussion": ref,
                                  "completed_on": day, "outcome": "continuing_risk",
                                  "icpc_required": True}, enquiry.line)
            conference = {"type": "initial_conference", "ref": f"{ref}-icpc",
                          "strategy_discussion": ref, "held_on": day,
                          "chair": self.defaults.chair,
                          "outcome": "plan" if plan else "no_plan"}
            if plan:
                conference["plan_ref"], conference["category"] = plan[0], plan[1].initial_category
            add(enquiry.icpc_on, conference, enquiry.line)
        elif enquiry.icpc_not_required:
            # Nor for one that needed no conference: it ends on the day it started, or on
            # 1 April if it started before the year (it was open in the year: it is in it).
            period_start = dt.date(self.year.START_YEAR, 4, 1)
            ended = max(enquiry.started_on, period_start)
            if episode.closed_on is not None:
                ended = min(ended, episode.closed_on)
            add(ended, {"type": "section47_outcome", "strategy_discussion": ref,
                        "completed_on": ended.isoformat(), "outcome": "not_substantiated",
                        "icpc_required": False}, enquiry.line)

    def cp_plan(self, add, ref: str, plan) -> None:
        latest = plan.latest_category or plan.initial_category
        ends_at_review = bool(plan.reviews) and plan.ended_on == plan.reviews[-1]
        continuing = plan.reviews[:-1] if ends_at_review else plan.reviews
        if latest != plan.initial_category and not continuing:
            self.counts["plans whose latest category was set before the year (kept the "
                        "initial one)"] += 1
        for number, held_on in enumerate(plan.reviews):
            review = {"type": "review_conference", "plan": ref, "held_on": held_on.isoformat(),
                      "chair": self.defaults.chair}
            if number < len(continuing):
                # The census keeps the latest category, not each review's: the last review
                # that continued the plan set it; the ones before kept the initial one.
                last = number == len(continuing) - 1
                review |= {"outcome": "continue_plan",
                           "category": latest if last else plan.initial_category}
            else:
                review["outcome"] = "end_plan"  # an ending review has no category
            add(held_on, review, plan.line)
        if plan.ended_on is not None and plan.ended_on not in plan.reviews:
            add(plan.ended_on, {"type": "cp_plan_end", "plan": ref,
                                "end_date": plan.ended_on.isoformat(), "reason": "other",
                                "note": PLAN_END_NOTE}, plan.line)

    def notes(self, not_kept: dict) -> list[str]:
        lines = [f"{count:,} <{name}> values read and not kept (Hearth has no field for them)"
                 for name, count in sorted(not_kept.items())]
        lines += [f"{count:,} {what}" for what, count in sorted(self.counts.items())]
        return lines


def _assessment_outcome(authorised_on: dt.date, episode) -> str:
    """The census has no outcome: what followed in the episode, else no further action."""
    if any(p.started_on >= authorised_on for p in episode.cin_plans):
        return "cin_plan"
    if any(s.started_on >= authorised_on for s in episode.section47s):
        return "strategy_discussion"
    return "nfa"


def _drop_empty(values: dict) -> dict:
    return {k: v for k, v in values.items() if v not in ("", None)}
