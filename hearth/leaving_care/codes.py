"""Code lists for care leavers. Values are the DfE's SSDA903 OC3 codes where one exists.

Labels come from /work/shared/domain/RETURNS.md section 3.2 (table OC3). Where RETURNS.md says
"verify", the label keeps "(verify)" in this module's comments and should be checked against the
DfE's 903 guide for the collection year before a return is built from it. RETURNS.md gives the
ACCOM codes but not what each letter means: the letter labels below are from the DfE's 903 guide
as we remember it and are all marked "verify" for that reason.
"""

from django.db import models


class Category(models.TextChoices):
    """Eligibility under the Children Act 1989 s19B, 23A-24 (Children (Leaving Care) Act 2000)."""

    ELIGIBLE = "eligible", "Eligible (16 or 17, still looked after)"
    RELEVANT = "relevant", "Relevant (16 or 17, has left care)"
    FORMER_RELEVANT = "former_relevant", "Former relevant (18 to 25)"
    QUALIFYING = "qualifying", "Qualifying (16 to 25)"


class InTouch(models.TextChoices):
    """903 IN_TOUCH (rule 131)."""

    YES = "YES", "Yes, in touch"
    NO = "NO", "No, not in touch"
    DIED = "DIED", "Died"
    REFU = "REFU", "Refuses contact"
    NREQ = "NREQ", "No longer requires services"
    RHOM = "RHOM", "Returned home"  # verify (RETURNS.md)


class Activity(models.TextChoices):
    """903 ACTIV (rule 132). F/P = full or part time; 4 and 5: verify (RETURNS.md)."""

    F1 = "F1", "Full time in higher education"
    P1 = "P1", "Part time in higher education"
    F2 = "F2", "Full time in other education"
    P2 = "P2", "Part time in other education"
    F4 = "F4", "Full time in training or employment"  # verify
    P4 = "P4", "Part time in training or employment"  # verify
    F5 = "F5", "Full time in an apprenticeship"  # verify
    P5 = "P5", "Part time in an apprenticeship"  # verify
    G4 = "G4", "Not in education, training or employment: illness or disability"  # verify
    G5 = "G5", "Not in education, training or employment: other reasons"  # verify
    G6 = "G6", "Not in education, training or employment: pregnancy or parenting"  # verify


IN_EDUCATION_EMPLOYMENT_OR_TRAINING = frozenset(
    {Activity.F1, Activity.P1, Activity.F2, Activity.P2, Activity.F4, Activity.P4,
     Activity.F5, Activity.P5})


class Accommodation(models.TextChoices):
    """903 ACCOM (rule 133): the letter is the type; the return adds 1 (suitable) or 2
    (unsuitable). Every letter label: verify (RETURNS.md gives the codes only)."""

    B = "B", "With parents or relatives"
    C = "C", "Community home or other residential care"
    D = "D", "Semi-independent, transitional accommodation"
    E = "E", "Supported lodgings"
    G = "G", "Gone abroad"
    H = "H", "Deported"
    K = "K", "Ordinary lodgings, without formal support"
    R = "R", "Residence not known"
    S = "S", "No fixed abode or homeless"
    T = "T", "Foyers and similar supported accommodation"
    U = "U", "Independent living, for example a flat or tenancy"
    V = "V", "Emergency accommodation, for example a night shelter"
    W = "W", "Bed and breakfast"
    X = "X", "In custody"
    Y = "Y", "Other accommodation"
    Z = "Z", "With former foster carers"


# The 903 list has S2 and X2 but no S1 or X1: these are never suitable.
NEVER_SUITABLE = frozenset({Accommodation.S, Accommodation.X})


class ContactKind(models.TextChoices):
    VISIT = "visit", "Visit"
    PHONE = "phone", "Phone call"
    VIDEO = "video", "Video call"
    MESSAGE = "message", "Message"


class Entitlement(models.TextChoices):
    SETTING_UP_HOME = "setting_up_home", "Setting-up-home allowance"
    HIGHER_EDUCATION_BURSARY = "higher_education_bursary", "Higher education bursary"
    COUNCIL_TAX = "council_tax", "Council tax exemption"
    TRAVEL = "travel", "Travel"
    LEISURE_PASS = "leisure_pass", "Leisure pass"
    OTHER = "other", "Other"
