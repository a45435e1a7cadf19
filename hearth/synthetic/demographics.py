"""Random draws for synthetic people, in proportions like an English Midlands borough.

Pure functions of a `random.Random`: no ORM, no clock. The proportions are plausible, not
measured: they give lists, searches and returns a realistic mix to work on.
"""

import datetime as dt
import random

from hearth.people.codes import Disability, Ethnicity, Religion, UpnUnknown, WarningKind
from hearth.synthetic import names

E = Ethnicity

# Children known to a Black Country children's service, roughly: mostly White British, then
# Pakistani, mixed White and Black Caribbean, Indian and Eastern European families.
ETHNICITY_WEIGHTS: dict[str, float] = {
    E.WBRI: 72.0, E.WIRI: 0.3, E.WIRT: 0.2, E.WOTH: 3.5, E.WROM: 0.5, E.MWBC: 5.0, E.MWBA: 0.8,
    E.MWAS: 1.8, E.MOTH: 2.2, E.AIND: 2.5, E.APKN: 5.0, E.ABAN: 0.7, E.AOTH: 0.8, E.BCRB: 1.2,
    E.BAFR: 1.5, E.BOTH: 0.4, E.CHNE: 0.2, E.OOTH: 0.8, E.REFU: 0.2, E.NOBT: 1.2,
}
NAME_POOL: dict[str, str] = {
    E.WOTH: "european", E.WROM: "european", E.AIND: "south_asian", E.APKN: "south_asian",
    E.ABAN: "south_asian", E.AOTH: "south_asian", E.BCRB: "african_caribbean",
    E.BAFR: "african_caribbean", E.BOTH: "african_caribbean",
}
# A mixed-heritage child's parents: (mother, father).
PARENT_ETHNICITIES: dict[str, tuple[str, str]] = {
    E.MWBC: (E.WBRI, E.BCRB), E.MWBA: (E.WBRI, E.BAFR), E.MWAS: (E.WBRI, E.APKN),
    E.MOTH: (E.WBRI, E.OOTH),
}
R = Religion
_RELIGIONS: dict[str, dict[str, float]] = {
    "british": {R.CHRISTIAN: 35, R.NONE: 40, R.NOT_KNOWN: 20, R.OTHER: 3, R.REFUSED: 2},
    "european": {R.CHRISTIAN: 70, R.NONE: 15, R.NOT_KNOWN: 15},
    "african_caribbean": {R.CHRISTIAN: 65, R.MUSLIM: 20, R.NONE: 5, R.NOT_KNOWN: 10},
    E.APKN: {R.MUSLIM: 90, R.NOT_KNOWN: 10},
    E.ABAN: {R.MUSLIM: 90, R.NOT_KNOWN: 10},
    E.AIND: {R.SIKH: 55, R.HINDU: 35, R.MUSLIM: 5, R.NOT_KNOWN: 5},
    E.AOTH: {R.MUSLIM: 50, R.HINDU: 20, R.BUDDHIST: 10, R.NOT_KNOWN: 20},
    E.CHNE: {R.NONE: 50, R.BUDDHIST: 20, R.CHRISTIAN: 15, R.NOT_KNOWN: 15},
}
_LANGUAGES: dict[str, dict[str, float]] = {
    "british": {"English": 100},
    "european": {"Polish": 40, "Romanian": 30, "Lithuanian": 15, "English": 15},
    "african_caribbean": {"English": 80, "Somali": 10, "Yoruba": 5, "Arabic": 5},
    E.APKN: {"English": 60, "Urdu": 22, "Punjabi": 18},
    E.AIND: {"English": 60, "Punjabi": 30, "Gujarati": 10},
    E.ABAN: {"English": 60, "Bengali": 30, "Sylheti": 10},
    E.AOTH: {"English": 60, "Tamil": 20, "Urdu": 20},
}
# Unaccompanied asylum-seeking children: (ethnicity, language, religion).
UASC_ORIGINS: tuple[tuple[str, str, str], ...] = (
    (E.AOTH, "Pashto", R.MUSLIM), (E.AOTH, "Dari", R.MUSLIM), (E.BAFR, "Tigrinya", R.CHRISTIAN),
    (E.BAFR, "Arabic", R.MUSLIM), (E.OOTH, "Kurdish (Sorani)", R.MUSLIM),
)
DISABILITY_WEIGHTS: dict[str, float] = {
    Disability.AUT: 30, Disability.LD: 25, Disability.COMM: 15, Disability.BEH: 12,
    Disability.MOB: 6, Disability.PC: 4, Disability.HEAR: 3, Disability.VIS: 2,
    Disability.HAND: 2, Disability.INC: 2, Disability.CON: 2, Disability.DDA: 5,
}
FAMILY_SIZES = (1, 2, 3, 4, 5)
FAMILY_SIZE_WEIGHTS = (46, 28, 15, 7, 4)
KNOWN_AS = {"Oliver": "Ollie", "Theodore": "Teddy", "Alexandru": "Alex", "Isabella": "Bella",
            "Abigail": "Abbie", "Rebecca": "Becky", "Daniel": "Danny", "Samuel": "Sam",
            "Muhammad": "Mo", "Nathan": "Nate", "Thomas": "Tom", "Jessica": "Jess"}
CHILD_WARNINGS = (
    (WarningKind.HEALTH, "Severe nut allergy: carries an adrenaline pen."),
    (WarningKind.HEALTH, "Epilepsy: rescue medication kept at school and at home."),
    (WarningKind.DO_NOT_DISCLOSE_ADDRESS, "Placement address must not be shared with parents."),
)
ADULT_WARNINGS = (
    (WarningKind.RISK_TO_STAFF, "Verbally aggressive to visiting staff: visit in pairs."),
    (WarningKind.DOG_ON_PREMISES, "Large dog at the address: ask for it to be shut away."),
    (WarningKind.LONE_WORKING, "No lone visits: history of threats to professionals."),
    (WarningKind.OTHER, "Prefers contact by text message: does not answer unknown numbers."),
)
RESTRICTION_REASONS = (
    "Child of a member of children's services staff",
    "Relative of a council employee",
    "High-profile case: record restricted by the head of service",
    "Family member works for a partner agency in the area",
)


def weighted(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def ethnicity(rng: random.Random) -> str:
    return weighted(rng, ETHNICITY_WEIGHTS)


def name_pool(ethnicity_code: str) -> str:
    return NAME_POOL.get(ethnicity_code, "british")


def parent_ethnicities(rng: random.Random, child_ethnicity: str) -> tuple[str, str]:
    """(mother, father); for a mixed-heritage child the White parent is the mother mostly."""
    pair = PARENT_ETHNICITIES.get(child_ethnicity)
    if pair is None:
        return child_ethnicity, child_ethnicity
    return pair if rng.random() < 0.7 else (pair[1], pair[0])


def religion(rng: random.Random, ethnicity_code: str) -> str:
    table = _RELIGIONS.get(ethnicity_code) or _RELIGIONS.get(name_pool(ethnicity_code))
    return weighted(rng, table or _RELIGIONS["british"])


def first_language(rng: random.Random, ethnicity_code: str) -> str:
    table = _LANGUAGES.get(ethnicity_code) or _LANGUAGES.get(name_pool(ethnicity_code))
    return weighted(rng, table or _LANGUAGES["british"])


def disabilities(rng: random.Random, *, disabled: bool) -> list[str]:
    """Codes for a disabled child (a third with two or more), or NONE / not yet recorded."""
    if not disabled:
        return [Disability.NONE] if rng.random() < 0.85 else []
    how_many = rng.choices((1, 2, 3), weights=(65, 25, 10))[0]
    chosen: list[str] = []
    while len(chosen) < how_many:
        code = weighted(rng, DISABILITY_WEIGHTS)
        if code not in chosen:
            chosen.append(code)
    return chosen


def family_size(rng: random.Random, *, at_most: int, mostly_single: bool = False) -> int:
    weights = (90, 10, 0, 0, 0) if mostly_single else FAMILY_SIZE_WEIGHTS
    return min(at_most, rng.choices(FAMILY_SIZES, weights=weights)[0])


def age_weight(age: int) -> float:
    """Under-ones and teenagers are over-represented among children in need."""
    if age == 0:
        return 1.5
    if 10 <= age <= 15:
        return 1.25
    return 1.0


def age_in(rng: random.Random, low: int, high: int) -> int:
    ages = list(range(low, high + 1))
    return rng.choices(ages, weights=[age_weight(a) for a in ages])[0]


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def birth_date(rng: random.Random, *, age: int, on: dt.date) -> dt.date:
    """A date of birth that makes someone `age` on `on`."""
    return years_before(on, age) - dt.timedelta(days=rng.randint(0, 364))


def upn_fields(rng: random.Random, *, age: int | None, new_upn) -> tuple[str | None, str]:
    """(upn, reason unknown): school-age children mostly have one; the under-fives do not.

    `new_upn` makes a fresh UPN, so that the caller keeps them unique.
    """
    if age is None or age < 4 or (age == 4 and rng.random() < 0.5):
        return None, UpnUnknown.UN1
    roll = rng.random()
    if roll < 0.88:
        return new_upn(), ""
    reasons = (UpnUnknown.UN2, UpnUnknown.UN3, UpnUnknown.UN4, UpnUnknown.UN5)
    return None, rng.choices(reasons, weights=(3, 2, 5, 2))[0]


def middle_name(rng: random.Random, sex: str) -> str:
    return rng.choice(names.MIDDLE_NAMES[sex]) if rng.random() < 0.4 else ""


def known_as(rng: random.Random, first_name: str) -> str:
    nickname = KNOWN_AS.get(first_name, "")
    return nickname if nickname and rng.random() < 0.4 else ""
