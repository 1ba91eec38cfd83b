"""Nobody finds case data they are not meant to see, through any page, search, export or API."""

import re

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.access.test_authorisation_matrix import MATRIX, url_for

VICTIM_DETAILS = (
    "Zephyrine",
    "Quill",
    "Orchard Close",
    "07700 900123",
    "exclusion zone around Ely",
)
CASE_IDENTIFIERS = ("X100001", "X100002", "Daniel", "Robert Lane", "2008/0056560Z")


def everything_reachable(client, world, persona) -> str:
    """Every page, search, export and API answer the persona can reach, concatenated."""
    client.logout()
    client.force_login(world.users[persona])
    bodies = []
    for (name, case_name), expected in MATRIX.items():
        if name.startswith("admin:") or expected[persona] != 200:
            continue
        url = url_for(name, getattr(world, case_name) if case_name else None, world.records)
        bodies.append(client.get(url).content.decode())
    for query in ("Smith", "Daniel Smith", "X100001", "Lane"):
        bodies.append(client.get(reverse("people:search"), {"q": query}).content.decode())
        bodies.append(client.get("/api/v1/search", {"q": query}).content.decode())
    bodies.append(client.get(reverse("people:my-cases-export")).content.decode())
    # What the persona typed is echoed back in the search box; that is not a leak.
    return re.sub(r'value="[^"]*"', "", "\n".join(bodies))


@pytest.mark.parametrize(
    "persona",
    ["olivia", "sam", "carl", "pete", "hattie", "hugo", "anna", "ian", "sid", "eddie", "nina"],
)
def test_victim_details_reach_only_the_victim_liaison_officer(client, world, persona):
    seen = everything_reachable(client, world, persona)
    leaked = [detail for detail in VICTIM_DETAILS if detail in seen]
    assert not leaked, f"{persona} saw victim details: {leaked}"


def test_the_victim_liaison_officer_does_see_them(client, world):
    seen = everything_reachable(client, world, "vera")
    assert all(detail in seen for detail in VICTIM_DETAILS)


def test_victims_are_never_found_by_searching_their_names(client, world):
    client.force_login(world.users["vera"])
    assert (
        world.daniel.crn
        not in client.get(reverse("people:search"), {"q": "Zephyrine Quill"}).content.decode()
    )


@pytest.mark.parametrize("persona", ["anna", "sid", "nina"])
def test_analysts_administrators_and_other_areas_find_no_identifiable_case(client, world, persona):
    seen = everything_reachable(client, world, persona)
    leaked = [identifier for identifier in CASE_IDENTIFIERS if identifier in seen]
    assert not leaked, f"{persona} saw {leaked}"


def test_a_partner_sees_only_the_shared_parts(client, world):
    seen = everything_reachable(client, world, "hattie")
    assert "X100001" in seen  # the shared case's summary
    assert "Robert Lane" not in seen and "X100002" not in seen  # a case not shared
    assert "Event 1" not in seen  # events were not shared with housing


def test_the_system_administrators_admin_holds_no_case_data(client, world):
    client.force_login(world.users["sid"])
    pages = [client.get(reverse("admin:index")).content.decode()]
    for model in admin.site._registry:
        changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        pages.append(client.get(changelist).content.decode())
    seen = "\n".join(pages)
    leaked = [
        identifier for identifier in (*CASE_IDENTIFIERS, *VICTIM_DETAILS) if identifier in seen
    ]
    assert not leaked, f"the admin shows {leaked}"


def test_an_excluded_officer_cannot_find_the_case_that_excludes_them(client, world):
    client.force_login(world.users["eddie"])
    body = client.get(reverse("people:search"), {"q": "Daniel Smith"}).content.decode()
    assert "X100001" not in body
    assert "X100002" not in client.get(reverse("people:search"), {"q": "X100001"}).content.decode()
