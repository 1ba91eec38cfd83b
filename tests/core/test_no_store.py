"""Issue #11 finding 7: nothing that carries case data may be kept by a browser or proxy cache.

RFC 9111 s5.2.2.5: "The no-store response directive indicates that a cache MUST NOT store any
part of either the immediate request or the response".
"""

import pytest
from django.urls import reverse


def _directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


@pytest.fixture
def signed_in(client, olivia, daniel):
    client.force_login(olivia)
    return client


def test_a_case_page_is_never_stored(signed_in, daniel):
    response = signed_in.get(reverse("people:case-summary", args=[daniel.crn]))
    assert response.status_code == 200
    assert "no-store" in _directives(response)


def test_the_caseload_csv_is_never_stored(signed_in, daniel):
    response = signed_in.get(reverse("people:my-cases-export"))
    assert response.status_code == 200
    assert "no-store" in _directives(response)


def test_the_api_is_never_stored(signed_in, daniel):
    response = signed_in.get(f"/api/v1/cases/{daniel.crn}")
    assert response.status_code == 200
    assert "no-store" in _directives(response)


def test_a_not_found_answer_is_never_stored_either(signed_in):
    response = signed_in.get(reverse("people:case-summary", args=["X999999"]))
    assert response.status_code == 404
    assert "no-store" in _directives(response)
