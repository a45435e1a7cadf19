"""Code lists for child and family assessments.

Factors are the DfE `AssessmentFactors` codes of the CIN census 2025/26 (shared/domain/RETURNS.md
§2.2). 18A and 19A are left out: the census queries them (8945Q, 8950Q) since physical and sexual
abuse were split into child-on-child and adult-on-child. 8A is not a valid code (rule 8617).
"""

from django.db import models


class AssessmentKind(models.TextChoices):
    NEW = "new", "New assessment (from the referral)"
    UPDATED = "updated", "Updated assessment"


class ClockStart(models.TextChoices):
    """Where the 45 working days are counted from (TIMESCALES.md T02: the sources differ)."""

    REFERRAL = "referral", "Referral date (Working Together 2023)"
    ASSESSMENT_START = "assessment_start", "Assessment start date (CIN census rule 8670Q)"


class AssessmentFactor(models.TextChoices):
    ALCOHOL_CHILD = "1A", "Alcohol misuse: child"
    ALCOHOL_PARENT = "1B", "Alcohol misuse: parent or carer"
    ALCOHOL_OTHER = "1C", "Alcohol misuse: another household member"
    DRUGS_CHILD = "2A", "Drug misuse: child"
    DRUGS_PARENT = "2B", "Drug misuse: parent or carer"
    DRUGS_OTHER = "2C", "Drug misuse: another household member"
    DOMESTIC_ABUSE_CHILD = "3A", "Domestic abuse: child subject"
    DOMESTIC_ABUSE_PARENT = "3B", "Domestic abuse: parent or carer subject"
    DOMESTIC_ABUSE_OTHER = "3C", "Domestic abuse: another household member subject"
    MENTAL_HEALTH_CHILD = "4A", "Mental health: child"
    MENTAL_HEALTH_PARENT = "4B", "Mental health: parent or carer"
    MENTAL_HEALTH_OTHER = "4C", "Mental health: another household member"
    LEARNING_DISABILITY_CHILD = "5A", "Learning disability: child"
    LEARNING_DISABILITY_PARENT = "5B", "Learning disability: parent or carer"
    LEARNING_DISABILITY_OTHER = "5C", "Learning disability: another household member"
    PHYSICAL_DISABILITY_CHILD = "6A", "Physical disability or illness: child"
    PHYSICAL_DISABILITY_PARENT = "6B", "Physical disability or illness: parent or carer"
    PHYSICAL_DISABILITY_OTHER = "6C", "Physical disability or illness: another household member"
    YOUNG_CARER = "7A", "Young carer"
    PRIVATE_FOSTERING_ABROAD_RETURN = "8B", "Privately fostered: overseas child intending to return"
    PRIVATE_FOSTERING_ABROAD_STAY = "8C", "Privately fostered: overseas child intending to stay"
    PRIVATE_FOSTERING_UK_SCHOOL = "8D", "Privately fostered: UK child in an educational placement"
    PRIVATE_FOSTERING_UK_FAMILY = "8E", "Privately fostered: UK child in a family arrangement"
    PRIVATE_FOSTERING_OTHER = "8F", "Privately fostered: other"
    UNACCOMPANIED_ASYLUM_SEEKING = "9A", "Unaccompanied asylum-seeking child"
    MISSING = "10A", "Going or being missing"
    SEXUAL_EXPLOITATION = "11A", "Child sexual exploitation"
    TRAFFICKING = "12A", "Trafficking"
    GANGS = "13A", "Gangs"
    SOCIALLY_UNACCEPTABLE_BEHAVIOUR = "14A", "Socially unacceptable behaviour"
    SELF_HARM = "15A", "Self-harm"
    NEGLECT = "16A", "Neglect"
    EMOTIONAL_ABUSE = "17A", "Emotional abuse"
    PHYSICAL_ABUSE_CHILD_ON_CHILD = "18B", "Physical abuse: child on child"
    PHYSICAL_ABUSE_ADULT_ON_CHILD = "18C", "Physical abuse: adult on child"
    SEXUAL_ABUSE_CHILD_ON_CHILD = "19B", "Sexual abuse: child on child"
    SEXUAL_ABUSE_ADULT_ON_CHILD = "19C", "Sexual abuse: adult on child"
    OTHER = "20", "Other"
    NO_FACTORS = "21", "No factors identified"
    FEMALE_GENITAL_MUTILATION = "22A", "Female genital mutilation"
    FAITH_OR_BELIEF = "23A", "Abuse linked to faith or belief"
    CRIMINAL_EXPLOITATION = "24A", "Child criminal exploitation"


class PartnerAgency(models.TextChoices):
    POLICE = "police", "Police"
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education"
    OTHER = "other", "Other agency"


class AssessmentOutcome(models.TextChoices):
    NO_FURTHER_ACTION = "nfa", "No further action"
    CIN_PLAN = "cin_plan", "Child in need plan"
    STRATEGY_DISCUSSION = "strategy_discussion", "Strategy discussion"
    EARLY_HELP = "early_help", "Early help"
    OTHER_SERVICES = "other_services", "Step to other services"
