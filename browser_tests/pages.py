"""Every page Hearth has, in one place, for the accessibility sweep (test_accessibility.py).

Each entry is a route of the URLconf (its name, as hearth/core/tests/urlwalk.py `all_routes()`
gives it) with a path whose {placeholders} the scenario fills in (browser_tests/scenario.py:
`children` by key, and `ids`), the persona who opens it, and the state it shows: the page as it
opens, its form's error state (the form emptied and submitted), an empty list, or a case with
nothing to do. test_every_route_is_listed fails when a route is missing here, so a new page
joins the sweep when it joins the URLconf.
"""

from __future__ import annotations

from dataclasses import dataclass

TM, SW, SM = "team_manager", "social_worker", "service_manager"
IRO, BS, ADMIN = "iro", "business_support", "system_administrator"
ANONYMOUS = None

# Routes that are not pages a person reads, and why.
NOT_PAGES = {
    "logout": "POST only: signs out and redirects (every journey signs out through it)",
    "api_schema": "the OpenAPI document (YAML), not a page",
    "performance:report_word": "a Word document (read back in hearth/performance/tests)",
    "returns:return_job_download": "a built return's file, a download, not a page",
    "returns:return_job_status": "the JSON status the job page's script asks for",
    "returns:annex_a_download": "the Annex A workbook (Excel), a download, not a page",
    "governance:tracker_word": "a Word document (read back in hearth/governance/tests)",
    "governance:self_evaluation_word": "a Word document (read back in hearth/governance/tests)",
}
NOT_PAGE_PREFIXES = {
    "drafts:": "the form script's draft endpoints answer JSON (browser_tests/test_drafts.py)",
    "api:": "the REST API answers JSON, not pages",
}


@dataclass(frozen=True)
class Page:
    route: str
    path: str
    persona: str | None = TM
    state: str = "page"
    # Empty every field of the page's POST form, submit it, and check the error state.
    submit_empty: bool = False
    # The form to submit empty, when the page has more than one (CSS selector).
    form: str = "main form[method=post]"
    # Values typed in after emptying, for a form whose empty state is valid: {name: value}.
    typed: tuple[tuple[str, str], ...] = ()
    status: int = 200
    # A known failure, reported to the team: the test is expected to fail (strictly) until
    # it is fixed.
    known: str = ""

    @property
    def key(self) -> str:
        return f"{self.route}[{self.state}]"

    def url(self, values: dict) -> str:
        return self.path.format(**values)


def form(route: str, path: str, persona: str | None = TM, **kwargs) -> list[Page]:
    """A form page: as it opens, and emptied and submitted (its error state)."""
    state = kwargs.pop("state", "page")
    return [Page(route, path, persona, state=state, **kwargs),
            Page(route, path, persona, state=f"{state}, errors" if state != "page" else "errors",
                 submit_empty=True, **kwargs)]


ROLES = ("social_worker", "senior_practitioner", "team_manager", "service_manager", "iro",
         "business_support", "performance_analyst", "system_administrator")
PERSON = "/people/{%s}/"
CP = "/child-protection/{%s}/"
ASSESS = "/assessments/child/{%s}/"
CIN = "/child-in-need/child/{%s}/"
DOOR = "/front-door/child/{%s}/"
CARE = "/care/child/{%s}/"
HEALTH = "/health-education/child/{%s}/"
PERM = "/permanence/child/{%s}/"
ADOPTERS = "/permanence/adopters/"
MISSING = "/missing/child/{%s}/"
IRO_CHALLENGES = "/iro/child/{%s}/"
LEAVING = "/leaving-care/young-person/{%s}/"
COURT = "/court/child/{%s}/"
PRE_CASE = COURT % "court_pre" + "cases/{legal_case_pre}/"
COURT_CASE = COURT % "care" + "cases/{legal_case_court}/"
PERIOD = CARE % "care" + "periods/{care_period}/"
ENDED_PERIOD = CARE % "care_ended" + "periods/{care_period_ended}/"
PA = "performance_analyst"
FOST = "/fostering/households/{%s}/"
PROVIDER = "/fostering/providers/{%s}/"
FOSTER_CHILD = "/fostering/child/{%s}/"
COMPLAINT = "/complaints/{%s}/"
AUDIT = "/case-audits/{%s}/"
GOV_MEETING = "/governance/meetings/{gov_meeting}/"
GOV_PLAN = "/governance/plans/{gov_plan}/"
GOV_PRIORITY = GOV_PLAN + "priorities/{gov_priority}/"
GOV_EVALUATION = "/governance/self-evaluation/{gov_evaluation}/"
# The LADO area opens only to the LADO team: its persona is the scenario's LADO officer.
LADO = "lado_officer"
ALLEGATION = "/lado/{%s}/"
# Longer than the sign-off note may be: the one way to reject a form whose only field is
# optional.
TOO_LONG_NOTE = "x" * 5001

PAGES: list[Page] = [
    # Signed out, errors and home for every role (each sees their own navigation).
    *form("login", "/sign-in/", ANONYMOUS),
    *form("two_factor_setup", "/sign-in/set-up-app/", SW),
    *form("two_factor_verify", "/sign-in/code/", BS),
    Page("error:403", "/audit/", SW, state="forbidden", status=403),
    Page("error:404", "/people/00000000-0000-4000-8000-000000000000/", TM, state="not found",
         status=404),
    *[Page("home", "/", role, state=role) for role in ROLES],

    # People
    Page("people:search", "/people/"),
    Page("people:search", "/people/?q={cp_last}", state="results"),
    Page("people:search", "/people/?q=Zzyzxqv", state="no results"),
    Page("people:search", "/people/?q=", state="errors"),
    Page("people:search", "/people/?q=&date_of_birth_day=31&date_of_birth_month=2"
         "&date_of_birth_year=2015", state="errors, date"),
    *form("people:add_person", "/people/new/"),
    Page("people:person", PERSON % "cp"),
    Page("people:person", PERSON % "front_door", state="with a warning"),
    Page("people:person", "/people/{restricted}/", SM, state="restricted record"),
    Page("people:person_family", PERSON % "front_door" + "family/"),
    Page("people:person_addresses", PERSON % "front_door" + "addresses/"),
    Page("people:person_chronology", PERSON % "cp" + "chronology/"),
    *form("people:edit_person", PERSON % "front_door" + "edit/"),
    *form("people:add_address", PERSON % "front_door" + "addresses/add/"),
    Page("people:add_relationship", PERSON % "front_door" + "links/add/", state="find"),
    Page("people:add_relationship", PERSON % "front_door" + "links/add/?q={empty_last}",
         state="find, results"),
    Page("people:add_relationship", PERSON % "front_door" + "links/add/?q=", state="find, errors"),
    # Every field but the relationship is optional and the relationship list has no blank
    # choice, so an empty form is valid: an impossible date gives the error state.
    *form("people:add_relationship", PERSON % "front_door" + "links/add/?other={link_other}",
          state="link", typed=(("start_date_day", "31"), ("start_date_month", "2"),
                               ("start_date_year", "2020"))),
    *form("people:end_relationship", PERSON % "front_door" + "links/{link}/end/"),
    *form("people:add_warning", PERSON % "front_door" + "warnings/add/"),
    *form("people:end_warning", PERSON % "front_door" + "warnings/{warning}/end/"),
    *form("people:record_access", PERSON % "front_door" + "access/", SM,
          form="main form:has(button[name=restrict])"),
    *form("people:record_access", "/people/{restricted}/access/", SM, state="restricted",
          form="main form:has(button[name=grant])"),

    # Teams, allocation, tasks, case notes, chronology entries
    Page("cases:teams", "/teams/"),
    Page("cases:team_caseload", "/teams/{main_team}/"),
    Page("cases:team_caseload", "/teams/{main_team}/?worker={quiet_pk}", state="empty"),
    Page("cases:transfers", "/teams/transfers/"),
    Page("cases:transfers", "/teams/transfers/?start_day=2&start_month=1&start_year=2026"
         "&end_day=1&end_month=1&end_year=2026", state="errors"),
    *form("cases:allocate_child", "/teams/allocate/{front_door}/"),
    Page("cases:child_tasks", "/teams/child/{cp}/tasks/"),
    Page("cases:child_tasks", "/teams/child/{empty}/tasks/", state="empty"),
    Page("cases:child_case_notes", "/teams/child/{cp}/case-notes/", SW),
    Page("cases:child_case_notes", "/teams/child/{empty}/case-notes/", state="empty"),
    *form("cases:add_case_note", "/teams/child/{cp}/case-notes/add/", SW),
    Page("cases:add_case_note", "/teams/child/{cp}/case-notes/add/", TM,
         state="manager's decision"),
    *form("cases:add_chronology_entry", "/teams/chronology/{cp}/add/"),

    # Work lists
    Page("work:mine", "/work/", SW),
    Page("work:mine", "/work/", "quiet_social_worker", state="empty"),
    Page("work:team", "/work/team/", TM),
    Page("work:team", "/work/team/", BS, state="choose a team"),
    Page("work:team", "/work/team/?for_team={main_team}", BS, state="chosen team"),
    Page("work:service", "/work/service/", SM),

    # Front door
    Page("frontdoor:mash_queue", "/front-door/"),
    # Filtered so that nothing (or next to nothing) matches.
    Page("frontdoor:mash_queue", "/front-door/?rag=green&source=9&overdue_only=on",
         state="filtered"),
    Page("frontdoor:choose_child", "/front-door/contacts/new/", SW),
    Page("frontdoor:choose_child", "/front-door/contacts/new/?q={cp_last}", SW, state="results"),
    Page("frontdoor:choose_child", "/front-door/contacts/new/?q=Zzyzxqv", SW,
         state="no results"),
    Page("frontdoor:choose_child", "/front-door/contacts/new/?q=", SW, state="errors"),
    Page("frontdoor:child_front_door", DOOR % "front_door"),
    Page("frontdoor:child_front_door", DOOR % "empty", state="empty"),
    *form("frontdoor:record_contact", DOOR % "empty" + "contacts/new/", SW),
    Page("frontdoor:contact", DOOR % "front_door" + "contacts/{contact_waiting}/"),
    Page("frontdoor:contact", DOOR % "front_door" + "contacts/{contact_decided}/",
         state="decided"),
    *form("frontdoor:rate_contact", DOOR % "front_door" + "contacts/{contact_waiting}/rate/"),
    Page("frontdoor:rate_contact", DOOR % "front_door" + "contacts/{contact_decided}/rate/",
         state="decided"),
    *form("frontdoor:decide_contact",
          DOOR % "front_door" + "contacts/{contact_waiting}/decide/"),
    Page("frontdoor:decide_contact", DOOR % "front_door" + "contacts/{contact_decided}/decide/",
         state="decided"),
    *form("frontdoor:record_referral", DOOR % "empty" + "referrals/new/", SW),
    *form("frontdoor:change_referral", DOOR % "front_door" + "referrals/{referral_open}/change/"),
    *form("frontdoor:close_referral", DOOR % "front_door" + "referrals/{referral_open}/close/"),

    # Assessments
    Page("assessments:child_assessments", ASSESS % "assessment"),
    Page("assessments:child_assessments", ASSESS % "empty", state="empty"),
    *form("assessments:start_assessment", ASSESS % "s47" + "start/", SW),
    Page("assessments:start_assessment", ASSESS % "empty" + "start/", SW, state="no referral"),
    Page("assessments:assessment", ASSESS % "assessment" + "{assessment_waiting}/"),
    Page("assessments:assessment", ASSESS % "cin" + "{assessment_authorised}/",
         state="authorised"),
    *form("assessments:edit_assessment", ASSESS % "assessment" + "{assessment_waiting}/edit/",
          SW),
    Page("assessments:edit_assessment", ASSESS % "cin" + "{assessment_authorised}/edit/", SW,
         state="authorised"),
    *form("assessments:add_contribution",
          ASSESS % "assessment" + "{assessment_waiting}/contributions/add/", SW),
    Page("assessments:add_contribution",
         ASSESS % "cin" + "{assessment_authorised}/contributions/add/", SW, state="authorised"),
    *form("assessments:authorise_assessment",
          ASSESS % "assessment" + "{assessment_waiting}/authorise/"),
    Page("assessments:authorise_assessment",
         ASSESS % "cin" + "{assessment_authorised}/authorise/", state="authorised"),
    Page("assessments:authorise_assessment",
         ASSESS % "front_door" + "{assessment_in_progress}/authorise/", state="not complete"),

    # Child protection
    Page("protection:plan_durations", "/child-protection/plans/"),
    Page("protection:partner_attendance", "/child-protection/partner-attendance/"),
    Page("protection:partner_attendance", "/child-protection/partner-attendance/?start_day=2"
         "&start_month=1&start_year=2026&end_day=1&end_month=1&end_year=2026", state="errors"),
    Page("protection:child_protection", CP % "cp", SW, state="on a plan"),
    Page("protection:child_protection", CP % "s47", state="enquiry open"),
    Page("protection:child_protection", CP % "icpc", state="awaiting a conference"),
    Page("protection:child_protection", CP % "empty", state="empty"),
    *form("protection:add_strategy_discussion", CP % "assessment" + "strategy-discussions/add/"),
    Page("protection:add_strategy_discussion", CP % "empty" + "strategy-discussions/add/",
         state="nothing to do"),
    *form("protection:record_section47_outcome", CP % "s47" + "section-47/outcome/", SW),
    Page("protection:record_section47_outcome", CP % "empty" + "section-47/outcome/",
         state="nothing to do"),
    *form("protection:record_initial_conference", CP % "icpc" + "initial-conference/add/", IRO),
    Page("protection:record_initial_conference", CP % "empty" + "initial-conference/add/", IRO,
         state="nothing to do"),
    *form("protection:record_review_conference", CP % "cp" + "review-conferences/add/", IRO),
    Page("protection:record_review_conference", CP % "empty" + "review-conferences/add/", IRO,
         state="nothing to do"),
    *form("protection:record_core_group", CP % "cp" + "core-groups/add/", SW),
    Page("protection:record_core_group", CP % "empty" + "core-groups/add/", SW,
         state="nothing to do"),
    *form("protection:record_cp_visit", CP % "cp" + "visits/add/", SW),
    Page("protection:record_cp_visit", CP % "empty" + "visits/add/", SW, state="nothing to do"),
    *form("protection:end_cp_plan", CP % "cp" + "plan/end/"),
    Page("protection:end_cp_plan", CP % "empty" + "plan/end/", state="nothing to do"),

    # Child in need
    Page("cin:child_cin_plans", CIN % "cin", SW),
    Page("cin:child_cin_plans", CIN % "cin_ended", state="ended plan"),
    Page("cin:child_cin_plans", CIN % "empty", state="empty"),
    *form("cin:start_cin_plan", CIN % "s47" + "start/", SW),
    Page("cin:start_cin_plan", CIN % "cin" + "start/", SW, state="already on a plan"),
    Page("cin:start_cin_plan", CIN % "empty" + "start/", SW, state="no referral"),
    *form("cin:review_cin_plan", CIN % "cin" + "plans/{cin_plan}/review/", SW),
    Page("cin:review_cin_plan", CIN % "cin_ended" + "plans/{cin_plan_ended}/review/", SW,
         state="ended plan"),
    *form("cin:visit_cin_plan", CIN % "cin" + "plans/{cin_plan}/visit/", SW),
    Page("cin:visit_cin_plan", CIN % "cin_ended" + "plans/{cin_plan_ended}/visit/", SW,
         state="ended plan"),
    *form("cin:end_cin_plan", CIN % "cin" + "plans/{cin_plan}/end/", SW),
    Page("cin:end_cin_plan", CIN % "cin_ended" + "plans/{cin_plan_ended}/end/", SW,
         state="ended plan"),

    # Children in care
    Page("health_education:child_health_education", HEALTH % "care", SW),
    Page("health_education:child_health_education", HEALTH % "care_ended",
         state="ended period"),
    Page("health_education:child_health_education", HEALTH % "empty", state="never in care"),
    *form("health_education:record_health_check", HEALTH % "care" + "health-check/", SW),
    *form("health_education:record_immunisations", HEALTH % "care" + "immunisations/", SW),
    *form("health_education:record_sdq", HEALTH % "care" + "sdq/", SW),
    Page("health_education:record_sdq", HEALTH % "empty" + "sdq/", SW, state="not in care"),
    *form("health_education:record_pep", HEALTH % "care" + "pep/", SW),
    *form("health_education:record_education_contact",
          HEALTH % "care" + "education-contact/", SW),
    # Permanence (hearth.permanence)
    Page("permanence:child_permanence", PERM % "care", SW),
    Page("permanence:child_permanence", PERM % "care_ended", state="ended period"),
    Page("permanence:child_permanence", PERM % "empty", state="never in care"),
    *form("permanence:record_plan", PERM % "care" + "plan/", SW),
    *form("permanence:change_stage", PERM % "care" + "stage/", SW),
    *form("permanence:record_panel", PERM % "care" + "panel/", SW),
    *form("permanence:record_decision", PERM % "care" + "adoption/", SM),
    *form("permanence:adoption_step", PERM % "care" + "adoption/{perm_decision}/match/", SW),
    *form("permanence:start_sgo", PERM % "care" + "special-guardianship/", SW),
    *form("permanence:sgo_step",
          PERM % "care" + "special-guardianship/{perm_sgo}/assessment-completed/", SW),
    *form("permanence:record_long_term_match", PERM % "care" + "long-term-match/", SW),
    *form("permanence:record_reunification", PERM % "care" + "return-home/", SW),
    *form("permanence:record_discharge",
          PERM % "care" + "return-home/{perm_reunification}/discharge/", SW),
    *form("permanence:record_previous_permanence", PERM % "care" + "previous-permanence/", SW),
    Page("permanence:record_plan", PERM % "empty" + "plan/", SW, state="not in care"),
    Page("permanence:tracker", "/permanence/tracker/", TM),
    Page("permanence:tracker", "/permanence/tracker/?plan_type=adoption", TM, state="empty"),
    Page("permanence:households", ADOPTERS, SW),
    *form("permanence:add_household", ADOPTERS + "add/", SW),
    Page("permanence:household", ADOPTERS + "{perm_household}/", SW),
    *form("permanence:household_step", ADOPTERS + "{perm_household}/leave/", SW),
    Page("care:child_care", CARE % "care", SW),
    Page("care:child_care", CARE % "care_ended", state="ended period"),
    Page("care:child_care", CARE % "empty", state="empty"),
    *form("care:dolo", CARE % "care" + "deprivation-of-liberty/", SW),
    *form("care:start_care", CARE % "empty" + "start/", SW),
    Page("care:start_care", CARE % "care" + "start/", SW, state="already looked after"),
    *form("care:change_episode", PERIOD + "change/", SW),
    Page("care:change_episode", ENDED_PERIOD + "change/", SW, state="ended period"),
    *form("care:end_care", PERIOD + "end/", SW),
    Page("care:end_care", ENDED_PERIOD + "end/", SW, state="ended period"),
    *form("care:allocate_iro", PERIOD + "iro/"),
    Page("care:allocate_iro", ENDED_PERIOD + "iro/", state="ended period"),
    *form("care:record_review", PERIOD + "review/", IRO),
    Page("care:record_review", ENDED_PERIOD + "review/", IRO, state="ended period"),
    *form("care:record_visit", PERIOD + "visit/", SW),
    Page("care:record_visit", ENDED_PERIOD + "visit/", SW, state="ended period"),
    # The note is optional (an empty form signs the placement off): too long a note is the
    # error state.
    *form("care:sign_off_placement", CARE % "care" + "episodes/{care_episode}/sign-off/", SM,
          typed=(("note", TOO_LONG_NOTE),)),
    Page("care:sign_off_placement", CARE % "care_ended" + "episodes/{care_episode_ended}/sign-off/",
         SM, state="nothing to sign off"),
    Page("care:placement_sign_offs", "/care/placements-for-sign-off/"),
    Page("care:placement_sign_offs", "/care/placements-for-sign-off/?waiting=yes", SM,
         state="waiting only"),
    Page("care:iro_caseload", "/care/iro-caseload/", IRO),
    Page("care:iro_caseload", "/care/iro-caseload/", SM, state="choose an IRO"),
    Page("care:iro_caseload", "/care/iro-caseload/?iro={iro_pk}&sort=name", SM,
         state="chosen IRO"),
    Page("care:iro_caseload", "/care/iro-caseload/?iro={idle_iro_pk}", SM, state="empty"),

    # IRO challenges
    Page("iro:child_challenges", IRO_CHALLENGES % "care", IRO),
    Page("iro:child_challenges", IRO_CHALLENGES % "empty", IRO, state="empty"),
    *form("iro:raise_challenge", IRO_CHALLENGES % "care" + "raise/", IRO),
    *form("iro:respond_to_challenge",
          IRO_CHALLENGES % "care" + "challenges/{challenge_waiting}/respond/", TM),
    *form("iro:escalate_challenge",
          IRO_CHALLENGES % "care" + "challenges/{challenge_answered}/escalate/", IRO),
    *form("iro:resolve_challenge",
          IRO_CHALLENGES % "care" + "challenges/{challenge_answered}/resolve/", IRO),
    Page("iro:challenge_report", "/iro/report/", IRO),
    Page("iro:challenge_report", "/iro/report/", PA, state="figures only"),

    # Court
    Page("court:child_court", COURT % "care", SW),
    Page("court:child_court", COURT % "court_pre", SW, state="pre-proceedings"),
    Page("court:child_court", COURT % "empty", state="empty"),
    *form("court:record_panel", COURT % "empty" + "panel/"),
    *form("court:record_panel", COURT % "court_pre" + "panel/", state="with siblings"),
    *form("court:send_letter", PRE_CASE + "letter/", SW),
    *form("court:record_meeting", PRE_CASE + "meeting/", SW),
    *form("court:record_outcome", PRE_CASE + "outcome/", SW),
    *form("court:record_application",
          COURT % "court_issue" + "cases/{legal_case_issue}/application/", SW),
    *form("court:record_hearing", COURT_CASE + "hearing/", SW),
    Page("court:record_hearing", PRE_CASE + "hearing/", SW, state="wrong stage"),
    *form("court:record_interim_order", COURT_CASE + "interim-order/", SW),
    *form("court:record_extension", COURT_CASE + "extension/", SW),
    *form("court:record_final_order", COURT_CASE + "final-order/", SW),
    Page("court:plo_tracker", "/court/plo-tracker/"),
    Page("court:plo_tracker", "/court/plo-tracker/", PA, state="figures only"),
    Page("court:plo_tracker", "/court/plo-tracker/?over=on", SM, state="empty"),

    # Performance
    Page("performance:scorecard", "/performance/scorecard/", PA),
    Page("performance:scorecard", "/performance/scorecard/?show=all", TM, state="every indicator"),
    Page("performance:scorecard", "/performance/scorecard/?quarter=1999-q1", SM, state="errors"),
    Page("performance:team_dashboard", "/performance/teams/", TM, state="no team chosen"),
    Page("performance:team_dashboard", "/performance/teams/?team={main_team}", TM),
    Page("performance:team_dashboard", "/performance/teams/?team=0", TM, state="errors"),
    *form("performance:figure_add", "/performance/figures/add/", PA),
    *form("performance:population", "/performance/population/", PA),
    Page("performance:population", "/performance/population/", TM, state="read only"),
    Page("performance:indicator", "/performance/indicators/PI.432/{quarter}/", TM),
    Page("performance:indicator", "/performance/indicators/PI.432/{quarter}/", PA,
         state="figures only"),
    Page("performance:indicator", "/performance/indicators/PI.120/{quarter}/", TM,
         state="entered by hand"),
    *form("performance:commentary", "/performance/commentary/PI.1447/{quarter}/", SM),
    Page("performance:commentary_approve",
         "/performance/commentary/PI.1447/{quarter}/approve/", SM),
    Page("performance:compute", "/performance/figures/compute/", PA),
    Page("performance:freeze", "/performance/quarters/{quarter}/freeze/", PA),
    Page("performance:report", "/performance/reports/{quarter}/", SM),
    Page("performance:report", "/performance/reports/{quarter_open}/", SM,
         state="quarter not ended"),
    # Statutory returns
    Page("returns:cin_census", "/returns/children-in-need-census/", PA),
    Page("returns:cin_census", "/returns/children-in-need-census/?year=2025", PA,
         state="failures"),
    Page("returns:cin_census", "/returns/children-in-need-census/?year=2025&rule=8540", SM,
         state="one rule"),
    Page("returns:cin_census", "/returns/children-in-need-census/?year=1999", PA,
         state="errors"),
    Page("returns:annex_a", "/returns/ofsted-annex-a/", PA),
    Page("returns:annex_a", "/returns/ofsted-annex-a/?as_at_day=1&as_at_month=6&as_at_year=2026",
         PA, state="row counts"),
    Page("returns:annex_a", "/returns/ofsted-annex-a/?as_at_day=31&as_at_month=2&as_at_year=2026",
         PA, state="errors"),
    Page("returns:ssda903", "/returns/ssda903/", PA),
    Page("returns:ssda903", "/returns/ssda903/?year=2025", PA, state="failures"),
    Page("returns:ssda903", "/returns/ssda903/?year=1999", PA, state="errors"),
    # The census and 903 builds ask only for a collection year from a list, which cannot be
    # left empty in a browser (a year the list lacks is refused: hearth/returns/tests/test_jobs).
    Page("returns:cin_census_build", "/returns/children-in-need-census/build/?year=2025", PA),
    Page("returns:ssda903_build", "/returns/ssda903/build/?year=2025", PA),
    *form("returns:annex_a_build", "/returns/ofsted-annex-a/build/", PA),
    Page("returns:return_job", "/returns/jobs/{return_job_running}/", PA, state="running"),
    Page("returns:return_job", "/returns/jobs/{return_job_finished}/", PA, state="finished"),
    Page("returns:return_job", "/returns/jobs/{return_job_failed}/", PA, state="failed"),

    # Missing
    Page("missing:missing_report", "/missing/report/"),
    Page("missing:missing_report", "/missing/report/", PA, state="figures only"),
    Page("missing:missing_report", "/missing/report/?start_day=1&start_month=1&start_year=2001"
         "&end_day=31&end_month=12&end_year=2001", SM, state="empty"),
    Page("missing:missing_report", "/missing/report/?start_day=2&start_month=1&start_year=2026"
         "&end_day=1&end_month=1&end_year=2026", state="errors"),
    Page("missing:child_missing", MISSING % "missing", SW),
    Page("missing:child_missing", MISSING % "empty", state="empty"),
    *form("missing:record_missing_episode", MISSING % "empty" + "episodes/add/", SW),
    Page("missing:record_missing_episode", MISSING % "missing" + "episodes/add/", SW,
         state="open episode"),
    *form("missing:record_police_notification",
          MISSING % "missing" + "police-notifications/add/", BS),
    *form("missing:record_return", MISSING % "missing" + "episodes/{missing_open}/return/", SW),
    Page("missing:record_return", MISSING % "missing" + "episodes/{missing_held}/return/", SW,
         state="already returned"),
    *form("missing:record_interview_offer",
          MISSING % "missing" + "episodes/{missing_offered}/offers/add/", SW),
    Page("missing:record_interview_offer",
         MISSING % "missing" + "episodes/{missing_held}/offers/add/", SW,
         state="interview held"),
    *form("missing:record_return_interview",
          MISSING % "missing" + "episodes/{missing_offered}/interview/", SW),
    Page("missing:record_return_interview",
         MISSING % "missing" + "episodes/{missing_held}/interview/", SW,
         state="interview held"),
    Page("missing:record_return_interview",
         MISSING % "missing" + "episodes/{missing_open}/interview/", SW,
         state="not returned"),

    # Leaving care
    Page("leaving_care:care_leavers", "/leaving-care/", SW),
    Page("leaving_care:care_leavers", "/leaving-care/?adviser={quiet_pk}", BS,
         state="filtered to nothing"),
    Page("leaving_care:care_leaver_figures", "/leaving-care/figures/", PA),
    Page("leaving_care:child_leaving_care", LEAVING % "care_leaver", SW),
    Page("leaving_care:child_leaving_care", LEAVING % "empty", state="empty"),
    *form("leaving_care:record_care_leaver", LEAVING % "empty" + "record/"),
    Page("leaving_care:record_care_leaver", LEAVING % "care_leaver" + "record/",
         state="already recorded"),
    *form("leaving_care:change_category", LEAVING % "care_leaver" + "category/", SW),
    Page("leaving_care:change_category", LEAVING % "empty" + "category/", SW,
         state="not a care leaver"),
    *form("leaving_care:allocate_adviser", LEAVING % "care_leaver" + "personal-adviser/"),
    *form("leaving_care:record_needs_assessment",
          LEAVING % "care_leaver" + "needs-assessment/", SW),
    *form("leaving_care:agree_pathway_plan", LEAVING % "care_leaver" + "pathway-plan/", SW),
    *form("leaving_care:review_pathway_plan", LEAVING % "care_leaver" + "pathway-plan/review/",
          SW),
    *form("leaving_care:record_contact", LEAVING % "care_leaver" + "contacts/add/", SW),
    *form("leaving_care:record_situation",
          LEAVING % "care_leaver" + "accommodation-and-activity/add/", SW),
    *form("leaving_care:start_staying_put", LEAVING % "care_leaver" + "staying-put/add/", SW),
    *form("leaving_care:end_staying_put", LEAVING % "care_leaver" + "staying-put/end/", SW),
    *form("leaving_care:offer_entitlement", LEAVING % "care_leaver" + "entitlements/add/", SW),
    *form("leaving_care:entitlement_take_up",
          LEAVING % "care_leaver" + "entitlements/{entitlement}/take-up/", SW),
    *form("leaving_care:support_to_25", LEAVING % "care_leaver" + "support-to-25/", SW),

    # Fostering and the provider register
    Page("fostering:fostering_work", "/fostering/work/", SW),
    Page("fostering:fostering_work", "/fostering/work/?worker={quiet_pk}", TM, state="empty"),
    Page("fostering:households", "/fostering/households/", BS),
    Page("fostering:households", "/fostering/households/?q=Zzyzxqv", BS, state="empty"),
    *form("fostering:record_enquiry", "/fostering/households/add/", BS),
    Page("fostering:household", FOST % "hh_approved"),
    Page("fostering:household", FOST % "hh_connected", SM, state="waiting for a decision"),
    *form("fostering:allocate_supervising_social_worker",
          FOST % "hh_enquiry" + "supervising-social-worker/"),
    *form("fostering:record_initial_visit", FOST % "hh_enquiry" + "initial-visit/", SW),
    *form("fostering:start_assessment", FOST % "hh_enquiry" + "assessment/", SW),
    Page("fostering:start_assessment", FOST % "hh_approved" + "assessment/", SW,
         state="not an enquiry"),
    *form("fostering:grant_temporary_approval", FOST % "hh_enquiry" + "temporary-approval/"),
    Page("fostering:grant_temporary_approval", FOST % "hh_approved" + "temporary-approval/",
         state="not a connected person"),
    *form("fostering:extend_temporary_approval",
          FOST % "hh_connected" + "temporary-approval/extend/"),
    Page("fostering:extend_temporary_approval",
         FOST % "hh_approved" + "temporary-approval/extend/", state="nothing to extend"),
    *form("fostering:record_panel_recommendation", FOST % "hh_assessing" + "panel/", BS),
    Page("fostering:record_panel_recommendation", FOST % "hh_connected" + "panel/", BS,
         state="decision outstanding"),
    *form("fostering:record_adm_decision", FOST % "hh_connected" + "decision/", SM),
    Page("fostering:record_adm_decision", FOST % "hh_approved" + "decision/", SM,
         state="nothing to decide"),
    *form("fostering:record_review", FOST % "hh_approved" + "reviews/add/", SW),
    Page("fostering:record_review", FOST % "hh_enquiry" + "reviews/add/", SW,
         state="not approved"),
    *form("fostering:change_household_status", FOST % "hh_approved" + "status/"),
    Page("fostering:find_a_carer", "/fostering/find-a-carer/", SW),
    Page("fostering:find_a_carer", "/fostering/find-a-carer/?age=5&sex=female", SW,
         state="results"),
    Page("fostering:find_a_carer", "/fostering/find-a-carer/?age=40", SW, state="errors"),
    Page("fostering:provider_register", "/fostering/providers/", IRO),
    Page("fostering:provider_register", "/fostering/providers/?registration=unregistered",
         state="filtered"),
    *form("fostering:add_provider", "/fostering/providers/add/", BS),
    Page("fostering:provider", PROVIDER % "provider_home"),
    Page("fostering:provider", PROVIDER % "provider_unregistered", state="unregistered"),
    *form("fostering:edit_provider", PROVIDER % "provider_home" + "edit/", BS),
    Page("fostering:child_fostering", FOSTER_CHILD % "fostered", SW),
    Page("fostering:child_fostering", FOSTER_CHILD % "foster_unlinked", SW, state="unlinked"),
    Page("fostering:child_fostering", FOSTER_CHILD % "empty", state="empty"),
    *form("fostering:link_placement", FOSTER_CHILD % "foster_unlinked" + "placement/", SW),
    Page("fostering:link_placement", FOSTER_CHILD % "empty" + "placement/", SW,
         state="nothing to link"),

    # Workforce and supervision
    Page("workforce:workforce", "/workforce/"),
    Page("workforce:workforce", "/workforce/?on_day=1&on_month=1&on_year=2000", PA,
         state="empty"),
    Page("workforce:team", "/workforce/teams/{main_team}/", SM),
    Page("workforce:team", "/workforce/teams/{main_team}/?vacant=on&grade=iro", state="empty"),
    *form("workforce:add_post", "/workforce/posts/add/", BS),
    Page("workforce:post", "/workforce/posts/{wf_post}/"),
    Page("workforce:post", "/workforce/posts/{wf_post_vacant}/", SM, state="vacant"),
    *form("workforce:add_holder", "/workforce/posts/{wf_post_vacant}/holder/", SM),
    Page("workforce:add_holder", "/workforce/posts/{wf_post}/holder/", SM, state="filled"),
    *form("workforce:record_leaver", "/workforce/posts/{wf_post}/leaver/", BS),
    Page("workforce:start_asye", "/workforce/posts/{wf_post}/asye/", SM, state="already"),
    *form("workforce:start_asye", "/workforce/posts/{wf_post_nqsw}/asye/", SM, state="new"),
    *form("workforce:asye_outcome", "/workforce/asye/{wf_asye}/outcome/", SM),
    Page("workforce:movements", "/workforce/starters-and-leavers/"),
    Page("workforce:movements", "/workforce/starters-and-leavers/?kind=leaver&start_day=1"
         "&start_month=1&start_year=2001&end_day=2&end_month=1&end_year=2001", state="empty"),
    *form("workforce:staff_supervision", "/workforce/staff/{quiet_pk}/supervision/"),
    Page("workforce:child_supervision", "/workforce/child/{cp}/supervision/"),
    Page("workforce:child_supervision", "/workforce/child/{empty}/supervision/", SW,
         state="empty"),
    *form("workforce:add_case_supervision", "/workforce/child/{cp}/supervision/add/"),
    Page("workforce:supervision_report", "/workforce/supervision/", PA),
    Page("workforce:supervision_report", "/workforce/supervision/?on_day=1&on_month=1"
         "&on_year=2000", SM, state="empty"),
    *form("workforce:supervision_standards", "/workforce/supervision/frequencies/", SM),
    # Complaints
    Page("complaints:complaints", "/complaints/", TM),
    Page("complaints:complaints", "/complaints/", BS, state="everyone's"),
    Page("complaints:complaints", "/complaints/?status=overdue&stage=3", TM, state="filtered"),
    Page("complaints:child_complaints", "/complaints/child/{cp}/", TM),
    Page("complaints:child_complaints", "/complaints/child/{empty}/", BS, state="empty"),
    *form("complaints:record_complaint", "/complaints/new/", BS),
    Page("complaints:complaint", COMPLAINT % "complaint_open"),
    Page("complaints:complaint", COMPLAINT % "complaint_answered", state="answered"),
    *form("complaints:respond_to_stage",
          COMPLAINT % "complaint_open" + "stages/{complaint_open_stage}/respond/"),
    Page("complaints:respond_to_stage",
         COMPLAINT % "complaint_answered" + "stages/{complaint_answered_stage}/respond/",
         state="answered"),
    *form("complaints:extend_stage",
          COMPLAINT % "complaint_open" + "stages/{complaint_open_stage}/extend/", BS),
    *form("complaints:record_learning",
          COMPLAINT % "complaint_answered" + "stages/{complaint_answered_stage}/learning/"),
    Page("complaints:record_learning",
         COMPLAINT % "complaint_open" + "stages/{complaint_open_stage}/learning/",
         state="no response yet"),
    *form("complaints:check_lateness_reason",
          COMPLAINT % "complaint_answered" + "stages/{complaint_answered_stage}/check-reason/",
          BS),
    Page("complaints:check_lateness_reason",
         COMPLAINT % "complaint_open" + "stages/{complaint_open_stage}/check-reason/", BS,
         state="nothing to check"),
    *form("complaints:amend_lateness_reason",
          COMPLAINT % "complaint_answered" + "stages/{complaint_answered_stage}/reason/"),
    *form("complaints:escalate_complaint", COMPLAINT % "complaint_answered" + "next-stage/", BS),
    Page("complaints:escalate_complaint", COMPLAINT % "complaint_open" + "next-stage/", BS,
         state="not answered"),
    Page("complaints:complaint_report", "/complaints/report/", BS),
    Page("complaints:complaint_report", "/complaints/report/", PA, state="figures only"),
    Page("complaints:feedback", "/complaints/feedback/", BS),
    Page("complaints:feedback", "/complaints/feedback/?kind=comment", BS, state="filtered"),
    *form("complaints:record_feedback", "/complaints/feedback/new/", BS),
    # Data quality
    Page("dataquality:worklist", "/data-quality/", SW),
    Page("dataquality:worklist", "/data-quality/", PA, state="every team, child IDs"),
    Page("dataquality:worklist", "/data-quality/?status=resolved", SW, state="empty"),
    Page("dataquality:child_issues", "/data-quality/child/{cp}/", SW),
    Page("dataquality:child_issues", "/data-quality/child/{empty}/", SW, state="empty"),
    *form("dataquality:explain_query", "/data-quality/issues/{dq_query}/explain/", SW),
    Page("dataquality:run", "/data-quality/run/", TM),
    Page("dataquality:runs", "/data-quality/runs/", TM),
    # Case file audits
    Page("audits:audits", "/case-audits/"),
    Page("audits:audits", "/case-audits/?grade=inadequate&status=closed", state="filtered"),
    Page("audits:child_audits", "/case-audits/child/{cp}/"),
    Page("audits:child_audits", "/case-audits/child/{empty}/", state="empty"),
    *form("audits:start_audit", "/case-audits/new/"),
    Page("audits:audit", AUDIT % "audit_done"),
    Page("audits:audit", AUDIT % "audit_draft", state="in progress"),
    *form("audits:record_audit", AUDIT % "audit_draft" + "record/"),
    Page("audits:record_audit", AUDIT % "audit_done" + "record/", state="completed"),
    Page("audits:close_audit", AUDIT % "audit_done" + "close/", state="actions open"),
    *form("audits:add_action", AUDIT % "audit_done" + "actions/new/"),
    *form("audits:cancel_action", AUDIT % "audit_done" + "actions/{audit_action}/cancel/"),
    Page("audits:actions", "/case-audits/actions/"),
    Page("audits:actions", "/case-audits/actions/", SW, state="my actions"),
    *form("audits:finish_action", "/case-audits/actions/{audit_action}/done/", SW),
    Page("audits:programmes", "/case-audits/programmes/"),
    Page("audits:programmes", "/case-audits/programmes/?kind=multi_agency", state="empty"),
    *form("audits:add_programme", "/case-audits/programmes/new/", SM),
    Page("audits:programme", "/case-audits/programmes/{audit_programme}/"),
    *form("audits:edit_programme", "/case-audits/programmes/{audit_programme}/edit/", SM),
    Page("audits:tools", "/case-audits/tools/"),
    *form("audits:add_tool_version", "/case-audits/tools/new/", SM),
    Page("audits:tool_version", "/case-audits/tools/versions/{audit_tool_version}/"),
    Page("audits:report", "/case-audits/report/", PA),
    Page("audits:report", "/case-audits/report/?date_from_day=2&date_from_month=1"
         "&date_from_year=2026&date_to_day=1&date_to_month=1&date_to_year=2026", TM,
         state="errors"),
    Page("audits:deep_dives", "/case-audits/deep-dives/", PA),
    *form("audits:add_deep_dive", "/case-audits/deep-dives/new/", SM),

    # Governance: committee work, the Progress Tracker, the improvement plan, self-evaluation.
    Page("governance:meetings", "/governance/meetings/", TM),
    Page("governance:meetings", "/governance/meetings/?sort=oldest", BS, state="sorted"),
    *form("governance:record_meeting", "/governance/meetings/new/", BS),
    *form("governance:add_committee", "/governance/committees/new/", BS),
    Page("governance:meeting", GOV_MEETING, TM),
    Page("governance:meeting", GOV_MEETING, BS, state="clerk"),
    *form("governance:change_meeting", GOV_MEETING + "change/", BS),
    *form("governance:add_agenda_item", GOV_MEETING + "agenda/new/", BS),
    *form("governance:add_attendance", GOV_MEETING + "attendance/new/", BS),
    *form("governance:add_declaration", GOV_MEETING + "declarations/new/", BS),
    *form("governance:add_minute", GOV_MEETING + "minutes/new/", BS),
    *form("governance:add_resolution", GOV_MEETING + "minutes/{gov_minute}/resolutions/new/",
          BS),
    Page("governance:tracker", "/governance/tracker/", TM),
    Page("governance:tracker", "/governance/tracker/?status=closed", BS, state="filtered"),
    Page("governance:tracker_action", "/governance/tracker/{gov_tracker_open}/", BS),
    Page("governance:tracker_action", "/governance/tracker/{gov_tracker_closed}/", TM,
         state="closed"),
    *form("governance:update_tracker_action",
          "/governance/tracker/{gov_tracker_open}/update/", BS),
    Page("governance:plans", "/governance/plans/", PA),
    *form("governance:add_plan", "/governance/plans/new/", PA),
    Page("governance:plan", GOV_PLAN, SM),
    Page("governance:plan", GOV_PLAN + "?rag=red", TM, state="filtered"),
    Page("governance:progress_report", GOV_PLAN + "report/", SM),
    *form("governance:add_priority", GOV_PLAN + "priorities/new/", SM),
    Page("governance:priority", GOV_PRIORITY, SM),
    *form("governance:change_priority", GOV_PRIORITY + "change/", SM),
    *form("governance:add_action", GOV_PRIORITY + "actions/new/", SM),
    *form("governance:add_measure", GOV_PRIORITY + "measures/new/", PA),
    *form("governance:update_action", GOV_PLAN + "actions/{gov_action}/update/", SM),
    Page("governance:self_evaluations", "/governance/self-evaluation/", SM),
    *form("governance:start_self_evaluation", "/governance/self-evaluation/new/", PA),
    Page("governance:self_evaluation", GOV_EVALUATION, TM),
    Page("governance:edit_section", GOV_EVALUATION + "sections/leaders/", SM),

    # LADO (allegations against people who work with children)
    Page("lado:allegations", "/lado/", LADO),
    Page("lado:allegations", "/lado/?overdue=on&status=awaiting", LADO, state="filtered"),
    Page("lado:allegations", "/lado/?sector=transport", LADO, state="none match"),
    *form("lado:record_allegation", "/lado/new/", LADO),
    Page("lado:allegation", ALLEGATION % "lado_awaiting", LADO),
    Page("lado:allegation", ALLEGATION % "lado_concluded", LADO, state="outcome"),
    *form("lado:change_allegation", ALLEGATION % "lado_awaiting" + "change/", LADO),
    *form("lado:record_consideration",
          ALLEGATION % "lado_awaiting" + "initial-consideration/", LADO),
    Page("lado:record_consideration",
         ALLEGATION % "lado_considered" + "initial-consideration/", LADO, state="already"),
    *form("lado:record_meeting", ALLEGATION % "lado_considered" + "meetings/new/", LADO),
    *form("lado:record_outcome", ALLEGATION % "lado_considered" + "outcome/", LADO),
    *form("lado:close_allegation", ALLEGATION % "lado_concluded" + "close/", LADO),
    Page("lado:close_allegation", ALLEGATION % "lado_awaiting" + "close/", LADO,
         state="no outcome"),
    Page("lado:report", "/lado/figures/", LADO),
    *form("lado:team", "/lado/team/", SM),
    *form("lado:end_membership", "/lado/team/{lado_member}/end/", SM),

    # Administration
    Page("core:audit_trail", "/audit/", ADMIN),
    Page("core:audit_trail", "/audit/?la_child_id=NOPE&date_from_day=2&date_from_month=1"
         "&date_from_year=2026&date_to_day=1&date_to_month=1&date_to_year=2026", ADMIN,
         state="errors"),
    *form("workingdays:closure_days", "/working-days/closure-days/", ADMIN),
    Page("workingdays:remove_closure_day", "/working-days/closure-days/{closure_day}/remove/",
         ADMIN),
    Page("api_docs", "/api/v1/docs/", SW),
]


def values(data: dict) -> dict:
    """What the paths' placeholders stand for, from the scenario's JSON."""
    found = {**data["children"], **{k: v for k, v in data["ids"].items() if v is not None}}
    found["restricted"] = data["restricted"]
    found["main_team"] = data["teams"]["main"]
    found["quiet_pk"] = data["user_pks"]["quiet_social_worker"]
    for key, (_first, last) in data["child_first_last"].items():
        found[f"{key}_last"] = last
    return found


def is_page_route(name: str) -> bool:
    return name not in NOT_PAGES and not any(name.startswith(p) for p in NOT_PAGE_PREFIXES)
