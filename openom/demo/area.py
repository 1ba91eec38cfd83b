"""The demo area's fixed shape: a Cambridgeshire-and-Peterborough-like probation area.

Caseload proportions follow seed 000's caseload table (community orders 2,093; licence 433;
custody 726) and the sex split seed 003 reports (about 86% men).
"""

from openom.accounts.constants import Grade, Role
from openom.organisations.constants import AgencyKind
from openom.sentencing.constants import CourtKind

DEMO_PASSWORD = "openom-demo-2026"
DEFAULT_PEOPLE = 3250
DEFAULT_SEED = 2026

# Seed 000, caseload table 2008/09.
CASELOAD_COMMUNITY = 2093
CASELOAD_LICENCE = 433
CASELOAD_CUSTODY = 726
# Seed 003: about 86% of the caseload are men.
MALE_SHARE = 0.86

AREA = {"code": "CPP", "name": "Cambridgeshire and Peterborough Probation"}
NEIGHBOUR_AREA = {"code": "NSP", "name": "Norfolk and Suffolk Probation"}
PARTNER_AGENCIES = [
    ("CAMPOL", "Cambridgeshire Constabulary", AgencyKind.POLICE),
    ("HMPPB", "HMP Peterborough", AgencyKind.PRISON),
    ("CAMYOS", "Cambridgeshire Youth Offending Service", AgencyKind.YOUTH_OFFENDING),
    ("CPFT", "Cambridgeshire and Peterborough NHS Foundation Trust", AgencyKind.HEALTH),
    ("CCCHOU", "Cambridge City Council Housing", AgencyKind.HOUSING),
    ("CCCCS", "Cambridgeshire Children's Services", AgencyKind.CHILDRENS_SERVICES),
    ("CGL", "Change Grow Live Cambridgeshire", AgencyKind.DRUG_AND_ALCOHOL),
    ("STGILES", "St Giles Trust", AgencyKind.VOLUNTARY_SECTOR),
]

# LDU: (code, name, office name, office address, postcode, towns and postcode districts)
DELIVERY_UNITS = [
    (
        "CAM",
        "Cambridge",
        "Cambridge Probation Office",
        "1 Chivers Way, Histon",
        "CB24 9AD",
        [
            ("Cambridge", "CB1"),
            ("Cambridge", "CB2"),
            ("Cambridge", "CB4"),
            ("Cambridge", "CB5"),
            ("Ely", "CB7"),
        ],
    ),
    (
        "HUN",
        "Huntingdon",
        "Huntingdon Probation Office",
        "8 Market Hill",
        "PE29 3NR",
        [("Huntingdon", "PE29"), ("St Neots", "PE19"), ("St Ives", "PE27"), ("Ramsey", "PE26")],
    ),
    (
        "PET",
        "Peterborough",
        "Peterborough Probation Office",
        "Bayard Place, Broadway",
        "PE1 1FZ",
        [
            ("Peterborough", "PE1"),
            ("Peterborough", "PE2"),
            ("Peterborough", "PE3"),
            ("Peterborough", "PE4"),
            ("Whittlesey", "PE7"),
        ],
    ),
    (
        "WIS",
        "Wisbech",
        "Wisbech Probation Office",
        "Castle House, 30 Hill Street",
        "PE13 1BA",
        [("Wisbech", "PE13"), ("March", "PE15"), ("Chatteris", "PE16")],
    ),
]
# Share of the area's caseload held in each LDU.
LDU_WEIGHTS = {"CAM": 0.32, "HUN": 0.18, "PET": 0.38, "WIS": 0.12}
TEAMS_PER_LDU = ["Offender Management 1", "Offender Management 2", "Public Protection"]
# Staff per team by grade.
TEAM_STAFF = [(Grade.SPO, 1), (Grade.PO, 4), (Grade.PQIP, 1), (Grade.PSO, 3)]

# The offences the demo's convictions are drawn from, by category: the common ones a probation
# caseload sees (the full Home Office list has over 3,000, most of them rare).
DEMO_OFFENCE_CODES = [
    "10501",
    "00806",
    "00801",
    "00811",  # common assault, ABH, s.20 GBH, offensive weapon
    "01900",
    "02000",
    "08610",  # rape, sexual assault, indecent images of children
    "02800",
    "03000",
    "03401",  # burglary (dwelling, other), robbery
    "04600",
    "03900",
    "05400",
    "04900",  # shoplifting, theft from the person, handling, other theft
    "04801",
    "04510",
    "03700",  # vehicle theft, theft from vehicles, aggravated vehicle taking
    "09250",
    "09251",
    "09230",  # possession (cocaine, heroin), supply
    "05800",
    "05601",  # criminal damage, arson endangering life
    "80302",
    "80701",  # drink driving, driving while disqualified
    "05340",  # fraud by false representation
    "06601",
    "06500",
    "00865",  # affray, violent disorder, stalking
    "08301",  # absconding while on bail
]

COURTS = [
    ("CAMMC", "Cambridge Magistrates' Court", CourtKind.MAGISTRATES),
    ("PETMC", "Peterborough Magistrates' Court", CourtKind.MAGISTRATES),
    ("HUNMC", "Huntingdon Law Courts", CourtKind.MAGISTRATES),
    ("CAMCC", "Cambridge Crown Court", CourtKind.CROWN),
    ("PETCC", "Peterborough Crown Court", CourtKind.CROWN),
    ("CAMYC", "Cambridge Youth Court", CourtKind.YOUTH),
]

# One login per role (DOMAIN.md §1): (username, first name, last name, agency code, LDU code or
# None, team index or None, grade, roles).
DEMO_LOGINS = [
    ("om", "Priya", "Shah", "CPP", "PET", 0, Grade.PO, [Role.OFFENDER_MANAGER]),
    ("spo", "Gareth", "Hughes", "CPP", "PET", 0, Grade.SPO, [Role.SENIOR_PROBATION_OFFICER]),
    ("court", "Helen", "Marsh", "CPP", "CAM", 0, Grade.PSO, [Role.COURT_OFFICER]),
    ("upw", "Dean", "Turner", "CPP", "HUN", 0, Grade.PSO, [Role.UNPAID_WORK_STAFF]),
    ("ap", "Sandra", "Okafor", "CPP", "PET", 2, Grade.PSO, [Role.APPROVED_PREMISES_STAFF]),
    ("vlo", "Ruth", "Ellis", "CPP", "CAM", 2, Grade.PO, [Role.VICTIM_LIAISON_OFFICER]),
    (
        "police",
        "Mark",
        "Reynolds",
        "CAMPOL",
        None,
        None,
        Grade.POLICE_OFFICER,
        [Role.POLICE_OFFENDER_MANAGER],
    ),
    (
        "prison",
        "Aisha",
        "Begum",
        "HMPPB",
        None,
        None,
        Grade.PRISON_OFFICER,
        [Role.PRISON_OFFENDER_MANAGER],
    ),
    ("mappa", "Colin", "Pryor", "CAMPOL", None, None, Grade.OTHER, [Role.MAPPA_COORDINATOR]),
    ("iom", "Ivy", "Marsh", "CAMPOL", None, None, Grade.POLICE_OFFICER, [Role.IOM_COORDINATOR]),
    (
        "partner",
        "Jo",
        "Whitfield",
        "CCCHOU",
        None,
        None,
        Grade.PARTNER_STAFF,
        [Role.PARTNER_WORKER],
    ),
    ("health", "Nadia", "Karim", "CPFT", None, None, Grade.PARTNER_STAFF, [Role.PARTNER_WORKER]),
    ("analyst", "Tom", "Fairweather", "CPP", None, None, Grade.OTHER, [Role.PERFORMANCE_ANALYST]),
    ("inspector", "Margaret", "Doyle", "CPP", None, None, Grade.OTHER, [Role.INSPECTOR]),
    ("admin", "Sam", "Patel", "CPP", None, None, Grade.OTHER, [Role.SYSTEM_ADMINISTRATOR]),
    ("om.norfolk", "Lucy", "Barnes", "NSP", "NOR", 0, Grade.PO, [Role.OFFENDER_MANAGER]),
]
# The offender manager demo login holds about this many cases.
DEMO_OM_CASELOAD = 42
