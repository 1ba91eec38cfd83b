from django.db import models


class AgencyKind(models.TextChoices):
    PROBATION = "PROBATION", "Probation"
    POLICE = "POLICE", "Police"
    PRISON = "PRISON", "Prison"
    YOUTH_OFFENDING = "YOUTH_OFFENDING", "Youth offending"
    HEALTH = "HEALTH", "Health"
    HOUSING = "HOUSING", "Housing"
    CHILDRENS_SERVICES = "CHILDRENS_SERVICES", "Children's services"
    DRUG_AND_ALCOHOL = "DRUG_AND_ALCOHOL", "Drug and alcohol services"
    VOLUNTARY_SECTOR = "VOLUNTARY_SECTOR", "Voluntary sector"
