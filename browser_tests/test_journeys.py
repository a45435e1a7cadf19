"""The main journeys, each as the people who do them, checking what they see on the page."""

import re

from browser_tests.helpers import (
    banner,
    click_through,
    expect,
    fill_date,
    long_date,
    menu,
    open_record,
    record_tab,
    short_date,
    sign_out,
    signed_in,
    summary_value,
)
from hearth.care import rules as care_rules
from hearth.workingdays.rules import add_months


def test_mash_worker_records_a_contact_and_a_manager_decides_it(page, hearth):
    key = "j_mash"
    name, listed = hearth.child_name(key), hearth.listed_name(key)
    first, last = hearth.data["child_first_last"][key]
    concern = "Neighbour heard a child screaming late at night, three nights running."

    # The MASH worker finds the child from the queue and records the contact.
    signed_in(page, "mash_worker")
    menu(page, "Front door")
    expect(page.locator("h1")).to_have_text("MASH queue")
    click_through(page.get_by_role("link", name="Record a contact"))
    expect(page.locator("h1")).to_have_text("Record a contact: find the child")
    page.fill("#id_q", f"{first} {last}")
    click_through(page.get_by_role("button", name="Search"))
    click_through(page.get_by_role("link", name=re.compile(rf"^{re.escape(listed)}\b")).first)
    expect(page.locator("h1")).to_contain_text(name)
    expect(page.get_by_role("heading", name="Record a contact", exact=True)).to_be_visible()
    page.select_option("#id_source", "1B")
    page.fill("#id_source_detail", "Mr Evans, next-door neighbour, 07700 900123")
    page.fill("#id_concern", concern)
    page.get_by_label("Consent given", exact=True).check()
    click_through(page.get_by_role("button", name="Record the contact"))
    expect(banner(page)).to_contain_text("The contact was recorded. The decision is due by")
    expect(summary_value(page, "Concern")).to_have_text(concern)
    expect(summary_value(page, "RAG rating")).to_contain_text("Not rated")

    # It waits in the MASH queue.
    click_through(page.get_by_role("link", name="MASH queue"))
    row = page.locator("tbody tr", has_text=listed)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Not rated")
    expect(row).to_contain_text("Individual: acquaintance")
    sign_out(page)

    # The manager opens it from the queue and decides: a referral.
    signed_in(page, "mash_manager")
    menu(page, "Front door")
    click_through(page.locator("tbody tr", has_text=listed).get_by_role("link", name=listed))
    click_through(page.get_by_role("link", name="Decide", exact=True))
    expect(page.get_by_role("heading", name=re.compile("^Decide what happens to the contact")))\
        .to_be_visible()
    page.get_by_label("Red: act today").check()
    page.get_by_label("Referral to children's social care").check()
    page.select_option("#id_primary_need", "N1")
    page.fill("#id_decision_reason", "Repeated night-time distress: needs a social work "
                                     "assessment.")
    click_through(page.get_by_role("button", name="Record the decision"))
    expect(banner(page)).to_contain_text("The decision was recorded: referral to children's "
                                         "social care. A referral was recorded on")
    expect(summary_value(page, "Decision")).to_contain_text("Referral to children's social care")
    expect(summary_value(page, "Decision")).to_contain_text("In time")
    expect(summary_value(page, "RAG rating")).to_contain_text("Red")

    # The child's front door record shows the open referral, from this contact.
    record_tab(page, "Front door")
    referrals = page.locator("table", has=page.locator("caption", has_text="Referrals of"))
    expect(referrals.locator("tbody tr")).to_have_count(1)
    expect(referrals).to_contain_text("Open")
    expect(referrals).to_contain_text("N1: Abuse or neglect")
    expect(referrals).to_contain_text("From the contact of")
    # ... and the queue no longer holds it.
    menu(page, "Front door")
    expect(page.locator("tbody tr", has_text=listed)).to_have_count(0)


def test_referral_through_assessment_and_child_protection_to_a_plan(page, hearth):
    key, today = "j_referral_to_plan", hearth.today
    name = hearth.child_name(key)

    # The social worker records the referral and takes the assessment to completion.
    signed_in(page, "social_worker")
    open_record(page, key)
    record_tab(page, "Front door")
    expect(page.get_by_text(f"{name} has not been referred.")).to_be_visible()
    click_through(page.get_by_role("link", name="Record a referral"))
    fill_date(page, "referral_date", today)
    page.select_option("#id_source", "6")
    page.select_option("#id_primary_need", "N1")
    click_through(page.get_by_role("button", name="Record the referral"))
    expect(banner(page)).to_contain_text("The referral was recorded")
    expect(page.locator("table", has=page.locator("caption", has_text="Referrals of")))\
        .to_contain_text("Open")

    record_tab(page, "Assessments")
    expect(page.get_by_text("No assessments yet.")).to_be_visible()
    click_through(page.get_by_role("link", name="Start an assessment"))
    expect(page.get_by_label(re.compile(rf"Referral of {long_date(today)}"))).to_be_checked()
    click_through(page.get_by_role("button", name="Start the assessment"))
    expect(banner(page)).to_contain_text("The assessment was started. It is due to be "
                                         "authorised by")
    expect(summary_value(page, "Completed")).to_have_text("Not yet")

    click_through(page.get_by_role("link", name="Update the assessment"))
    fill_date(page, "child_seen_on", today)
    page.get_by_label("The child was seen alone").check()
    page.get_by_label("Neglect", exact=True).check()
    fill_date(page, "completed_on", today)
    click_through(page.get_by_role("button", name="Save the assessment"))
    expect(banner(page)).to_contain_text("The assessment was saved")
    expect(summary_value(page, "Completed")).to_have_text(long_date(today))
    expect(summary_value(page, "Factors identified")).to_contain_text("Neglect")
    expect(page.get_by_role("link", name="Authorise", exact=True)).to_have_count(0)
    sign_out(page)

    # The team manager authorises it: the outcome is a strategy discussion, which they hold.
    signed_in(page, "team_manager")
    open_record(page, key)
    record_tab(page, "Assessments")
    expect(page.locator("tbody tr").first).to_contain_text("awaiting authorisation")
    click_through(page.get_by_role("link", name=re.compile("^Authorise the assessment started")))
    page.get_by_label("Strategy discussion", exact=True).check()
    click_through(page.get_by_role("button", name="Authorise", exact=True))
    # (The banner should name the outcome: see test_authorising_names_the_outcome.)
    expect(banner(page)).to_contain_text("The assessment was authorised")
    expect(summary_value(page, "Outcome")).to_have_text("Strategy discussion")
    expect(page.locator(".govuk-inset-text")).to_contain_text("The outcome is a strategy "
                                                              "discussion")
    expect(summary_value(page, "Authorised")).to_contain_text(
        f"{long_date(today)} by {hearth.user_name('team_manager')}")

    record_tab(page, "Child protection")
    expect(page.get_by_text(f"{name} is not on a child protection plan.")).to_be_visible()
    click_through(page.get_by_role("link", name="Record a strategy discussion"))
    page.get_by_label(re.compile(rf"Referral of {long_date(today)}")).check()
    fill_date(page, "held_on", today)
    page.get_by_label("Start a section 47 enquiry").check()
    page.select_option("#id_p0_agency", "police")
    page.fill("#id_p0_name", "DC Amy Clarke")
    page.fill("#id_p0_role", "Investigating officer")
    page.select_option("#id_p1_agency", "health")
    page.fill("#id_p1_name", "Nurse Dev Shah")
    click_through(page.get_by_role("button", name="Save the discussion"))
    expect(banner(page)).to_contain_text("The strategy discussion was recorded")
    enquiries = page.locator("table", has=page.locator("caption",
                                                       has_text="Section 47 enquiries"))
    expect(enquiries.locator("tbody tr")).to_have_count(1)
    expect(enquiries).to_contain_text("Open")
    discussions = page.locator("table", has=page.locator("caption",
                                                         has_text="Strategy discussions"))
    expect(discussions).to_contain_text("Start a section 47 enquiry")
    expect(discussions).to_contain_text("DC Amy Clarke")

    click_through(page.get_by_role("link", name="Record the enquiry's outcome"))
    page.locator("input[name=outcome][value=continuing_risk]").check()
    fill_date(page, "completed_on", today)
    page.locator("input[name=icpc_required][value=yes]").check()
    click_through(page.get_by_role("button", name="Save the outcome"))
    expect(banner(page)).to_contain_text("The outcome of the enquiry was recorded")
    expect(page.locator(".govuk-inset-text")).to_contain_text(
        "An initial child protection conference is needed: due by")
    expect(enquiries).to_contain_text("Needed")
    sign_out(page)

    # The IRO chairs the initial conference, which makes a plan.
    signed_in(page, "iro")
    open_record(page, key)
    record_tab(page, "Child protection")
    click_through(page.get_by_role("link", name="Record the initial conference"))
    fill_date(page, "held_on", today)
    page.select_option("#id_chair", label=hearth.user_name("iro"))
    page.get_by_label("In person").check()
    page.get_by_label("A child protection plan", exact=True).check()
    page.get_by_label("Neglect", exact=True).check()
    page.select_option("#id_p0_agency", "police")
    page.fill("#id_p0_name", "DC Amy Clarke")
    page.check("#id_p0_invited")
    page.check("#id_p0_attended")
    page.select_option("#id_p1_agency", "education")
    page.fill("#id_p1_name", "Ms Jo Reed")
    page.check("#id_p1_invited")
    page.check("#id_p1_contributed")
    click_through(page.get_by_role("button", name="Save the conference"))
    expect(banner(page)).to_contain_text("The initial conference was recorded")
    expect(summary_value(page, "Started")).to_contain_text(short_date(today))
    expect(summary_value(page, "Category of abuse")).to_have_text("Neglect")
    expect(page.get_by_text("No visits yet.")).to_be_visible()
    sign_out(page)

    # The social worker records the first visit under the plan.
    signed_in(page, "social_worker")
    open_record(page, key)
    record_tab(page, "Child protection")
    click_through(page.get_by_role("link", name="Record a visit"))
    expect(page.locator("#id_visited_on_0")).to_have_value(str(today.day))
    page.get_by_label("The child was seen", exact=True).check()
    page.get_by_label("The child was seen alone").check()
    page.get_by_label("The child's bedroom was seen").check()
    page.fill("#id_note", "Seen at home; bedroom clean and warm.")
    click_through(page.get_by_role("button", name="Save the visit"))
    expect(banner(page)).to_contain_text("The visit was recorded")

    # The plan on the Child protection tab: the visit, and when the next things are due.
    visits = page.locator("table", has=page.locator("caption",
                                                    has_text="Visits under the current plan"))
    expect(visits.locator("tbody tr")).to_have_count(1)
    expect(visits.locator("tbody tr")).to_contain_text(short_date(today))
    expect(visits.locator("tbody tr")).to_contain_text(hearth.user_name("social_worker"))
    for key_name in ("Next visit", "Next core group", "Next review conference"):
        due = summary_value(page, key_name)
        expect(due).not_to_contain_text("Nothing due")
        expect(due).to_have_text(re.compile(r"^\d{1,2} \w{3} \d{4} .+"))
        expect(due.locator(".govuk-tag")).to_have_count(1)
    initial = page.locator("table", has=page.locator(
        "caption", has_text="Initial child protection conferences"))
    expect(initial).to_contain_text("A child protection plan (neglect)")
    expect(initial).to_contain_text("In time")


def test_team_manager_authorises_an_assessment_and_reallocates_the_child(page, hearth):
    key, today = "j_authorise_allocate", hearth.today
    name = hearth.child_name(key)
    new_worker = hearth.data["another_worker"]["name"]
    team = hearth.data["teams"]["main_name"]

    signed_in(page, "team_manager")
    open_record(page, key)
    record_tab(page, "Assessments")
    click_through(page.get_by_role("link", name=re.compile("^Authorise the assessment started")))
    expect(page.get_by_role("heading", name="Authorise the assessment")).to_be_visible()
    page.get_by_label("Child in need plan", exact=True).check()
    click_through(page.get_by_role("button", name="Authorise", exact=True))
    expect(banner(page)).to_contain_text("The assessment was authorised")
    expect(summary_value(page, "Outcome")).to_have_text("Child in need plan")
    expect(page.get_by_role("link", name="Start the child in need plan")).to_be_visible()
    expect(page.get_by_role("link", name="Update the assessment")).to_have_count(0)
    record_tab(page, "Assessments")
    expect(page.locator("tbody tr").first).to_contain_text(
        f"{short_date(today)} by {hearth.user_name('team_manager')}")

    # Reallocation: from the record's summary, to another worker in the team.
    record_tab(page, "Summary")
    was = hearth.data["allocated_worker"][key]
    expect(page.locator(".hearth-identity")).to_contain_text(f"{was}, {team}")
    click_through(page.get_by_role("link", name="Allocate", exact=True))
    expect(page.locator("h1")).to_have_text("Allocate a team and worker")
    expect(page.get_by_text(f"Now: {was}, {team} since")).to_be_visible()
    page.select_option("#id_worker", label=f"{new_worker} ({team})")
    fill_date(page, "start_date", today)
    page.fill("#id_reason", "Caseload balancing after authorisation")
    click_through(page.get_by_role("button", name="Allocate", exact=True))
    expect(banner(page)).to_contain_text(f"{name} was allocated")
    expect(page.locator(".hearth-identity")).to_contain_text(f"{new_worker}, {team}")

    # The allocation shows on the team's caseload too.
    page.goto(f"/teams/{hearth.data['teams']['main']}/")
    expect(page.locator("tbody tr", has_text=hearth.listed_name(key)).first)\
        .to_contain_text(new_worker)


def test_authorising_names_the_outcome(page, hearth):
    signed_in(page, "team_manager")
    open_record(page, "j_authorise_banner")
    record_tab(page, "Assessments")
    click_through(page.get_by_role("link", name=re.compile("^Authorise the assessment started")))
    page.get_by_label("No further action", exact=True).check()
    click_through(page.get_by_role("button", name="Authorise", exact=True))
    expect(summary_value(page, "Outcome")).to_have_text("No further action")
    expect(banner(page)).to_contain_text(
        "The assessment was authorised with the outcome 'No further action'", timeout=1000)


def test_a_child_comes_into_care_is_visited_and_has_the_first_review(page, hearth):
    key, today = "j_care", hearth.today
    name = hearth.child_name(key)

    # The social worker takes the child into care, in a foster placement, and visits.
    signed_in(page, "social_worker")
    open_record(page, key)
    record_tab(page, "Children in care")
    expect(page.get_by_text(f"{name} has not been looked after.")).to_be_visible()
    click_through(page.get_by_role("link", name="Start a period of care"))
    expect(page.locator("#id_started_on_0")).to_have_value(str(today.day))
    page.select_option("#id_legal_status", "C1")
    page.select_option("#id_category_of_need", "N1")
    page.select_option("#id_placement_type", "U6")
    page.select_option("#id_provider_type", "PR1")
    page.locator("input[name=provision][value=registered]").check()
    page.fill("#id_placement_postcode", "zz1 1aa")
    page.fill("#id_urn", "XXXXXXX")
    click_through(page.get_by_role("button", name="Start the period of care"))
    expect(banner(page)).to_contain_text(f"{name} is now looked after")
    expect(page.get_by_role("heading", name=f"Looked after from {long_date(today)}"))\
        .to_be_visible()
    expect(summary_value(page, "IRO")).to_contain_text("Not allocated")
    expect(page.get_by_text("No reviews yet.")).to_be_visible()
    first_review = summary_value(page, "Next review due")
    expect(first_review).to_contain_text("First CLA review within 20 WD")

    click_through(page.get_by_role("link", name="Record a visit"))
    expect(page.locator("#id_visited_on_0")).to_have_value(str(today.day))
    page.locator("input[name=child_seen][value=yes]").check()
    page.get_by_label("The child was seen alone").check()
    page.fill("#id_note", "Settling in with the foster carers.")
    click_through(page.get_by_role("button", name="Record a visit"))
    expect(banner(page)).to_contain_text("The visit was recorded")
    visits = page.locator("table", has=page.locator("caption", has_text="Visits in the period"))
    expect(visits.locator("tbody tr")).to_have_count(1)
    expect(visits.locator("tbody tr")).to_contain_text(short_date(today))
    expect(visits.locator("tbody tr")).to_contain_text(hearth.user_name("social_worker"))
    sign_out(page)

    # The IRO chairs and records the first looked-after review: in time, and the next one is
    # due within 3 months of it.
    signed_in(page, "iro")
    open_record(page, key)
    record_tab(page, "Children in care")
    click_through(page.get_by_role("link", name="Record a review"))
    expect(page.locator("#id_held_on_0")).to_have_value(str(today.day))
    page.locator("input[name=participation][value=PN1]").check()
    page.fill("#id_note", "The placement meets the child's needs and continues.")
    click_through(page.get_by_role("button", name="Record a looked-after review"))
    expect(banner(page)).to_contain_text("The review was recorded")
    reviews = page.locator("table", has=page.locator("caption", has_text="Reviews of the period"))
    expect(reviews.locator("tbody tr")).to_have_count(1)
    expect(reviews.locator("tbody tr")).to_contain_text(short_date(today))
    expect(reviews.locator("tbody tr")).to_contain_text("In time")
    expect(reviews.locator("tbody tr")).to_contain_text(hearth.user_name("iro"))
    next_review = summary_value(page, "Next review due")
    expect(next_review).to_contain_text(
        short_date(add_months(today, care_rules.SECOND_REVIEW_MONTHS)))
    expect(next_review).to_contain_text("Second CLA review within 3 months")


def test_an_analyst_exports_the_census_and_opens_the_scorecard(page, hearth):
    import xml.etree.ElementTree as ET

    signed_in(page, "performance_analyst")
    menu(page, "Returns")
    expect(page.locator("h1")).to_have_text("Children in need census")
    page.select_option("#id_year", "2025")
    click_through(page.get_by_role("button", name="Check the census"))
    # The build runs in the background worker; its page follows the progress and shows the
    # outcome when it is done.
    click_through(page.get_by_role("button", name="Build and check the census"))
    expect(page.locator("h1")).to_have_text("Build of the children in need census")
    expect(page.locator(".govuk-panel__title")).to_have_text("Built", timeout=120_000)
    click_through(page.get_by_role("link", name="See the failures"))
    children = int(summary_value(page, "Children").inner_text().replace(",", ""))
    assert children > 0
    expect(summary_value(page, "Rules run")).to_contain_text("109")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("^Download the census XML")).click()
    census = ET.parse(download.value.path()).getroot()  # noqa: S314 - the file Hearth just wrote
    assert len(census.find("Children")) == children

    # The scorecard: the committee's layout, figures computed from the same records.
    menu(page, "Scorecard")
    expect(page.locator("h1")).to_contain_text("Children's Services scorecard")
    row = page.locator("#row-pi432")
    expect(row).to_contain_text("PI.432")
    expect(row).to_contain_text("70 Top Quartile LAIT Annual Figure")
    expect(page.locator("#row-pi120")).to_contain_text("(168 / 7,663)")  # entered by hand
    click_through(page.get_by_role("button", name="Recompute figures from the records"))
    expect(banner(page)).to_contain_text("figures were computed for the last 3 financial years")

    # The committee report opens as a page and downloads as a Word document.
    click_through(page.get_by_role("link", name=re.compile("committee report$")))
    expect(page.locator("h1")).to_contain_text("Corporate Quarterly Performance Report")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as a Word document").click()
    assert download.value.suggested_filename.endswith(".docx")
