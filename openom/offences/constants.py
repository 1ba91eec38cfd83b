from django.db import models


class OffenceCategory(models.TextChoices):
    VIOLENCE = "violence", "Violence"
    SEXUAL = "sexual", "Sexual"
    BURGLARY = "burglary", "Burglary"
    ROBBERY = "robbery", "Robbery"
    THEFT = "theft", "Theft"
    VEHICLE = "vehicle", "Vehicle"
    DRUGS = "drugs", "Drugs"
    CRIMINAL_DAMAGE = "criminal_damage", "Criminal damage"
    MOTORING = "motoring", "Motoring"
    FRAUD = "fraud", "Fraud"
    PUBLIC_ORDER = "public_order", "Public order"
    OTHER = "other", "Other"


class Ogrs3Category(models.TextChoices):
    """The OGRS3 offence categories of DOMAIN.md §5.6 (their keys are the calculator's)."""

    VIOLENCE = "violence", "Violence"
    ROBBERY = "robbery", "Robbery"
    PUBLIC_ORDER = "public_order", "Public order, harassment"
    SEXUAL_NOT_CHILD = "sexual_not_child", "Sexual (not against a child)"
    SEXUAL_CHILD = "sexual_child", "Sexual (against a child)"
    SOLICITING = "soliciting", "Soliciting, prostitution"
    BURGLARY_DOMESTIC = "burglary_domestic", "Burglary (domestic)"
    BURGLARY_OTHER = "burglary_other", "Burglary (other)"
    THEFT_NON_MOTOR = "theft_non_motor", "Theft (not motor vehicles)"
    HANDLING = "handling", "Handling stolen goods"
    FRAUD_FORGERY = "fraud_forgery", "Fraud and forgery"
    ABSCONDING_BAIL = "absconding_bail", "Absconding, bail offences"
    TAKING_DRIVING_AWAY = "taking_driving_away", "Taking and driving away"
    THEFT_FROM_VEHICLES = "theft_from_vehicles", "Theft from vehicles"
    DRINK_DRIVING = "drink_driving", "Drink driving"
    OTHER_MOTORING = "other_motoring", "Other motoring"
    CRIMINAL_DAMAGE = "criminal_damage", "Criminal damage"
    DRUG_IMPORT_EXPORT_PRODUCTION = (
        "drug_import_export_production",
        "Drugs: import, export, production",
    )
    DRUG_POSSESSION_SUPPLY = "drug_possession_supply", "Drugs: possession, supply"
    OTHER = "other", "Other"
