"""Which home page a user lands on, and the other roles' pages they may switch to."""

from dataclasses import dataclass

from openom.accounts.constants import Role


@dataclass(frozen=True)
class HomeRole:
    role: Role
    slug: str
    title: str


# In order of precedence: a user holding several roles lands on the first they hold (the most
# operational work first), with links to the others.
HOME_ROLES = (
    HomeRole(Role.SENIOR_PROBATION_OFFICER, "senior-probation-officer", "Team home"),
    HomeRole(Role.OFFENDER_MANAGER, "offender-manager", "My cases and work"),
    HomeRole(Role.COURT_OFFICER, "court", "Court work"),
    HomeRole(Role.APPROVED_PREMISES_STAFF, "approved-premises", "Approved premises residents"),
    HomeRole(Role.UNPAID_WORK_STAFF, "unpaid-work", "Unpaid work"),
    HomeRole(Role.VICTIM_LIAISON_OFFICER, "victim-liaison", "Victim contact"),
    HomeRole(Role.MAPPA_COORDINATOR, "mappa", "MAPPA register"),
    HomeRole(Role.IOM_COORDINATOR, "iom", "IOM cohort"),
    HomeRole(Role.POLICE_OFFENDER_MANAGER, "police", "Cases shared with the police"),
    HomeRole(Role.PRISON_OFFENDER_MANAGER, "prison", "Prisoners and releases"),
    HomeRole(Role.PARTNER_WORKER, "partner", "Cases shared with your organisation"),
    HomeRole(Role.INSPECTOR, "inspector", "Inspection sample"),
    HomeRole(Role.PERFORMANCE_ANALYST, "analyst", "Caseload by unit"),
    HomeRole(Role.SYSTEM_ADMINISTRATOR, "admin", "Users and reference data"),
)
BY_SLUG = {r.slug: r for r in HOME_ROLES}


def home_roles_of(user) -> list[HomeRole]:
    """The home pages `user` may open, their main one first."""
    codes = user.role_codes
    return [r for r in HOME_ROLES if r.role in codes]
