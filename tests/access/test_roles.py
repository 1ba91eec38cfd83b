"""Issue #11 finding 4: administration without a back door.

"The system administrator can grant themselves any role (including victim liaison) in the Django
admin with no audit event, and can read every user's TOTP secret there."
Sid is Cambridgeshire's system administrator; Sue a second administrator; Lee the area's
information security lead.
"""

import pytest
from django.contrib import admin
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from openom.access.models import AuditEvent
from openom.access.roles import role_grant, role_grant_decide, role_revoke
from openom.accounts.constants import Grade, GrantStatus, Role
from openom.accounts.models import RoleAssignment, RoleGrantRequest
from openom.core.exceptions import ServiceValidationError
from openom.notifications.models import Notification
from tests.factories import UserFactory


@pytest.fixture
def sue(world):
    return UserFactory(
        username="sue",
        team=None,
        agency=world.users["sid"].agency,
        grade=Grade.OTHER,
        roles=[Role.SYSTEM_ADMINISTRATOR],
    )


@pytest.fixture
def lee(world):
    return UserFactory(
        username="lee",
        team=None,
        agency=world.users["sid"].agency,
        grade=Grade.OTHER,
        roles=[Role.SECURITY_LEAD],
    )


def _told(user) -> list[str]:
    return list(Notification.objects.filter(recipient=user).values_list("subject", flat=True))


def test_an_administrator_never_grants_themselves_a_role(world):
    sid = world.users["sid"]
    for role in (Role.OFFENDER_MANAGER, Role.VICTIM_LIAISON_OFFICER):
        with pytest.raises(ServiceValidationError):
            role_grant(user=sid, role=role, reason="I need it", actor=sid)
    assert set(sid.roles.values_list("role", flat=True)) == {Role.SYSTEM_ADMINISTRATOR}


def test_only_an_administrator_grants_roles(world):
    with pytest.raises(ServiceValidationError):
        role_grant(
            user=world.users["carl"],
            role=Role.COURT_OFFICER,
            reason="Court duty",
            actor=world.users["sam"],
        )


def test_an_ordinary_role_is_granted_with_an_audit_event_and_the_security_lead_told(
    world, lee, django_capture_on_commit_callbacks
):
    sid, carl = world.users["sid"], world.users["carl"]
    with django_capture_on_commit_callbacks(execute=True):
        role_grant(user=carl, role=Role.COURT_OFFICER, reason="Court duty rota", actor=sid)
    assert RoleAssignment.objects.filter(user=carl, role=Role.COURT_OFFICER).exists()
    event = AuditEvent.objects.get(action="role_grant")
    assert event.actor == sid and "carl" in event.detail
    assert any("Court officer" in subject for subject in _told(lee))


def test_victim_liaison_waits_for_a_second_administrator(
    world, sue, lee, django_capture_on_commit_callbacks
):
    sid, olivia = world.users["sid"], world.users["olivia"]
    with django_capture_on_commit_callbacks(execute=True):
        asked = role_grant(
            user=olivia,
            role=Role.VICTIM_LIAISON_OFFICER,
            reason="Covering victim contact",
            actor=sid,
        )
    assert isinstance(asked, RoleGrantRequest) and asked.status == GrantStatus.PENDING
    assert not RoleAssignment.objects.filter(user=olivia, role=Role.VICTIM_LIAISON_OFFICER).exists()
    assert AuditEvent.objects.filter(action="role_grant_request").exists()
    assert _told(sue) and _told(lee)

    with pytest.raises(ServiceValidationError):
        role_grant_decide(request=asked, approve=True, actor=sid)  # not the one who asked

    with django_capture_on_commit_callbacks(execute=True):
        role_grant_decide(request=asked, approve=True, actor=sue)
    assert RoleAssignment.objects.filter(user=olivia, role=Role.VICTIM_LIAISON_OFFICER).exists()
    approved = AuditEvent.objects.get(action="role_grant")
    assert approved.actor == sue and "approved by sue" in approved.detail


@pytest.mark.parametrize("persona", ["pete", "hugo"])
def test_any_role_for_police_or_health_staff_needs_a_second_approval(world, persona):
    # Police staff read police intelligence, health staff health information, by their agency.
    sid = world.users["sid"]
    staff = world.users[persona]
    asked = role_grant(user=staff, role=Role.IOM_COORDINATOR, reason="New post", actor=sid)
    assert isinstance(asked, RoleGrantRequest)


def test_removing_a_role_is_audited(world):
    sid, olivia = world.users["sid"], world.users["olivia"]
    role_revoke(user=olivia, role=Role.OFFENDER_MANAGER, actor=sid)
    assert not olivia.roles.filter(role=Role.OFFENDER_MANAGER).exists()
    assert AuditEvent.objects.filter(action="role_revoke", actor=sid).exists()


def test_the_django_admin_shows_no_password_hash_or_totp_secret(client, world):
    sid, olivia = world.users["sid"], world.users["olivia"]
    olivia.set_password("correct horse battery staple")
    olivia.save()
    device = TOTPDevice.objects.create(user=olivia, name="phone", confirmed=True)
    assert not admin.site.is_registered(TOTPDevice)
    client.force_login(sid)
    page = client.get(reverse("admin:accounts_user_change", args=[olivia.pk]))
    assert page.status_code == 200
    body = page.content.decode()
    salt, hashed = olivia.password.split("$")[-2:]
    assert salt not in body and hashed[:6] not in body
    assert device.key not in body


def test_roles_cannot_be_added_in_the_django_admin(client, world):
    sid = world.users["sid"]
    client.force_login(sid)
    url = reverse("admin:accounts_user_change", args=[sid.pk])
    client.post(
        url,
        {
            "username": "sid",
            "is_active": "on",
            "grade": Grade.OTHER,
            "contracted_hours": "37",
            "agency": sid.agency_id,
            "roles-TOTAL_FORMS": "1",
            "roles-INITIAL_FORMS": "0",
            "roles-0-role": Role.VICTIM_LIAISON_OFFICER,
            "roles-0-user": sid.pk,
        },
    )
    assert not sid.roles.filter(role=Role.VICTIM_LIAISON_OFFICER).exists()


def test_the_staff_roles_page_grants_and_approves(client, world, sue):
    sid, carl = world.users["sid"], world.users["carl"]
    client.force_login(sid)
    page = client.get(reverse("access:roles"))
    assert page.status_code == 200 and "carl" in page.content.decode()
    bad = client.post(reverse("access:role-grant", args=[carl.pk]), {"role": "", "reason": ""})
    assert bad.status_code == 200 and "govuk-error-summary" in bad.content.decode()
    assert client.get(reverse("access:role-grant", args=[sid.pk])).status_code == 404
    done = client.post(
        reverse("access:role-grant", args=[carl.pk]),
        {"role": Role.UNPAID_WORK_STAFF, "reason": "Unpaid work cover"},
    )
    assert done.status_code == 302
    assert carl.roles.filter(role=Role.UNPAID_WORK_STAFF).exists()
    # The world's pending request (victim liaison for Carl, asked by Sid): Sue approves it.
    pending = world.records["role_request"]
    client.post(reverse("access:role-request", args=[pending.pk]), {"approve": "yes"})
    assert not carl.roles.filter(role=Role.VICTIM_LIAISON_OFFICER).exists()
    client.force_login(sue)
    client.post(reverse("access:role-request", args=[pending.pk]), {"approve": "yes"})
    assert carl.roles.filter(role=Role.VICTIM_LIAISON_OFFICER).exists()


@pytest.mark.parametrize("extra_staff", [0, 30])
def test_the_staff_roles_page_takes_the_same_queries_for_few_or_many_staff(
    client, world, extra_staff, django_assert_max_num_queries
):
    sid = world.users["sid"]
    for n in range(extra_staff):
        UserFactory(username=f"extra{n}", agency=sid.agency, roles=[Role.OFFENDER_MANAGER])
    client.force_login(sid)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("access:roles")).status_code == 200
