"""The coordinator's pages, and minutes that only attending agencies read."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from openom.mappa.constants import ReferralStatus
from openom.mappa.models import MappaReferral, MappaRegistration, MappMeeting, MeetingAction


def test_a_coordinator_takes_a_referral_sets_a_level_and_runs_a_meeting(
    client, olivia, colin, violent_offender, north_bcu, housing, children_services, jo, kim
):
    from openom.allocation.models import CaseAllocation

    CaseAllocation.objects.create(
        person=violent_offender,
        team=olivia.team,
        offender_manager=olivia,
        start_date=dt.date(2025, 9, 1),
    )
    client.force_login(olivia)
    referred = client.post(
        reverse("mappa-case:refer", args=[violent_offender.crn]),
        {
            "police_force": colin.agency.pk,
            "level_requested": 2,
            "reason": "Robbery with a weapon; threats made from custody",
            "risk_of_serious_harm": "on",
            "risk_linked_to_offending": "on",
            "_confirmed": "yes",  # after checking the answers
        },
    )
    assert referred.status_code == 302
    referral = MappaReferral.objects.get(person=violent_offender)

    client.force_login(colin)
    waiting = client.get(reverse("mappa:referrals"))
    assert violent_offender.full_name in waiting.content.decode()
    decision_page = client.get(reverse("mappa:referral-decide", args=[referral.pk]))
    assert "Category 2" in decision_page.content.decode()
    client.post(
        reverse("mappa:referral-decide", args=[referral.pk]),
        {"accept": "yes", "level": 2, "police_unit": north_bcu.pk, "rationale": "Needs a plan"},
    )
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED
    registration = MappaRegistration.objects.get(person=violent_offender)
    assert client.get(reverse("mappa:register")).status_code == 200
    assert client.get(reverse("mappa:registration", args=[registration.pk])).status_code == 200

    day = timezone.localdate() + dt.timedelta(days=10)
    scheduled = client.post(
        reverse("mappa:meeting-schedule") + "?level=2",
        {
            "level": 2,
            "police_unit": north_bcu.pk,
            "date_0": day.day,
            "date_1": day.month,
            "date_2": day.year,
            "time": "10:00",
            "location": "Parkside",
            "chair": "DI Harper",
            "agencies": [housing.pk, children_services.pk],
            "registrations": [registration.pk],
        },
    )
    meeting = MappMeeting.objects.get()
    assert scheduled["Location"] == reverse("mappa:meeting", args=[meeting.pk])
    item = meeting.agenda.get()
    client.post(
        reverse("mappa:meeting-attendance", args=[meeting.pk]),
        {f"agency_{colin.agency.pk}": "Colin Pryor", f"agency_{housing.pk}": "Jo Whitfield"},
    )
    client.post(
        reverse("mappa:minutes", args=[meeting.pk, item.pk]),
        {
            "minutes": "Agreed exclusion zone and weekly home visits",
            "risk_management_plan": "Curfew",
            # The versions the page was read at, as the form carries them (issue #14).
            "version": item.version,
            "registration_version": item.registration.version,
        },
    )
    client.post(
        reverse("mappa:action-add", args=[meeting.pk, item.pk]),
        {
            "description": "Check the address for children",
            "owner_agency": housing.pk,
            "due_date_0": day.day,
            "due_date_1": day.month,
            "due_date_2": day.year,
        },
    )
    assert MeetingAction.objects.get().owner_agency == housing

    client.force_login(jo)
    seen = client.get(reverse("mappa:meeting", args=[meeting.pk])).content.decode()
    assert "Agreed exclusion zone" in seen
    client.force_login(kim)
    unseen = client.get(reverse("mappa:meeting", args=[meeting.pk])).content.decode()
    assert "Agreed exclusion zone" not in unseen
    assert "only with the agencies that attended" in unseen


def test_people_outside_mappa_coordination_cannot_reach_the_register(client, olivia, jo):
    for user in (olivia, jo):
        client.force_login(user)
        assert client.get(reverse("mappa:register")).status_code == 404
        assert client.get(reverse("mappa:report")).status_code == 404


def test_the_register_lists_without_a_query_per_row(
    client, colin, django_assert_max_num_queries, sex_offender, violent_offender, north_bcu
):
    from openom.mappa.services import mappa_register

    for person in (sex_offender, violent_offender):
        mappa_register(
            person=person,
            police_force=colin.agency,
            police_unit=north_bcu,
            level=1,
            rationale="x",
            actor=colin,
            today=timezone.localdate(),
        )
    client.force_login(colin)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("mappa:register")).status_code == 200


def test_a_coordinator_sees_referral_notifications_for_cases_outside_their_caseload(
    client, olivia, colin, burglar, django_capture_on_commit_callbacks
):
    from openom.mappa.services import mappa_referral_create

    with django_capture_on_commit_callbacks(execute=True):
        mappa_referral_create(
            person=burglar,
            police_force=colin.agency,
            level_requested=2,
            reason="Threats",
            risk_of_serious_harm=True,
            risk_linked_to_offending=True,
            expected_release_date=None,
            actor=olivia,
            today=timezone.localdate(),
        )
    client.force_login(colin)
    page = client.get(reverse("notifications:list")).content.decode()
    assert f"New MAPPA referral: {burglar.full_name}" in page
