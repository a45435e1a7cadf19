"""Pure rules about people: identifier check digits, relationships, names. No ORM, no clock."""

import datetime as dt
import re
import unicodedata

import jellyfish

from hearth.people.codes import RelationshipKind as K

# ---- NHS number (NHS Data Dictionary: modulus 11 with weights 10..2) -------------------------


def normalise_nhs_number(value: str) -> str:
    return re.sub(r"[\s-]", "", value or "")


def nhs_number_problem(value: str) -> str | None:
    """Why `value` is not a valid NHS number, or None when it is."""
    digits = normalise_nhs_number(value)
    if not digits.isdigit() or len(digits) != 10:
        return "NHS number must be 10 digits"
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    if check == 10 or check != int(digits[9]):
        return "Enter a real NHS number: the last digit does not match the others"
    return None


def nhs_check_digit(nine_digits: str) -> int | None:
    """The check digit that completes nine digits, or None when no digit can (remainder 10)."""
    total = sum(int(d) * w for d, w in zip(nine_digits, range(10, 1, -1), strict=True))
    check = (11 - total % 11) % 11
    return None if check == 10 else check


# ---- Unique pupil number (DfE "Unique pupil numbers" guidance, modulus 23 check letter) -------

_UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"  # 23 letters: no I, O or S
_UPN_PATTERN = re.compile(r"^[A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z]$")


def normalise_upn(value: str) -> str:
    return re.sub(r"\s", "", value or "").upper()


def upn_check_letter(last_twelve: str) -> str:
    """The check letter for characters 2 to 13 of a UPN (weights 2..13 on positions 2..13)."""
    total = 0
    for weight, char in enumerate(last_twelve, start=2):
        total += weight * (int(char) if char.isdigit() else _UPN_LETTERS.index(char))
    return _UPN_LETTERS[total % 23]


def upn_problem(value: str) -> str | None:
    upn = normalise_upn(value)
    if len(upn) != 13 or not _UPN_PATTERN.match(upn):
        return "UPN must be 13 characters: a letter, 11 digits, then a digit or letter"
    if upn_check_letter(upn[1:]) != upn[0]:
        return "Enter a real UPN: the check letter does not match the rest"
    return None


# ---- Relationships: every link is stored both ways ----------------------------------------

INVERSE = {
    K.PARENT_OF: K.CHILD_OF,
    K.STEP_PARENT_OF: K.STEP_CHILD_OF,
    K.SIBLING_OF: K.SIBLING_OF,
    K.HALF_SIBLING_OF: K.HALF_SIBLING_OF,
    K.GRANDPARENT_OF: K.GRANDCHILD_OF,
    K.CARER_OF: K.CARED_FOR_BY,
    K.AUNT_OR_UNCLE_OF: K.NIECE_OR_NEPHEW_OF,
    K.PARTNER_OF: K.PARTNER_OF,
    K.FAMILY_FRIEND_OF: K.FAMILY_FRIEND_OF,
    K.OTHER: K.OTHER,
}
INVERSE.update({v: k for k, v in list(INVERSE.items())})


def inverse_of(kind: str) -> K:
    return INVERSE[K(kind)]


# ---- Dates ---------------------------------------------------------------------------------


def age_on(date_of_birth: dt.date | None, on: dt.date) -> int | None:
    if date_of_birth is None:
        return None
    years = on.year - date_of_birth.year
    if (on.month, on.day) < (date_of_birth.month, date_of_birth.day):
        years -= 1
    return years


def birth_date_problem(
    *, date_of_birth, expected_date_of_birth, date_of_death, today: dt.date
) -> tuple[str, str] | None:
    """(field, message) for the first rule the dates break, or None."""
    if date_of_birth and expected_date_of_birth:
        return ("expected_date_of_birth", "Give a date of birth or an expected date, not both")
    if date_of_birth and date_of_birth > today:
        return ("date_of_birth", "Date of birth must be today or in the past")
    if date_of_birth and date_of_birth < dt.date(1900, 1, 1):
        return ("date_of_birth", "Date of birth must be after 1900")
    if expected_date_of_birth and expected_date_of_birth < today - dt.timedelta(days=31):
        return (
            "expected_date_of_birth",
            "Expected date of birth is more than a month ago: record the date of birth instead",
        )
    if expected_date_of_birth and expected_date_of_birth > today + dt.timedelta(days=300):
        return ("expected_date_of_birth", "Expected date of birth must be within 10 months")
    if date_of_death and date_of_death > today:
        return ("date_of_death", "Date of death must be today or in the past")
    if date_of_death and date_of_birth and date_of_death < date_of_birth:
        return ("date_of_death", "Date of death must be on or after the date of birth")
    return None


# ---- Names, for search that forgives spelling and order -----------------------------------


def name_tokens(*parts: str) -> list[str]:
    text = " ".join(p for p in parts if p)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return [t for t in re.split(r"[^a-z]+", text) if t]


def name_keys(*parts: str) -> set[str]:
    """Sound-alike keys for each name token: soundex, metaphone and the first three letters.

    Stored beside the record (PersonNameKey) so that a search for "Jonh Smiht" finds
    "John Smith" through an index, whatever the order of the names.
    """
    keys: set[str] = set()
    for token in name_tokens(*parts):
        keys.update(token_keys(token))
    return keys


def token_keys(token: str) -> set[str]:
    return {f"s{jellyfish.soundex(token)}", f"m{jellyfish.metaphone(token)}", f"p{token[:3]}"}
