import datetime as dt

import pytest

from hearth.people import rules
from hearth.people.codes import RelationshipKind as K


def nhs(stem: str) -> str:
    """The first valid test-range NHS number at or after the nine-digit stem."""
    nine = next(f"{n:09d}" for n in range(int(stem), int(stem) + 20)
                if rules.nhs_check_digit(f"{n:09d}") is not None)
    return nine + str(rules.nhs_check_digit(nine))


@pytest.mark.parametrize("nine", ["999000000", "999123456", "999765432"])
def test_it_accepts_an_nhs_number_with_the_right_check_digit(nine):
    number = nhs(nine)
    assert rules.nhs_number_problem(number) is None
    assert rules.nhs_number_problem(f"{number[:3]} {number[3:6]} {number[6:]}") is None


def test_it_refuses_an_nhs_number_with_the_wrong_check_digit():
    number = nhs("999123456")
    wrong = number[:9] + str((int(number[9]) + 1) % 10)
    assert "last digit" in rules.nhs_number_problem(wrong)


@pytest.mark.parametrize("value", ["12345", "99912345678", "999-abc-1234", ""])
def test_it_refuses_an_nhs_number_that_is_not_ten_digits(value):
    assert "10 digits" in rules.nhs_number_problem(value)


def test_no_check_digit_completes_a_remainder_of_ten():
    stem = next(f"999{n:06d}" for n in range(1000) if rules.nhs_check_digit(f"999{n:06d}") is None)
    for last in map(str, range(10)):
        assert rules.nhs_number_problem(stem + last) is not None


def upn(body: str) -> str:
    return rules.upn_check_letter(body) + body


def test_it_accepts_a_upn_with_the_right_check_letter():
    number = upn("900123456789")
    assert rules.upn_problem(number) is None
    assert rules.upn_problem(number.lower()) is None


def test_it_refuses_a_upn_with_the_wrong_check_letter():
    number = upn("900123456789")
    wrong = ("B" if number[0] != "B" else "C") + number[1:]
    assert "check letter" in rules.upn_problem(wrong)


@pytest.mark.parametrize("value", ["A12345", "I900123456789", "A90012345678I", "1900123456789"])
def test_it_refuses_a_upn_of_the_wrong_shape(value):
    assert "13 characters" in rules.upn_problem(value)


def test_every_relationship_has_an_inverse_and_back():
    for kind in K:
        assert rules.inverse_of(rules.inverse_of(kind)) == kind
    assert rules.inverse_of(K.PARENT_OF) == K.CHILD_OF
    assert rules.inverse_of(K.SIBLING_OF) == K.SIBLING_OF


TODAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize(
    "dates, field",
    [
        ({"date_of_birth": dt.date(2026, 11, 23)}, "date_of_birth"),
        ({"date_of_birth": dt.date(1899, 12, 31)}, "date_of_birth"),
        ({"expected_date_of_birth": dt.date(2027, 10, 1)}, "expected_date_of_birth"),
        ({"expected_date_of_birth": dt.date(2026, 10, 1)}, "expected_date_of_birth"),
        ({"date_of_birth": dt.date(2020, 1, 1), "expected_date_of_birth": dt.date(2027, 1, 1)},
         "expected_date_of_birth"),
        ({"date_of_birth": dt.date(2020, 1, 1), "date_of_death": dt.date(2019, 1, 1)},
         "date_of_death"),
        ({"date_of_death": dt.date(2026, 11, 23)}, "date_of_death"),
    ],
)
def test_it_refuses_impossible_dates(dates, field):
    values = {"date_of_birth": None, "expected_date_of_birth": None, "date_of_death": None}
    problem = rules.birth_date_problem(**(values | dates), today=TODAY)
    assert problem is not None and problem[0] == field


def test_an_unborn_child_may_have_a_future_expected_date():
    assert rules.birth_date_problem(date_of_birth=None, expected_date_of_birth=dt.date(2027, 2, 1),
                                    date_of_death=None, today=TODAY) is None


def test_today_is_a_valid_date_of_birth():
    assert rules.birth_date_problem(date_of_birth=TODAY, expected_date_of_birth=None,
                                    date_of_death=None, today=TODAY) is None


@pytest.mark.parametrize("born, on, age", [
    (dt.date(2010, 2, 28), dt.date(2026, 2, 27), 15),
    (dt.date(2010, 2, 28), dt.date(2026, 2, 28), 16),
    (dt.date(2008, 2, 29), dt.date(2026, 2, 28), 17),
    (dt.date(2008, 2, 29), dt.date(2026, 3, 1), 18),
])
def test_age_counts_whole_years(born, on, age):
    assert rules.age_on(born, on) == age


def test_sound_alike_keys_forgive_spelling_and_order():
    stored = rules.name_keys("John", "", "Smith")
    for typed in (["jonh"], ["smiht"], ["smyth"], ["jon"]):
        assert rules.token_keys(typed[0]) & stored, typed
