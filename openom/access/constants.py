from django.db import models

from openom.accounts.constants import Role


class AccessChannel(models.TextChoices):
    PAGE = "PAGE", "Web page"
    API = "API", "API"
    EXPORT = "EXPORT", "Export"


class CasePart(models.TextChoices):
    """The parts of a case: what the access log records and what a sharing record names."""

    SUMMARY = "SUMMARY", "Summary"
    PERSONAL_DETAILS = "PERSONAL_DETAILS", "Personal details"
    CONTACT_DETAILS = "CONTACT_DETAILS", "Contact details and addresses"
    EVENTS = "EVENTS", "Events and sentences"
    RISK_SUMMARY = "RISK_SUMMARY", "Risk summary"
    SENTENCE_PLAN = "SENTENCE_PLAN", "Sentence plan"
    CONTACTS = "CONTACTS", "Appointments, contacts and enforcement"
    VICTIMS = "VICTIMS", "Victim details"
    VICTIM_SUMMARY = "VICTIM_SUMMARY", "Victim summary shared by the victim liaison officer"
    POLICE_INTELLIGENCE = "POLICE_INTELLIGENCE", "Police intelligence"
    HEALTH = "HEALTH", "Health information"
    ACCESS_LOG = "ACCESS_LOG", "Who has viewed the case"
    SEARCH_RESULT = "SEARCH_RESULT", "Search result"
    CASELOAD = "CASELOAD", "Caseload list"
    MAPPA = "MAPPA", "MAPPA register, meetings, minutes and actions"
    IOM = "IOM", "IOM cohort, reviews, actions and meetings"
    WORK_LIST = "WORK_LIST", "Work list, queue or notification"


class Relationship(models.TextChoices):
    """Why a user may see a case (the strongest reason wins for the label)."""

    HOLDING_TEAM = "HOLDING_TEAM", "Holding team"
    OUT_OF_TEAM = "OUT_OF_TEAM", "Out-of-team access with a recorded reason"
    APPROVED_PREMISES = "APPROVED_PREMISES", "Resident of approved premises in the area"
    SHARED = "SHARED", "Shared under an information-sharing record"
    VICTIM_LIAISON = "VICTIM_LIAISON", "Victim liaison"
    INSPECTION = "INSPECTION", "Inspection sample"
    NONE = "NONE", "No access"


class SharingBasis(models.TextChoices):
    """The recorded reason a case is visible beyond its holding team."""

    MAPPA = "MAPPA", "MAPPA level 2 or 3 management"
    IOM = "IOM", "Integrated offender management cohort"
    REFERRAL = "REFERRAL", "Active referral to the agency's service"
    INFORMATION_SHARING = "INFORMATION_SHARING", "Information-sharing agreement"


class RestrictionKind(models.TextChoices):
    EXCLUDE = "EXCLUDE", "Excluded: must not see this case"
    RESTRICT_TO = "RESTRICT_TO", "Restricted: only listed staff may see this case"


# The whole case record (without compartments): what the holding team reads.
CASE_RECORD_PARTS = frozenset(
    {
        CasePart.SUMMARY,
        CasePart.PERSONAL_DETAILS,
        CasePart.CONTACT_DETAILS,
        CasePart.EVENTS,
        CasePart.RISK_SUMMARY,
        CasePart.SENTENCE_PLAN,
        CasePart.CONTACTS,
    }
)
# Compartments: never part of the case record; each reaches only its own readers.
COMPARTMENT_PARTS = frozenset(
    {CasePart.VICTIMS, CasePart.VICTIM_SUMMARY, CasePart.POLICE_INTELLIGENCE, CasePart.HEALTH}
)
# Parts a sharing record may name (victim details can never be shared this way).
SHAREABLE_PARTS = frozenset(CASE_RECORD_PARTS | {CasePart.POLICE_INTELLIGENCE, CasePart.HEALTH})
# What a victim liaison officer needs to do statutory victim contact (DVCVA 2004 s35).
VICTIM_LIAISON_PARTS = frozenset({CasePart.SUMMARY, CasePart.EVENTS, CasePart.VICTIMS})

# Probation staff who work with the person: they read their team's cases.
OFFENDER_FACING_ROLES = frozenset(
    {
        Role.OFFENDER_MANAGER,
        Role.SENIOR_PROBATION_OFFICER,
        Role.COURT_OFFICER,
        Role.UNPAID_WORK_STAFF,
        Role.APPROVED_PREMISES_STAFF,
    }
)
# Roles that may open any case in their own area (duty cover, court, unpaid work, approved
# premises), each time giving a reason that is logged and shown to the case's manager.
AREA_READ_ON_REASON_ROLES = OFFENDER_FACING_ROLES
# How long a recorded out-of-team reason lasts before it must be given again.
OUT_OF_TEAM_ACCESS_HOURS = 8
