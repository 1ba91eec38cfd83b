"""Every route, every persona, every case relationship: the expected answer.

A route without an entry here fails `test_every_route_has_a_matrix_entry`: adding a view means
deciding, in this table, who may reach it. 302 on a case page means "give a reason first"
(out-of-team access: read-only, so its edit pages answer 404), or "sign in" for the anonymous
column.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.access.conftest import PERSONAS

ANON = "anonymous"
COLUMNS = (*PERSONAS, ANON)
ALL_OK = dict.fromkeys(PERSONAS, 200) | {ANON: 302}
NOBODY = dict.fromkeys(PERSONAS, 404) | {ANON: 302}


def row(values: str, anonymous: int = 302) -> dict:
    """One table row: the codes in PERSONAS order, then the anonymous answer."""
    codes = [int(v) for v in values.split()]
    assert len(codes) == len(PERSONAS)
    return dict(zip(PERSONAS, codes, strict=True)) | {ANON: anonymous}


# fmt: off
#                                                      olivia sam carl nina vera pete hattie hugo anna ian sid eddie
MATRIX: dict[tuple[str, str | None], dict] = {
    ("people:my-cases", None):                     ALL_OK,
    ("people:my-cases-export", None):              ALL_OK,
    ("people:search", None):                       ALL_OK,
    ("people:person-create", None):                row("200 200 200 200 404 404 404 404 404 404 404 200"),
    ("people:case-summary", "daniel"):             row("200 200 302 404 200 200 200 200 404 200 404 404"),
    ("people:case-summary", "robert"):             row("200 200 302 404 404 404 404 404 404 404 404 200"),
    ("people:case-reason", "daniel"):              row("404 404 200 404 404 404 404 404 404 404 404 404"),
    ("people:case-reason", "robert"):              row("404 404 200 404 404 404 404 404 404 404 404 404"),
    ("people:case-personal-details", "daniel"):    row("200 200 302 404 404 404 404 404 404 200 404 404"),
    ("people:case-personal-details", "robert"):    row("200 200 302 404 404 404 404 404 404 404 404 200"),
    ("people:case-contact-details", "daniel"):     row("200 200 302 404 404 200 200 404 404 200 404 404"),
    ("people:case-contact-details", "robert"):     row("200 200 302 404 404 404 404 404 404 404 404 200"),
    ("people:case-events", "daniel"):              row("200 200 302 404 200 404 404 404 404 200 404 404"),
    ("people:case-events", "robert"):              row("200 200 302 404 404 404 404 404 404 404 404 200"),
    ("people:person-edit", "daniel"):              row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("people:person-edit", "robert"):              row("200 200 404 404 404 404 404 404 404 404 404 200"),
    ("people:event-create", "daniel"):             row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("people:event-create", "robert"):             row("200 200 404 404 404 404 404 404 404 404 404 200"),
    ("people:sentence-create", "daniel"):          row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("people:sentence-create", "robert"):          row("200 200 404 404 404 404 404 404 404 404 404 200"),
    ("people:sentence-end", "daniel"):              row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("people:sentence-end", "robert"):              row("200 200 404 404 404 404 404 404 404 404 404 200"),
    ("people:case-access", "daniel"):              row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("people:case-access", "robert"):              row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("people:case-share-add", "daniel"):           row("404 200 404 404 404 404 404 404 404 404 404 404"),
    ("people:case-share-add", "robert"):           row("404 200 404 404 404 404 404 404 404 404 404 404"),
    ("people:case-restriction-add", "daniel"):     row("404 200 404 404 404 404 404 404 404 404 404 404"),
    ("people:case-restriction-add", "robert"):     row("404 200 404 404 404 404 404 404 404 404 404 404"),
    ("release:dates", "daniel"):                   row("200 200 302 404 200 404 404 404 404 200 404 404"),
    ("release:dates", "robert"):                   row("200 200 302 404 404 404 404 404 404 404 404 200"),
    ("release:adjustment-add", "daniel"):          row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("release:adjustment-add", "robert"):          row("200 200 404 404 404 404 404 404 404 404 404 200"),
    ("release:adjustment-delete", "daniel"):       row("405 405 404 404 404 404 404 404 404 404 404 404"),
    ("release:adjustment-delete", "robert"):       row("405 405 404 404 404 404 404 404 404 404 404 405"),
    ("planning:plans", "daniel"):                  row("200 200 302 404 404 404 404 404 404 200 404 404"),
    ("planning:plans", "robert"):                  row("200 200 302 404 404 404 404 404 404 404 404 200"),
    ("planning:start", "daniel"):                  row("405 405 404 404 404 404 404 404 404 404 404 404"),
    ("planning:start", "robert"):                  row("405 405 404 404 404 404 404 404 404 404 404 405"),
    ("planning:draft", "daniel"):                  row("405 405 404 404 404 404 404 404 404 404 404 404"),
    ("planning:draft", "robert"):                  row("405 405 404 404 404 404 404 404 404 404 404 405"),
    ("planning:objective-add", "daniel"):          row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("planning:objective-add", "robert"):          row("200 200 404 404 404 404 404 404 404 404 404 200"),
    ("planning:complete", "daniel"):               row("405 405 404 404 404 404 404 404 404 404 404 404"),
    ("planning:complete", "robert"):               row("405 405 404 404 404 404 404 404 404 404 404 405"),
    ("planning:review-add", "daniel"):             row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("planning:review-add", "robert"):             row("200 200 404 404 404 404 404 404 404 404 404 200"),
    ("notifications:list", None):                  ALL_OK,
    ("notifications:read-all", None):              dict.fromkeys(PERSONAS, 405) | {ANON: 302},
    ("victims:list", "daniel"):                    row("404 404 404 404 200 404 404 404 404 404 404 404"),
    ("victims:list", "robert"):                    NOBODY,
    ("victims:add", "daniel"):                     row("404 404 404 404 200 404 404 404 404 404 404 404"),
    ("victims:add", "robert"):                     NOBODY,
    ("victims:share-summary", "daniel"):           row("404 404 404 404 200 404 404 404 404 404 404 404"),
    ("victims:share-summary", "robert"):           NOBODY,
    ("victims:summary", "daniel"):                 row("200 404 404 404 404 404 404 404 404 404 404 404"),
    ("victims:summary", "robert"):                 NOBODY,
    ("intelligence:list", "daniel"):               row("404 404 404 404 404 200 404 404 404 404 404 404"),
    ("intelligence:list", "robert"):               NOBODY,
    ("intelligence:add", "daniel"):                row("404 404 404 404 404 200 404 404 404 404 404 404"),
    ("intelligence:add", "robert"):                NOBODY,
    ("health:list", "daniel"):                     row("404 404 404 404 404 404 404 200 404 404 404 404"),
    ("health:list", "robert"):                     NOBODY,
    ("health:add", "daniel"):                      row("404 404 404 404 404 404 404 200 404 404 404 404"),
    ("health:add", "robert"):                      NOBODY,
    ("api:case_summary", "daniel"):                row("200 200 404 404 200 200 200 200 404 200 404 404", anonymous=401),
    ("api:case_summary", "robert"):                row("200 200 404 404 404 404 404 404 404 404 404 200", anonymous=401),
    ("api:case_events", "daniel"):                 row("200 200 404 404 200 404 404 404 404 200 404 404", anonymous=401),
    ("api:case_events", "robert"):                 row("200 200 404 404 404 404 404 404 404 404 404 200", anonymous=401),
    ("api:search", None):                          row("200 200 200 200 200 200 200 200 200 200 200 200", anonymous=401),
    ("api:api-root", None):                        dict.fromkeys(COLUMNS, 404),
    ("api:openapi-json", None):                    ALL_OK | {ANON: 200},
    ("api:openapi-view", None):                    ALL_OK | {ANON: 200},
    ("accounts:sign-in", None):                    dict.fromkeys(PERSONAS, 302) | {ANON: 200},
    ("mappa-case:refer", "daniel"):                row("200 200 302 404 200 200 200 200 404 200 404 404"),
    ("mappa-case:refer", "robert"):                row("200 200 302 404 404 404 404 404 404 404 404 200"),
    ("mappa:register", None):                      NOBODY,
    ("mappa:referrals", None):                     NOBODY,
    ("mappa:referral-decide", None):               NOBODY,
    ("mappa:registration", None):                  NOBODY,
    ("mappa:level-change", None):                  NOBODY,
    ("mappa:confirm-to-prison", None):             NOBODY,
    ("mappa:meetings", None):                      NOBODY,
    ("mappa:notification-add", None):              NOBODY,
    ("mappa:notification-breach-add", None):       NOBODY,
    ("mappa:civil-order-add", None):               NOBODY,
    ("mappa:civil-order-breach-add", None):        NOBODY,
    ("mappa:sfo-add", None):                       NOBODY,
    ("mappa:sfo-review", None):                    NOBODY,
    ("mappa:meeting-schedule", None):              NOBODY,
    ("mappa:meeting", None):                       NOBODY,
    ("mappa:meeting-attendance", None):            NOBODY,
    ("mappa:minutes", None):                       NOBODY,
    ("mappa:action-add", None):                    NOBODY,
    ("mappa:actions", None):                       ALL_OK,
    ("mappa:action-complete", None):               dict.fromkeys(PERSONAS, 405) | {ANON: 302},
    ("mappa:report", None):                        NOBODY,
    ("iom-case:refer", "daniel"):                  row("404 404 302 404 404 404 404 404 404 404 404 404"),
    ("iom-case:refer", "robert"):                  row("404 404 302 404 404 404 404 404 404 404 404 404"),
    ("iom:cohort", None):                          NOBODY,
    ("iom:matrix", None):                          NOBODY,
    ("iom:referrals", None):                       NOBODY,
    ("iom:referral-screen", None):                 NOBODY,
    ("iom:candidates", None):                      NOBODY,
    ("iom:member", None):                          NOBODY,
    ("iom:review", None):                          NOBODY,
    ("iom:action-add", None):                      NOBODY,
    ("iom:meeting-build", None):                   NOBODY,
    ("iom:meeting", None):                         NOBODY,
    ("iom:outcomes", None):                        NOBODY,
    ("iom:minutes", None):                         NOBODY,
    ("accounts:two-factor", None):                 dict.fromkeys(COLUMNS, 302),
    ("accounts:two-factor-set-up", None):          dict.fromkeys(PERSONAS, 200) | {ANON: 302},
    ("accounts:sign-out", None):                   dict.fromkeys(COLUMNS, 405),
    ("favicon", None):                             dict.fromkeys(COLUMNS, 302),
    ("admin:index", None):                         dict.fromkeys(PERSONAS, 302) | {"sid": 200, ANON: 302},
    ("contacts:list", "daniel"):                   row("200 200 302 404 404 404 404 404 404 200 404 404"),
    ("contacts:list", "robert"):                   row("200 200 302 404 404 404 404 404 404 404 404 200"),
    ("contacts:arrange", "daniel"):                row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("contacts:arrange", "robert"):                row("200 200 404 404 404 404 404 404 404 404 404 200"),
    ("contacts:detail", "daniel"):                 row("200 200 302 404 404 404 404 404 404 200 404 404"),
    ("contacts:detail", "robert"):                 row("200 200 302 404 404 404 404 404 404 404 404 200"),
    ("contacts:outcome", "daniel"):                row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("contacts:outcome", "robert"):                row("200 200 404 404 404 404 404 404 404 404 404 200"),
    ("enforcement:action", "daniel"):              row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("enforcement:action", "robert"):              row("200 200 404 404 404 404 404 404 404 404 404 200"),
    ("assessment:overview", "daniel"):              row("200 200 302 404 404 200 404 404 404 200 404 404"),
    ("assessment:overview", "robert"):              row("200 200 302 404 404 404 404 404 404 404 404 200"),
    ("assessment:start", "daniel"):                 row("405 405 404 404 404 404 404 404 404 404 404 404"),
    ("assessment:start", "robert"):                 row("405 405 404 404 404 404 404 404 404 404 404 405"),
    ("assessment:edit", "daniel"):                  row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("assessment:edit", "robert"):                  row("200 200 404 404 404 404 404 404 404 404 404 200"),
    ("assessment:complete", "daniel"):              row("405 405 404 404 404 404 404 404 404 404 404 404"),
    ("assessment:complete", "robert"):              row("405 405 404 404 404 404 404 404 404 404 404 405"),
    ("assessment:countersign", "daniel"):           row("405 405 404 404 404 404 404 404 404 404 404 404"),
    ("assessment:countersign", "robert"):           row("405 405 404 404 404 404 404 404 404 404 404 405"),
    ("assessment:predictor-add", "daniel"):         row("200 200 404 404 404 404 404 404 404 404 404 404"),
    ("assessment:predictor-add", "robert"):         row("200 200 404 404 404 404 404 404 404 404 404 200"),
    ("assessments:countersign-queue", None):        row("404 200 404 404 404 404 404 404 404 404 404 404"),
    ("allocation:unallocated", None):               row("404 200 404 404 404 404 404 404 404 404 404 404"),
    ("allocation:workload", None):                  row("404 200 404 404 404 404 404 404 404 404 404 404"),
    ("allocation:allocate", "robert"):              row("404 404 404 404 404 404 404 404 404 404 404 404"),
    ("worklist:worklist", None):                   ALL_OK,
}
# fmt: on
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
    "release:adjustment-delete": lambda case: {"pk": case.custody_adjustments.get().pk},
    "planning:start": lambda case: {"sentence_pk": case.sentences.get().pk},
    "planning:draft": lambda case: {"pk": case.sentence_plans.get().pk},
    "planning:objective-add": lambda case: {"pk": case.sentence_plans.get().pk},
    "planning:complete": lambda case: {"pk": case.sentence_plans.get().pk},
    "planning:review-add": lambda case: {"pk": case.sentence_plans.get().pk},
    "contacts:outcome": lambda case: {"pk": case.contacts.get().pk},
    "contacts:detail": lambda case: {"pk": case.contacts.get().pk},
    "enforcement:action": lambda case: {"pk": case.enforcement_actions.get().pk},
    "assessment:edit": lambda case: {"pk": case.assessments.get().pk, "section": "risk"},
    "assessment:complete": lambda case: {"pk": case.assessments.get().pk},
    "assessment:countersign": lambda case: {"pk": case.assessments.get().pk},
}


# Pages outside a case that name a record: the world makes none, so no one outside MAPPA
# coordination reaches them (tests/mappa/test_views.py shows the coordinator does).
RECORD_ARGUMENTS = {
    "mappa:referral-decide": {"pk": 1},
    "mappa:registration": {"pk": 1},
    "mappa:level-change": {"pk": 1},
    "mappa:confirm-to-prison": {"pk": 1},
    "mappa:meeting": {"pk": 1},
    "mappa:meeting-attendance": {"pk": 1},
    "mappa:minutes": {"pk": 1, "item": 1},
    "mappa:action-add": {"pk": 1, "item": 1},
    "mappa:action-complete": {"pk": 1},
    "mappa:notification-add": {"pk": 1},
    "mappa:notification-breach-add": {"pk": 1},
    "mappa:civil-order-add": {"pk": 1},
    "mappa:civil-order-breach-add": {"pk": 1},
    "mappa:sfo-add": {"pk": 1},
    "mappa:sfo-review": {"pk": 1, "sfo": 1},
    "iom:referral-screen": {"pk": 1},
    "iom:member": {"pk": 1},
    "iom:review": {"pk": 1},
    "iom:action-add": {"pk": 1},
    "iom:meeting": {"pk": 1},
    "iom:minutes": {"pk": 1, "item": 1},
}


def url_for(name: str, case) -> str:
    if case is None:
        return reverse(name, kwargs=RECORD_ARGUMENTS.get(name))
    extra = EXTRA_ARGUMENTS.get(name, lambda case: {})(case)
    return reverse(name, kwargs={"crn": case.crn, **extra})


CASES_OF_ENTRIES = sorted(MATRIX, key=str)


@pytest.mark.parametrize(
    ("name", "case_name"), CASES_OF_ENTRIES, ids=[f"{n}[{c}]" for n, c in CASES_OF_ENTRIES]
)
def test_route_answers_each_persona_as_the_matrix_says(client, world, name, case_name):
    url = url_for(name, getattr(world, case_name) if case_name else None)
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
