from django.db import models


class CourtKind(models.TextChoices):
    MAGISTRATES = "MAGISTRATES", "Magistrates' court"
    CROWN = "CROWN", "Crown Court"
    YOUTH = "YOUTH", "Youth court"


class Plea(models.TextChoices):
    GUILTY = "GUILTY", "Guilty"
    NOT_GUILTY = "NOT_GUILTY", "Not guilty (convicted after trial)"
    NO_PLEA = "NO_PLEA", "No plea entered"


class EventOutcome(models.TextChoices):
    SENTENCED = "SENTENCED", "Sentenced"
    ADJOURNED_FOR_REPORT = "ADJOURNED_FOR_REPORT", "Adjourned for a pre-sentence report"
    DEFERRED = "DEFERRED", "Sentence deferred"


class SentenceType(models.TextChoices):
    COMMUNITY_ORDER = "COMMUNITY_ORDER", "Community order"
    SUSPENDED_SENTENCE_ORDER = "SUSPENDED_SENTENCE_ORDER", "Suspended sentence order"
    DETERMINATE_CUSTODY = "DETERMINATE_CUSTODY", "Determinate custodial sentence"
    EXTENDED_DETERMINATE = "EXTENDED_DETERMINATE", "Extended determinate sentence"
    OFFENDER_OF_PARTICULAR_CONCERN = "SOPC", "Sentence for an offender of particular concern"
    LIFE = "LIFE", "Life sentence"
    IPP = "IPP", "Imprisonment for public protection"
    HOSPITAL_ORDER = "HOSPITAL_ORDER", "Hospital order"
    DETENTION_AND_TRAINING_ORDER = "DTO", "Detention and training order"
    YOUTH_REHABILITATION_ORDER = "YRO", "Youth rehabilitation order"
    REFERRAL_ORDER = "REFERRAL_ORDER", "Referral order"


class Sds40Exclusion(models.TextChoices):
    """Why a standard sentence is excluded from release at 40% (SI 2024/844 Sch 1), as the release
    date calculation service records it against the sentence."""

    NONE = "NONE", "None: the offence is not excluded"
    SEXUAL = "SEXUAL", "Sexual offence (CJA 2003 Sch 15 Part 2 or Sch 18)"
    VIOLENT = "VIOLENT", "Violent offence (Sch 15 Part 1) with a sentence of 4 years or more"
    DOMESTIC_ABUSE = "DOMESTIC_ABUSE", "Domestic abuse offence"
    NATIONAL_SECURITY = "NATIONAL_SECURITY", "National security offence"
    TERRORISM = "TERRORISM", "Terrorism offence"


class SentenceGroup(models.TextChoices):
    """The three columns of the caseload table (seed 000)."""

    COMMUNITY = "COMMUNITY", "Community"
    CUSTODY = "CUSTODY", "Custody"
    LICENCE = "LICENCE", "Licence"


CUSTODIAL_SENTENCES = frozenset(
    {
        SentenceType.DETERMINATE_CUSTODY,
        SentenceType.EXTENDED_DETERMINATE,
        SentenceType.OFFENDER_OF_PARTICULAR_CONCERN,
        SentenceType.LIFE,
        SentenceType.IPP,
        SentenceType.DETENTION_AND_TRAINING_ORDER,
    }
)
INDETERMINATE_SENTENCES = frozenset(
    {SentenceType.LIFE, SentenceType.IPP, SentenceType.HOSPITAL_ORDER}
)
YOUTH_SENTENCES = frozenset(
    {
        SentenceType.DETENTION_AND_TRAINING_ORDER,
        SentenceType.YOUTH_REHABILITATION_ORDER,
        SentenceType.REFERRAL_ORDER,
    }
)
# Sentences whose requirements are supervised in the community from the sentence date.
COMMUNITY_SENTENCES = frozenset(
    {
        SentenceType.COMMUNITY_ORDER,
        SentenceType.SUSPENDED_SENTENCE_ORDER,
        SentenceType.YOUTH_REHABILITATION_ORDER,
        SentenceType.REFERRAL_ORDER,
        SentenceType.HOSPITAL_ORDER,
    }
)
# Sentencing Act 2020 s209 and s288: a suspended custodial term of 14 days to 2 years,
# suspended for an operational period of 6 months to 2 years.
SSO_MIN_CUSTODIAL_DAYS = 14
SSO_MAX_CUSTODIAL_MONTHS = 24
SSO_MIN_OPERATIONAL_MONTHS = 6
SSO_MAX_OPERATIONAL_MONTHS = 24
# Sentencing Act 2020 s209(2) / Sch 9 para 8: a community order lasts at most 3 years.
COMMUNITY_ORDER_MAX_MONTHS = 36
# Sentencing Act 2020 Sch 9 para 2: unpaid work of 40 to 300 hours.
UNPAID_WORK_MIN_HOURS = 40
UNPAID_WORK_MAX_HOURS = 300


class RequirementType(models.TextChoices):
    UNPAID_WORK = "UNPAID_WORK", "Unpaid work"
    REHABILITATION_ACTIVITY = "RAR", "Rehabilitation activity requirement"
    ACCREDITED_PROGRAMME = "PROGRAMME", "Accredited programme"
    DRUG_REHABILITATION = "DRR", "Drug rehabilitation requirement"
    ALCOHOL_TREATMENT = "ATR", "Alcohol treatment requirement"
    MENTAL_HEALTH_TREATMENT = "MHTR", "Mental health treatment requirement"
    CURFEW = "CURFEW", "Curfew with electronic monitoring"
    EXCLUSION = "EXCLUSION", "Exclusion"
    RESIDENCE = "RESIDENCE", "Residence"
    ACTIVITY = "ACTIVITY", "Activity"
    PROHIBITED_ACTIVITY = "PROHIBITED_ACTIVITY", "Prohibited activity"
    SUPERVISION = "SUPERVISION", "Supervision (before 2015)"


class LengthUnit(models.TextChoices):
    HOURS = "HOURS", "hours"
    DAYS = "DAYS", "days"
    MONTHS = "MONTHS", "months"


REQUIREMENT_UNITS: dict[str, str] = {
    RequirementType.UNPAID_WORK: LengthUnit.HOURS,
    RequirementType.REHABILITATION_ACTIVITY: LengthUnit.DAYS,
    RequirementType.ACCREDITED_PROGRAMME: LengthUnit.DAYS,
    RequirementType.DRUG_REHABILITATION: LengthUnit.MONTHS,
    RequirementType.ALCOHOL_TREATMENT: LengthUnit.MONTHS,
    RequirementType.MENTAL_HEALTH_TREATMENT: LengthUnit.MONTHS,
    RequirementType.CURFEW: LengthUnit.MONTHS,
    RequirementType.EXCLUSION: LengthUnit.MONTHS,
    RequirementType.RESIDENCE: LengthUnit.MONTHS,
    RequirementType.ACTIVITY: LengthUnit.DAYS,
    RequirementType.PROHIBITED_ACTIVITY: LengthUnit.MONTHS,
    RequirementType.SUPERVISION: LengthUnit.MONTHS,
}


class LicenceConditionType(models.TextChoices):
    STANDARD = "STANDARD", "Standard"
    ADDITIONAL = "ADDITIONAL", "Additional"
    BESPOKE = "BESPOKE", "Bespoke"


class LicenceConditionCategory(models.TextChoices):
    GOOD_BEHAVIOUR = "GOOD_BEHAVIOUR", "Be of good behaviour"
    RESIDENCE = "RESIDENCE", "Residence at a specified address"
    NON_CONTACT = "NON_CONTACT", "No contact with a named person"
    EXCLUSION_ZONE = "EXCLUSION_ZONE", "Exclusion zone"
    CURFEW = "CURFEW", "Curfew"
    DRUG_TESTING = "DRUG_TESTING", "Drug testing"
    ELECTRONIC_MONITORING = "ELECTRONIC_MONITORING", "Electronic monitoring"
    SUPERVISION = "SUPERVISION", "Supervision appointments"
    POLYGRAPH = "POLYGRAPH", "Polygraph"
    OTHER = "OTHER", "Other"


class TerminationReason(models.TextChoices):
    COMPLETED = "COMPLETED", "Completed successfully"
    REVOKED_BREACH = "REVOKED_BREACH", "Revoked for breach"
    REVOKED_FURTHER_OFFENCE = "REVOKED_FURTHER_OFFENCE", "Revoked for a further offence"
    OTHER = "OTHER", "Other"
