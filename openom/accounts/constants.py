from django.db import models


class Grade(models.TextChoices):
    PSO = "PSO", "Probation services officer"
    PQIP = "PQIP", "Trainee probation officer (PQiP)"
    PO = "PO", "Probation officer"
    SPO = "SPO", "Senior probation officer"
    ACO = "ACO", "Assistant chief officer"
    CASE_ADMIN = "CASE_ADMIN", "Case administrator"
    POLICE_OFFICER = "POLICE_OFFICER", "Police officer"
    PRISON_OFFICER = "PRISON_OFFICER", "Prison officer"
    PARTNER_STAFF = "PARTNER_STAFF", "Partner agency staff"
    OTHER = "OTHER", "Other"


class Role(models.TextChoices):
    """The roles of DOMAIN.md §1. A user may hold several."""

    OFFENDER_MANAGER = "OFFENDER_MANAGER", "Offender manager"
    SENIOR_PROBATION_OFFICER = "SENIOR_PROBATION_OFFICER", "Senior probation officer"
    COURT_OFFICER = "COURT_OFFICER", "Court officer"
    UNPAID_WORK_STAFF = "UNPAID_WORK_STAFF", "Unpaid work and programmes staff"
    APPROVED_PREMISES_STAFF = "APPROVED_PREMISES_STAFF", "Approved premises staff"
    VICTIM_LIAISON_OFFICER = "VICTIM_LIAISON_OFFICER", "Victim liaison officer"
    POLICE_OFFENDER_MANAGER = "POLICE_OFFENDER_MANAGER", "Police offender manager"
    PRISON_OFFENDER_MANAGER = "PRISON_OFFENDER_MANAGER", "Prison offender manager"
    MAPPA_COORDINATOR = "MAPPA_COORDINATOR", "MAPPA coordinator or administrator"
    IOM_COORDINATOR = "IOM_COORDINATOR", "IOM coordinator"
    PARTNER_WORKER = "PARTNER_WORKER", "Partner worker"
    PERFORMANCE_ANALYST = "PERFORMANCE_ANALYST", "Performance analyst"
    INSPECTOR = "INSPECTOR", "Inspector"
    SYSTEM_ADMINISTRATOR = "SYSTEM_ADMINISTRATOR", "System administrator"
    SECURITY_LEAD = "SECURITY_LEAD", "Information security lead"


# Roles that open a compartment of the case record, or the running of access itself: granting
# one needs a second administrator's approval (issue #11 finding 4). Victim liaison opens the
# victim compartment; police and health staff's roles open police intelligence and health
# information (see COMPARTMENT_AGENCY_KINDS); the administrator and security lead roles run
# access for everyone.
COMPARTMENT_ROLES = frozenset(
    {Role.VICTIM_LIAISON_OFFICER, Role.SYSTEM_ADMINISTRATOR, Role.SECURITY_LEAD}
)
# Agencies whose staff read a compartment by their agency (access.policy): police intelligence
# (police) and health information (health). Any role granted there needs a second approval.
COMPARTMENT_AGENCY_KINDS = frozenset({"POLICE", "HEALTH"})


class GrantStatus(models.TextChoices):
    PENDING = "PENDING", "Waiting for a second administrator"
    APPROVED = "APPROVED", "Approved"
    REFUSED = "REFUSED", "Refused"
