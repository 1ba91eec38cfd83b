from django.db import models


class Gender(models.TextChoices):
    MALE = "MALE", "Male"
    FEMALE = "FEMALE", "Female"
    OTHER = "OTHER", "Other"
    NOT_KNOWN = "NOT_KNOWN", "Not known"


class Ethnicity(models.TextChoices):
    """ONS 2021 census ethnic groups (England and Wales), 19 categories plus 'not stated'."""

    ASIAN_INDIAN = "A1", "Asian or Asian British: Indian"
    ASIAN_PAKISTANI = "A2", "Asian or Asian British: Pakistani"
    ASIAN_BANGLADESHI = "A3", "Asian or Asian British: Bangladeshi"
    ASIAN_CHINESE = "A4", "Asian or Asian British: Chinese"
    ASIAN_OTHER = "A5", "Asian or Asian British: any other Asian background"
    BLACK_CARIBBEAN = "B1", "Black, Black British, Caribbean or African: Caribbean"
    BLACK_AFRICAN = "B2", "Black, Black British, Caribbean or African: African"
    BLACK_OTHER = "B3", "Black, Black British, Caribbean or African: any other Black background"
    MIXED_WHITE_BLACK_CARIBBEAN = "M1", "Mixed or multiple: White and Black Caribbean"
    MIXED_WHITE_BLACK_AFRICAN = "M2", "Mixed or multiple: White and Black African"
    MIXED_WHITE_ASIAN = "M3", "Mixed or multiple: White and Asian"
    MIXED_OTHER = "M4", "Mixed or multiple: any other mixed background"
    WHITE_BRITISH = "W1", "White: English, Welsh, Scottish, Northern Irish or British"
    WHITE_IRISH = "W2", "White: Irish"
    WHITE_GYPSY_IRISH_TRAVELLER = "W3", "White: Gypsy or Irish Traveller"
    WHITE_ROMA = "W4", "White: Roma"
    WHITE_OTHER = "W9", "White: any other White background"
    OTHER_ARAB = "O1", "Other ethnic group: Arab"
    OTHER_ANY = "O9", "Other ethnic group: any other ethnic group"
    NOT_STATED = "NS", "Not stated"


class DisabilityStatus(models.TextChoices):
    YES = "YES", "Yes"
    NO = "NO", "No"
    NOT_DECLARED = "NOT_DECLARED", "Prefers not to say"
    NOT_ASKED = "NOT_ASKED", "Not yet asked"


class AddressType(models.TextChoices):
    MAIN = "MAIN", "Main address"
    POSTAL = "POSTAL", "Postal address"
    APPROVED_PREMISES = "APPROVED_PREMISES", "Approved premises"
    BAIL_ACCOMMODATION = "BAIL_ACCOMMODATION", "Bail accommodation (BASS)"
    PRISON = "PRISON", "Prison"
    NO_FIXED_ABODE = "NO_FIXED_ABODE", "No fixed abode"


class CircumstanceCategory(models.TextChoices):
    ACCOMMODATION = "ACCOMMODATION", "Accommodation"
    EMPLOYMENT = "EMPLOYMENT", "Employment"


class CircumstanceStatus(models.TextChoices):
    # Accommodation: 'settled and suitable' is the end-of-order measure (seed 000).
    SETTLED_AND_SUITABLE = "SETTLED_AND_SUITABLE", "Settled and suitable accommodation"
    TEMPORARY = "TEMPORARY", "Temporary or transient accommodation"
    APPROVED_PREMISES = "APPROVED_PREMISES", "Approved premises"
    NO_FIXED_ABODE = "NO_FIXED_ABODE", "No fixed abode (rough sleeping or sofa surfing)"
    IN_CUSTODY = "IN_CUSTODY", "In custody"
    # Employment: 'in employment at the end of the order' is measured (seed 000).
    EMPLOYED_FULL_TIME = "EMPLOYED_FULL_TIME", "Employed full time"
    EMPLOYED_PART_TIME = "EMPLOYED_PART_TIME", "Employed part time"
    SELF_EMPLOYED = "SELF_EMPLOYED", "Self-employed"
    EDUCATION_OR_TRAINING = "EDUCATION_OR_TRAINING", "In education or training"
    UNEMPLOYED = "UNEMPLOYED", "Unemployed and available for work"
    UNABLE_TO_WORK = "UNABLE_TO_WORK", "Unable to work (sickness or disability)"
    RETIRED = "RETIRED", "Retired"


STATUSES_BY_CATEGORY: dict[str, frozenset[str]] = {
    CircumstanceCategory.ACCOMMODATION: frozenset(
        {
            CircumstanceStatus.SETTLED_AND_SUITABLE,
            CircumstanceStatus.TEMPORARY,
            CircumstanceStatus.APPROVED_PREMISES,
            CircumstanceStatus.NO_FIXED_ABODE,
            CircumstanceStatus.IN_CUSTODY,
        }
    ),
    CircumstanceCategory.EMPLOYMENT: frozenset(
        {
            CircumstanceStatus.EMPLOYED_FULL_TIME,
            CircumstanceStatus.EMPLOYED_PART_TIME,
            CircumstanceStatus.SELF_EMPLOYED,
            CircumstanceStatus.EDUCATION_OR_TRAINING,
            CircumstanceStatus.UNEMPLOYED,
            CircumstanceStatus.UNABLE_TO_WORK,
            CircumstanceStatus.RETIRED,
        }
    ),
}
