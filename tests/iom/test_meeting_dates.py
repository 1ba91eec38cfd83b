"""An IOM case meeting is built for a date to come (issue 15: an IOM meeting in 2020)."""

import datetime as dt

import pytest
from django.urls import reverse

from openom.core.exceptions import ServiceValidationError
from openom.iom.models import CaseMeeting
from openom.iom.services import case_meeting_build


def test_a_meeting_in_2020_is_refused(iom_scheme, ivy):
    with pytest.raises(ServiceValidationError) as refused:
        case_meeting_build(
            scheme=iom_scheme, date=dt.date(2020, 3, 4), actor=ivy, today=dt.date(2026, 12, 1)
        )
    assert refused.value.field_errors == {"date": "The meeting date must be today or in the future"}


def test_the_meeting_page_says_so_on_the_date_field(client, iom_scheme, ivy):
    client.force_login(ivy)

    response = client.post(
        reverse("iom:meeting-build"), {"date_0": "4", "date_1": "3", "date_2": "2020"}
    )

    assert response.status_code == 200
    assert (
        '<a href="#id_date_0">The meeting date must be today or in the future</a>'
        in response.content.decode()
    )
    assert not CaseMeeting.objects.exists()
