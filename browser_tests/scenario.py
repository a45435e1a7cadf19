"""Builds what the browser tests need on top of the tiny synthetic authority, and prints it.

Run in its own process against the browser tests' database (never the test process: that one
does not touch a database):

    DATABASE_URL=sqlite:////tmp/x.sqlite3 python -m browser_tests.scenario OUT.json

It adds its own children (allocated to the synthetic authority's safeguarding team, with
identifiers from the ranges the generator never uses) so that whatever casework the generator
gives its own children, these start from a known state: one with nothing at all (the empty
lists), one at each step of the front door, assessment, child in need and child protection, and
one for each journey. It also adds a social worker with nothing allocated (empty My work).
Everything goes through Hearth's own services, as a user's entry would. The JSON written to
OUT.json holds the usernames for each persona and the ids that browser_tests/pages.py and the
journeys fill in.
"""

import datetime as dt
import json
import os
import random
import sys

JOB = "browser-tests"

# key: (first name, last name, sex, age in years). Invented surnames the generator does not use,
# so that searching for "first last" finds the one child.
CHILDREN = {
    "empty": ("Maisie", "Quillfeather", "F", 7),
    "front_door": ("Arlo", "Brackenridge", "M", 9),
    "assessment": ("Nia", "Calloway-Penn", "F", 5),
    "cin": ("Kofi", "Dunmorrow", "M", 11),
    "cin_ended": ("Zara", "Elsworthy", "F", 13),
    "s47": ("Jakub", "Fennimore", "M", 6),
    "icpc": ("Evie", "Gallowglass", "F", 4),
    "cp": ("Teddy", "Hartigan-Rowe", "M", 8),
    "j_mash": ("Lily", "Inchbold", "F", 10),
    "j_referral_to_plan": ("Alfie", "Jessamy", "M", 3),
    "j_keyboard": ("Freya", "Kittridge", "F", 12),
    "j_authorise_allocate": ("Zayn", "Lockyear", "M", 14),
    "j_authorise_banner": ("Ivy", "Mayfeather", "F", 9),
    "j_tablet": ("Reggie", "Northcote-Vale", "M", 6),
    "care": ("Oscar", "Pemberton-Quay", "M", 14),
    "care_ended": ("Ruby", "Quenby", "F", 10),
    "missing": ("Leo", "Ravensworth", "M", 15),
    "care_leaver": ("Amara", "Stellwood", "F", 17),
    "j_care": ("Harvey", "Tolliver", "M", 8),
    "fostered": ("Poppy", "Wrenfield-Oak", "F", 6),
    "foster_unlinked": ("Milo", "Yarrowby", "M", 9),
    "court_pre": ("Wilf", "Umberleigh", "M", 7),
    "court_sibling": ("Poppy", "Umberleigh", "F", 5),
    "court_issue": ("Esme", "Varleywood", "F", 11),
}


def main(out_path: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.db import transaction

    with transaction.atomic():
        data = build()
    with open(out_path, "w", encoding="utf-8") as out:
        json.dump(data, out, indent=2, default=str)


def build() -> dict:  # noqa: C901 - one straight list of things to make
    from browser_tests.helpers import PASSWORD
    from hearth.accounts import services as accounts
    from hearth.accounts.models import Team, User
    from hearth.accounts.roles import Role
    from hearth.assessments import services as assessments
    from hearth.care import services as care
    from hearth.cases import services as cases
    from hearth.cin import services as cin
    from hearth.complaints import services as complaints
    from hearth.core import clock
    from hearth.core.errors import DomainError
    from hearth.court import services as court
    from hearth.fostering import services as fostering
    from hearth.frontdoor import services as frontdoor
    from hearth.health_education import services as health_education
    from hearth.iro import services as iro_challenges
    from hearth.iro.codes import Reason, Stage
    from hearth.leaving_care import services as leaving_care
    from hearth.leaving_care.codes import Category, ContactKind, Entitlement
    from hearth.missing import services as missing_episodes
    from hearth.people import services as people
    from hearth.people.codes import Disability, Ethnicity, Sex, WarningKind
    from hearth.people.models import Person
    from hearth.permanence import services as permanence
    from hearth.protection import services as protection
    from hearth.synthetic.generator import password_hash
    from hearth.synthetic.personas import PersonaIdentifiers
    from hearth.workingdays import services as workingdays

    today, now = clock.today(), clock.now()
    rng, identifiers = random.Random(2026), PersonaIdentifiers()

    def days_ago(n: int) -> dt.date:
        return today - dt.timedelta(days=n)

    def staff(role: str, team: Team | None = None) -> User | None:
        found = User.objects.filter(role=role, is_active=True)
        if team is not None and found.filter(team=team).exists():
            found = found.filter(team=team)
        return found.order_by("username").first()

    def team_for(service: str, exclude: Team | None = None) -> Team:
        teams = Team.objects.filter(holds_cases=True).exclude(pk=getattr(exclude, "pk", None))
        return (teams.filter(service=service).order_by("pk").first()
                or teams.order_by("pk").first())

    # The main team does the child protection work; the front door team takes contacts.
    main_team = team_for(Team.Service.SAFEGUARDING)
    door_team = team_for(Team.Service.ASSESSMENT, exclude=main_team)
    sw = staff(Role.SOCIAL_WORKER, main_team)
    tm, sm, iro = (staff(Role.TEAM_MANAGER, main_team), staff(Role.SERVICE_MANAGER, main_team),
                   staff(Role.IRO))
    another_worker = (User.objects.filter(team=main_team, is_active=True,
                                          role__in=[Role.SOCIAL_WORKER,
                                                    Role.SENIOR_PRACTITIONER])
                      .exclude(pk=sw.pk).order_by("username").first())
    quiet = accounts.user_create(
        username="quinn.quayle", password=None, password_hash=password_hash(PASSWORD),
        first_name="Quinn", last_name="Quayle", role=Role.SOCIAL_WORKER, team=main_team,
        system_job=JOB, email="quinn.quayle@example.invalid")
    users = {
        "social_worker": sw,
        "senior_practitioner": staff(Role.SENIOR_PRACTITIONER, main_team),
        "team_manager": tm,
        "service_manager": sm,
        "iro": iro,
        "business_support": staff(Role.BUSINESS_SUPPORT),
        "performance_analyst": staff(Role.PERFORMANCE_ANALYST),
        "system_administrator": staff(Role.SYSTEM_ADMINISTRATOR),
        "mash_worker": staff(Role.SOCIAL_WORKER, door_team),
        "mash_manager": staff(Role.TEAM_MANAGER, door_team),
        "quiet_social_worker": quiet,  # nothing allocated: the empty My work
    }
    missing = [role for role, user in users.items() if user is None]
    if missing or another_worker is None:
        raise SystemExit(f"The synthetic authority has no {missing or 'second worker'}")

    def new_child(key: str) -> Person:
        first, last, sex, age = CHILDREN[key]
        born = today - dt.timedelta(days=365 * age + rng.randint(10, 300))
        school_age = born.year <= today.year - 5
        kid = people.person_create(
            system_job=JOB, is_child=True, first_name=first, last_name=last,
            sex=Sex.FEMALE if sex == "F" else Sex.MALE, date_of_birth=born,
            ethnicity=Ethnicity.WBRI, disabilities=[Disability.NONE], first_language="English",
            religion="none", nhs_number=identifiers.nhs_number(rng),
            upn=identifiers.upn(rng, year=born.year + 5) if school_age else "",
            upn_unknown="" if school_age else "UN1")
        team, worker = main_team, sw
        if key == "j_mash":
            team, worker = door_team, users["mash_worker"]
        elif key == "j_authorise_allocate":
            worker = (User.objects.filter(team=main_team, role=Role.SOCIAL_WORKER)
                      .exclude(pk__in=[sw.pk, another_worker.pk, quiet.pk]).order_by("username")
                      .first()
                      or sw)
        cases.child_allocate(child=kid, team=team, worker=worker, start_date=days_ago(60),
                             system_job=JOB)
        return kid

    child = {key: new_child(key) for key in CHILDREN}

    police = {"agency": "police", "name": "DC Sam Patel", "role": "Investigating officer"}
    school = {"agency": "education", "name": "Ms Jo Reed", "role": "Safeguarding lead"}

    def referral(kid, on: dt.date, need: str = "N1"):
        return frontdoor.referral_record(child=kid, referral_date=on, source="6",
                                         primary_need=need, actor=sw)

    # Front door: a decided contact that became a referral, then a contact still waiting; an
    # assessment started on the referral; an address, a parent and a warning on the record.
    kid = child["front_door"]
    people.address_add(person=kid, actor=sw, line_1="14 Kestrel Row", town="Brindlemoor",
                       postcode="ZZ1 4KR", start_date=days_ago(400), is_verified=True)
    parent = people.person_create(
        system_job=JOB, is_child=False, first_name="Dana", last_name="Brackenridge",
        sex=Sex.FEMALE, date_of_birth=days_ago(365 * 34), ethnicity=Ethnicity.WBRI,
        disabilities=[Disability.NONE], first_language="English", religion="none",
        nhs_number=identifiers.nhs_number(rng))
    link = people.relationship_add(person=kid, other=parent, kind="child_of", lives_with=True,
                                   actor=sw)
    decided = frontdoor.contact_record(
        child=kid, actor=sw, received_at=now - dt.timedelta(hours=3), source="2A",
        concern="Arrived at school hungry, with a bruise on the arm.", consent="given")
    decided = frontdoor.contact_decide(
        contact=decided, actor=tm, decision="referral", rag="amber", primary_need="N1",
        decision_reason="Needs an assessment.", decided_at=now - dt.timedelta(hours=1))
    waiting = frontdoor.contact_record(
        child=kid, actor=sw, received_at=now - dt.timedelta(minutes=30), source="3A",
        concern="GP worried about missed appointments.", consent="not_yet",
        consent_note="Mother to be asked at the first visit.")
    fd_assessment = assessments.assessment_start(referral=decided.episode, started_on=today,
                                                 actor=sw)
    warning = people.warning_add(person=kid, kind=WarningKind.DOG_ON_PREMISES,
                                 detail="Large dog at the front door.", start_date=days_ago(10),
                                 actor=sw)

    # Assessments: one completed and waiting for a manager, with a partner's contribution.
    kid = child["assessment"]
    waiting_assessment = assessments.assessment_start(referral=referral(kid, days_ago(10)),
                                                      started_on=days_ago(9), actor=sw)
    assessments.assessment_contribution_add(
        assessment=waiting_assessment, agency="health", received_on=days_ago(5),
        summary="Health visitor: growth below the expected line.", actor=sw)
    assessments.assessment_update(assessment=waiting_assessment, actor=sw,
                                  completed_on=days_ago(1), factors=["16A"],
                                  child_seen_on=days_ago(8), seen_alone=True)

    # Child in need: an authorised assessment that led to an open plan, reviewed and visited;
    # and a plan that has ended.
    kid = child["cin"]
    cin_referral = referral(kid, days_ago(40), need="N4")
    authorised = assessments.assessment_start(referral=cin_referral, started_on=days_ago(39),
                                              actor=sw)
    assessments.assessment_update(assessment=authorised, actor=sw, completed_on=days_ago(30),
                                  factors=["4B"], child_seen_on=days_ago(35), seen_alone=False)
    assessments.assessment_authorise(assessment=authorised, actor=tm, authorised_on=days_ago(29),
                                     outcome="cin_plan")
    cin_plan = cin.cin_plan_start(referral=cin_referral, started_on=days_ago(28), actor=sw)
    cin.cin_plan_review(plan=cin_plan, reviewed_on=days_ago(10), note="Plan continues.",
                        actor=sw)
    cin.cin_plan_visit(plan=cin_plan, visited_on=days_ago(5), child_seen=True, seen_alone=True,
                       bedroom_seen=True, note="Child well.", actor=sw)
    ended_plan = cin.cin_plan_start(referral=referral(child["cin_ended"], days_ago(60), "N4"),
                                    started_on=days_ago(58), actor=sw)
    cin.cin_plan_end(plan=ended_plan, ended_on=days_ago(20), end_reason="No longer in need",
                     actor=sw)

    # Child protection: an open enquiry; one waiting for its initial conference; one on a plan
    # with a core group, a visit, a case note and a chronology entry.
    protection.strategy_discussion_record(referral=referral(child["s47"], days_ago(3)),
                                          actor=sw, held_on=days_ago(2), decision="section_47",
                                          participants=[police])

    def enquiry_needing_icpc(kid, referred: int, discussed: int, concluded: int):
        enquiry = protection.strategy_discussion_record(
            referral=referral(kid, days_ago(referred)), actor=sw, held_on=days_ago(discussed),
            decision="section_47", participants=[police, school]).section47
        return protection.section47_conclude(enquiry=enquiry, actor=sw,
                                             outcome="continuing_risk",
                                             completed_on=days_ago(concluded), icpc_required=True)

    enquiry_needing_icpc(child["icpc"], 12, 11, 5)
    conference = protection.initial_conference_record(
        enquiry=enquiry_needing_icpc(child["cp"], 40, 39, 30), actor=iro, held_on=days_ago(25),
        chair=iro, outcome="plan", category="NEG", participants=[police, school])
    plan = conference.started_plan
    protection.core_group_record(plan=plan, actor=sw, held_on=days_ago(20),
                                 note="First core group.", participants=[police, school])
    protection.cp_visit_record(plan=plan, actor=sw, visited_on=days_ago(7), child_seen=True,
                               seen_alone=True, bedroom_seen=True, note="Seen at home.")
    cases.case_note_add(child=child["cp"], actor=sw, kind="visit", occurred_on=days_ago(7),
                        subject="Home visit", text="Seen at home with mother. Bedroom seen.")
    cases.chronology_entry_add(child=child["cp"], actor=sw, occurred_on=days_ago(26),
                               title="Police called to the home", source="Police")

    # Journeys: the referral-to-plan and keyboard children start with nothing; authorising
    # needs a completed assessment; the tablet journey an open child in need plan.
    for key, factor in (("j_authorise_allocate", "3B"), ("j_authorise_banner", "21")):
        started = assessments.assessment_start(referral=referral(child[key], days_ago(12)),
                                               started_on=days_ago(11), actor=sw)
        assessments.assessment_update(assessment=started, actor=sw, completed_on=days_ago(2),
                                      factors=[factor], child_seen_on=days_ago(10),
                                      seen_alone=True)
    tablet_plan = cin.cin_plan_start(referral=referral(child["j_tablet"], days_ago(20), "N4"),
                                     started_on=days_ago(18), actor=sw)

    # Children in care: a 14-year-old placed in supported accommodation in an emergency (so the
    # placement waits for the head of service's sign-off), with an IRO, a review and a visit;
    # and a period of care that has ended.
    in_care = care.care_period_start(
        child=child["care"], started_on=days_ago(30), legal_status="C1", category_of_need="N1",
        actor=sw, placement=care.Placement(
            placement_type="K3", provision="supported", placement_postcode="ZZ2 2BB",
            provider_type="PR4", urn="SC123456", home_postcode="ZZ9 9ZZ",
            head_of_service_agreed=True))
    care.iro_allocate(period=in_care, iro=iro, allocated_on=days_ago(29), actor=tm)
    care.cla_review_record(period=in_care, held_on=days_ago(10), chair=iro, participation="PN1",
                           note="First review: placement to continue.", actor=iro)
    care.cla_visit_record(period=in_care, visited_on=days_ago(7), child_seen=True,
                          seen_alone=True, bedroom_seen=True, note="Settling in.", actor=sw)
    # Permanence: approved prospective adopters, and for the child in care an adoption
    # decision, an SGO assessment and a return home (the plan itself is left due).
    perm_household = permanence.household_add(
        legal_status="L0", enquiry_on=days_ago(200), actor=sw,
        adopters=[{"name": "Synthetic Adopter", "sex": "F", "ethnicity": "WBRI"}])
    for step, ago in (("stage1_started_on", 190), ("stage1_ended_on", 150),
                      ("stage2_started_on", 140), ("application_on", 140),
                      ("stage2_ended_on", 60), ("approved_on", 40)):
        permanence.household_stage_record(household=perm_household, step=step,
                                          on=days_ago(ago), actor=sw)
    perm_decision = permanence.adoption_decision_record(
        period=in_care, decided_on=days_ago(5), decision_maker="Synthetic ADM", actor=sm)
    perm_sgo = permanence.sgo_assessment_start(
        period=in_care, guardians="Synthetic grandparents", relationship="relative",
        started_on=days_ago(20), actor=sw)
    perm_reunification = permanence.reunification_record(period=in_care,
                                                         returned_home_on=days_ago(2), actor=sw)
    care_episode = in_care.episodes.get(ended_on__isnull=True)
    # Health and education of the child in care: the initial health assessment done, a PEP
    # and an SDQ recorded (the dental check and the review assessment are still to come).
    health_education.health_check_record(
        period=in_care, kind="initial", done_on=days_ago(20),
        carried_out_by="Looked-after children's nurse", actor=sw)
    health_education.pep_record(period=in_care, held_on=days_ago(15),
                                school="Synthetic High School", chaired_by_child=True,
                                virtual_school_attended=True, actor=sw)
    health_education.sdq_record(period=in_care, completed_on=days_ago(12), score=18, actor=sw)
    health_education.immunisations_record(period=in_care, as_at=days_ago(20), up_to_date=True,
                                          actor=sw)
    foster = care.Placement(placement_type="U6", provision="registered",
                            placement_postcode="ZZ1 1AA", provider_type="PR1", urn="XXXXXXX",
                            home_postcode="ZZ9 9ZZ")
    ended_care = care.care_period_start(
        child=child["care_ended"], started_on=days_ago(90), legal_status="V2",
        category_of_need="N4", placement=foster, actor=sw)
    care.care_end(period=ended_care, ended_on=days_ago(20), reason="E4A", actor=sw)
    # IRO challenges about the child in care: one waiting for the team manager's response, and
    # one answered, for the IRO to resolve or escalate.
    waiting_challenge = iro_challenges.challenge_raise(
        child=child["care"], raised_on=days_ago(3), stage=Stage.INFORMAL,
        reason=Reason.CARE_PLAN, asked_for="Update the care plan before the next review",
        addressed_to=tm, actor=iro)
    answered_challenge = iro_challenges.challenge_raise(
        child=child["care"], raised_on=days_ago(12), stage=Stage.INFORMAL,
        reason=Reason.CARE_PLAN, asked_for="Agree the contact arrangements with the family",
        addressed_to=tm, actor=iro)
    iro_challenges.challenge_respond(challenge=answered_challenge, responded_on=days_ago(8),
                                     response="Contact agreed at the team meeting.", actor=tm)

    # Court: a sibling group in pre-proceedings, a child waiting for the application to be
    # issued, and the child in care in proceedings under an interim care order (the Court tab
    # prompts the legal status C1, which care still records as V2).
    people.relationship_add(person=child["court_pre"], other=child["court_sibling"],
                            kind="sibling_of", system_job=JOB)
    pre_case = court.panel_record(
        lead_child=child["court_pre"], siblings=[child["court_sibling"]], held_on=days_ago(20),
        decision="pre_proceedings", chair=sm, reasons="Neglect persists after the CP plan.",
        actor=tm).legal_case
    issue_case = court.panel_record(
        lead_child=child["court_issue"], held_on=days_ago(2), decision="issue", chair=sm,
        reasons="Significant harm: proceedings to be issued.", actor=tm).legal_case
    court_case = court.panel_record(
        lead_child=child["care"], held_on=days_ago(70), decision="issue", chair=sm,
        reasons="Care order to be sought.", actor=tm).legal_case
    court.application_record(legal_case=court_case, issued_on=days_ago(68),
                             court="Family Court (synthetic)", application_type="care_order",
                             actor=sw)
    court.hearing_record(legal_case=court_case, kind="cmh", held_on=days_ago(60),
                         outcome="Timetable set.", next_hearing_on=today + dt.timedelta(days=30),
                         next_hearing_kind="irh", actor=sw)
    court.interim_order_record(legal_case=court_case, kind="ico", made_on=days_ago(60),
                               actor=sw)

    # An IRO with no looked-after children (the empty caseload).
    idle_iro = accounts.user_create(
        username="ingrid.idlewild", password=None, password_hash=password_hash(PASSWORD),
        first_name="Ingrid", last_name="Idlewild", role=Role.IRO, team=iro.team, system_job=JOB,
        email="ingrid.idlewild@example.invalid")

    # Missing: an episode whose interview was held, a returned one with an offer made and the
    # interview still to come, and one still open.
    kid = child["missing"]
    held_episode = missing_episodes.missing_episode_record(
        child=kid, kind="M", started_at=now - dt.timedelta(days=10),
        returned_at=now - dt.timedelta(days=9), reported_to_police=True,
        police_reference="ZZ-2026-0001", actor=sw)
    missing_episodes.return_interview_offer(
        episode=held_episode, offered_at=now - dt.timedelta(days=9), accepted=True, actor=sw)
    missing_episodes.return_interview_hold(
        episode=held_episode, held_at=now - dt.timedelta(days=8),
        conducted_by="Missing Service worker", independent=True, seen_alone=True, actor=sw)
    offered_episode = missing_episodes.missing_episode_record(
        child=kid, kind="A", started_at=now - dt.timedelta(days=3),
        returned_at=now - dt.timedelta(days=2), actor=sw)
    missing_episodes.return_interview_offer(
        episode=offered_episode, offered_at=now - dt.timedelta(days=1), accepted=True, actor=sw)
    open_episode = missing_episodes.missing_episode_record(
        child=kid, kind="M", started_at=now - dt.timedelta(hours=5), actor=sw)

    # Leaving care: a 17-year-old who left care a month ago, with a personal adviser, a needs
    # assessment, a pathway plan, a contact and an entitlement offered.
    left = days_ago(30)
    care_leaver = leaving_care.care_leaver_record(
        child=child["care_leaver"], category=Category.RELEVANT, applies_from=left,
        left_care_on=left, personal_adviser=sw, actor=tm)
    leaving_care.needs_assessment_record(care_leaver=care_leaver, completed_on=days_ago(20),
                                         actor=sw)
    leaving_care.pathway_plan_agree(care_leaver=care_leaver, agreed_on=days_ago(15), actor=sw)
    leaving_care.contact_record(care_leaver=care_leaver, contact_on=days_ago(5),
                                kind=ContactKind.VISIT, in_touch=True, note="Seen at the flat.",
                                actor=sw)
    entitlement = leaving_care.entitlement_offer(care_leaver=care_leaver,
                                                 kind=Entitlement.TRAVEL, offered_on=today,
                                                 actor=sw)

    # Fostering: an approved household with a child placed and its first review due, a
    # connected person enquiry, a household in assessment, and a connected person approved
    # temporarily whose panel recommendation waits for the agency decision; two providers.
    def household(kind: str, enquired: int, carer: str):
        return fostering.household_record_enquiry(
            household_type=kind, enquiry_on=days_ago(enquired), postcode="ZZ6 6FF",
            carers=[fostering.Carer("Jo", carer)], supervising_social_worker=sw, actor=tm)

    hh_approved = household("mainstream", 400, "Ashdown-Vale")
    fostering.assessment_start(household=hh_approved, started_on=days_ago(380), actor=sw)
    fostering.panel_recommendation_record(
        household=hh_approved, business="approval", panel_on=days_ago(200),
        recommendation="recommended", places=2, age_from=0, age_to=12, care_type="long_term",
        actor=users["business_support"])
    fostering.adm_decision_record(household=hh_approved, decision="agreed",
                                  decided_on=days_ago(196), actor=sm)
    fostered = care.care_period_start(child=child["fostered"], started_on=days_ago(60),
                                      legal_status="C1", category_of_need="N1",
                                      placement=foster, actor=sw)
    fostering.placement_link(episode=fostered.episodes.get(), household=hh_approved, actor=sw)
    care.care_period_start(child=child["foster_unlinked"], started_on=days_ago(15),
                           legal_status="V2", category_of_need="N1", placement=foster,
                           actor=sw)
    hh_enquiry = household("connected_person", 5, "Brightwater")
    hh_assessing = household("mainstream", 120, "Coldharbour")
    fostering.assessment_start(household=hh_assessing, started_on=days_ago(100), actor=sw)
    hh_connected = household("connected_person", 40, "Dunstable-Ray")
    fostering.temporary_approval_grant(household=hh_connected, approved_on=days_ago(35),
                                       child=child["foster_unlinked"], actor=tm)
    fostering.panel_recommendation_record(
        household=hh_connected, business="approval", panel_on=days_ago(3),
        recommendation="recommended", places=1, age_from=5, age_to=12,
        care_type="named_child", actor=users["business_support"])
    home = fostering.provider_record(
        actor=users["business_support"], name="Larkspur House", kind="childrens_home",
        place_provider="PR4", urn="SC123456", registration="registered", judgement="good",
        judgement_on=days_ago(150), address="2 Invented Row, Brindlemoor", postcode="ZZ2 2BB")
    flat = fostering.provider_record(
        actor=users["business_support"], name="Meadowgate Flats",
        kind="supported_accommodation", place_provider="PR4", urn="",
        registration="unregistered", judgement="", judgement_on=None, postcode="ZZ7 7GG")

    # Workforce: the quiet social worker in a post and their ASYE, a newly qualified social
    # worker without one yet, a vacant post, a case supervision and a staff supervision.
    from hearth.workforce import services as workforce
    wf_posts = [workforce.post_add(team=main_team, reference=f"SCN-{n}", title="Social Worker",
                                   grade="social_worker", fte="1" if n < 3 else "0.8",
                                   established_on=days_ago(800), system_job=JOB)
                for n in (1, 2, 3)]
    wf_held = workforce.post_holder_start(post=wf_posts[0], start_date=days_ago(90),
                                          contract="permanent", user=quiet, system_job=JOB)
    wf_asye = workforce.asye_start(holding=wf_held, started_on=days_ago(90), system_job=JOB)
    wf_nqsw = workforce.post_holder_start(post=wf_posts[1], start_date=days_ago(20),
                                          contract="agency", worker_name="Rowan Fairbank",
                                          system_job=JOB)
    workforce.staff_supervision_record(worker=quiet, supervised_on=days_ago(40),
                                       supervisor=tm, actor=tm)
    workforce.case_supervision_record(child=child["cp"], supervised_on=days_ago(10),
                                      supervisor=tm, decisions="Core group to agree the plan",
                                      actor=tm)
    # Complaints: one waiting for its stage 1 response (the team manager answers it, the
    # service manager copied in), one answered late (for its learning form, the next stage and
    # its reason for lateness, sent back by the complaints team), and a compliment.
    def complaint(received: int, children):
        return complaints.complaint_record(
            received_on=days_ago(received), complainant_name="Robin Ashcombe-Tey",
            complainant_relationship="parent", children=children,
            summary="We were not told our social worker was away and the plan was late.",
            themes=["communication", "records"], team=main_team, responding_manager=tm,
            service_manager=sm, receiving_officer=users["business_support"],
            actor=users["business_support"])

    complaint_open = complaint(3, [child["cp"]])
    complaint_answered = complaint(30, [])
    complaints.complaint_stage_respond(
        stage=complaint_answered.stages.get(), responded_on=days_ago(12),
        outcome="partly_upheld", response_summary="An apology, and the plan shared the same day.",
        lateness_reason="The team manager was on leave and cover was not arranged.", actor=tm)
    complaints.lateness_reason_check(
        stage=complaint_answered.stages.get(), accepted=False,
        note="Say who was covering and why the response waited.",
        actor=users["business_support"])
    complaints.feedback_record(
        kind="compliment", received_on=days_ago(2), from_name="Robin Ashcombe-Tey",
        from_relationship="carer", team=main_team, summary="Thank you for the help.",
        actor=users["business_support"])

    # Case file audits: a programme for the main team, a completed audit of the child
    # protection child (by the team manager) with an action for the worker due tomorrow, an
    # audit still being graded, and a deep dive into the safeguarding service.
    from hearth.audits import services as case_audits
    from hearth.audits.selectors import current_tool_version
    from hearth.workingdays.selectors import current_calendar
    audit_programme = case_audits.programme_create(
        kind="monthly", title="Practice learning audit (browser tests)", theme="",
        starts_on=days_ago(20), ends_on=today + dt.timedelta(days=10), services=[],
        teams=[main_team], tool_version=current_tool_version(), actor=sm)
    audit_done = case_audits.audit_start(programme=audit_programme, child=child["cp"],
                                         audited_on=days_ago(5), actor=tm)
    case_audits.audit_record(
        audit=audit_done, answers={a.question_id: ("good", "Clear and up to date")
                                   for a in audit_done.answers.all()},
        overall_grade="good", findings="The child's voice is strong; the plan needs dates.",
        child_family_views="", worker_took_part=True, manager_took_part=True, complete=True,
        actor=tm)
    audit_action = case_audits.action_add(
        audit=audit_done, description="Add timescales to each outcome in the plan", owner=sw,
        due_on=current_calendar().add_working_days(today, 1), actor=tm)
    audit_draft = case_audits.audit_start(programme=audit_programme, child=child["cin"],
                                          audited_on=days_ago(1), actor=tm)
    case_audits.deep_dive_record(service="safeguarding", held_on=days_ago(30), lead=sm,
                                 findings="Restorative practice is embedded in the service.",
                                 actor=sm)
    # Governance: a committee meeting held a month ago with a minute and two tracker actions
    # (one open and overdue on the service manager's My work, one closed), an improvement plan
    # with a priority, an action and a measure, and a self-evaluation draft.
    from hearth.governance import services as governance
    clerk = users["business_support"]
    gov_committee = governance.committee_add(name="Children's Services Scrutiny Board",
                                             actor=clerk)
    gov_meeting = governance.meeting_record(committee=gov_committee, held_on=days_ago(30),
                                            venue="Committee Room 1", actor=clerk)
    governance.attendance_record(meeting=gov_meeting, kind="member", position="Chair",
                                 name="Councillor R Quenbury", actor=clerk)
    gov_minute = governance.minute_record(meeting=gov_meeting, title="Progress Tracker",
                                          actor=clerk)
    gov_open = governance.resolution_record(
        minute=gov_minute, kind="request", responsible="Director of Children's Services",
        text="That the Director be requested to report on agency staffing.", owner=sm,
        due_on=days_ago(5), actor=clerk).tracker_action
    gov_closed = governance.resolution_record(
        minute=gov_minute, kind="request", responsible="Head of Children in Care",
        text="That figures on care leavers in education be circulated.", owner=tm,
        due_on=days_ago(10), actor=clerk).tracker_action
    governance.tracker_action_update(action=gov_closed, kind="closed", status="closed",
                                     on=days_ago(8), note="Figures circulated", actor=clerk)
    gov_plan = governance.improvement_plan_add(
        title="Improvement Plan", starts_on=days_ago(100), ends_on=days_ago(-400), actor=sm)
    gov_priority = governance.priority_add(
        plan=gov_plan, name="Multi-Agency Safeguarding Hub", actor=sm,
        responsible="Head of Children and Families", to_improve="Quicker decisions.",
        inspectorate_said="Decisions were too slow.")
    gov_action = governance.improvement_action_add(
        priority=gov_priority, focus="practice", text="Daily MASH huddle", owner=tm,
        due_on=days_ago(-60), status="on_track", actor=sm)
    governance.measure_add(priority=gov_priority, description="Contacts decided in a day",
                           indicator_code="H-FD-01", steps=[(days_ago(-30), 90)], actor=sm)
    # LADO: an officer in the LADO team (added by the service manager, who is not in it), an
    # allegation waiting for its initial consideration (naming the CP child), one considered
    # (for the meeting and outcome forms) and one with its outcome (for the close form).
    from hearth.lado import services as lado
    lado_officer = accounts.user_create(
        username="lara.lindqvist", password=None, password_hash=password_hash(PASSWORD),
        first_name="Lara", last_name="Lindqvist", role=Role.SENIOR_PRACTITIONER,
        team=iro.team, system_job=JOB, email="lara.lindqvist@example.invalid")
    lado_member = lado.member_add(user=lado_officer, reason="Appointed LADO officer", actor=sm)
    users["lado_officer"] = lado_officer

    def allegation(received: int, children=()):
        return lado.allegation_record(
            received_on=days_ago(received), received_time=dt.time(9, 40),
            referrer_name="Casey Marchbank", referrer_agency="Oakridge Primary School",
            subject_name="Devon Ashgrove-Pike", subject_role="Teaching assistant",
            subject_employer="Oakridge Primary School", subject_sector="education",
            category="physical", summary="A pupil said the assistant pushed them hard.",
            lado_officer=lado_officer, actor=lado_officer, children=children)

    lado_awaiting = allegation(4, [child["cp"]])
    lado_considered = allegation(20)
    lado_concluded = allegation(60)
    for considered in (lado_considered, lado_concluded):
        lado.initial_consideration_record(
            allegation=considered, considered_on=considered.received_on, threshold="met",
            consideration_notes="The harm test is met.", police_involved=False,
            actor=lado_officer)
    lado.meeting_record(allegation=lado_concluded, kind="evaluation",
                        held_on=lado_concluded.received_on + dt.timedelta(days=3),
                        attendees="LADO; head teacher; HR adviser",
                        decisions="The school to investigate", actor=lado_officer)
    lado.outcome_record(allegation=lado_concluded, outcome="unsubstantiated",
                        outcome_on=days_ago(10), outcome_notes="Not enough evidence.",
                        referred_to_dbs=False, referred_to_professional_body=False,
                        professional_body="", actor=lado_officer)

    # A local closure day for the working-days pages, far enough ahead to move no deadline here.
    closure = None
    for ahead in range(200, 260):
        try:
            closure = workingdays.closure_day_add(
                actor=users["system_administrator"], date=today + dt.timedelta(days=ahead),
                reason="Offices closed for an election count")
            break
        except DomainError:
            continue

    # The service manager manages the restricted record's access list, so must be on it.
    restricted = Person.objects.filter(is_restricted=True).order_by("pk").first()
    if restricted is not None and not restricted.access_grants.filter(user=sm).exists():
        people.record_access_grant(person=restricted, user=sm, actor=sm,
                                   reason="Manages this record's access list")

    # Business support has an authenticator app set up, so its code page can be swept (the
    # sweep runs with two-factor off, so no one is asked for a code on the way).
    from django_otp.plugins.otp_totp.models import TOTPDevice
    TOTPDevice.objects.get_or_create(user=users["business_support"],
                                     defaults={"name": "Authenticator app", "confirmed": True})

    # Performance: figures computed from all of the above, one entered by hand, and
    # commentary in draft on an indicator below target, for the last complete quarter.
    from hearth.performance import periods as performance_periods
    from hearth.performance import services as performance
    from hearth.performance.selectors import latest_complete_quarter
    quarter = latest_complete_quarter(today)
    performance.figures_compute(
        periods=performance.reporting_periods(years=2, today=today), system_job="scenario")
    performance.figure_enter(code="PI.120", period=quarter, numerator="168",
                             denominator="7663", note="Careers service return",
                             actor=users["performance_analyst"])
    performance.commentary_save(code="PI.1447", quarter=quarter, performance="Falling.",
                                assurance="A recruitment drive.", impact="Cost.",
                                actor=users["team_manager"])

    gov_evaluation = governance.self_evaluation_start(
        title="Self-evaluation", as_at=today, actor=users["performance_analyst"])

    # Data quality: a run of a scenario check finds an error and a query on the CP child (the
    # query to explain) and one about the whole return.
    from hearth.dataquality import checks as dq_checks
    from hearth.dataquality import services as data_quality
    from hearth.returns.cin.validation import Failure, Outcome
    dq_failures = [
        Failure("1530", "UPN invalid (wrong check letter at character 1)",
                child["cp"].la_child_id, "ChildIdentifiers", ("UPN",), 0, ("X999000000001",)),
        Failure("2887Q", "Please check: fewer than 8 disability codes are used",
                child["cp"].la_child_id, "ChildCharacteristics", ("Disabilities",), 0, ("NONE",)),
        Failure("8898", "The whole return: a child appears twice", "")]
    dq_checks.register("cin", "Children in need census",
                       lambda as_at: ("2025 to 2026", Outcome(dq_failures, 3, {})))
    data_quality.refresh("cin", system_job="scenario")
    dq_query = child["cp"].data_quality_issues.get(rule_code="2887Q")
    # Returns: a census build running, one finished (its file a stub) and one failed, so the
    # job pages can be swept without building a return in the background.
    from hearth.returns.models import ReturnJob
    analyst, asked = users["performance_analyst"], now
    job_running = ReturnJob.objects.create(
        return_name="cin", year=2025, requested_by=analyst, requested_at=asked,
        status="running", started_at=asked, stage="Validating", unit="rules", done=120,
        total=380)
    job_finished = ReturnJob.objects.create(
        return_name="cin", year=2025, requested_by=analyst, requested_at=asked,
        status="finished", started_at=asked, finished_at=asked, children=0, errors=0,
        queries=0, outcome={"failures": [], "rules_run": 0, "crashed": {}},
        file=b"<Message/>", file_name="cin-census-2025-26.xml", content_type="application/xml")
    job_failed = ReturnJob.objects.create(
        return_name="903", year=2025, requested_by=analyst, requested_at=asked,
        status="failed", started_at=asked, finished_at=asked,
        message="Set HEARTH_LA_ONS_CODE to the local authority's 9-character ONS code.")
    allocated = child["j_authorise_allocate"].allocations.filter(end_date__isnull=True).first()
    return {
        "today": today.isoformat(),
        "users": {key: user.username for key, user in users.items()},
        "user_names": {key: user.get_full_name() for key, user in users.items()},
        "user_pks": {key: user.pk for key, user in users.items()},
        "teams": {"main": main_team.pk, "main_name": main_team.name, "door": door_team.pk,
                  "door_name": door_team.name},
        "another_worker": {"username": another_worker.username,
                           "name": another_worker.get_full_name(), "pk": another_worker.pk},
        "children": {key: str(kid.uuid) for key, kid in child.items()},
        "child_names": {key: kid.full_name for key, kid in child.items()},
        "child_first_last": {key: [kid.first_name, kid.last_name] for key, kid in child.items()},
        "allocated_worker": {"j_authorise_allocate": str(allocated.worker)},
        "restricted": str(restricted.uuid) if restricted else None,
        "ids": {
            "dq_query": dq_query.pk,
            "return_job_running": str(job_running.pk),
            "return_job_finished": str(job_finished.pk),
            "return_job_failed": str(job_failed.pk),
            "audit_programme": audit_programme.pk,
            "audit_done": audit_done.pk,
            "audit_draft": audit_draft.pk,
            "audit_action": audit_action.pk,
            "audit_tool_version": audit_done.tool_version_id,
            "lado_awaiting": lado_awaiting.pk,
            "lado_considered": lado_considered.pk,
            "lado_concluded": lado_concluded.pk,
            "lado_member": lado_member.pk,
            "perm_household": perm_household.pk,
            "perm_decision": perm_decision.pk,
            "perm_sgo": perm_sgo.pk,
            "perm_reunification": perm_reunification.pk,
            "complaint_open": complaint_open.pk,
            "complaint_open_stage": complaint_open.stages.get().pk,
            "complaint_answered": complaint_answered.pk,
            "complaint_answered_stage": complaint_answered.stages.get().pk,
            "contact_waiting": waiting.pk,
            "contact_decided": decided.pk,
            "referral_open": decided.episode.pk,
            "assessment_in_progress": fd_assessment.pk,
            "assessment_waiting": waiting_assessment.pk,
            "assessment_authorised": authorised.pk,
            "cin_plan": cin_plan.pk,
            "cin_plan_ended": ended_plan.pk,
            "tablet_cin_plan": tablet_plan.pk,
            "warning": warning.pk,
            "link": link.pk,
            "link_other": str(parent.uuid),
            "closure_day": getattr(closure, "pk", None),
            "care_period": in_care.pk,
            "care_episode": care_episode.pk,
            "care_period_ended": ended_care.pk,
            "care_episode_ended": ended_care.episodes.get().pk,
            "idle_iro_pk": idle_iro.pk,
            "iro_pk": iro.pk,
            "challenge_waiting": waiting_challenge.pk,
            "challenge_answered": answered_challenge.pk,
            "legal_case_pre": pre_case.pk,
            "legal_case_issue": issue_case.pk,
            "legal_case_court": court_case.pk,
            "missing_held": held_episode.pk,
            "missing_offered": offered_episode.pk,
            "missing_open": open_episode.pk,
            "care_leaver_record": care_leaver.pk,
            "entitlement": entitlement.pk,
            "hh_approved": hh_approved.pk,
            "hh_enquiry": hh_enquiry.pk,
            "hh_assessing": hh_assessing.pk,
            "hh_connected": hh_connected.pk,
            "provider_home": home.pk,
            "provider_unregistered": flat.pk,
            "quarter": quarter.slug,
            "quarter_open": performance_periods.quarter_containing(today).slug,
            "wf_post": wf_posts[0].pk,
            "wf_post_nqsw": wf_nqsw.post_id,
            "wf_post_vacant": wf_posts[2].pk,
            "wf_asye": wf_asye.pk,
            "gov_meeting": gov_meeting.pk,
            "gov_minute": gov_minute.pk,
            "gov_tracker_open": gov_open.pk,
            "gov_tracker_closed": gov_closed.pk,
            "gov_plan": gov_plan.pk,
            "gov_priority": gov_priority.pk,
            "gov_action": gov_action.pk,
            "gov_evaluation": gov_evaluation.pk,
        },
    }


if __name__ == "__main__":
    main(sys.argv[1])
