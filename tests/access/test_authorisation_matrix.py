"""Every route, every persona, every case relationship: the expected answer.

A route without an entry here fails `test_every_route_has_a_matrix_entry`: adding a view means
deciding, in this table, who may reach it. 302 on a case page means "give a reason first"
(out-of-team access: read-only, so its edit pages answer 404), or "sign in" for the anonymous
column.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from openom.victims.models import Victim
from tests.access.conftest import PERSONAS

ANON = "anonymous"
COLUMNS = (*PERSONAS, ANON)
ALL_OK = dict.fromkeys(PERSONAS, 200) | {ANON: 302}
NOBODY = dict.fromkeys(PERSONAS, 404) | {ANON: 302}


COORDINATORS = ("colin", "ivy", "cora")


def row(values: str, anonymous: int = 302) -> dict:
    """One table row: the codes in PERSONAS order, then the anonymous answer."""
    codes = [int(v) for v in values.split()]
    assert len(codes) == len(PERSONAS)
    return dict(zip(PERSONAS, codes, strict=True)) | {ANON: anonymous}


def case_row(values: str, anonymous: int = 302, *, coordinators: str | None = None) -> dict:
    """A case page's row for the first twelve personas. The force's coordinators are police
    staff: on a case page they answer as Pete does (the police share), or as `coordinators`
    says (colin ivy cora)."""
    codes = values.split()
    extra = coordinators.split() if coordinators else [codes[PERSONAS.index("pete")]] * 3
    return row(" ".join([*codes, *extra]), anonymous)


# fmt: off
#                                                      olivia sam carl nina vera pete hattie hugo anna ian sid eddie
MATRIX: dict[tuple[str, str | None], dict] = {
    ("people:my-cases", None):                     ALL_OK,
    ("people:my-cases-export", None):              ALL_OK,
    ("people:search", None):                       ALL_OK,
    ("people:person-create", None):                case_row("200 200 200 200 404 404 404 404 404 404 404 200"),
    ("people:case-summary", "daniel"):             case_row("200 200 302 404 200 200 200 200 404 200 404 404"),
    ("people:case-summary", "robert"):             case_row("200 200 302 404 404 404 404 404 404 404 404 200"),
    ("people:case-reason", "daniel"):              case_row("404 404 200 404 404 404 404 404 404 404 404 404"),
    ("people:case-reason", "robert"):              case_row("404 404 200 404 404 404 404 404 404 404 404 404"),
    ("people:case-personal-details", "daniel"):    case_row("200 200 302 404 404 404 404 404 404 200 404 404"),
    ("people:case-personal-details", "robert"):    case_row("200 200 302 404 404 404 404 404 404 404 404 200"),
    ("people:case-contact-details", "daniel"):     case_row("200 200 302 404 404 200 200 404 404 200 404 404"),
    ("people:case-contact-details", "robert"):     case_row("200 200 302 404 404 404 404 404 404 404 404 200"),
    ("people:case-events", "daniel"):              case_row("200 200 302 404 200 404 404 404 404 200 404 404"),
    ("people:case-events", "robert"):              case_row("200 200 302 404 404 404 404 404 404 404 404 200"),
    ("people:person-edit", "daniel"):              case_row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("people:person-edit", "robert"):              case_row("200 200 404 404 404 404 404 404 404 404 404 200"),
    ("people:event-create", "daniel"):             case_row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("people:event-create", "robert"):             case_row("200 200 404 404 404 404 404 404 404 404 404 200"),
    ("people:sentence-create", "daniel"):          case_row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("people:sentence-create", "robert"):          case_row("200 200 404 404 404 404 404 404 404 404 404 200"),
    ("people:sentence-end", "daniel"):              case_row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("people:sentence-end", "robert"):              case_row("200 200 404 404 404 404 404 404 404 404 404 200"),
    ("tiering:supervision-ceased", "daniel"):       case_row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("tiering:supervision-ceased", "robert"):       case_row("200 200 404 404 404 404 404 404 404 404 404 200"),
    ("people:case-access", "daniel"):              case_row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("people:case-access", "robert"):              case_row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("people:case-share-add", "daniel"):           case_row("404 200 404 404 404 404 404 404 404 404 404 404"),
    ("people:case-share-add", "robert"):           case_row("404 200 404 404 404 404 404 404 404 404 404 404"),
    ("people:case-restriction-add", "daniel"):     case_row("404 200 404 404 404 404 404 404 404 404 404 404"),
    ("people:case-restriction-add", "robert"):     case_row("404 200 404 404 404 404 404 404 404 404 404 404"),
    ("release:dates", "daniel"):                   case_row("200 200 302 404 200 404 404 404 404 200 404 404"),
    ("release:dates", "robert"):                   case_row("200 200 302 404 404 404 404 404 404 404 404 200"),
    ("release:adjustment-add", "daniel"):          case_row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("release:adjustment-add", "robert"):          case_row("200 200 404 404 404 404 404 404 404 404 404 200"),
    ("release:adjustment-delete", "daniel"):       case_row("405 405 404 404 404 404 404 404 404 404 404 404"),
    ("release:adjustment-delete", "robert"):       case_row("405 405 404 404 404 404 404 404 404 404 404 405"),
    ("planning:plans", "daniel"):                  case_row("200 200 302 404 404 404 404 404 404 200 404 404"),
    ("planning:plans", "robert"):                  case_row("200 200 302 404 404 404 404 404 404 404 404 200"),
    ("planning:start", "daniel"):                  case_row("405 405 404 404 404 404 404 404 404 404 404 404"),
    ("planning:start", "robert"):                  case_row("405 405 404 404 404 404 404 404 404 404 404 405"),
    ("planning:draft", "daniel"):                  case_row("405 405 404 404 404 404 404 404 404 404 404 404"),
    ("planning:draft", "robert"):                  case_row("405 405 404 404 404 404 404 404 404 404 404 405"),
    ("planning:objective-add", "daniel"):          case_row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("planning:objective-add", "robert"):          case_row("200 200 404 404 404 404 404 404 404 404 404 200"),
    ("planning:complete", "daniel"):               case_row("405 405 404 404 404 404 404 404 404 404 404 404"),
    ("planning:complete", "robert"):               case_row("405 405 404 404 404 404 404 404 404 404 404 405"),
    ("planning:review-add", "daniel"):             case_row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("planning:review-add", "robert"):             case_row("200 200 404 404 404 404 404 404 404 404 404 200"),
    ("notifications:list", None):                  ALL_OK,
    ("notifications:read-all", None):              dict.fromkeys(PERSONAS, 405) | {ANON: 302},
    ("victims:list", "daniel"):                    case_row("404 404 404 404 200 404 404 404 404 404 404 404"),
    ("victims:list", "robert"):                    NOBODY,
    ("victims:add", "daniel"):                     case_row("404 404 404 404 200 404 404 404 404 404 404 404"),
    ("victims:add", "robert"):                     NOBODY,
    ("victims:edit", "daniel"):                    case_row("404 404 404 404 200 404 404 404 404 404 404 404"),
    ("victims:edit", "robert"):                    NOBODY,
    ("victims:share-summary", "daniel"):           case_row("404 404 404 404 200 404 404 404 404 404 404 404"),
    ("victims:share-summary", "robert"):           NOBODY,
    ("victims:summary", "daniel"):                 case_row("200 404 404 404 404 404 404 404 404 404 404 404"),
    ("victims:summary", "robert"):                 NOBODY,
    ("intelligence:list", "daniel"):               case_row("404 404 404 404 404 200 404 404 404 404 404 404"),
    ("intelligence:list", "robert"):               NOBODY,
    ("intelligence:add", "daniel"):                case_row("404 404 404 404 404 200 404 404 404 404 404 404"),
    ("intelligence:add", "robert"):                NOBODY,
    ("health:list", "daniel"):                     case_row("404 404 404 404 404 404 404 200 404 404 404 404"),
    ("health:list", "robert"):                     NOBODY,
    ("health:add", "daniel"):                      case_row("404 404 404 404 404 404 404 200 404 404 404 404"),
    ("health:add", "robert"):                      NOBODY,
    ("api:case_summary", "daniel"):                case_row("200 200 404 404 200 200 200 200 404 200 404 404", anonymous=401),
    ("api:case_summary", "robert"):                case_row("200 200 404 404 404 404 404 404 404 404 404 200", anonymous=401),
    ("api:case_events", "daniel"):                 case_row("200 200 404 404 200 404 404 404 404 200 404 404", anonymous=401),
    ("api:case_events", "robert"):                 case_row("200 200 404 404 404 404 404 404 404 404 404 200", anonymous=401),
    ("api:search", None):                          case_row("200 200 200 200 200 200 200 200 200 200 200 200", anonymous=401),
    ("api:api-root", None):                        dict.fromkeys(COLUMNS, 404),
    ("api:openapi-json", None):                    ALL_OK | {ANON: 200},
    ("api:openapi-view", None):                    ALL_OK | {ANON: 200},
    ("accounts:sign-in", None):                    dict.fromkeys(PERSONAS, 302) | {ANON: 200},
    ("mappa-case:refer", "daniel"):                case_row("200 200 302 404 200 200 200 200 404 200 404 404"),
    ("mappa-case:refer", "robert"):                case_row("200 200 302 404 404 404 404 404 404 404 404 200"),
    # MAPPA and IOM pages (issue #11): real records; the people with a role in them only.
    #                                               olivia sam carl nina vera pete hattie hugo anna ian sid eddie colin ivy cora
    ("mappa:register", None):                      row("404 404 404 404 404 404 404 404 404 404 404 404 200 404 200"),
    ("mappa:referrals", None):                     row("404 404 404 404 404 404 404 404 404 404 404 404 200 404 200"),
    ("mappa:referral-decide", None):               row("404 404 404 404 404 404 404 404 404 404 404 404 200 404 200"),
    ("mappa:registration", None):                  row("404 404 404 404 404 404 404 404 404 404 404 404 200 404 404"),
    ("mappa:level-change", None):                  row("404 404 404 404 404 404 404 404 404 404 404 404 200 404 404"),
    ("mappa:confirm-to-prison", None):             row("404 404 404 404 404 404 404 404 404 404 404 404 405 404 405"),
    ("mappa:meetings", None):                      row("200 200 404 404 404 200 200 404 404 404 404 404 200 404 200"),
    ("mappa:notification-add", None):              row("404 404 404 404 404 404 404 404 404 404 404 404 200 404 404"),
    ("mappa:notification-breach-add", None):       row("404 404 404 404 404 404 404 404 404 404 404 404 200 404 404"),
    ("mappa:civil-order-add", None):               row("404 404 404 404 404 404 404 404 404 404 404 404 200 404 404"),
    ("mappa:civil-order-breach-add", None):        row("404 404 404 404 404 404 404 404 404 404 404 404 200 404 404"),
    ("mappa:sfo-add", None):                       row("404 404 404 404 404 404 404 404 404 404 404 404 200 404 404"),
    ("mappa:sfo-review", None):                    row("404 404 404 404 404 404 404 404 404 404 404 404 200 404 404"),
    ("mappa:meeting-schedule", None):              row("404 404 404 404 404 404 404 404 404 404 404 404 200 404 200"),
    ("mappa:meeting", None):                       row("200 200 404 404 404 200 200 404 404 404 404 404 200 404 404"),
    ("mappa:meeting-attendance", None):            row("404 404 404 404 404 404 404 404 404 404 404 404 405 404 405"),
    ("mappa:minutes", None):                       row("404 404 404 404 404 404 404 404 404 404 404 404 200 404 404"),
    ("mappa:action-add", None):                    row("404 404 404 404 404 404 404 404 404 404 404 404 200 404 404"),
    ("mappa:actions", None):                       row("200 200 200 200 404 200 200 200 404 404 404 200 200 404 200"),
    ("mappa:action-complete", None):               dict.fromkeys(PERSONAS, 405) | {ANON: 302},
    ("mappa:report", None):                        row("404 404 404 404 404 404 404 404 404 404 404 404 200 404 200"),
    ("mappa:report-commentary", None):             row("404 404 404 404 404 404 404 404 404 404 404 404 405 404 405"),
    ("mappa:wanted-or-missing", None):             row("404 404 404 404 404 404 404 404 404 404 404 404 200 404 200"),
    ("mappa:registration-end", None):              row("404 404 404 404 404 404 404 404 404 404 404 404 200 404 404"),
    ("mappa:registration-transfer", None):         row("404 404 404 404 404 404 404 404 404 404 404 404 200 404 404"),
    ("mappa:whereabouts-add", None):               row("404 404 404 404 404 404 404 404 404 404 404 404 200 404 404"),
    ("mappa:whereabouts-found", None):             row("404 404 404 404 404 404 404 404 404 404 404 404 200 404 404"),
    ("mappa:lifetime-review-apply", None):         row("404 404 404 404 404 404 404 404 404 404 404 404 200 404 404"),
    ("mappa:lifetime-review-decide", None):        row("404 404 404 404 404 404 404 404 404 404 404 404 200 404 404"),
    ("iom-case:refer", "daniel"):                  case_row("200 200 302 404 200 200 200 200 404 200 404 404"),
    ("iom-case:refer", "robert"):                  case_row("200 200 302 404 404 404 404 404 404 404 404 200"),
    ("iom:cohort", None):                          row("404 404 404 404 404 404 404 404 404 404 404 404 404 200 200"),
    ("iom:matrix", None):                          row("404 404 404 404 404 404 404 404 404 404 404 404 404 200 200"),
    ("iom:referrals", None):                       row("404 404 404 404 404 404 404 404 404 404 404 404 404 200 200"),
    ("iom:referral-screen", None):                 row("404 404 404 404 404 404 404 404 404 404 404 404 404 200 200"),
    ("iom:candidates", None):                      row("404 404 404 404 404 404 404 404 404 404 404 404 404 200 200"),
    ("iom:member", None):                          row("404 404 404 404 404 404 404 404 404 404 404 404 404 200 404"),
    ("iom:review", None):                          row("404 404 404 404 404 404 404 404 404 404 404 404 404 200 404"),
    ("iom:action-add", None):                      row("404 404 404 404 404 404 404 404 404 404 404 404 404 200 404"),
    ("iom:meeting-build", None):                   row("404 404 404 404 404 404 404 404 404 404 404 404 404 200 200"),
    ("iom:meeting", None):                         row("404 404 404 404 404 404 404 404 404 404 404 404 404 200 404"),
    ("iom:outcomes", None):                        row("404 404 404 404 404 404 404 404 404 404 404 404 404 200 200"),
    ("iom:minutes", None):                         row("404 404 404 404 404 404 404 404 404 404 404 404 404 200 404"),
    # The administrators' Staff roles page (issue #11 finding 4): Sid only; changes are POSTs.
    ("access:roles", None):                        row("404 404 404 404 404 404 404 404 404 404 200 404 404 404 404"),
    ("access:role-grant", None):                   row("404 404 404 404 404 404 404 404 404 404 200 404 404 404 404"),
    ("access:role-revoke", None):                  dict.fromkeys(PERSONAS, 405) | {ANON: 302},
    ("access:role-request", None):                 dict.fromkeys(PERSONAS, 405) | {ANON: 302},
    ("accounts:two-factor", None):                 dict.fromkeys(COLUMNS, 302),
    ("accounts:two-factor-set-up", None):          dict.fromkeys(PERSONAS, 200) | {ANON: 302},
    ("accounts:sign-out", None):                   dict.fromkeys(COLUMNS, 405),
    ("favicon", None):                             dict.fromkeys(COLUMNS, 302),
    ("admin:index", None):                         dict.fromkeys(PERSONAS, 302) | {"sid": 200, ANON: 302},
    ("contacts:list", "daniel"):                   case_row("200 200 302 404 404 404 404 404 404 200 404 404"),
    ("contacts:list", "robert"):                   case_row("200 200 302 404 404 404 404 404 404 404 404 200"),
    ("contacts:detail", "daniel"):                 case_row("200 200 302 404 404 404 404 404 404 200 404 404"),
    ("contacts:detail", "robert"):                 case_row("200 200 302 404 404 404 404 404 404 404 404 200"),
    ("contacts:arrange", "daniel"):                case_row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("contacts:arrange", "robert"):                case_row("200 200 404 404 404 404 404 404 404 404 404 200"),
    ("contacts:outcome", "daniel"):                case_row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("contacts:outcome", "robert"):                case_row("200 200 404 404 404 404 404 404 404 404 404 200"),
    ("enforcement:action", "daniel"):              case_row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("enforcement:action", "robert"):              case_row("200 200 404 404 404 404 404 404 404 404 404 200"),
    ("assessment:overview", "daniel"):              case_row("200 200 302 404 404 200 404 404 404 200 404 404"),
    ("assessment:overview", "robert"):              case_row("200 200 302 404 404 404 404 404 404 404 404 200"),
    ("assessment:start", "daniel"):                 case_row("405 405 404 404 404 404 404 404 404 404 404 404"),
    ("assessment:start", "robert"):                 case_row("405 405 404 404 404 404 404 404 404 404 404 405"),
    ("assessment:edit", "daniel"):                  case_row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("assessment:edit", "robert"):                  case_row("200 200 404 404 404 404 404 404 404 404 404 200"),
    ("assessment:complete", "daniel"):              case_row("405 405 404 404 404 404 404 404 404 404 404 404"),
    ("assessment:complete", "robert"):              case_row("405 405 404 404 404 404 404 404 404 404 404 405"),
    ("assessment:countersign", "daniel"):           case_row("405 405 404 404 404 404 404 404 404 404 404 404"),
    ("assessment:countersign", "robert"):           case_row("405 405 404 404 404 404 404 404 404 404 404 405"),
    ("assessment:predictor-add", "daniel"):         case_row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("assessment:predictor-add", "robert"):         case_row("200 200 404 404 404 404 404 404 404 404 404 200"),
    ("assessments:countersign-queue", None):        case_row("404 200 404 404 404 404 404 404 404 404 404 404"),
    ("allocation:unallocated", None):               case_row("404 200 404 404 404 404 404 404 404 404 404 404"),
    ("allocation:workload", None):                  case_row("404 200 404 404 404 404 404 404 404 404 404 404"),
    ("allocation:allocate", "robert"):              case_row("404 404 404 404 404 404 404 404 404 404 404 404"),
    ("worklist:worklist", None):                   ALL_OK,
    ("home:home", None):                           ALL_OK,
    # One role's page and its download (the offender manager's): only its holders reach it.
    ("home:role", None):                           case_row("200 404 200 200 404 404 404 404 404 404 404 200", coordinators="404 404 404"),
    ("home:role-export", None):                    case_row("200 404 200 200 404 404 404 404 404 404 404 200", coordinators="404 404 404"),
}
# fmt: on
# Cora is excluded from Daniel's case: every page of it answers her as if it did not exist.
for (_name, _case), _answers in MATRIX.items():
    if _case == "daniel" and _answers["cora"] in (200, 302):
        MATRIX[(_name, _case)] = _answers | {"cora": 404}
# Routes that only the matrix above reaches through one representative (the admin's own
# pages are all behind the admin login; case data models are not registered there at all).
NAMESPACES_COVERED_BY_ONE_ENTRY = {"admin"}


def route_names(resolver=None, namespace: str | None = None) -> set[str]:
    names: set[str] = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or namespace
            if inner in NAMESPACES_COVERED_BY_ONE_ENTRY:
                continue
            full = f"{namespace}:{pattern.namespace}" if namespace and pattern.namespace else inner
            names |= route_names(pattern, full)
        elif isinstance(pattern, URLPattern):
            if pattern.name is None:
                raise AssertionError(
                    f"Route {pattern.pattern} has no name: name it and add it to MATRIX"
                )
            names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)
    return names


def test_every_route_has_a_matrix_entry():
    covered = {name for name, _case in MATRIX}
    missing = route_names() - covered
    assert not missing, f"Add these routes to the authorisation matrix: {sorted(missing)}"
    stale = covered - route_names() - {"admin:index"}
    assert not stale, f"These matrix entries name no route: {sorted(stale)}"


# How to find the other URL arguments for a case: the single row of each kind the world made.
EXTRA_ARGUMENTS = {
    "people:sentence-create": lambda case: {"number": 1},
    "people:sentence-end": lambda case: {"pk": case.sentences.get().pk},
    "tiering:supervision-ceased": lambda case: {"sentence_pk": case.sentences.get().pk},
    "release:adjustment-delete": lambda case: {"pk": case.custody_adjustments.get().pk},
    "planning:start": lambda case: {"sentence_pk": case.sentences.get().pk},
    "planning:draft": lambda case: {"pk": case.sentence_plans.get().pk},
    "planning:objective-add": lambda case: {"pk": case.sentence_plans.get().pk},
    "planning:complete": lambda case: {"pk": case.sentence_plans.get().pk},
    "planning:review-add": lambda case: {"pk": case.sentence_plans.get().pk},
    "contacts:outcome": lambda case: {"pk": case.contacts.get().pk},
    "contacts:detail": lambda case: {"pk": case.contacts.get().pk},
    # Robert has no victim: his URL names Daniel's victim, which must not open under his case.
    "victims:edit": lambda case: {"pk": Victim.objects.order_by("pk").first().pk},
    "enforcement:action": lambda case: {"pk": case.enforcement_actions.get().pk},
    "assessment:edit": lambda case: {"pk": case.assessments.get().pk, "section": "risk"},
    "assessment:complete": lambda case: {"pk": case.assessments.get().pk},
    "assessment:countersign": lambda case: {"pk": case.assessments.get().pk},
}


# Pages outside a case that name a record: the world's own records (tests/access/conftest.py),
# never a stand-in id.
RECORD_ARGUMENTS = {
    "mappa:registration-end": lambda r: {"pk": r["mappa_registration"].pk},
    "mappa:registration-transfer": lambda r: {"pk": r["mappa_registration"].pk},
    "mappa:whereabouts-add": lambda r: {"pk": r["mappa_registration"].pk},
    "mappa:whereabouts-found": lambda r: {"pk": r["mappa_registration"].pk},
    "mappa:lifetime-review-apply": lambda r: {"pk": r["mappa_registration"].pk},
    "mappa:lifetime-review-decide": lambda r: {
        "pk": r["mappa_registration"].pk,
        "review": r["mappa_lifetime_review"].pk,
    },
    "mappa:referral-decide": lambda r: {"pk": r["mappa_referral"].pk},
    "mappa:registration": lambda r: {"pk": r["mappa_registration"].pk},
    "mappa:level-change": lambda r: {"pk": r["mappa_registration"].pk},
    "mappa:confirm-to-prison": lambda r: {"pk": r["mappa_registration"].pk},
    "mappa:meeting": lambda r: {"pk": r["mappa_meeting"].pk},
    "mappa:meeting-attendance": lambda r: {"pk": r["mappa_meeting"].pk},
    "mappa:minutes": lambda r: {"pk": r["mappa_meeting"].pk, "item": r["mappa_item"].pk},
    "mappa:action-add": lambda r: {"pk": r["mappa_meeting"].pk, "item": r["mappa_item"].pk},
    "mappa:action-complete": lambda r: {"pk": r["mappa_action"].pk},
    "mappa:notification-add": lambda r: {"pk": r["mappa_registration"].pk},
    "mappa:notification-breach-add": lambda r: {"pk": r["mappa_registration"].pk},
    "mappa:civil-order-add": lambda r: {"pk": r["mappa_registration"].pk},
    "mappa:civil-order-breach-add": lambda r: {"pk": r["mappa_registration"].pk},
    "mappa:sfo-add": lambda r: {"pk": r["mappa_registration"].pk},
    "mappa:sfo-review": lambda r: {"pk": r["mappa_registration"].pk, "sfo": r["mappa_sfo"].pk},
    "iom:referral-screen": lambda r: {"pk": r["iom_referral"].pk},
    "access:role-grant": lambda r: {"pk": r["role_request"].user.pk},
    "access:role-revoke": lambda r: {"pk": r["role_request"].user.pk},
    "access:role-request": lambda r: {"pk": r["role_request"].pk},
    "iom:member": lambda r: {"pk": r["iom_member"].pk},
    "iom:review": lambda r: {"pk": r["iom_member"].pk},
    "iom:action-add": lambda r: {"pk": r["iom_member"].pk},
    "iom:meeting": lambda r: {"pk": r["iom_meeting"].pk},
    "iom:minutes": lambda r: {"pk": r["iom_meeting"].pk, "item": r["iom_item"].pk},
    "home:role": lambda r: {"slug": "offender-manager"},
    "home:role-export": lambda r: {"slug": "offender-manager"},
}


def url_for(name: str, case, records: dict) -> str:
    if case is None:
        arguments = RECORD_ARGUMENTS.get(name)
        return reverse(name, kwargs=arguments(records) if arguments else None)
    extra = EXTRA_ARGUMENTS.get(name, lambda case: {})(case)
    return reverse(name, kwargs={"crn": case.crn, **extra})


CASES_OF_ENTRIES = sorted(MATRIX, key=str)


@pytest.mark.parametrize(
    ("name", "case_name"), CASES_OF_ENTRIES, ids=[f"{n}[{c}]" for n, c in CASES_OF_ENTRIES]
)
def test_route_answers_each_persona_as_the_matrix_says(client, world, name, case_name):
    url = url_for(name, getattr(world, case_name) if case_name else None, world.records)
    answers = {}
    for persona in COLUMNS:
        client.logout()
        if persona != ANON:
            client.force_login(world.users[persona])
        answers[persona] = client.get(url).status_code
    expected = MATRIX[(name, case_name)]
    wrong = {
        p: f"got {answers[p]}, expected {expected[p]}" for p in COLUMNS if answers[p] != expected[p]
    }
    assert not wrong, f"{url}: {wrong}"


def test_a_reason_opens_the_case_for_the_out_of_team_officer(client, world):
    client.force_login(world.users["carl"])
    summary = reverse("people:case-summary", args=[world.robert.crn])

    asked = client.get(summary)
    given = client.post(
        asked["Location"], {"reason": "Duty cover: reporting instructions today", "next": summary}
    )

    assert given.status_code == 302 and given["Location"] == summary
    assert client.get(summary).status_code == 200
