"""The children in need census 2026 to 2027: the 2025 to 2026 layout with the pre-proceedings
and family group decision-making module ("module 5", RETURNS.md section 2.4).

Collection year 1 April 2026 to 31 March 2027 (reference date 31 March 2027), checked by the
validator's `cin2026_27` ruleset (its registry key "2027"). Everything but module 5 is as in
2025 to 2026 and is imported from y2025_26, so the two years cannot drift apart where the DfE
did not change them; that module is not edited.

Module 5 is a repeating `PreProceedingsandFGDM` block, the last in `CINdetails`, with its
elements in the order of the validator's 2026 test file (`fake_data/CIN_Census_2026.xml`).
Hearth's facts come from hearth.court: one block per pre-proceedings (a `LegalCase`) whose
decision to start falls in the collection year (rule 9005), on each of the case's children,
in the episode of need open on that day (records.py). `hearth.court.rules.census_module` says
which court fact is which element; this module writes them as the census's strings and leaves
out whatever had not happened by the reference date.

CAVEAT: csc-validator-be-cin 0.1.13 (the release on PyPI) has no module 5 table or rules: its
2026/27 registry is the 2025/26 rules unchanged. `caveat()` says so while it is true; the page
and the commands show it.
"""

import dataclasses
import datetime as dt

from hearth.court import rules as court_rules
from hearth.returns.cin import y2025_26
from hearth.returns.cin.records import ChildFacts, CollectionPeriod, EpisodeFacts
from hearth.returns.cin.y2025_26 import (  # noqa: F401  (the year's layout and code lists)
    ASSESSMENT_FACTORS,
    ASSESSMENTS,
    CATEGORY_OF_ABUSE,
    CHILD,
    CHILD_CHARACTERISTICS,
    CHILD_IDENTIFIERS,
    CHILD_PROTECTION_PLANS,
    CIN_PLAN_DATES,
    COLLECTION,
    DISABILITY,
    ETHNICITY,
    FALSE,
    HEADER,
    PRIMARY_NEED,
    REASON_FOR_CLOSURE,
    REFERRAL_SOURCE,
    SECTION47,
    SEX,
    SOFTWARE_CODE,
    SOURCE_LEVEL,
    TRUE,
    UNBORN_SEX,
    UPN_UNKNOWN,
    UPN_UNKNOWN_NFA,
)

START_YEAR = 2026
LABEL = "2026 to 2027"
RULESET = "2027"  # get_year_ruleset("2027") is cin2026_27 (in 0.1.13: the 2025/26 rules)
# records.children reads each child's pre-proceedings (hearth.court) for this year.
READS_PRE_PROCEEDINGS = True

# ---- Layout -------------------------------------------------------------------------------------

PRE_PROCEEDINGS_BLOCK = "PreProceedingsandFGDM"
CIN_DETAILS = (*y2025_26.CIN_DETAILS, PRE_PROCEEDINGS_BLOCK)
PRE_PROCEEDINGS = ("PPStartDate", "LBPSentDate", "FGDMMeetingOffer", "FGDMMeetingFac",
                   "InitialPPMeetingDate", "ReviewMeetingsCount", "StepDecisionDate",
                   "PPOutcome", "CourtAppDate", "LetterInitCPDate")
ORDER = {**y2025_26.ORDER, "CINdetails": CIN_DETAILS, PRE_PROCEEDINGS_BLOCK: PRE_PROCEEDINGS}
# The validator's name for module 5's table (upstream `CINTable.PreProceedings`).
PRE_PROCEEDINGS_TABLE = "PreProceedings"

# ---- Code lists ---------------------------------------------------------------------------------

# PPOutcome, code set CS131. Rule 9011 accepts exactly these; their meanings are in the DfE
# specification, not in the validator's rules, so hearth.court.codes.CENSUS_OUTCOME keeps the
# mapping from Hearth's outcomes with a note to verify it.
PP_OUTCOME = frozenset({"A", "B", "C"})
# FGDMMeetingOffer and FGDMMeetingFac are written 1 or 0, as in the validator's test file.
YES, NO = "1", "0"


def period() -> CollectionPeriod:
    return CollectionPeriod(START_YEAR)


def caveat() -> str:
    """What the installed validator cannot check for this year ("" once it can)."""
    try:
        from importlib import metadata

        from cin_validator.rule_engine import CINTable
    except ImportError:
        return ""
    if PRE_PROCEEDINGS_TABLE in CINTable.__members__:
        return ""
    version = metadata.version("csc-validator-be-cin")
    return (f"csc-validator-be-cin {version} has no 2026 to 2027 rules of its own: it checks "
            f"this year with the 2025 to 2026 rules, and does not check the pre-proceedings and "
            f"family group decision-making module (rules 9005 to 9015Q are not run). Hearth "
            f"stops those rules' date errors when the dates are entered.")


def header(*, lea: str, release: str, serial_no: str, made_at: dt.datetime) -> dict:
    census = period()
    return {
        "CollectionDetails": {
            "Collection": COLLECTION,
            "Year": str(census.reference_date.year),
            "ReferenceDate": y2025_26._date(census.reference_date),
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
        "ChildIdentifiers": y2025_26._identifiers(facts, census),
        "ChildCharacteristics": y2025_26._characteristics(facts),
        "CINdetails": [_episode(e, census) for e in facts.episodes],
    }


# ---- The mapping --------------------------------------------------------------------------------


def _episode(episode: EpisodeFacts, census: CollectionPeriod) -> dict:
    block = y2025_26._episode(episode, census)
    modules = [_pre_proceedings(p, census) for p in episode.pre_proceedings
               if census.contains(p.started_on)]
    if modules:
        block[PRE_PROCEEDINGS_BLOCK] = modules  # the last element of CINdetails
    return block


def _pre_proceedings(facts: court_rules.PreProceedingsFacts, census: CollectionPeriod) -> dict:
    # A meeting held after the reference date is next year's fact: neither counted nor dated.
    module = court_rules.census_module(dataclasses.replace(facts, meetings=tuple(
        (kind, on) for kind, on in facts.meetings if on <= census.reference_date)))
    initial = y2025_26._by_the_end(module["InitialPPMeetingDate"], census)
    decided = y2025_26._by_the_end(module["StepDecisionDate"], census)
    return y2025_26._block([
        ("PPStartDate", y2025_26._date(module["PPStartDate"])),
        ("LBPSentDate", y2025_26._by_the_end(module["LBPSentDate"], census)),
        ("FGDMMeetingOffer", _flag(module["FGDMMeetingOffer"])
         if module["LBPSentDate"] and module["LBPSentDate"] <= census.reference_date else None),
        ("FGDMMeetingFac", _flag(module["FGDMMeetingFac"])),
        ("InitialPPMeetingDate", initial),
        ("ReviewMeetingsCount", None if module["ReviewMeetingsCount"] is None
         else str(module["ReviewMeetingsCount"])),
        ("StepDecisionDate", decided),
        ("PPOutcome", module["PPOutcome"] if decided else None),
        ("CourtAppDate", y2025_26._by_the_end(module["CourtAppDate"], census)),
        ("LetterInitCPDate", y2025_26._by_the_end(module["LetterInitCPDate"], census)),
    ])


def _flag(value: int | None) -> str | None:
    return None if value is None else (YES if value else NO)
