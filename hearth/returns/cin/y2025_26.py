"""The children in need census 2025 to 2026: its layout, code lists and Hearth's mapping.

Collection year 1 April 2025 to 31 March 2026 (reference date 31 March 2026), checked by the
validator's `cin2025_26` ruleset (its registry key "2026"). Layout and codes from
shared/domain/RETURNS.md section 2 (the DfE specification; element order as the DfE schema).
A new collection year is a new module beside this one, not an edit of it.

`child_record` turns one child's facts (records.ChildFacts) into the census's nested record: a
dict per XML block whose keys are the element names in the DfE order, a string per value, a
list of dicts for a repeated block, and `Repeated` for a wrapper of repeated simple values
(Disabilities, FactorsIdentifiedAtAssessment, Reviews). An element Hearth has no fact for is
left out, never filled with a guess.
"""

import datetime as dt

from hearth.returns.cin.records import ChildFacts, CollectionPeriod, EpisodeFacts
from hearth.returns.cin.shapes import Repeated

START_YEAR = 2025
LABEL = "2025 to 2026"
RULESET = "2026"  # cin_validator.rules.ruleset_utils.get_year_ruleset("2026") is cin2025_26
COLLECTION = "CIN"
SOURCE_LEVEL = "L"
SOFTWARE_CODE = "Hearth"

# ---- Layout: every block's elements in the DfE order -------------------------------------------

HEADER = {
    "CollectionDetails": ("Collection", "Year", "ReferenceDate"),
    "Source": ("SourceLevel", "LEA", "SoftwareCode", "Release", "SerialNo", "DateTime"),
}
CHILD = ("ChildIdentifiers", "ChildCharacteristics", "CINdetails")
CHILD_IDENTIFIERS = ("LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate",
                     "ExpectedPersonBirthDate", "Sex", "PersonDeathDate")
CHILD_CHARACTERISTICS = ("Ethnicity", "Disabilities")
CIN_DETAILS = ("CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate",
               "ReasonForClosure", "DateOfInitialCPC", "Assessments", "CINPlanDates",
               "Section47", "ReferralNFA", "ChildProtectionPlans")
ASSESSMENTS = ("AssessmentActualStartDate", "AssessmentInternalReviewDate",
               "AssessmentAuthorisationDate", "FactorsIdentifiedAtAssessment")
CIN_PLAN_DATES = ("CINPlanStartDate", "CINPlanEndDate")
SECTION47 = ("S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired")
CHILD_PROTECTION_PLANS = ("CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse",
                          "LatestCategoryOfAbuse", "NumberOfPreviousCPP", "Reviews")
# Each block's order, by its element name, for the shape tests and for readers of the XML.
ORDER = {
    "Child": CHILD,
    "ChildIdentifiers": CHILD_IDENTIFIERS,
    "ChildCharacteristics": CHILD_CHARACTERISTICS,
    "CINdetails": CIN_DETAILS,
    "Assessments": ASSESSMENTS,
    "CINPlanDates": CIN_PLAN_DATES,
    "Section47": SECTION47,
    "ChildProtectionPlans": CHILD_PROTECTION_PLANS,
}

# ---- Code lists (RETURNS.md section 2.2) -------------------------------------------------------

SEX = {"M": "M", "F": "F", "U": "U"}  # from 2024 to 2025 the element is Sex, not GenderCurrent
UNBORN_SEX = "U"  # rule 8750
ETHNICITY = frozenset({
    "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN",
    "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"})
DISABILITY = frozenset({"NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH",
                        "CON", "AUT", "DDA"})
UPN_UNKNOWN = frozenset({"UN1", "UN2", "UN3", "UN4", "UN5", "UN6", "UN7"})
UPN_UNKNOWN_NFA = "UN7"  # "Referral with no further action" (rule 8772)
REFERRAL_SOURCE = frozenset({
    "1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B",
    "5C", "5D", "6", "7", "8", "9", "10"})
PRIMARY_NEED = frozenset({"N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"})
REASON_FOR_CLOSURE = frozenset({"RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"})
CATEGORY_OF_ABUSE = frozenset({"NEG", "PHY", "SAB", "EMO", "MUL"})
ASSESSMENT_FACTORS = frozenset({
    "1A", "1B", "1C", "2A", "2B", "2C", "3A", "3B", "3C", "4A", "4B", "4C", "5A", "5B", "5C",
    "6A", "6B", "6C", "7A", "8B", "8C", "8D", "8E", "8F", "9A", "10A", "11A", "12A", "13A",
    "14A", "15A", "16A", "17A", "18B", "18C", "19B", "19C", "20", "21", "22A", "23A", "24A"})
# Rule 8831 recognises only lower-case true and 1, so booleans are written in lower case.
TRUE, FALSE = "true", "false"


def period() -> CollectionPeriod:
    return CollectionPeriod(START_YEAR)


def header(*, lea: str, release: str, serial_no: str, made_at: dt.datetime) -> dict:
    census = period()
    return {
        "CollectionDetails": {
            "Collection": COLLECTION,
            "Year": str(census.reference_date.year),
            "ReferenceDate": _date(census.reference_date),
        },
        "Source": {
            "SourceLevel": SOURCE_LEVEL,
            "LEA": lea,
            "SoftwareCode": SOFTWARE_CODE,
            "Release": release,
            "SerialNo": serial_no,
            "DateTime": made_at.replace(microsecond=0, tzinfo=None).isoformat(),
        },
    }


def child_record(facts: ChildFacts) -> dict:
    census = period()
    return {
        "ChildIdentifiers": _identifiers(facts, census),
        "ChildCharacteristics": _characteristics(facts),
        "CINdetails": [_episode(e, census) for e in facts.episodes],
    }


# ---- The mapping --------------------------------------------------------------------------------


def _date(day: dt.date) -> str:
    return day.isoformat()


def _by_the_end(day: dt.date | None, census: CollectionPeriod) -> str | None:
    """A date that has happened by the reference date; a later one is not yet a fact."""
    return _date(day) if day is not None and day <= census.reference_date else None


def _block(pairs) -> dict:
    """The pairs whose value is known, in the order given."""
    return {name: value for name, value in pairs if value not in (None, "", [], ())}


def _identifiers(facts: ChildFacts, census: CollectionPeriod) -> dict:
    person = facts.person
    unborn = person.date_of_birth is None and person.expected_date_of_birth is not None
    upn_unknown = None
    if not person.upn:
        upn_unknown = person.upn_unknown or None
        if upn_unknown is None and facts.episodes and all(
                e.referral.no_further_action for e in facts.episodes):
            upn_unknown = UPN_UNKNOWN_NFA
    return _block([
        ("LAchildID", person.la_child_id),
        ("UPN", person.upn),
        # FormerUPN: Hearth keeps no former UPN (NOTES-returns.md).
        ("UPNunknown", upn_unknown),
        ("PersonBirthDate", person.date_of_birth and _date(person.date_of_birth)),
        ("ExpectedPersonBirthDate",
         person.expected_date_of_birth and _date(person.expected_date_of_birth)),
        ("Sex", UNBORN_SEX if unborn else SEX.get(person.sex)),
        ("PersonDeathDate", _by_the_end(person.date_of_death, census)),
    ])


def _characteristics(facts: ChildFacts) -> dict:
    person = facts.person
    return _block([
        ("Ethnicity", person.ethnicity),
        # No Disabilities block when nothing is recorded: rule 8540 then asks for it.
        ("Disabilities", Repeated("Disability", tuple(person.disabilities))
         if person.disabilities else None),
    ])


def _episode(episode: EpisodeFacts, census: CollectionPeriod) -> dict:
    referral = episode.referral
    closed = referral.closed_on is not None and referral.closed_on <= census.reference_date
    return _block([
        ("CINreferralDate", _date(referral.referral_date)),
        ("ReferralSource", referral.source),
        ("PrimaryNeedCode", referral.primary_need),
        ("CINclosureDate", _date(referral.closed_on) if closed else None),
        ("ReasonForClosure", referral.closure_reason if closed else None),
        # DateOfInitialCPC is given on the Section47 block: Hearth's initial conferences all
        # belong to an enquiry, and rule 2884 refuses it at both levels.
        ("Assessments", [_assessment(a, census) for a in episode.assessments
                         if _assessment_in_year(a, census)]),
        ("CINPlanDates", [_cin_plan(start, end, census)
                          for start, end in _cin_plan_periods(episode.cin_plans)
                          if end is None or end >= census.start]),
        ("Section47", [_section47(s, census) for s in episode.section47s
                       if _section47_in_year(s, census)]),
        ("ReferralNFA", TRUE if referral.no_further_action else FALSE),
        ("ChildProtectionPlans", [_cp_plan(p, census) for p in episode.cp_plans
                                  if p.plan.end_date is None
                                  or p.plan.end_date >= census.start]),
    ])


def _assessment_in_year(assessment, census: CollectionPeriod) -> bool:
    """Still open at the start of the year or authorised in it (rules 8696, 8736)."""
    return assessment.authorised_on is None or assessment.authorised_on >= census.start


def _assessment(assessment, census: CollectionPeriod) -> dict:
    authorised = _by_the_end(assessment.authorised_on, census)
    # Factors are the finding of a completed assessment (rule 8614): only once authorised.
    factors = tuple(assessment.factors) if authorised and assessment.factors else ()
    return _block([
        ("AssessmentActualStartDate", _date(assessment.started_on)),
        # AssessmentInternalReviewDate: Hearth records no internal review date (optional).
        ("AssessmentAuthorisationDate", authorised),
        ("FactorsIdentifiedAtAssessment",
         Repeated("AssessmentFactors", factors) if factors else None),
    ])


def _cin_plan_periods(plans) -> list[tuple[dt.date, dt.date | None]]:
    """The episode's periods on a child in need plan. A plan a review replaces with a new one
    the same day is one period in the census: rule 4014 counts a plan starting on the day the
    last one ended as an overlap."""
    periods: list[list] = []
    for plan in sorted(plans, key=lambda p: p.started_on):
        last = periods[-1] if periods else None
        if last is not None and last[1] is not None and plan.started_on <= last[1]:
            last[1] = plan.ended_on if plan.ended_on is None else max(last[1], plan.ended_on)
        else:
            periods.append([plan.started_on, plan.ended_on])
    return [(start, end) for start, end in periods]


def _cin_plan(start: dt.date, end: dt.date | None, census: CollectionPeriod) -> dict:
    return _block([
        ("CINPlanStartDate", _date(start)),
        ("CINPlanEndDate", _by_the_end(end, census)),
    ])


def _section47_end(facts) -> dt.date | None:
    """The enquiry's last census fact: its initial conference, or its end without one."""
    if facts.initial_conference is not None:
        return facts.initial_conference.held_on
    if facts.enquiry.icpc_required is False:
        return facts.enquiry.completed_on
    return None


def _section47_in_year(facts, census: CollectionPeriod) -> bool:
    end = _section47_end(facts)
    return end is None or end >= census.start


def _section47(facts, census: CollectionPeriod) -> dict:
    enquiry = facts.enquiry
    conference = facts.initial_conference
    not_required = (enquiry.icpc_required is False and enquiry.completed_on is not None
                    and enquiry.completed_on <= census.reference_date)
    return _block([
        ("S47ActualStartDate", _date(enquiry.started_on)),
        ("InitialCPCtarget", _date(enquiry.icpc_due_on)),
        ("DateOfInitialCPC", _by_the_end(conference.held_on, census) if conference else None),
        ("ICPCnotRequired", TRUE if not_required else FALSE),
    ])


def _cp_plan(facts, census: CollectionPeriod) -> dict:
    plan = facts.plan
    reviews = tuple(_date(d) for d, _ in facts.reviews if census.contains(d))
    return _block([
        ("CPPstartDate", _date(plan.start_date)),
        ("CPPendDate", _by_the_end(plan.end_date, census)),
        ("InitialCategoryOfAbuse", plan.initial_category),
        ("LatestCategoryOfAbuse", _latest_category(facts, census)),
        ("NumberOfPreviousCPP", str(plan.previous_plans)),
        ("Reviews", Repeated("CPPreviewDate", reviews) if reviews else None),
    ])


def _latest_category(facts, census: CollectionPeriod) -> str:
    """The category at the last review held by the reference date, else the initial one."""
    latest = facts.plan.initial_category
    for held_on, category in facts.reviews:
        if held_on <= census.reference_date and category:
            latest = category
    return latest
