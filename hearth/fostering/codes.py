"""Code lists for fostering households and the provider register.

Household types and statuses are Hearth's (the sources give the words, not codes); the
provider's 903 type is PLACE_PROVIDER (RETURNS.md, field 178), the same list care uses.
"""

from django.db import models

from hearth.care.codes import FOSTER_PLACEMENTS, ProviderType  # noqa: F401 - re-exported


class HouseholdType(models.TextChoices):
    MAINSTREAM = "mainstream", "Mainstream"
    CONNECTED_PERSON = "connected_person", "Connected person (family and friends)"
    FOSTER_FOR_ADOPTION = "foster_for_adoption", "Foster for adoption"
    SHORT_BREAKS = "short_breaks", "Short breaks"
    SPECIALIST = "specialist", "Specialist (for example parent and child, or remand)"


class HouseholdStatus(models.TextChoices):
    ENQUIRY = "enquiry", "Enquiry"
    IN_ASSESSMENT = "in_assessment", "In assessment"
    APPROVED = "approved", "Approved"
    ON_HOLD = "on_hold", "On hold"
    NOT_APPROVED = "not_approved", "Not approved"
    RESIGNED = "resigned", "Resigned or withdrawn"
    DEREGISTERED = "deregistered", "Deregistered (approval terminated)"


CLOSED_STATUSES = frozenset({HouseholdStatus.NOT_APPROVED, HouseholdStatus.RESIGNED,
                             HouseholdStatus.DEREGISTERED})


class ApprovedSex(models.TextChoices):
    ANY = "any", "Boys or girls"
    MALE = "male", "Boys only"
    FEMALE = "female", "Girls only"


class CareType(models.TextChoices):
    LONG_TERM = "long_term", "Long-term"
    SHORT_TERM = "short_term", "Short-term"
    EMERGENCY = "emergency", "Emergency"
    SHORT_BREAKS = "short_breaks", "Short breaks"
    PARENT_AND_CHILD = "parent_and_child", "Parent and child"
    FOSTER_FOR_ADOPTION = "foster_for_adoption", "Foster for adoption"
    NAMED_CHILD = "named_child", "A named child only (connected person)"


class PanelBusiness(models.TextChoices):
    APPROVAL = "approval", "Approval"
    FIRST_REVIEW = "first_review", "First annual review"
    REVIEW = "review", "Annual review"
    CHANGE_OF_TERMS = "change_of_terms", "Change of terms of approval"
    TERMINATION = "termination", "Termination of approval"


class Recommendation(models.TextChoices):
    RECOMMENDED = "recommended", "Recommended"
    NOT_RECOMMENDED = "not_recommended", "Not recommended"
    DEFERRED = "deferred", "Deferred (more information needed)"


class AdmDecision(models.TextChoices):
    AGREED = "agreed", "Agreed"
    NOT_AGREED = "not_agreed", "Not agreed"


class ReviewOutcome(models.TextChoices):
    CONTINUE = "continue", "Approval continues on the same terms"
    CHANGE_TERMS = "change_terms", "Approval continues; terms to change (goes to panel)"
    REFER_TERMINATION = "refer_termination", "Refer to panel to consider termination"


class HouseholdTaskKind(models.TextChoices):
    CONCLUDE_CONNECTED_ASSESSMENT = (
        "conclude_connected_assessment",
        "Conclude the connected person assessment before temporary approval ends")
    RECORD_ADM_DECISION = "record_adm_decision", "Record the agency decision maker's decision"
    REVIEW_APPROVAL = "review_approval", "Review the foster carers' approval"


class ProviderKind(models.TextChoices):
    CHILDRENS_HOME = "childrens_home", "Children's home"
    SUPPORTED_ACCOMMODATION = "supported_accommodation", "Supported accommodation"
    SECURE_CHILDRENS_HOME = "secure_childrens_home", "Secure children's home"
    RESIDENTIAL_SCHOOL = "residential_school", "Residential school"
    OTHER = "other", "Other"


class Registration(models.TextChoices):
    REGISTERED = "registered", "Registered with Ofsted"
    APPLIED = "applied", "Registration applied for"
    UNREGISTERED = "unregistered", "Unregistered"
    DEREGISTERED = "deregistered", "Deregistered"


NOT_REGISTERED = frozenset({Registration.APPLIED, Registration.UNREGISTERED,
                            Registration.DEREGISTERED})


class OfstedJudgement(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement to be good"
    INADEQUATE = "inadequate", "Inadequate"
    NOT_YET_INSPECTED = "not_yet_inspected", "Not yet inspected"
