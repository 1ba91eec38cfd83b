"""Query parameters and dates are read by forms: bad values are refused or ignored, never a 500.

Issue #14: `/iom/matrix/?district=abc` and `/mappa/meetings/new/?level=abc` answered 500 from
`int()`; a MAPPA annual report for the year ending 0001 and dates at 9999-12-31 did too; a remand
from 1 January 0001 was stored as 739,767 days.
"""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openom.core.forms import GovUKDateField, VersionForm
from openom.release.models import CustodyAdjustment


def test_the_iom_matrix_ignores_a_district_that_is_not_a_number(client, ivy, iom_scheme):
    client.force_login(ivy)
    for value in ("abc", "1.5", "-1", "99999999999999999999999", ""):
        assert client.get(reverse("iom:matrix"), {"district": value}).status_code == 200


def test_scheduling_a_mappa_meeting_ignores_a_level_that_is_not_2_or_3(client, colin):
    client.force_login(colin)
    for value in ("abc", "9", "", "2.0"):
        page = client.get(reverse("mappa:meeting-schedule"), {"level": value})
        assert page.status_code == 200


def test_posting_a_meeting_with_a_level_of_abc_is_a_form_error_not_a_500(client, colin):
    client.force_login(colin)
    page = client.post(reverse("mappa:meeting-schedule"), {"level": "abc"})
    assert page.status_code == 200
    assert b"govuk-error-summary" in page.content


@pytest.mark.parametrize("year_end", ["0001-03-31", "9999-12-31", "1899-03-31", "2101-03-31"])
def test_the_mappa_report_refuses_a_year_end_outside_1900_to_2100(client, colin, year_end):
    client.force_login(colin)
    page = client.get(reverse("mappa:report"), {"year_end": year_end})
    assert page.status_code == 400
    assert b"must be the same as or" in page.content


def test_a_remand_from_1_january_0001_is_refused_and_nothing_is_stored(client, olivia, daniel):
    client.force_login(olivia)
    page = client.post(
        reverse("release:adjustment-add", kwargs={"crn": daniel.crn}),
        {
            "kind": "REMAND",
            "from_date_0": "1",
            "from_date_1": "1",
            "from_date_2": "0001",
            "to_date_0": "1",
            "to_date_1": "3",
            "to_date_2": "2026",
        },
    )
    assert page.status_code == 200
    assert "From must be the same as or after 1 1 1900" in page.content.decode()
    assert not CustodyAdjustment.objects.filter(person=daniel).exists()


def test_a_date_at_9999_12_31_is_refused_with_the_govuk_wording():
    field = GovUKDateField(label="Date of birth")
    with pytest.raises(Exception) as refused:
        field.clean(["31", "12", "9999"])
    assert "Date of birth must be the same as or before 31 12 2100" in str(refused.value)


def test_the_window_ends_are_accepted_and_a_field_may_widen_it():
    field = GovUKDateField(label="Date")
    assert field.clean(["1", "1", "1900"]) == dt.date(1900, 1, 1)
    assert field.clean(["31", "12", "2100"]) == dt.date(2100, 12, 31)
    wide = GovUKDateField(label="Date", earliest=dt.date(1800, 1, 1))
    assert wide.clean(["1", "1", "1850"]) == dt.date(1850, 1, 1)


FUZZ = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(st.lists(st.text(max_size=8), min_size=3, max_size=3))
def test_any_typed_date_is_a_date_in_the_window_or_a_validation_error(parts):
    field = GovUKDateField(label="Date", required=False)
    try:
        value = field.clean(parts)
    except ValidationError:
        return
    assert value is None or dt.date(1900, 1, 1) <= value <= dt.date(2100, 12, 31)


@FUZZ
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_a_date_typed_as_digits_means_that_date(date):
    field = GovUKDateField(label="Date")
    assert field.clean([str(date.day), str(date.month), str(date.year)]) == date


@FUZZ
@given(st.text(max_size=30), st.text(max_size=30))
def test_the_query_forms_never_raise_and_read_only_what_they_can(district, level):
    from openom.iom.forms import MatrixQuery
    from openom.mappa.forms import MeetingQuery

    query = QueryDict(mutable=True)
    query.update({"district": district, "level": level})
    read = MatrixQuery.read(query)["district"]
    assert read is None or (isinstance(read, int) and read >= 1)
    assert MeetingQuery.read(query)["level"] in (None, 2, 3)
    assert VersionForm.posted(query) == 0


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.text(max_size=20).filter(lambda s: "\x00" not in s))
def test_the_pages_answer_any_query_without_a_500(client, ivy, colin, iom_scheme, value):
    client.force_login(ivy)
    assert client.get(reverse("iom:matrix"), {"district": value}).status_code == 200
    client.force_login(colin)
    assert client.get(reverse("mappa:meeting-schedule"), {"level": value}).status_code == 200
    assert client.get(reverse("mappa:report"), {"year_end": value}).status_code in (200, 400)
