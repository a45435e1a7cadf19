"""DfE code lists used on a person's record (CIN census 2025/26; see shared/domain/RETURNS.md).

Versioned by collection year in hearth.returns when the returns land; the record keeps the code.
"""

from django.db import models


class Sex(models.TextChoices):
    MALE = "M", "Male"
    FEMALE = "F", "Female"
    UNKNOWN = "U", "Not known (for example an unborn child)"


class Ethnicity(models.TextChoices):
    WBRI = "WBRI", "White British"
    WIRI = "WIRI", "White Irish"
    WIRT = "WIRT", "Traveller of Irish heritage"
    WOTH = "WOTH", "Any other White background"
    WROM = "WROM", "Gypsy or Roma"
    MWBC = "MWBC", "White and Black Caribbean"
    MWBA = "MWBA", "White and Black African"
    MWAS = "MWAS", "White and Asian"
    MOTH = "MOTH", "Any other mixed background"
    AIND = "AIND", "Indian"
    APKN = "APKN", "Pakistani"
    ABAN = "ABAN", "Bangladeshi"
    AOTH = "AOTH", "Any other Asian background"
    BCRB = "BCRB", "Black Caribbean"
    BAFR = "BAFR", "Black African"
    BOTH = "BOTH", "Any other Black background"
    CHNE = "CHNE", "Chinese"
    OOTH = "OOTH", "Any other ethnic group"
    REFU = "REFU", "Refused"
    NOBT = "NOBT", "Information not yet obtained"


class Disability(models.TextChoices):
    NONE = "NONE", "No disability"
    MOB = "MOB", "Mobility"
    HAND = "HAND", "Hand function"
    PC = "PC", "Personal care"
    INC = "INC", "Incontinence"
    COMM = "COMM", "Communication"
    LD = "LD", "Learning"
    HEAR = "HEAR", "Hearing"
    VIS = "VIS", "Vision"
    BEH = "BEH", "Behaviour"
    CON = "CON", "Consciousness"
    AUT = "AUT", "Autism or Asperger syndrome"
    DDA = "DDA", "Other disability under the Disability Discrimination Act"


class UpnUnknown(models.TextChoices):
    UN1 = "UN1", "Not of school age and no UPN yet assigned"
    UN2 = "UN2", "Never attended a maintained school in England"
    UN3 = "UN3", "Educated outside England"
    UN4 = "UN4", "Newly looked after or referred and UPN not yet known"
    UN5 = "UN5", "Sources collating UPNs disagree"


class Religion(models.TextChoices):
    NONE = "none", "No religion"
    BUDDHIST = "buddhist", "Buddhist"
    CHRISTIAN = "christian", "Christian"
    HINDU = "hindu", "Hindu"
    JEWISH = "jewish", "Jewish"
    MUSLIM = "muslim", "Muslim"
    SIKH = "sikh", "Sikh"
    OTHER = "other", "Any other religion"
    REFUSED = "refused", "Prefers not to say"
    NOT_KNOWN = "not_known", "Not known"


class RelationshipKind(models.TextChoices):
    """Each kind reads from the person on whose record it is shown: "Parent of" the other."""

    PARENT_OF = "parent_of", "Parent of"
    CHILD_OF = "child_of", "Child of"
    STEP_PARENT_OF = "step_parent_of", "Step-parent of"
    STEP_CHILD_OF = "step_child_of", "Step-child of"
    SIBLING_OF = "sibling_of", "Sibling of"
    HALF_SIBLING_OF = "half_sibling_of", "Half-sibling of"
    GRANDPARENT_OF = "grandparent_of", "Grandparent of"
    GRANDCHILD_OF = "grandchild_of", "Grandchild of"
    CARER_OF = "carer_of", "Carer of"
    CARED_FOR_BY = "cared_for_by", "Cared for by"
    AUNT_OR_UNCLE_OF = "aunt_or_uncle_of", "Aunt or uncle of"
    NIECE_OR_NEPHEW_OF = "niece_or_nephew_of", "Niece or nephew of"
    PARTNER_OF = "partner_of", "Partner of"
    FAMILY_FRIEND_OF = "family_friend_of", "Family friend of"
    OTHER = "other", "Other relationship to"


class WarningKind(models.TextChoices):
    RISK_TO_STAFF = "risk_to_staff", "Risk to staff"
    DO_NOT_DISCLOSE_ADDRESS = "do_not_disclose_address", "Do not disclose address"
    DOG_ON_PREMISES = "dog_on_premises", "Dog on premises"
    LONE_WORKING = "lone_working", "No lone visits"
    HEALTH = "health", "Health or allergy"
    OTHER = "other", "Other warning"
