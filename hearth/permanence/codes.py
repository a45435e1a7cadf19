"""Code lists for permanence: the plan types and stages Hearth tracks, and the 903 and Annex A
codes for adoption (RETURNS.md §3.2; labels marked "verify" are paraphrased)."""

from django.db import models


class PlanType(models.TextChoices):
    ADOPTION = "adoption", "Adoption"
    SPECIAL_GUARDIANSHIP = "special_guardianship", "Special guardianship"
    LONG_TERM_FOSTERING = "long_term_fostering", "Long-term fostering"
    REUNIFICATION = "reunification", "Return home (reunification)"
    CHILD_ARRANGEMENTS = "child_arrangements", "Child arrangements order"
    OTHER = "other", "Other"


class Stage(models.TextChoices):
    """Where the plan has got to. The same stages for every plan: family finding is the search
    for adopters or long-term carers; an assessment is of special guardians or of the family
    the child returns to."""

    AGREED = "agreed", "Plan agreed"
    FAMILY_FINDING = "family_finding", "Family finding or assessment"
    MATCHED = "matched", "Matched"
    PLACED = "placed", "Placed"
    APPLICATION = "application", "Court application made"
    ACHIEVED = "achieved", "Permanence achieved"


class PanelKind(models.TextChoices):
    EARLY_PERMANENCE = "aep", "Achieving Early Permanence meeting"
    MONITORING = "monitoring", "Permanency Monitoring Meeting"
    ADOPTION = "adoption", "Adoption panel"
    SGO = "sgo", "Special Guardianship Order panel"
    FOSTERING = "fostering", "Fostering panel (long-term match)"


class ReasonNoLongerPlaced(models.TextChoices):
    """903 PlacedAdoption REASON_PLACED_CEASED (rule 120)."""

    RD1 = "RD1", "The child's needs changed after the decision"
    RD2 = "RD2", "The court did not make a placement order"
    RD3 = "RD3", "Prospective adopters could not be found"
    RD4 = "RD4", "Any other reason"


class AdopterLegalStatus(models.TextChoices):
    """903 AD1 LS_ADOPTR (rule 177; consistency rules 511–524; labels: verify)."""

    L0 = "L0", "Single person"
    L11 = "L11", "Married couple, different sex"
    L12 = "L12", "Married couple, same sex"
    L2 = "L2", "Civil partners"
    L3 = "L3", "Unmarried couple, different sex"
    L4 = "L4", "Unmarried couple, same sex"


COUPLE_STATUSES = ("L11", "L12", "L2", "L3", "L4")


class AdopterSex(models.TextChoices):
    MALE = "M", "Male"
    FEMALE = "F", "Female"


class LeavingReason(models.TextChoices):
    """Why prospective adopters left the process (Annex A list 11; a local list)."""

    WITHDREW = "withdrew", "Withdrew (own choice)"
    CIRCUMSTANCES = "circumstances", "Change in circumstances"
    NOT_SUITABLE = "not_suitable", "Assessed as not suitable"
    NOT_APPROVED = "not_approved", "Not approved after panel"
    OTHER_AGENCY = "other_agency", "Moved to another agency"
    ADOPTED = "adopted", "Adoption completed"
    OTHER = "other", "Other"


class GuardianRelationship(models.TextChoices):
    """Who the special guardians are, as the 903 end reasons E45–E48 divide them."""

    FOSTER_RELATIVE = "foster_relative", "Former foster carers who are relatives or friends"
    FOSTER_OTHER = "foster_other", "Other former foster carers"
    RELATIVE = "relative", "Relatives or friends (not the foster carers)"
    OTHER = "other", "Other carers"


SGO_END_REASON = {"foster_relative": "E45", "foster_other": "E46", "relative": "E47",
                  "other": "E48"}


class PreviousPermanenceOrder(models.TextChoices):
    """903 PrevPerm PREV_PERM (rules 631, 633; P4: verify)."""

    P1 = "P1", "Adoption"
    P2 = "P2", "Special guardianship order"
    P3 = "P3", "Residence order or child arrangements order (living with)"
    P4 = "P4", "Other permanence order (verify the DfE label)"
    Z1 = "Z1", "None, or not known"


LA_ELSEWHERE = {"WAL": "Wales", "SCO": "Scotland", "NUK": "Outside the UK",
                "NIR": "Northern Ireland"}
