"""The SSDA903 return 2025 to 2026: its tables and columns, code lists and Hearth's mapping.

Collection year 1 April 2025 to 31 March 2026, checked by the validator's `lac2025_26` ruleset
(its registry key "2026"). Tables and columns from shared/domain/RETURNS.md section 3.1 (the
validator recognises a CSV by its exact set of column names); codes from section 3.2. A new
collection year is a new module beside this one (y2026_27.py), not an edit of it.

`rows(facts)` turns one child's facts (records.ChildFacts) into that child's rows of each table:
a dict per row, a string per value, dates as dd/mm/YYYY. A value Hearth has no fact for is left
blank, never filled with a guess (the exceptions are in OC2: see `_oc2`).
"""

import datetime as dt

from hearth.people.rules import age_on
from hearth.returns.ssda903.records import ChildFacts, CollectionPeriod

START_YEAR = 2025
LABEL = "2025 to 2026"
RULESET = "2026"  # lac_validator.rules.ruleset_utils.get_year_ruleset("2026") is lac2025_26

# ---- Layout: each table's columns, and the file it is written to --------------------------------

TABLES: dict[str, tuple[str, ...]] = {
    "Header": ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
    "Episodes": ("CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
                 "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"),
    "Reviews": ("CHILD", "DOB", "REVIEW", "REVIEW_CODE"),
    "UASC": ("CHILD", "SEX", "DOB", "DUC"),
    "OC2": ("CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK",
            "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE",
            "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"),
    "OC3": ("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"),
    "AD1": ("CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR",
            "LS_ADOPTR"),
    "PlacedAdoption": ("CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED",
                       "REASON_PLACED_CEASED"),
    "PrevPerm": ("CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"),
    "Missing": ("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"),
    "SWEpisodes": ("CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"),
}
FILES = {
    "Header": "header.csv", "Episodes": "episodes.csv", "Reviews": "reviews.csv",
    "UASC": "uasc.csv", "OC2": "oc2.csv", "OC3": "oc3.csv", "AD1": "ad1.csv",
    "PlacedAdoption": "placed_for_adoption.csv", "PrevPerm": "previous_permanence.csv",
    "Missing": "missing.csv", "SWEpisodes": "sw_episodes.csv",
}
DATE_FORMAT = "%d/%m/%Y"

# ---- Code lists (RETURNS.md section 3.2) -------------------------------------------------------

SEX = frozenset({"M", "F", "U"})
LEGAL_STATUS = frozenset({"C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1",
                          "J2", "J3"})
REASON_NEW_EPISODE = frozenset({"S", "L", "P", "B", "T", "U"})
CATEGORY_OF_NEED = frozenset({"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"})
PLACEMENT = frozenset({
    "A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2", "R3", "R5", "S1", "T0",
    "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z11", "Z12", "Z13", "Z14"})
PLACEMENT_PROVIDER = frozenset({"PR0", "PR1", "PR2", "PR3", "PR4", "PR5"})
REASON_CEASED = frozenset({
    "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48", "E5",
    "E6", "E7", "E8", "E9", "E14", "E15", "E16", "E17", "X1"})
REASON_PLACE_CHANGE = frozenset({"CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO",
                                 "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER"})
REVIEW_CODE = frozenset({"PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"})
SDQ_REASON = frozenset({"SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5"})
IN_TOUCH = frozenset({"YES", "NO", "DIED", "REFU", "NREQ", "RHOM"})
IN_TOUCH_YES, NOT_IN_TOUCH = "YES", "0"  # ACTIV and ACCOM are 0 when not in touch
ACTIVITY = frozenset({"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"})
MISSING = frozenset({"M", "A"})
SW_REASON = frozenset({"MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN",
                       "PCCHAN", "SWDIED", "OTHERS"})
SW_FIRST_CONTACT, SW_OTHER = "FCONTA", "OTHERS"
PREV_PERM = frozenset({"P1", "P2", "P3", "P4", "Z1"})
PREV_PERM_NOT_KNOWN = "Z1"
# Legal statuses and reasons that show a conviction (OC2 CONVICTED): a youth rehabilitation
# order, or a sentence to custody.
CONVICTION_STATUSES = frozenset({"J3"})
CONVICTION_REASONS = frozenset({"E9"})
TRUE, FALSE = "1", "0"


def period() -> CollectionPeriod:
    return CollectionPeriod(START_YEAR)


def previous_period() -> CollectionPeriod:
    return CollectionPeriod(START_YEAR - 1)


def previous_tables() -> dict[str, tuple[str, ...]]:
    """Last year's tables, sent to the validator as "Prev year": 2024 to 2025 had these."""
    return TABLES


# ---- The mapping --------------------------------------------------------------------------------


def _date(day: dt.date | None) -> str:
    return day.strftime(DATE_FORMAT) if day else ""


def rows(facts: ChildFacts, census: CollectionPeriod) -> dict[str, list[dict]]:
    """The child's rows of each table for the collection year `census`."""
    person = facts.person
    child, dob = person.la_child_id or "", _date(person.date_of_birth)
    ids = {"CHILD": child, "DOB": dob}
    out: dict[str, list[dict]] = {name: [] for name in TABLES}
    out["Header"].append(_header(facts, child, dob, census))
    out["Episodes"] = [_episode(e, child, census) for e in facts.episodes]
    out["Reviews"] = [{**ids, "REVIEW": _date(r.held_on), "REVIEW_CODE": r.participation}
                      for r in facts.reviews]
    if person.is_uasc and facts.episodes:
        # A child's UASC status ceases at 18 at the latest: Hearth records no earlier end, so
        # the date ceased is the 18th birthday (rules 205B and 304 read it so).
        out["UASC"].append({"CHILD": child, "SEX": person.sex, "DOB": dob,
                            "DUC": _date(_birthday(person.date_of_birth, 18))})
    if facts.oc2 is not None:
        out["OC2"].append(_oc2(facts, ids, census))
    if facts.in_oc3_cohort and not _oc3_not_required(facts, census):
        out["OC3"].append(_oc3(facts, ids))
    out["Missing"] = [{**ids, "MISSING": m.kind, "MIS_START": _date(m.started_on),
                       "MIS_END": _date(m.returned_on if census.contains(m.returned_on)
                                        else None)} for m in facts.missing]
    out["SWEpisodes"] = [_sw_episode(a, facts, ids, census) for a in facts.allocations]
    out["PlacedAdoption"] = [
        {**ids, "DATE_PLACED": _date(p["DATE_PLACED"]),
         "DATE_PLACED_CEASED": _date(p["DATE_PLACED_CEASED"]),
         "REASON_PLACED_CEASED": p["REASON_PLACED_CEASED"] or ""}
        for p in facts.placed_adoption]
    if facts.ad1:
        out["AD1"].append({**ids, **{k: _text(facts.ad1.get(k)) for k in TABLES["AD1"][2:]}})
    if facts.prev_perm:
        out["PrevPerm"].append(
            {**ids, **{k: _text(facts.prev_perm.get(k)) for k in TABLES["PrevPerm"][2:]}})
    elif _started_in(facts, census):
        # The child began to be looked after in the year and Hearth holds no previous
        # permanence order for them: Z1 is the DfE's "none, or not known" (rule 630).
        out["PrevPerm"].append({**ids, "PREV_PERM": PREV_PERM_NOT_KNOWN, "LA_PERM": "",
                                "DATE_PERM": ""})
    return out


def _birthday(born: dt.date | None, age: int) -> dt.date | None:
    if born is None:
        return None
    try:
        return born.replace(year=born.year + age)
    except ValueError:  # 29 February
        return dt.date(born.year + age, 3, 1)


def _started_in(facts: ChildFacts, census: CollectionPeriod) -> bool:
    """The child began a period of care in the year."""
    return any(e.reason_new_episode == "S" and census.contains(e.started_on)
               for e in facts.episodes)


def _text(value) -> str:
    if value is None:
        return ""
    return _date(value) if isinstance(value, dt.date) else str(value)


def _header(facts: ChildFacts, child: str, dob: str, census: CollectionPeriod) -> dict:
    person = facts.person
    mother = mc_dob = ""
    if person.sex == "F" and facts.episodes:  # rule 628: not for care leavers only in OC3
        born = facts.first_child_born
        if born is not None and born <= census.reference_date:
            mother, mc_dob = TRUE, _date(born)
        else:
            mother = FALSE
    return {"CHILD": child, "SEX": person.sex, "DOB": dob, "ETHNIC": person.ethnicity,
            "UPN": person.upn or person.upn_unknown or "", "MOTHER": mother, "MC_DOB": mc_dob}


def _episode(episode, child: str, census: CollectionPeriod) -> dict:
    ended = episode.ended_on if census.contains(episode.ended_on) else None
    return {
        "CHILD": child, "DECOM": _date(episode.started_on), "RNE": episode.reason_new_episode,
        "LS": episode.legal_status, "CIN": episode.category_of_need,
        "PLACE": episode.placement_type, "PLACE_PROVIDER": episode.provider_type,
        "DEC": _date(ended), "REC": episode.reason_ceased if ended else "",
        "REASON_PLACE_CHANGE": episode.reason_place_change if ended else "",
        "HOME_POST": episode.home_postcode, "PL_POST": episode.placement_postcode,
        "URN": episode.urn,
    }


def _oc2(facts: ChildFacts, ids: dict, census: CollectionPeriod) -> dict:
    """Outcomes for a child looked after for the whole year.

    Hearth records no convictions or substance misuse assessments as such: CONVICTED is 1 when
    the care records show one (a youth rehabilitation order, or care ending in a custodial
    sentence) and 0 otherwise, and SUBSTANCE_MISUSE is 0 with the intervention items blank.
    Both are recorded in NOTES-ssda903.md as gaps in Hearth's records, not DfE answers.
    """
    oc2 = facts.oc2
    age = age_on(facts.person.date_of_birth, census.reference_date)
    sdq = oc2.sdq
    convicted = any(e.legal_status in CONVICTION_STATUSES or e.reason_ceased
                    in CONVICTION_REASONS for e in facts.episodes)
    immunised = oc2.immunisations is not None and oc2.immunisations.up_to_date
    return {
        **ids,
        "SDQ_SCORE": "" if sdq is None or sdq.score is None else str(sdq.score),
        "SDQ_REASON": sdq.reason if sdq is not None else "",
        "CONVICTED": (TRUE if convicted else FALSE) if age is not None and age >= 10 else "",
        "HEALTH_CHECK": (TRUE if oc2.health_assessment else FALSE)
        if age is not None and age < 5 else "",
        "IMMUNISATIONS": TRUE if immunised else FALSE,
        "TEETH_CHECK": TRUE if oc2.dental_check else FALSE,
        "HEALTH_ASSESSMENT": TRUE if oc2.health_assessment else FALSE,
        "SUBSTANCE_MISUSE": FALSE,
        "INTERVENTION_RECEIVED": "",
        "INTERVENTION_OFFERED": "",
    }


def _oc3(facts: ChildFacts, ids: dict) -> dict:
    """In touch, activity and accommodation around the birthday. Not in touch (NO, DIED, REFU,
    NREQ, RHOM) is sent with activity and accommodation 0, as the guidance asks (rules 153, 344,
    345). None recorded is sent blank, for the validator to ask the worker for it."""
    situation = facts.oc3
    if situation is None:
        return {**ids, "IN_TOUCH": "", "ACTIV": "", "ACCOM": ""}
    if situation.in_touch != IN_TOUCH_YES:
        return {**ids, "IN_TOUCH": situation.in_touch, "ACTIV": NOT_IN_TOUCH,
                "ACCOM": NOT_IN_TOUCH}
    return {**ids, "IN_TOUCH": situation.in_touch, "ACTIV": situation.activity,
            "ACCOM": situation.accom_903}


def _oc3_not_required(facts: ChildFacts, census: CollectionPeriod) -> bool:
    """Care leaver information is not wanted for a young person looked after for the 12 months
    to 31 March (rule 187), nor for a 17 or 18 year old looked after on or after their latest
    birthday: still in care, or leaving care after it (rules 1007 and 1016). They are left out
    of OC3: a row with the items blank would fail rules 131 to 133."""
    if facts.continuously_looked_after:
        return True
    born = facts.person.date_of_birth
    age = age_on(born, census.reference_date)
    if age not in (17, 18):
        return False
    birthday = _birthday(born, age)
    return any(e.ended_on is None or e.ended_on >= birthday for e in facts.episodes)


def sw_id(worker_id: int) -> str:
    """Hearth holds no Social Work England number: the ID is SW and the worker's number in
    Hearth, the same across tables and years (rule SW02STG1 asks for SW or XX first)."""
    return f"SW{worker_id:06d}"


def _sw_episode(allocation, facts: ChildFacts, ids: dict, census: CollectionPeriod) -> dict:
    ended = allocation.end_date if census.contains(allocation.end_date) else None
    first = allocation.pk == facts.first_allocation_id
    return {**ids, "SW_ID": sw_id(allocation.worker_id),
            "SW_DECOM": _date(allocation.start_date), "SW_DEC": _date(ended),
            "SW_REASON": SW_FIRST_CONTACT if first else SW_OTHER}
