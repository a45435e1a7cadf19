"""The words in synthetic casework: concerns, reasons and the people at meetings. Invented."""

import random

from hearth.frontdoor.codes import ContactDecision, ReferralSource
from hearth.protection.codes import Agency
from hearth.synthetic import names

D = ContactDecision
R = ReferralSource

# Where contacts come from (KPIS.md H-FD-03, Dudley 2019/20, as weights).
SOURCES: dict[str, float] = {
    R.POLICE: 23.7, R.SCHOOLS: 20.4, R.HEALTH_VISITOR: 4.0, R.HEALTH_GP: 3.0,
    R.HEALTH_A_AND_E: 3.5, R.HEALTH_OTHER: 5.4, R.LA_EARLY_HELP: 5.0, R.LA_SOCIAL_CARE: 3.0,
    R.LA_ANOTHER_LA: 2.6, R.HOUSING: 1.3, R.INDIVIDUAL_FAMILY: 4.1, R.INDIVIDUAL_SELF: 2.0,
    R.OTHER_LEGAL_AGENCY: 5.4, R.OTHER: 10.0, R.EDUCATION_SERVICES: 2.7, R.ANONYMOUS: 4.1,
}

CONCERNS: dict[str, tuple[str, ...]] = {
    R.POLICE: ("Police notification: domestic incident at the home; the children were present.",
               "Police found the children home alone late at night.",
               "Police notification: parent arrested; concerns about who is caring for the child."),
    R.SCHOOLS: ("School concerned about the child's attendance, hygiene and hunger.",
                "The child disclosed to a teacher that they were hit at home.",
                "School worried about marks on the child's arm and a change in behaviour."),
    R.HEALTH_VISITOR: ("Health visitor concerned about home conditions and the baby's weight.",),
    R.HEALTH_A_AND_E: ("Injury to the child with an explanation that does not fit.",
                       "Young person attended A&E after an overdose."),
}
GENERAL_CONCERNS = (
    "Worries about neglect: the home is cold and there is little food.",
    "Parent's mental health has deteriorated; the children are caring for them.",
    "Concerns about parental drug use and the care of the children.",
    "The young person is going missing overnight and may be exploited.",
    "Family in crisis after eviction; asking for help.",
)

DECISION_REASONS: dict[str, tuple[str, ...]] = {
    D.NO_FURTHER_ACTION: ("No role for children's social care; the family is supported already.",
                          "Information shared; no concerns for the child's safety."),
    D.INFORMATION_AND_ADVICE: ("Advice given to the referrer about support in school.",
                               "Signposted the parent to local support services."),
    D.EARLY_HELP: ("Needs can be met by an early help assessment with the family's consent.",
                   "Stepped down to the early help team."),
    D.REFERRAL: ("Needs an assessment by children's social care.",
                 "Concerns meet the threshold for a child and family assessment."),
    D.STRATEGY_DISCUSSION: ("Reasonable cause to suspect the child is suffering significant harm.",
                            "Injury with no explanation: strategy discussion today."),
}

LATENESS_REASONS = (
    "Waiting for the police and health checks to come back.",
    "Family did not engage with appointments; assessment extended.",
    "Worker absence; case reallocated within the team.",
    "Needed an interpreter for the parent's interviews.",
)
ICPC_DELAY_REASONS = (
    "Moved at the family's request so that a parent could attend.",
    "No conference chair was available within timescales.",
    "Waiting for the medical report.",
)
CIN_END_REASONS = ("Needs met", "Stepped down to early help", "Family moved away",
                   "Reviewed: a new plan was agreed")
PARTNER_ROLES: dict[str, tuple[str, ...]] = {
    Agency.POLICE: ("Public Protection Unit", "Police officer"),
    Agency.HEALTH: ("Health visitor", "School nurse", "GP", "Paediatrician"),
    Agency.EDUCATION: ("Designated safeguarding lead", "Head teacher"),
    Agency.OTHER: ("Domestic abuse advocate", "Housing officer", "Drug and alcohol worker"),
}
CONTRIBUTIONS = ("Attendance and presentation in school this term.",
                 "Health history and developmental checks.",
                 "Police call-outs to the address in the last year.")


def pick(rng: random.Random, weighted: dict[str, float]) -> str:
    return rng.choices(list(weighted), weights=list(weighted.values()))[0]


def concern(rng: random.Random, source: str) -> str:
    return rng.choice(CONCERNS.get(source, GENERAL_CONCERNS))


def participants(rng: random.Random, agencies: tuple[str, ...]) -> tuple[dict, ...]:
    return tuple({"agency": agency, "role": rng.choice(PARTNER_ROLES[agency]),
                  "name": f"{names.given_name(rng, rng.choice('FM'), 'british')} "
                          f"{names.surname(rng, 'british')}",
                  "attended": rng.random() < 0.85, "contributed": rng.random() < 0.5}
                 for agency in agencies)
