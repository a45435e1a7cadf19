"""The pure rules at their boundaries, with the bank holidays of Christmas and Easter."""

import datetime as dt

import pytest

from hearth.care import rules
from hearth.care.tests.factories import timescales_calendar
from hearth.core.errors import DomainError
from hearth.workingdays.rules import LONDON

D = dt.date
CAL = timescales_calendar()


class TestFirstReview:
    def test_twenty_working_days_across_christmas(self):
        # Fri 4 Dec 2026: 25 and 28 December and 1 January are bank holidays.
        assert rules.review_due_on(period_started_on=D(2026, 12, 4), reviews_held=0,
                                   last_review_on=None, calendar=CAL) == D(2027, 1, 6)

    def test_twenty_working_days_across_easter(self):
        # Wed 1 Apr 2026: Good Friday 3 April and Easter Monday 6 April are not counted.
        assert rules.review_due_on(period_started_on=D(2026, 4, 1), reviews_held=0,
                                   last_review_on=None, calendar=CAL) == D(2026, 5, 1)

    def test_a_period_starting_on_a_bank_holiday_counts_from_the_next_working_day(self):
        # Easter Monday 2026: day 1 is Tue 7 April; Mon 4 May is a bank holiday too, so day
        # 20 is Tue 5 May.
        assert rules.review_due_on(period_started_on=D(2026, 4, 6), reviews_held=0,
                                   last_review_on=None, calendar=CAL) == D(2026, 5, 5)

    def test_rule_names_the_clock(self):
        assert rules.review_rule(0) == "First CLA review within 20 WD v1"


class TestLaterReviews:
    def test_second_review_within_three_months_of_the_first(self):
        assert rules.review_due_on(period_started_on=D(2026, 1, 5), reviews_held=1,
                                   last_review_on=D(2026, 2, 2), calendar=CAL) == D(2026, 5, 2)

    def test_three_months_from_the_31st_end_on_the_last_day_of_a_shorter_month(self):
        assert rules.review_due_on(period_started_on=D(2026, 8, 1), reviews_held=1,
                                   last_review_on=D(2026, 8, 31), calendar=CAL) == D(2026, 11, 30)

    def test_third_and_later_reviews_within_six_months(self):
        assert rules.review_due_on(period_started_on=D(2026, 1, 5), reviews_held=2,
                                   last_review_on=D(2026, 8, 31), calendar=CAL) == D(2027, 2, 28)
        assert rules.review_due_on(period_started_on=D(2026, 1, 5), reviews_held=5,
                                   last_review_on=D(2026, 6, 25), calendar=CAL) == D(2026, 12, 25)

    def test_a_month_clock_is_not_moved_off_christmas_day(self):
        due = rules.review_due_on(period_started_on=D(2026, 1, 5), reviews_held=1,
                                  last_review_on=D(2026, 9, 25), calendar=CAL)
        assert due == D(2026, 12, 25)

    def test_rules_name_the_clock(self):
        assert rules.review_rule(1) == "Second CLA review within 3 months v1"
        assert rules.review_rule(4) == "CLA review within 6 months v1"


class TestIroClock:
    def test_48_hours_from_recording_when_the_child_became_looked_after_today(self):
        recorded = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.UTC)
        due = rules.iro_due_at(started_on=D(2026, 6, 1), recorded_at=recorded)
        assert due == dt.datetime(2026, 6, 3, 9, 0, tzinfo=dt.UTC)

    def test_a_late_entry_counts_from_the_start_of_the_day_in_care(self):
        recorded = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.UTC)
        due = rules.iro_due_at(started_on=D(2026, 5, 29), recorded_at=recorded)
        assert due == dt.datetime(2026, 5, 31, 0, 0, tzinfo=LONDON)

    def test_hours_run_through_good_friday_and_the_weekend(self):
        recorded = dt.datetime(2026, 4, 3, 16, 0, tzinfo=dt.UTC)  # Good Friday, 17:00 BST
        due = rules.iro_due_at(started_on=D(2026, 4, 3), recorded_at=recorded)
        assert due == dt.datetime(2026, 4, 5, 16, 0, tzinfo=dt.UTC)

    def test_hours_run_through_christmas(self):
        recorded = dt.datetime(2026, 12, 24, 15, 0, tzinfo=dt.UTC)
        due = rules.iro_due_at(started_on=D(2026, 12, 24), recorded_at=recorded)
        assert due.astimezone(LONDON) == dt.datetime(2026, 12, 26, 15, 0, tzinfo=LONDON)

    def test_exactly_48_real_hours_across_the_end_of_summer_time(self):
        recorded = dt.datetime(2026, 10, 24, 11, 0, tzinfo=dt.UTC)  # 12:00 BST
        due = rules.iro_due_at(started_on=D(2026, 10, 24), recorded_at=recorded)
        assert due - recorded == dt.timedelta(hours=48)
        assert due.astimezone(LONDON).hour == 11  # 11:00 GMT on Monday 26 October


class TestVisits:
    def test_within_a_week_of_the_placement(self):
        assert rules.visit_due_on(placement_started_on=D(2026, 6, 1), last_seen_on=None,
                                  intended_until_18=False) == D(2026, 6, 8)

    def test_a_visit_before_the_placement_does_not_count_for_it(self):
        assert rules.visit_due_on(placement_started_on=D(2026, 6, 1),
                                  last_seen_on=D(2026, 5, 31),
                                  intended_until_18=True) == D(2026, 6, 8)

    def test_a_visit_on_the_placement_day_counts(self):
        assert rules.visit_due_on(placement_started_on=D(2026, 6, 1), last_seen_on=D(2026, 6, 1),
                                  intended_until_18=False) == D(2026, 7, 13)

    def test_every_six_weeks_in_the_first_year(self):
        assert rules.visit_due_on(placement_started_on=D(2025, 6, 1),
                                  last_seen_on=D(2026, 5, 31),
                                  intended_until_18=True) == D(2026, 7, 12)

    def test_every_three_months_after_the_first_year_when_intended_until_18(self):
        assert rules.visit_due_on(placement_started_on=D(2025, 6, 1),
                                  last_seen_on=D(2026, 6, 1),
                                  intended_until_18=True) == D(2026, 9, 1)
        assert rules.visit_rule(placement_started_on=D(2025, 6, 1), last_seen_on=D(2026, 6, 1),
                                intended_until_18=True) == (
            "CLA visit every 3 months (placement to 18) v1")

    def test_still_six_weeks_after_the_first_year_otherwise(self):
        assert rules.visit_due_on(placement_started_on=D(2025, 6, 1),
                                  last_seen_on=D(2026, 6, 1),
                                  intended_until_18=False) == D(2026, 7, 13)

    def test_a_week_clock_is_not_moved_off_christmas_or_easter(self):
        assert rules.visit_due_on(placement_started_on=D(2026, 12, 18), last_seen_on=None,
                                  intended_until_18=False) == D(2026, 12, 25)
        assert rules.visit_due_on(placement_started_on=D(2026, 3, 27), last_seen_on=None,
                                  intended_until_18=False) == D(2026, 4, 3)


class TestPostcodes:
    @pytest.mark.parametrize("typed, stored", [("b11aa", "B1 1AA"), (" sw1a  1aa ", "SW1A 1AA"),
                                               ("ZZ9 9ZZ", "ZZ9 9ZZ")])
    def test_normalised(self, typed, stored):
        assert rules.normalise_postcode(typed) == stored

    @pytest.mark.parametrize("value", ["B1", "1AA B1", "BB11 1AA1", "B1 AA1"])
    def test_not_a_uk_postcode(self, value):
        with pytest.raises(DomainError, match="as a UK postcode"):
            rules.ensure_postcode(rules.normalise_postcode(value), field="placement_postcode",
                                  what="postcode of the placement")


def placement(**overrides):
    values = {"placement_type": "U6", "provider_type": "PR1", "provision": "registered",
              "placement_postcode": "ZZ1 1AA", "home_postcode": "", "urn": "XXXXXXX",
              "legal_status": "C2", "age": 9, "head_of_service_agreed": False}
    rules.ensure_placement(**(values | overrides))


class TestPlacement:
    def test_an_ordinary_foster_placement(self):
        placement()

    def test_supported_accommodation_at_15_needs_the_head_of_service(self):
        supported = {"placement_type": "K3", "provider_type": "PR4", "provision": "supported",
                     "urn": "SC123456"}
        with pytest.raises(DomainError, match="under 16 cannot be placed") as error:
            placement(**supported, age=15)
        assert error.value.field == "head_of_service_agreed"
        placement(**supported, age=15, head_of_service_agreed=True)
        placement(**supported, age=16)

    @pytest.mark.parametrize("provision, age, needed", [
        ("registered", 12, False), ("supported", 15, True), ("supported", 16, False),
        ("unregistered", 17, True), ("unregulated", 16, True), ("supported", None, False)])
    def test_which_placements_need_sign_off(self, provision, age, needed):
        assert rules.needs_sign_off(provision=provision, age=age) is needed

    def test_youth_justice_status_from_the_age_of_10(self):
        with pytest.raises(DomainError, match="under 10"):
            placement(legal_status="J1", age=9)
        placement(legal_status="J1", age=10)

    @pytest.mark.parametrize("place, provider, message", [
        ("T1", "PR1", "has no placement provider"),
        ("U6", "", "Choose the placement provider"),
        ("U6", "PR0", "provided by the parents"),
        ("P1", "PR4", "provided by the parents"),
        ("R2", "PR2", "cannot be provided by a local authority"),
    ])
    def test_provider_rules(self, place, provider, message):
        with pytest.raises(DomainError, match=message):
            placement(placement_type=place, provider_type=provider, urn="")

    def test_urn_rules(self):
        with pytest.raises(DomainError, match="Enter the placement's Ofsted URN"):
            placement(urn="")
        with pytest.raises(DomainError, match="SC and 6 digits"):
            placement(urn="AB12")
        with pytest.raises(DomainError, match="only for foster and adoptive"):
            placement(placement_type="K2", provider_type="PR4", urn="XXXXXXX")
        with pytest.raises(DomainError, match="has no Ofsted URN"):
            placement(placement_type="P1", provider_type="PR0", urn="SC123456")
        placement(placement_type="K2", provider_type="PR4", urn="1234567")


class TestPeriodStart:
    def start(self, **overrides):
        values = {"started_on": D(2026, 6, 1), "today": D(2026, 6, 1),
                  "open_period_started_on": None, "last_period_ended_on": None,
                  "date_of_birth": D(2017, 3, 10)}
        rules.ensure_period_can_start(**(values | overrides))

    def test_today_is_allowed_tomorrow_is_not(self):
        self.start()
        with pytest.raises(DomainError, match="today or in the past"):
            self.start(started_on=D(2026, 6, 2))

    def test_two_open_periods_are_refused(self):
        with pytest.raises(DomainError, match="looked after since 4 May 2026"):
            self.start(open_period_started_on=D(2026, 5, 4))

    def test_a_new_period_starts_no_earlier_than_the_last_one_ended(self):
        with pytest.raises(DomainError, match="before the last one ended on 1 June 2026"):
            self.start(started_on=D(2026, 5, 31), last_period_ended_on=D(2026, 6, 1))
        self.start(last_period_ended_on=D(2026, 6, 1))

    def test_not_before_birth(self):
        with pytest.raises(DomainError, match="before they were born"):
            self.start(date_of_birth=D(2026, 6, 2), started_on=D(2026, 6, 1))


class TestEpisodeChange:
    def change(self, **overrides):
        values = {"changed_on": D(2026, 6, 1), "today": D(2026, 6, 1), "period_ended_on": None,
                  "episode_started_on": D(2026, 5, 4), "legal_status_changed": False,
                  "placement_changed": True, "reason_place_change": "CARPL"}
        rules.ensure_episode_change(**(values | overrides))

    def test_on_the_day_the_episode_began_is_allowed_the_day_before_is_not(self):
        self.change(changed_on=D(2026, 5, 4))
        with pytest.raises(DomainError, match="before the current episode began on 4 May"):
            self.change(changed_on=D(2026, 5, 3))

    def test_not_in_the_future(self):
        with pytest.raises(DomainError, match="today or in the past"):
            self.change(changed_on=D(2026, 6, 2))

    def test_not_after_the_period_ended(self):
        with pytest.raises(DomainError, match="cannot start after it"):
            self.change(period_ended_on=D(2026, 5, 20))

    def test_something_must_change(self):
        with pytest.raises(DomainError, match="Nothing has changed"):
            self.change(placement_changed=False, reason_place_change="")

    def test_a_placement_change_needs_its_reason_and_only_it_has_one(self):
        with pytest.raises(DomainError, match="reason for the change of placement"):
            self.change(reason_place_change="")
        with pytest.raises(DomainError, match="leave it blank"):
            self.change(placement_changed=False, legal_status_changed=True)

    @pytest.mark.parametrize("status, place, same, rne", [
        (True, False, False, "L"), (False, True, False, "P"), (False, True, True, "T"),
        (True, True, False, "B"), (True, True, True, "U"), (True, False, True, "L")])
    def test_reason_for_new_episode(self, status, place, same, rne):
        assert rules.reason_new_episode(legal_status_changed=status, placement_changed=place,
                                        same_carers=same) == rne


class TestEndAndReviews:
    def end(self, **overrides):
        values = {"ended_on": D(2026, 6, 1), "today": D(2026, 6, 1), "period_ended_on": None,
                  "episode_started_on": D(2026, 5, 4), "last_activity_on": None,
                  "reason": "E4A", "placement_type": "U6"}
        rules.ensure_care_can_end(**(values | overrides))

    def test_ending_care(self):
        self.end()
        self.end(ended_on=D(2026, 5, 4))
        with pytest.raises(DomainError, match="before the current episode began"):
            self.end(ended_on=D(2026, 5, 3))
        with pytest.raises(DomainError, match="before the last review or visit on 20 May"):
            self.end(ended_on=D(2026, 5, 19), last_activity_on=D(2026, 5, 20))
        with pytest.raises(DomainError, match="Choose why"):
            self.end(reason="X1")
        with pytest.raises(DomainError, match="foster placement"):
            self.end(reason="E45", placement_type="K2")
        with pytest.raises(DomainError, match="already ended"):
            self.end(period_ended_on=D(2026, 5, 30))

    def test_reviews_in_order_and_inside_the_period(self):
        fits = {"today": D(2026, 6, 1), "period_started_on": D(2026, 5, 4),
                "period_ended_on": None, "last_review_on": D(2026, 5, 20)}
        rules.ensure_review_fits(held_on=D(2026, 5, 21), **fits)
        with pytest.raises(DomainError, match="after the last review on 20 May 2026"):
            rules.ensure_review_fits(held_on=D(2026, 5, 20), **fits)
        with pytest.raises(DomainError, match="before the child became looked after"):
            rules.ensure_review_fits(held_on=D(2026, 5, 3), **fits | {"last_review_on": None})

    @pytest.mark.parametrize("code, age, ok", [
        ("PN0", 3, True), ("PN1", 3, False), ("PN0", 4, False), ("PN1", 4, True),
        ("PN7", None, True)])
    def test_participation_pn0_only_under_4(self, code, age, ok):
        if ok:
            rules.ensure_participation_fits(participation=code, age=age)
        else:
            with pytest.raises(DomainError, match="PN0"):
                rules.ensure_participation_fits(participation=code, age=age)
