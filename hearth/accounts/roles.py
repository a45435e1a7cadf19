"""Who may do what: the one table that maps each role to its permissions.

Deny by default: a permission that is not listed here for a role is refused, and every view
declares the permission it needs (hearth.core.permissions). Which *records* a permitted user may
see is decided separately, in each app's access helpers (for children: hearth.people.access).
"""

from django.db import models


class Role(models.TextChoices):
    SOCIAL_WORKER = "social_worker", "Social worker"
    SENIOR_PRACTITIONER = "senior_practitioner", "Senior practitioner"
    TEAM_MANAGER = "team_manager", "Team manager"
    SERVICE_MANAGER = "service_manager", "Service manager or head of service"
    IRO = "iro", "Independent reviewing officer or CP chair"
    BUSINESS_SUPPORT = "business_support", "Business support"
    PERFORMANCE_ANALYST = "performance_analyst", "Performance analyst"
    SYSTEM_ADMINISTRATOR = "system_administrator", "System administrator"


SW, SP, TM, SM = (
    Role.SOCIAL_WORKER,
    Role.SENIOR_PRACTITIONER,
    Role.TEAM_MANAGER,
    Role.SERVICE_MANAGER,
)
IRO, BS, PA, ADMIN = (
    Role.IRO,
    Role.BUSINESS_SUPPORT,
    Role.PERFORMANCE_ANALYST,
    Role.SYSTEM_ADMINISTRATOR,
)
PRACTITIONERS = (SW, SP, TM, SM)

# permission -> (roles that hold it, what it allows)
PERMISSIONS: dict[str, tuple[tuple[Role, ...], str]] = {
    "people.view_child": (
        (*PRACTITIONERS, IRO, BS),
        "Open a person's record (restricted records need a place on their access list)",
    ),
    "people.search_people": ((*PRACTITIONERS, IRO, BS), "Search for people"),
    "people.add_person": ((*PRACTITIONERS, BS), "Create a person's record"),
    "people.change_person": (
        (*PRACTITIONERS, BS),
        "Edit details, addresses, family and network of children allocated to the user's own "
        "team or not allocated",
    ),
    "people.change_any_person": ((SM, BS), "Edit any visible person, whichever team holds them"),
    "people.manage_warnings": (PRACTITIONERS, "Add and end warnings on a record"),
    "people.manage_restricted_access": (
        (SM,),
        "Restrict a record and decide who is on its access list",
    ),
    "cases.allocate_worker": ((TM, SM), "Allocate or reallocate a child's worker and team"),
    "cases.view_team_caseload": (
        (*PRACTITIONERS, BS),
        "See the children allocated to a team, by name",
    ),
    "cases.view_caseload_figures": (
        (TM, SM, PA),
        "See caseload counts per team and worker (no names, no case notes)",
    ),
    "cases.add_chronology_entry": (PRACTITIONERS, "Add an entry to a child's chronology"),
    "cases.view_case_notes": ((*PRACTITIONERS, IRO, BS), "Read case notes and visits"),
    "cases.add_case_note": ((*PRACTITIONERS, IRO), "Write a case note"),
    "cases.record_management_decision": ((TM, SM), "Record a case note as a manager's decision"),
    "cases.record_visit": (PRACTITIONERS, "Record a statutory visit"),
    "cases.view_my_work": ((*PRACTITIONERS, IRO), "See my own statutory tasks"),
    "cases.view_team_work": ((SP, TM, SM, BS), "See a team's statutory tasks"),
    "cases.view_service_work": ((SM,), "See every team's statutory tasks"),
    "frontdoor.view_mash_queue": ((*PRACTITIONERS, BS), "See the MASH queue of open contacts"),
    "frontdoor.record_contact": ((*PRACTITIONERS, BS), "Record a contact at the front door"),
    "frontdoor.rate_contact": ((SP, TM, SM), "Give a contact its RAG rating"),
    "frontdoor.decide_contact": ((TM, SM), "Decide what happens to a contact"),
    "frontdoor.record_referral": (PRACTITIONERS, "Record or change a referral"),
    "frontdoor.close_case": ((TM, SM), "Close a child's episode of need with its reason"),
    "assessments.record_assessment": (PRACTITIONERS, "Start and record an assessment"),
    "assessments.authorise_assessment": ((TM, SM), "Authorise a completed assessment"),
    "protection.record_strategy_discussion": (PRACTITIONERS, "Record a strategy discussion"),
    "protection.record_section47": (PRACTITIONERS, "Start and conclude a section 47 enquiry"),
    "protection.record_conference": ((TM, SM, IRO, BS), "Record a child protection conference"),
    "protection.record_core_group": ((*PRACTITIONERS, BS), "Record a core group meeting"),
    "protection.end_cp_plan": ((TM, SM, IRO), "End a child protection plan"),
    "protection.view_cp_plan_durations": (
        (TM, SM, IRO), "See open child protection plans by how long they have lasted"),
    "protection.view_partner_attendance": (
        (TM, SM, IRO, PA), "See partner agencies' attendance at conferences and core groups"),
    "cin.record_cin_plan": (PRACTITIONERS, "Start, review and end a child in need plan"),
    "care.record_care": (
        PRACTITIONERS,
        "Take a child into care, record a change of legal status or placement, and end care "
        "(the casework of the child's social worker and their managers)"),
    "care.allocate_iro": (
        (TM, SM, IRO),
        "Allocate a looked-after child's IRO (managers, or the IRO service allocating itself)"),
    "care.record_cla_review": (
        (IRO,),
        "Record a looked-after review: the IRO chairs it and is responsible for its record"),
    "care.sign_off_placement": (
        (SM,),
        "Sign off a placement in unregistered or unregulated provision, or of an under-16 in "
        "supported accommodation (the head of service's decision, T41-T42)"),
    "care.view_placement_sign_offs": (
        (TM, SM),
        "See every current placement needing head of service sign-off (the weekly review)"),
    "care.view_iro_caseload": (
        (IRO, SM),
        "See an IRO's looked-after children and their next reviews (IROs see their own)"),
    "missing.record_missing_episode": (
        (*PRACTITIONERS, BS), "Record a missing episode and the child's return"),
    "missing.record_police_notification": (
        (BS, TM, SM), "Record a police missing-person notification (creates or links an episode)"),
    "missing.record_return_interview": (
        PRACTITIONERS, "Record return home interview offers and the interview or its decline"),
    "missing.view_missing_report": (
        (TM, SM, PA),
        "See the missing children report (figures by team; names only with people.view_child)"),
    "leaving_care.record_care_leaver": (
        PRACTITIONERS,
        "Record a care leaver's category, pathway plan, contacts, accommodation and activity, "
        "Staying Put and entitlements"),
    "leaving_care.allocate_personal_adviser": (
        (TM, SM), "Allocate a care leaver's personal adviser"),
    "leaving_care.view_care_leavers": (
        (*PRACTITIONERS, BS), "See the list of care leavers, by name"),
    "leaving_care.view_care_leaver_figures": (
        (TM, SM, PA), "See care leavers' in touch, accommodation and activity figures (no names)"),
    "iro.raise_challenge": (
        (IRO,),
        "Raise, escalate and resolve an IRO challenge (dispute resolution) about a child"),
    "iro.respond_to_challenge": (
        (SW, SP, TM, SM), "Respond to an IRO challenge addressed to you"),
    "iro.view_challenge_report": (
        (IRO, SM, PA),
        "See the IRO challenges report by quarter (names only with people.view_child)"),
    # Fostering (hearth.fostering): carers' records are adults' sensitive data, open to the
    # practitioners and business support who work with them, never to IROs or analysts.
    "fostering.view_households": (
        (*PRACTITIONERS, BS),
        "Open fostering households' records and the households list (each opening audited)"),
    "fostering.record_enquiry": ((*PRACTITIONERS, BS), "Record a fostering enquiry"),
    "fostering.record_assessment": (
        PRACTITIONERS,
        "Record a household's initial visit, assessment start, annual reviews and details"),
    "fostering.grant_temporary_approval": (
        (TM, SM),
        "Approve a connected person temporarily for a named child, or extend it (reg 24-25)"),
    "fostering.record_panel": (
        (TM, SM, BS), "Record the fostering panel's recommendation (the panel adviser's job)"),
    "fostering.record_adm_decision": (
        (SM,), "Record the agency decision maker's decision on a panel recommendation"),
    "fostering.change_household_status": (
        (TM, SM), "Put carers on hold, back from hold, or record their resignation"),
    "fostering.allocate_supervising_social_worker": (
        (TM, SM), "Allocate a household's supervising social worker"),
    "fostering.view_fostering_work": (
        (SW, SP, TM, SM), "See the fostering worklist (reviews, decisions, temporary approvals)"),
    "fostering.find_carer": (PRACTITIONERS, "Search approved carers with vacancies"),
    "fostering.link_placement": (
        PRACTITIONERS, "Say which fostering household a child's foster placement is with"),
    "fostering.view_providers": (
        (*PRACTITIONERS, IRO, BS, PA),
        "See the register of residential and supported-accommodation providers"),
    "fostering.manage_providers": ((TM, SM, BS), "Add and change providers on the register"),
    "court.record_legal_gateway_panel": (
        (TM, SM), "Record a Legal Gateway Panel's decision (managers chair and minute it)"),
    "court.record_pre_proceedings": (
        PRACTITIONERS,
        "Record the letter before proceedings, pre-proceedings meetings and their outcome"),
    "court.record_proceedings": (
        PRACTITIONERS,
        "Record a care proceedings application, hearings, interim orders, extensions and the "
        "final order"),
    "court.view_plo_tracker": (
        (TM, SM, IRO, PA),
        "See the PLO tracker and proceedings figures (names only with people.view_child)"),
    # Health and education of children in care (hearth.health_education)
    "health_education.record_health": (
        PRACTITIONERS,
        "Record a looked-after child's health assessments, dental checks, immunisations and "
        "SDQ"),
    "health_education.record_education": (
        PRACTITIONERS,
        "Record a looked-after child's personal education plans and school and Virtual "
        "School contact"),
    # Permanence (hearth.permanence)
    "permanence.record_permanence": (
        PRACTITIONERS,
        "Record a looked-after child's permanence plan, panels, adoption steps, special "
        "guardianship, long-term match, return home and previous permanence order"),
    "permanence.record_adoption_decision": (
        (SM,), "Record the agency decision maker's decision that a child should be placed "
        "for adoption"),
    "permanence.view_tracker": (
        (TM, SM, IRO, PA),
        "See the permanence tracker (names only with people.view_child)"),
    "permanence.view_adopters": ((*PRACTITIONERS, PA), "See the prospective adopters"),
    "permanence.manage_adopters": (
        PRACTITIONERS, "Record prospective adopters, their assessment stages and leaving"),
    # Workforce and supervision (hearth.workforce): staff data, not children's records.
    "workforce.view_workforce": (
        (TM, SM, PA),
        "See posts, FTE, agency and vacancies by team, starters and leavers, ASYE and caseloads"),
    "workforce.manage_workforce": (
        (SM, BS),
        "Add posts, record who holds a post and when they leave, and record ASYE programmes"),
    "workforce.record_staff_supervision": (
        (SP, TM, SM), "Record a member of staff's supervision and when the next is due"),
    "workforce.record_case_supervision": (
        (SP, TM, SM), "Record case supervision on a child's record (decisions and actions)"),
    "workforce.view_supervision_report": (
        (TM, SM, PA), "See case supervision timeliness by team (figures, no names)"),
    "workforce.manage_supervision_standards": (
        (SM,), "Set how often case supervision is required for each level of need"),
    # Statutory returns (hearth.returns): the census files hold every child's identifiers.
    "returns.export_returns": (
        (PA, SM),
        "Download the statutory returns and see their DfE validation failures by child ID"),
    # Data quality (hearth.dataquality): the returns' DfE validation failures as issues on the
    # children's records, for the team that holds each child; analysts see child IDs only.
    "dataquality.view_team_issues": (
        (*PRACTITIONERS, BS),
        "See the data-quality issues of the children your team holds (the worklist, My work "
        "and the child's record)"),
    "dataquality.view_all_issues": (
        (SM, PA),
        "See every team's data-quality issues and those about a whole return (child IDs, "
        "names only with people.view_child)"),
    "dataquality.explain_query": (
        (*PRACTITIONERS, PA), "Explain a data-quality query so it may stand in the return"),
    "dataquality.run_checks": ((TM, SM, PA), "Run the data-quality checks now"),
    # Complaints (hearth.complaints): the complaints team is business support in this role
    # model; managers answer complaints about their service.
    "complaints.view_complaints": (
        (TM, SM, BS),
        "Open complaints, the complaints work list, compliments and comments (opening a "
        "complaint that names a child is audited as a read of the child's record)"),
    "complaints.record_complaint": (
        (TM, SM, BS),
        "Record a complaint, a request for its next stage, an agreed extension, a compliment "
        "or a comment"),
    "complaints.respond_to_complaint": (
        (TM, SM),
        "Record the response to a complaint you answer (or are copied into) and its learning "
        "monitoring form"),
    "complaints.check_lateness_reason": (
        (SM, BS),
        "Quality-check a manager's reason for a late complaint response: accept it or send it "
        "back for more"),
    "complaints.view_complaint_report": (
        (TM, SM, BS, PA),
        "See the complaints report: timeliness by stage and quarter, themes and outcomes "
        "(learning and reasons for lateness only with complaints.view_complaints)"),
    # Case file audits (hearth.audits): audits are records about a child, open to the
    # practitioners who audit (senior practitioners and managers); workers see and finish their
    # own actions; analysts see the report's figures, never a child's name.
    "audits.view_audits": (
        (SP, TM, SM),
        "Open case file audits, programmes and tools (each audit opened is audited as a read of "
        "the child's record)"),
    "audits.carry_out_audit": (
        (SP, TM, SM),
        "Audit a child's case file, set actions for the worker or manager, and close the loop"),
    "audits.complete_own_action": (
        PRACTITIONERS, "Record an audit action set for you as done, with its evidence"),
    "audits.manage_programmes": (
        (SM,), "Plan audit programmes, make audit tool versions and record service deep dives"),
    "audits.view_audit_reports": (
        (TM, SM, PA),
        "See the case file audit report (grades, themes, actions) and the deep-dive schedule"),
    # Committee work, the improvement plan and self-evaluation (hearth.governance): aggregate
    # records, no child's. Business support is democratic services' support in this role model.
    "governance.view_governance": (
        (TM, SM, BS, PA),
        "See committee meetings and minutes, the Progress Tracker, the improvement plan and "
        "its progress report, and self-evaluations"),
    "governance.manage_committee": (
        (SM, BS),
        "Record committees, meetings, agenda items, attendance, declarations of interest, "
        "minutes and resolutions, and update, chase and close tracker actions"),
    "governance.manage_improvement_plan": (
        (SM, PA),
        "Add improvement priorities, actions and target profiles, and update actions' status "
        "and evidence of impact"),
    "governance.write_self_evaluation": (
        (SM, PA), "Start, write and export the self-evaluation"),
    # Allegations against people who work with children (hearth.lado): a role only says who
    # MAY be in the LADO team; membership of it (lado.LadoTeamMember) is what opens the area,
    # and anyone outside it gets a 404. Administrators and analysts can never be members.
    "lado.view_allegations": (
        (*PRACTITIONERS, IRO, BS),
        "Open the LADO area: allegations, meetings, outcomes and the yearly figures (only "
        "while in the LADO team)"),
    "lado.record_allegation": (
        (*PRACTITIONERS, IRO, BS),
        "Record and correct an allegation referred to the LADO, and its meetings (only while "
        "in the LADO team)"),
    "lado.record_lado_decision": (
        (*PRACTITIONERS, IRO),
        "Record the LADO's initial consideration, the outcome and referrals on, and close an "
        "allegation (only while in the LADO team)"),
    "lado.manage_lado_team": (
        (SM,), "Say who is in the LADO team (never yourself); shows no allegation"),
    "core.view_audit_trail": ((ADMIN,), "Search the audit trail"),
    "workingdays.manage_closure_days": ((ADMIN,), "Add and remove local closure days"),
    "api.use_api": (
        (*PRACTITIONERS, IRO, BS, PA),
        "Call the REST API (each endpoint also needs its own permission)",
    ),
    "performance.view_scorecard": (
        (TM, SM, PA),
        "See the performance scorecard, indicator figures and the committee report"),
    "performance.manage_figures": (
        (PA,),
        "Compute and freeze figures, enter figures Hearth cannot compute, and record the "
        "child population"),
    "performance.write_commentary": (
        (TM, SM, PA), "Draft exception commentary on an indicator below target"),
    "performance.approve_commentary": (
        (SM,), "Approve exception commentary for the committee (the service director)"),
}


def permissions_for(role: str) -> frozenset[str]:
    return _BY_ROLE.get(role, frozenset())


def _index() -> dict[str, frozenset[str]]:
    by_role: dict[str, set[str]] = {role.value: set() for role in Role}
    for permission, (roles, _description) in PERMISSIONS.items():
        for role in roles:
            by_role[role.value].add(permission)
    return {role: frozenset(perms) for role, perms in by_role.items()}


_BY_ROLE = _index()
