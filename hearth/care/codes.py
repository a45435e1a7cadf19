"""DfE SSDA903 code lists for children in care, with the DfE codes as stored values.

Labels follow RETURNS.md section 3.2 (paraphrased from the DfE guide; where RETURNS.md says
"verify", the label says so too).
"""

from django.db import models


class LegalStatus(models.TextChoices):
    """LS (903 rule 144)."""

    C1 = "C1", "Interim care order"
    C2 = "C2", "Full care order"
    D1 = "D1", "Freeing order granted"
    E1 = "E1", "Placement order granted"
    V2 = "V2", "Single period of accommodation under section 20"
    V3 = "V3", "Agreed series of short-term breaks, individual episodes recorded"
    V4 = "V4", "Agreed series of short-term breaks, agreements recorded"
    L1 = "L1", "Under police protection and in local authority accommodation"
    L2 = "L2", "Emergency protection order"
    L3 = "L3", "Under a child assessment order and in local authority accommodation"
    J1 = "J1", "Remanded to local authority or youth detention accommodation"
    J2 = "J2", "Placed in local authority accommodation under PACE 1984"
    J3 = "J3", "Youth rehabilitation order with residence or intensive fostering requirement"


YOUTH_JUSTICE_STATUSES = frozenset({LegalStatus.J1, LegalStatus.J2, LegalStatus.J3})


class CategoryOfNeed(models.TextChoices):
    """CIN (903 rule 145): the main reason the child is looked after."""

    N1 = "N1", "Abuse or neglect"
    N2 = "N2", "Child's disability"
    N3 = "N3", "Parental disability or illness"
    N4 = "N4", "Family in acute stress"
    N5 = "N5", "Family dysfunction"
    N6 = "N6", "Socially unacceptable behaviour"
    N7 = "N7", "Low income"
    N8 = "N8", "Absent parenting"


class PlacementType(models.TextChoices):
    """PLACE (903 rule 146)."""

    A3 = "A3", "Placed for adoption with parental consent, with current foster carers"
    A4 = "A4", "Placed for adoption with parental consent, not with current foster carers"
    A5 = "A5", "Placed for adoption under a placement order, with current foster carers"
    A6 = "A6", "Placed for adoption under a placement order, not with current foster carers"
    K1 = "K1", "Secure children's home"
    K2 = "K2", "Children's home"
    K3 = "K3", "K3 (new code: label to verify)"
    P1 = "P1", "Placed with own parent(s) or others with parental responsibility"
    P3 = "P3", "Residential employment"
    R1 = "R1", "Residential care home"
    R2 = "R2", "NHS or health trust, or other medical or nursing establishment"
    R3 = "R3", "Family centre or mother and baby unit"
    R5 = "R5", "Young offender institution"
    S1 = "S1", "Residential school"
    T0 = "T0", "Temporary placement: hospital"
    T1 = "T1", "Temporary placement: holiday"
    T2 = "T2", "Temporary placement: carer's holiday"
    T3 = "T3", "Temporary placement of 7 days or less"
    T4 = "T4", "Temporary placement (T4)"
    U1 = "U1", "Foster placement with relative or friend: long-term fostering"
    U2 = "U2", "Foster placement with relative or friend: fostering for adoption or concurrent"
    U3 = "U3", "Foster placement with relative or friend: other"
    U4 = "U4", "Foster placement with other foster carer: long-term fostering"
    U5 = "U5", "Foster placement with other foster carer: fostering for adoption or concurrent"
    U6 = "U6", "Foster placement with other foster carer: other"
    Z11 = "Z11", "Other placement (Z11: label to verify)"
    Z12 = "Z12", "Other placement (Z12: label to verify)"
    Z13 = "Z13", "Other placement (Z13: label to verify)"
    Z14 = "Z14", "Other placement (Z14: label to verify)"


ADOPTION_OR_FOSTERING = frozenset({"A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"})
# PLACE_PROVIDER is blank for these (rule 178).
NO_PROVIDER_PLACEMENTS = frozenset({"T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14"})
# No Ofsted URN is needed for these (rule 218).
NO_URN_PLACEMENTS = frozenset({"P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4",
                               "Z11", "Z12", "Z13", "Z14"})
# Own or other LA provision cannot be these (rules 527, 528).
NOT_LA_PROVIDED = frozenset({"P1", "R2", "R5"})


class ProviderType(models.TextChoices):
    """PLACE_PROVIDER (903 rule 178)."""

    PR0 = "PR0", "Parent(s) or other person with parental responsibility"
    PR1 = "PR1", "Own local authority"
    PR2 = "PR2", "Other local authority"
    PR3 = "PR3", "Other public sector"
    PR4 = "PR4", "Private provision"
    PR5 = "PR5", "Voluntary or third sector provision"


class Provision(models.TextChoices):
    """How the placement is regulated: not a 903 field but what decides head of service
    sign-off (TIMESCALES.md T41, T42)."""

    REGISTERED = "registered", "Registered with Ofsted, or family-based care that needs none"
    SUPPORTED = "supported", "Supported accommodation (for young people aged 16 or 17)"
    UNREGISTERED = "unregistered", "Unregistered: care that should be registered but is not"
    UNREGULATED = "unregulated", "Unregulated: provision not regulated by Ofsted"


class ReasonNewEpisode(models.TextChoices):
    """RNE (903 rule 143)."""

    S = "S", "Started to be looked after"
    L = "L", "Change of legal status only"
    P = "P", "Change of placement and carer(s) only"
    B = "B", "Change of legal status and placement and carer(s)"
    T = "T", "Change of placement, same carer(s)"
    U = "U", "Change of legal status and placement, same carer(s)"


class ReasonEpisodeCeased(models.TextChoices):
    """REC (903 rule 149). X1 ends an episode inside a period; the others end the period."""

    E11 = "E11", "Adopted: application unopposed"
    E12 = "E12", "Adopted: consent dispensed with by the court"
    E2 = "E2", "Died"
    E3 = "E3", "Care taken over by another local authority"
    E4A = "E4A", "Returned home to parents or others with parental responsibility, as part of "\
        "the care plan"
    E4B = "E4B", "Returned home to parents or others with parental responsibility, not as part "\
        "of the care plan"
    E13 = "E13", "Left care to live with parents or relatives without parental responsibility"
    E41 = "E41", "Residence or child arrangements order granted"
    E45 = "E45", "Special guardianship order to former foster carers who are relatives or friends"
    E46 = "E46", "Special guardianship order to other former foster carers"
    E47 = "E47", "Special guardianship order to other relatives or friends"
    E48 = "E48", "Special guardianship order to other carers"
    E5 = "E5", "Moved to independent living with formal support"
    E6 = "E6", "Moved to independent living without formal support"
    E7 = "E7", "Transferred to residential care funded by adult social care"
    E8 = "E8", "Period of being looked after ceased for any other reason"
    E9 = "E9", "Sentenced to custody"
    E14 = "E14", "Accommodation on remand ended"
    E15 = "E15", "Age assessment found the person to be 18 or over (verify)"
    E16 = "E16", "Child moved abroad"
    E17 = "E17", "Aged 18 and stayed with current carers (for example Staying Put)"
    X1 = "X1", "Episode ceases and a new one begins on the same day"


LEAVING_CARE_REASONS = [(code, label) for code, label in ReasonEpisodeCeased.choices
                        if code != ReasonEpisodeCeased.X1]
FOSTERING_SGO_REASONS = frozenset({"E45", "E46"})  # need a U1-U6 placement (rule 516)
FOSTER_PLACEMENTS = frozenset({"U1", "U2", "U3", "U4", "U5", "U6"})


class ReasonPlaceChange(models.TextChoices):
    """REASON_PLACE_CHANGE (903 rule 1009)."""

    CARPL = "CARPL", "Change to or implementing the care plan"
    CLOSE = "CLOSE", "Resignation of the carer, or closure of the provision"
    ALLEG = "ALLEG", "Allegation (section 47)"
    STAND = "STAND", "Concern about standards of care"
    APPRR = "APPRR", "Approval removed"
    CREQB = "CREQB", "Carer's request because of the child's behaviour"
    CREQO = "CREQO", "Carer's request for another reason"
    CHILD = "CHILD", "Child's request"
    LAREQ = "LAREQ", "Request of the responsible or area authority"
    PLACE = "PLACE", "Change in the status of the placement only"
    CUSTOD = "CUSTOD", "Custody arrangement"
    OTHER = "OTHER", "Other"


class Participation(models.TextChoices):
    """REVIEW_CODE (903 rule 167): how the child took part in the review."""

    PN0 = "PN0", "Child under 4 at the time of the review"
    PN1 = "PN1", "Attended and spoke for themselves"
    PN2 = "PN2", "Attended, and an advocate spoke for them"
    PN3 = "PN3", "Attended and conveyed their views non-verbally"
    PN4 = "PN4", "Attended but did not contribute"
    PN5 = "PN5", "Did not attend, and briefed an advocate"
    PN6 = "PN6", "Did not attend, and conveyed their views by other means (for example in "\
        "writing)"
    PN7 = "PN7", "Did not attend, and their views were not conveyed"
