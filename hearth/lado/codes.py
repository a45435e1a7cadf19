"""The LADO's local lists. No DfE code list exists for allegations management; these follow
Working Together to Safeguard Children 2023 (chapter 2, "Organisations and agencies ...
allegations against people who work with children") and the headings LADO annual reports use
(sector of employment, category of harm, outcome). An authority may extend them."""

from django.db import models


class Sector(models.TextChoices):
    EDUCATION = "education", "Education (schools and colleges)"
    EARLY_YEARS = "early_years", "Early years and childcare"
    HEALTH = "health", "Health"
    POLICE = "police", "Police"
    FAITH = "faith", "Faith organisations"
    SPORT = "sport", "Sport and leisure"
    FOSTER_CARER = "foster_carer", "Foster carers"
    RESIDENTIAL_CARE = "residential_care", "Residential care"
    SOCIAL_CARE = "social_care", "Social care"
    TRANSPORT = "transport", "Transport"
    OTHER = "other", "Other"


class Category(models.TextChoices):
    PHYSICAL = "physical", "Physical abuse"
    SEXUAL = "sexual", "Sexual abuse"
    EMOTIONAL = "emotional", "Emotional abuse"
    NEGLECT = "neglect", "Neglect"
    UNSUITABILITY = "unsuitability", ("Behaviour suggesting unsuitability to work with children "
                                      "(transferable risk)")


class Threshold(models.TextChoices):
    """The initial consideration: does the allegation meet the harm test?"""

    MET = "met", "Threshold met: an evaluation or strategy meeting is needed"
    NOT_MET = "not_met", "Threshold not met: advice given to the employer"
    MORE_INFORMATION = "more_information", "More information needed before deciding"


class MeetingKind(models.TextChoices):
    EVALUATION = "evaluation", "Allegation evaluation meeting"
    STRATEGY = "strategy", "Strategy meeting (with the police)"
    REVIEW = "review", "Review meeting"


class Outcome(models.TextChoices):
    SUBSTANTIATED = "substantiated", "Substantiated"
    UNSUBSTANTIATED = "unsubstantiated", "Unsubstantiated"
    UNFOUNDED = "unfounded", "Unfounded"
    FALSE = "false", "False"
    MALICIOUS = "malicious", "Malicious"
