from django.db import models


class ReferralStatus(models.TextChoices):
    PENDING = "PENDING", "Waiting for screening"
    ACCEPTED = "ACCEPTED", "Accepted as a candidate"
    DECLINED = "DECLINED", "Declined at screening"


class StatutoryStatus(models.TextChoices):
    LICENCE = "LICENCE", "On licence"
    COMMUNITY_ORDER = "COMMUNITY_ORDER", "On a community order"
    CUSTODY = "CUSTODY", "In custody"
    NON_STATUTORY = "NON_STATUTORY", "Not under statutory supervision"


class ReviewDecision(models.TextChoices):
    CONTINUE = "CONTINUE", "Continue at this intensity"
    STEP_UP = "STEP_UP", "Step up"
    STEP_DOWN = "STEP_DOWN", "Step down"
    DESELECT = "DESELECT", "Deselect"


class Pathway(models.TextChoices):
    """The reducing reoffending pathways an action plan is built on (seed 002 action 2.2d)."""

    ACCOMMODATION = "ACCOMMODATION", "Accommodation"
    ETE = "ETE", "Education, training and employment"
    HEALTH = "HEALTH", "Health and mental health"
    DRUGS_ALCOHOL = "DRUGS_ALCOHOL", "Drugs and alcohol"
    FINANCE = "FINANCE", "Finance, benefit and debt"
    CHILDREN_FAMILIES = "CHILDREN_FAMILIES", "Children and families"
    ATTITUDES = "ATTITUDES", "Attitudes, thinking and behaviour"


class Strategy(models.TextChoices):
    COUNTY = "county", "The most prolific county-wide"
    EVERY_DISTRICT = "every_district", "Every district served"


# Intensities a new scheme starts with, most intensive first (seed 002: a sliding scale).
DEFAULT_INTENSITIES = [
    {
        "key": "HIGH",
        "label": "High",
        "expectation": "Weekly contact; police visits; daily drug testing where ordered",
    },
    {
        "key": "MEDIUM",
        "label": "Medium",
        "expectation": "Fortnightly contact; monthly police visits",
    },
    {"key": "LOW", "label": "Low", "expectation": "Monthly contact; support before deselection"},
]
# The 2020 national IOM refresh's cohort labels (DOMAIN.md §6).
DEFAULT_COHORT_LABELS = ["Fixed", "Flex", "Free"]
