"""A few synthetic allegations against people who work with children, recorded through the LADO
services so that every due date, step and audit event is real.

The LADO officer is a senior practitioner of their own in the Safeguarding and Review Service
(where the LADO usually sits), put in the LADO team by a service manager; no other member of
staff is in the team, so every demo login but theirs sees nothing of it. Sectors lean to
education, as LADO annual reports do; about one referral in six is considered late; most have
their meeting and outcome; the newest still wait, one of them overdue. Names are invented.
"""

import datetime as dt
import random
from dataclasses import dataclass

from hearth.accounts import services as accounts
from hearth.accounts.models import User
from hearth.accounts.roles import Role
from hearth.core import clock
from hearth.lado import services as lado
from hearth.lado.codes import Category, Outcome, Sector, Threshold
from hearth.synthetic import names
from hearth.workingdays.selectors import current_calendar

DAYS_BACK = 420
SECTORS = {Sector.EDUCATION: 35, Sector.EARLY_YEARS: 10, Sector.SOCIAL_CARE: 10,
           Sector.FOSTER_CARER: 10, Sector.RESIDENTIAL_CARE: 8, Sector.HEALTH: 6,
           Sector.SPORT: 6, Sector.FAITH: 4, Sector.POLICE: 4, Sector.TRANSPORT: 4,
           Sector.OTHER: 3}
CATEGORIES = {Category.PHYSICAL: 40, Category.UNSUITABILITY: 25, Category.SEXUAL: 15,
              Category.EMOTIONAL: 12, Category.NEGLECT: 8}
OUTCOMES = {Outcome.UNSUBSTANTIATED: 35, Outcome.SUBSTANTIATED: 25, Outcome.UNFOUNDED: 25,
            Outcome.FALSE: 10, Outcome.MALICIOUS: 5}
ROLES = {Sector.EDUCATION: ("Teaching assistant", "Oakfield Primary School"),
         Sector.EARLY_YEARS: ("Nursery practitioner", "Little Acorns Nursery"),
         Sector.SOCIAL_CARE: ("Family support worker", "The council's family support service"),
         Sector.FOSTER_CARER: ("Foster carer", "The council's fostering service"),
         Sector.RESIDENTIAL_CARE: ("Residential care worker", "Brookside children's home"),
         Sector.HEALTH: ("Healthcare assistant", "The children's ward"),
         Sector.SPORT: ("Youth football coach", "Riverside Juniors FC"),
         Sector.FAITH: ("Youth group leader", "A local church youth group"),
         Sector.POLICE: ("Police constable", "The police force"),
         Sector.TRANSPORT: ("School taxi driver", "A home-to-school transport firm"),
         Sector.OTHER: ("Music tutor", "A private tutoring business")}
SUMMARIES = {
    Category.PHYSICAL: "A child said the adult grabbed and pushed them.",
    Category.SEXUAL: "Messages of a sexual nature were found on a child's phone.",
    Category.EMOTIONAL: "Children describe being shouted at and belittled in front of others.",
    Category.NEGLECT: "Children were left unsupervised for long periods.",
    Category.UNSUITABILITY: "The adult was arrested for an offence outside work (transferable "
                            "risk).",
}


@dataclass
class LadoResult:
    allegations: int = 0


def _pick(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _adult_name(rng: random.Random) -> str:
    return f"{names.given_name(rng, rng.choice('FM'), 'british')} {names.surname(rng, 'british')}"


def _officer(rng: random.Random, colleague: User) -> User:
    """The LADO officer, in the IROs' team, with the demo password every account shares."""
    first, last = names.given_name(rng, rng.choice("FM"), "british"), names.surname(rng,
                                                                                   "british")
    base = f"{first}.{last}".lower().replace(" ", "").replace("'", "")
    username, number = base, 1
    while User.objects.filter(username=username).exists():
        number += 1
        username = f"{base}{number}"
    return accounts.user_create(
        username=username, password=None, password_hash=colleague.password, first_name=first,
        last_name=last, role=Role.SENIOR_PRACTITIONER, team=colleague.team,
        job_title="Local Authority Designated Officer (LADO)", system_job="synthesise")


def build_lado(authority, rng: random.Random) -> LadoResult:
    """About one allegation for every 5 open children over 14 months (at least 4, at most 12)."""
    today, calendar = clock.today(), current_calendar()
    org = authority.organisation
    iros = [u for u in org.staff if u.role == Role.IRO]
    managers = [u for u in org.staff if u.role == Role.SERVICE_MANAGER]
    children = [c for c in authority.open_children if not c.is_restricted]
    if not iros or not managers:
        return LadoResult()
    officer = _officer(rng, iros[0])
    lado.member_add(user=officer, reason="LADO officer", actor=managers[0],
                    started_on=today - dt.timedelta(days=DAYS_BACK + 30))
    result = LadoResult()
    total = min(12, max(4, len(children) // 5))
    for number in range(total):
        back = rng.randint(0, 3) if number < 2 else rng.randint(20, DAYS_BACK)
        received = min(today, today - dt.timedelta(days=back))
        sector, category = _pick(rng, SECTORS), _pick(rng, CATEGORIES)
        role, employer = ROLES[sector]
        allegation = lado.allegation_record(
            received_on=received, received_time=dt.time(rng.randint(8, 17), rng.choice((0, 30))),
            referrer_name=_adult_name(rng), referrer_agency=employer,
            subject_name=_adult_name(rng),
            subject_role=role, subject_employer=employer, subject_sector=sector,
            category=category, summary=SUMMARIES[category], lado_officer=officer, actor=officer,
            children=[rng.choice(children)] if children and rng.random() < 0.6 else [])
        result.allegations += 1
        if number == 0:
            continue  # the newest waits (overdue once its working day has passed)
        late = rng.random() < 0.17
        considered = calendar.add_working_days(received, rng.randint(2, 4) if late else
                                               rng.choice((0, 1)))
        if considered > today:
            continue
        threshold = Threshold.MET if rng.random() < 0.7 else Threshold.NOT_MET
        lado.initial_consideration_record(
            allegation=allegation, considered_on=considered, threshold=threshold,
            consideration_notes="Information gathered from the employer and checks made.",
            police_involved=category in (Category.SEXUAL, Category.UNSUITABILITY), actor=officer)
        if threshold == Threshold.MET:
            held = calendar.add_working_days(considered, rng.randint(3, 7))
            if held > today:
                continue
            lado.meeting_record(allegation=allegation, kind="strategy" if category in (
                Category.SEXUAL, Category.UNSUITABILITY) else "evaluation", held_on=held,
                attendees="LADO; employer's designated officer; HR adviser",
                decisions="The employer to investigate and report back to the LADO.",
                actor=officer)
        concluded = considered + dt.timedelta(days=rng.randint(5, 120))
        if concluded > today:
            continue
        outcome = _pick(rng, OUTCOMES)
        substantiated = outcome == Outcome.SUBSTANTIATED
        lado.outcome_record(
            allegation=allegation, outcome=outcome, outcome_on=concluded,
            outcome_notes="The employer's investigation concluded and the LADO agreed.",
            referred_to_dbs=substantiated and rng.random() < 0.6,
            referred_to_professional_body=substantiated and sector == Sector.EDUCATION,
            professional_body="Teaching Regulation Agency" if substantiated
            and sector == Sector.EDUCATION else "", actor=officer)
        closed = concluded + dt.timedelta(days=rng.randint(0, 20))
        if closed <= today:
            lado.allegation_close(allegation=allegation, closed_on=closed, actor=officer)
    return result
