"""Referral to a child protection plan with the keyboard alone: Tab, arrows, Space, Enter and
typing. No clicks; the only addresses typed are the sign-in page's."""

from browser_tests.helpers import PASSWORD, REPORT, Keyboard, banner, expect, summary_value


def test_referral_to_plan_by_keyboard_only(page, hearth):
    key, today = "j_keyboard", hearth.today
    first, last = hearth.data["child_first_last"][key]
    keys = Keyboard(page)

    def sign_in(role: str) -> None:
        page.goto("/sign-in/")
        keys.type_into("id_username", hearth.username(role))
        keys.type_into("id_password", PASSWORD)
        keys.submit("Sign in")
        expect(page.locator(".hearth-header__name")).to_have_text(hearth.user_name(role))

    def open_the_child() -> None:
        keys.type_into("home-search", f"{first} {last}")
        with page.expect_navigation():
            keys.press("Enter")
        keys.follow(hearth.listed_name(key), exact=True)
        expect(page.locator("h1")).to_contain_text(hearth.child_name(key))

    # Social worker: the referral, then the assessment to completion.
    sign_in("social_worker")
    open_the_child()
    keys.follow_tab("Front door")
    keys.follow("Record a referral")
    keys.date("referral_date", today)
    keys.select("id_source", "6")
    keys.select("id_primary_need", "N1")
    keys.submit("Record the referral")
    expect(banner(page)).to_contain_text("The referral was recorded")

    keys.follow_tab("Assessments")
    keys.follow("Start an assessment")
    keys.choose_radio("referral")
    keys.choose_radio("kind", "new")
    keys.date("started_on", today)
    keys.submit("Start the assessment")
    expect(banner(page)).to_contain_text("The assessment was started")

    keys.follow("Update the assessment")
    keys.date("child_seen_on", today)
    keys.tick("id_seen_alone")
    keys.tick_value("factors", "16A")
    keys.date("completed_on", today)
    keys.submit("Save the assessment")
    expect(banner(page)).to_contain_text("The assessment was saved")
    keys.submit("Sign out")

    # Team manager: authorises it, holds the strategy discussion, records the enquiry's end.
    sign_in("team_manager")
    open_the_child()
    keys.follow_tab("Assessments")
    keys.follow("Authorise the assessment started")
    keys.choose_radio("outcome", "strategy_discussion")
    keys.submit("Authorise")
    expect(summary_value(page, "Outcome")).to_have_text("Strategy discussion")

    keys.follow_tab("Child protection")
    keys.follow("Record a strategy discussion")
    keys.choose_radio("referral")
    keys.date("held_on", today)
    keys.choose_radio("decision", "section_47")
    keys.select("id_p0_agency", "police")
    keys.type_into("id_p0_name", "DC Amy Clarke")
    keys.submit("Save the discussion")
    expect(banner(page)).to_contain_text("The strategy discussion was recorded")

    keys.follow("Record the enquiry's outcome")
    keys.choose_radio("outcome", "continuing_risk")
    keys.date("completed_on", today)
    keys.choose_radio("icpc_required", "yes")
    keys.submit("Save the outcome")
    expect(banner(page)).to_contain_text("The outcome of the enquiry was recorded")
    keys.submit("Sign out")

    # IRO: the initial conference decides on a plan.
    sign_in("iro")
    open_the_child()
    keys.follow_tab("Child protection")
    keys.follow("Record the initial conference")
    keys.date("held_on", today)
    keys.select("id_chair", str(hearth.data["user_pks"]["iro"]))
    keys.choose_radio("conference_format", "virtual")
    keys.choose_radio("outcome", "plan")
    keys.choose_radio("category", "EMO")
    keys.select("id_p0_agency", "police")
    keys.type_into("id_p0_name", "DC Amy Clarke")
    keys.tick("id_p0_invited")
    keys.tick("id_p0_attended")
    keys.submit("Save the conference")
    expect(banner(page)).to_contain_text("The initial conference was recorded")
    expect(summary_value(page, "Category of abuse")).to_have_text("Emotional abuse")
    for due in ("Next visit", "Next core group", "Next review conference"):
        expect(summary_value(page, due)).not_to_contain_text("Nothing due")
    REPORT.append(f"Keyboard-only referral to plan: {keys.presses} key presses, no clicks")
