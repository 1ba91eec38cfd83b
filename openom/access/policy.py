"""The one place that decides who may see which case, and which parts of it.

Every read of case data goes through `people_visible_to` (lists and search) or `case_open`
(one case). A case the user may not see, or a part of it they may not see, answers Http404
exactly as a case that does not exist would.

The rules (DOMAIN.md §1; issue "Multi-agency need-to-know"):
- Probation staff who work with people on probation read their own team's cases in full.
- They may open another case in their own area by giving a reason, which is logged and shown
  to the case's manager (duty cover, court, unpaid work, approved premises).
- Other agencies see a case only through a recorded reason (a CaseShare: MAPPA level 2/3 or
  IOM cohort, an active referral, or an information-sharing record), and only the parts it names.
- Victim details are seen only by victim liaison officers of the area; a summary only by
  those the VLO shares it with. Police intelligence reaches police staff with access and
  health information health staff with access; anyone else only where a share names them.
- Inspectors read the cases in their inspection's sample while it runs, read-only.
- Performance analysts and system administrators see no case (aggregates and reference data).
- Approved premises staff read the case record of a current resident of approved premises in
  their area without a reason each time (issue #15); edits stay with the holding team.
- Exclusion lists (never this person) and restriction lists (only these people) override all.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from openom.access.constants import (
    AREA_READ_ON_REASON_ROLES,
    CASE_RECORD_PARTS,
    OFFENDER_FACING_ROLES,
    SHAREABLE_PARTS,
    VICTIM_LIAISON_PARTS,
    AccessChannel,
    CasePart,
    Relationship,
    RestrictionKind,
)
from openom.access.models import CaseRestriction, CaseShare, OutOfTeamAccess
from openom.access.services import access_log_record
from openom.accounts.constants import Role
from openom.allocation.models import CaseAllocation
from openom.inspection.models import Inspection
from openom.organisations.constants import AgencyKind
from openom.people.constants import AddressType
from openom.people.models import Address, Person
from openom.victims.models import Victim, VictimSummaryShare


class ReasonRequired(Exception):
    """The user may open this case only after giving a reason (out-of-team access)."""

    def __init__(self, person: Person) -> None:
        super().__init__(person.crn)
        self.person = person


@dataclass(frozen=True)
class CaseAccess:
    relationship: Relationship
    parts: frozenset[CasePart] = field(default_factory=frozenset)
    can_edit: bool = False
    needs_reason: bool = False

    def allows(self, part: CasePart) -> bool:
        return part in self.parts

    @property
    def any(self) -> bool:
        return bool(self.parts)


NO_ACCESS = CaseAccess(Relationship.NONE)


@dataclass(frozen=True)
class OpenCase:
    person: Person
    access: CaseAccess


def _is_active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active and user.agency_id)


def _today() -> dt.date:
    return timezone.localdate()


def _active_on(day: dt.date) -> Q:
    return Q(start_date__lte=day) & (Q(end_date__isnull=True) | Q(end_date__gte=day))


def _restriction_filter(user) -> Q:
    """People this user is excluded from, or restricted away from."""
    excluded = CaseRestriction.objects.filter(
        person=OuterRef("pk"), user=user, kind=RestrictionKind.EXCLUDE
    )
    restricted = CaseRestriction.objects.filter(
        person=OuterRef("pk"), kind=RestrictionKind.RESTRICT_TO
    )
    listed = restricted.filter(user=user)
    return Q(Exists(excluded)) | (Q(Exists(restricted)) & ~Q(Exists(listed)))


def people_visible_to(user, *, day: dt.date | None = None) -> QuerySet[Person]:
    """Every person whose case `user` may find (some part of), as a queryset to filter further."""
    if not _is_active(user):
        return Person.objects.none()
    day = day or _today()
    roles = user.role_codes
    agency = user.agency
    reasons = Q(pk__in=[])
    if agency.kind == AgencyKind.PROBATION and roles & OFFENDER_FACING_ROLES:
        if roles & AREA_READ_ON_REASON_ROLES:
            reasons |= Q(probation_area_id=agency.id)
        elif user.team_id:
            holding = CaseAllocation.objects.filter(
                person=OuterRef("pk"), team_id=user.team_id, end_date__isnull=True
            )
            reasons |= Q(Exists(holding))
    shares = CaseShare.objects.filter(person=OuterRef("pk"), agency_id=agency.id).filter(
        _active_on(day)
    )
    reasons |= Q(Exists(shares))
    if Role.INSPECTOR in roles:
        sampled = Inspection.objects.filter(
            sample=OuterRef("pk"), inspectors=user, start_date__lte=day, end_date__gte=day
        )
        reasons |= Q(Exists(sampled))
    if Role.VICTIM_LIAISON_OFFICER in roles and agency.kind == AgencyKind.PROBATION:
        reasons |= Q(probation_area_id=agency.id) & Q(
            Exists(Victim.objects.filter(person=OuterRef("pk")))
        )
    summaries = VictimSummaryShare.objects.filter(person=OuterRef("pk"), shared_with=user)
    reasons |= Q(Exists(summaries))
    return Person.objects.filter(reasons).exclude(_restriction_filter(user))


def approved_premises_residents(day: dt.date | None = None) -> QuerySet[Person]:
    """People whose current address is an approved premises (their residents)."""
    day = day or _today()
    living_there = Address.objects.filter(
        person=OuterRef("pk"),
        address_type=AddressType.APPROVED_PREMISES,
        start_date__lte=day,
    ).filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
    return Person.objects.filter(Exists(living_there))


def is_approved_premises_resident(person: Person, day: dt.date | None = None) -> bool:
    return approved_premises_residents(day).filter(pk=person.pk).exists()


def _out_of_team_reason_given(user, person: Person) -> bool:
    return OutOfTeamAccess.objects.filter(
        user=user, person=person, expires_at__gt=timezone.now()
    ).exists()


def case_access(user, person: Person, *, day: dt.date | None = None) -> CaseAccess:
    """Which parts of `person`'s case `user` may read, why, and whether they may change it."""
    if not _is_active(user):
        return NO_ACCESS
    day = day or _today()
    restrictions = list(
        CaseRestriction.objects.filter(person=person).values_list("kind", "user_id")
    )
    if (RestrictionKind.EXCLUDE, user.pk) in restrictions:
        return NO_ACCESS
    listed = {uid for kind, uid in restrictions if kind == RestrictionKind.RESTRICT_TO}
    if listed and user.pk not in listed:
        return NO_ACCESS

    roles = user.role_codes
    agency = user.agency
    parts: set[CasePart] = set()
    relationship = Relationship.NONE
    can_edit = needs_reason = False
    same_area = agency.kind == AgencyKind.PROBATION and person.probation_area_id == agency.id

    if same_area and roles & OFFENDER_FACING_ROLES:
        allocation = (
            CaseAllocation.objects.filter(person=person, end_date__isnull=True)
            .only("team_id", "offender_manager_id")
            .first()
        )
        if allocation is not None and allocation.team_id == user.team_id:
            relationship, can_edit = Relationship.HOLDING_TEAM, True
            parts |= CASE_RECORD_PARTS
            if Role.SENIOR_PROBATION_OFFICER in roles or allocation.offender_manager_id == user.pk:
                parts.add(CasePart.ACCESS_LOG)
        elif Role.APPROVED_PREMISES_STAFF in roles and is_approved_premises_resident(person):
            # Approved premises staff look after their residents every day: no reason each time
            # (issue #15). They read the case record; the holding team keeps the edits.
            relationship = Relationship.APPROVED_PREMISES
            parts |= CASE_RECORD_PARTS
        elif roles & AREA_READ_ON_REASON_ROLES:
            relationship = Relationship.OUT_OF_TEAM
            parts |= CASE_RECORD_PARTS
            needs_reason = not _out_of_team_reason_given(user, person)

    for share in CaseShare.objects.filter(person=person, agency=agency).filter(_active_on(day)):
        shared = {CasePart(p) for p in share.parts} & SHAREABLE_PARTS
        if shared - parts:
            parts |= shared
            if relationship == Relationship.NONE:
                relationship = Relationship.SHARED

    if (
        Role.INSPECTOR in roles
        and Inspection.objects.filter(
            sample=person, inspectors=user, start_date__lte=day, end_date__gte=day
        ).exists()
    ):
        parts |= CASE_RECORD_PARTS
        if relationship == Relationship.NONE:
            relationship = Relationship.INSPECTION

    if (
        Role.VICTIM_LIAISON_OFFICER in roles
        and same_area
        and Victim.objects.filter(person=person).exists()
    ):
        parts |= VICTIM_LIAISON_PARTS
        if relationship == Relationship.NONE:
            relationship = Relationship.VICTIM_LIAISON

    if VictimSummaryShare.objects.filter(person=person, shared_with=user).exists():
        parts.add(CasePart.VICTIM_SUMMARY)
        if relationship == Relationship.NONE:
            relationship = Relationship.SHARED

    if parts - {CasePart.VICTIM_SUMMARY}:
        if agency.kind == AgencyKind.POLICE:
            parts.add(CasePart.POLICE_INTELLIGENCE)
        if agency.kind == AgencyKind.HEALTH:
            parts.add(CasePart.HEALTH)
    if Role.VICTIM_LIAISON_OFFICER not in roles:
        parts.discard(CasePart.VICTIMS)
    if Role.INSPECTOR in roles and relationship == Relationship.INSPECTION:
        can_edit = False
    return CaseAccess(relationship, frozenset(parts), can_edit, needs_reason)


def can_view_person(user, person: Person) -> bool:
    """Object-level form of `people_visible_to` (the two must always agree)."""
    return case_access(user, person).any


def case_open(
    user,
    crn: str,
    *,
    part: CasePart,
    channel: AccessChannel = AccessChannel.PAGE,
    edit: bool = False,
) -> OpenCase:
    """Open `part` of case `crn` for `user`, logging the read; Http404 if not theirs to see.

    Raises ReasonRequired when the user may open it only after giving a reason.
    """
    person = (
        people_visible_to(user).select_related("probation_area").filter(crn=crn.upper()).first()
    )
    if person is None:
        raise Http404("No case found")
    access = case_access(user, person)
    if not access.allows(part) or (edit and not access.can_edit):
        raise Http404("No case found")
    if access.needs_reason:
        raise ReasonRequired(person)
    reason = ""
    if access.relationship == Relationship.OUT_OF_TEAM:
        grant = (
            OutOfTeamAccess.objects.filter(user=user, person=person).order_by("-granted_at").first()
        )
        reason = grant.reason if grant else ""
    access_log_record(user=user, person=person, part=part, channel=channel, reason=reason)
    return OpenCase(person, access)


def person_for(
    user, crn: str, *, part: CasePart, channel: AccessChannel = AccessChannel.PAGE
) -> Person:
    """The person behind case `crn` (see case_open); a reason-required case is not found here."""
    try:
        return case_open(user, crn, part=part, channel=channel).person
    except ReasonRequired:
        raise Http404("No case found") from None


def may_add_people(user) -> bool:
    """Only probation staff working in a team record new people (who join that team's cases)."""
    return bool(
        _is_active(user)
        and user.team_id
        and user.agency.kind == AgencyKind.PROBATION
        and user.role_codes & OFFENDER_FACING_ROLES
    )


# --- Every page: exclusions and restrictions override everything -----------------------------


def people_hidden_from(user) -> QuerySet[Person]:
    """People `user` is excluded from, or restricted away from: on no page, list or message."""
    if not _is_active(user):
        return Person.objects.all()
    return Person.objects.filter(_restriction_filter(user))


def without_hidden_people(queryset: QuerySet, user, *, person: str = "person") -> QuerySet:
    """`queryset` without the rows about a person `user` must not see (`person`: the path)."""
    return queryset.exclude(**{f"{person}__in": people_hidden_from(user).values("pk")})


def users_who_may_see(users, person) -> list:
    """Those of `users` not excluded from (or restricted away from) `person`'s case: nobody is
    told or chased about a case they must not see."""
    users = [u for u in users if u is not None]
    restrictions = list(
        CaseRestriction.objects.filter(person=person).values_list("kind", "user_id")
    )
    excluded = {uid for kind, uid in restrictions if kind == RestrictionKind.EXCLUDE}
    listed = {uid for kind, uid in restrictions if kind == RestrictionKind.RESTRICT_TO}
    return [u for u in users if u.pk not in excluded and (not listed or u.pk in listed)]


def is_restricted(person) -> bool:
    """Whether only a named list of staff may see the case."""
    return CaseRestriction.objects.filter(person=person, kind=RestrictionKind.RESTRICT_TO).exists()


# --- MAPPA: the register, meetings and minutes (issue "MAPPA"; #11 need-to-know) --------------

# Roles with an operational part in managing a MAPPA case: an invited agency's staff in these
# roles see the meeting. Analysts, administrators, inspectors and victim liaison officers have
# no part in a meeting and see none (issue #11 finding 1).
MAPPA_OPERATIONAL_ROLES = frozenset(
    OFFENDER_FACING_ROLES
    | {
        Role.POLICE_OFFENDER_MANAGER,
        Role.PRISON_OFFENDER_MANAGER,
        Role.PARTNER_WORKER,
        Role.MAPPA_COORDINATOR,
    }
)


def has_mappa_role(user) -> bool:
    """Whether the user may have any part in MAPPA work (its actions list, its meetings)."""
    return _is_active(user) and bool(user.role_codes & MAPPA_OPERATIONAL_ROLES)


def _is_mappa_coordinator(user) -> bool:
    return _is_active(user) and Role.MAPPA_COORDINATOR in user.role_codes


def _held_by_team(user, person_path: str) -> Q:
    """Rows whose person is held today by `user`'s team (the case's holders)."""
    if not user.team_id:
        return Q(pk__in=[])
    holders = CaseAllocation.objects.filter(team_id=user.team_id, end_date__isnull=True)
    return Q(**{f"{person_path}__in": holders.values("person_id")})


def mappa_registrations_visible_to(user) -> QuerySet:
    """The MAPPA register a coordinator keeps: their force's or probation area's registrations.

    Everyone else sees a person's MAPPA status only on a case they may open.
    """
    from openom.mappa.models import MappaRegistration

    if not _is_mappa_coordinator(user):
        return MappaRegistration.objects.none()
    return without_hidden_people(
        MappaRegistration.objects.filter(
            Q(police_force_id=user.agency_id) | Q(probation_area_id=user.agency_id)
        ),
        user,
    )


def mappa_referrals_visible_to(user) -> QuerySet:
    """Referrals to the user's force's MAPPA coordinators, without any case hidden from them."""
    from openom.mappa.models import MappaReferral

    if not _is_mappa_coordinator(user):
        return MappaReferral.objects.none()
    return without_hidden_people(MappaReferral.objects.filter(police_force_id=user.agency_id), user)


def _mappa_agency_role(user) -> Q | None:
    """Which meetings the user's place in an invited agency opens, or None for no meeting.

    Police, prison and partner agencies: their operational staff see the meetings their agency is
    invited to. A probation area is a whole area: its staff see only the meetings about cases
    their own team holds (out-of-team staff have no part in them).
    """
    if not (_is_active(user) and user.role_codes & MAPPA_OPERATIONAL_ROLES):
        return None
    if user.agency.kind == AgencyKind.PROBATION:
        return _held_by_team(user, "agenda__registration__person")
    return Q(invitations__agency_id=user.agency_id)


def mapp_meetings_visible_to(user) -> QuerySet:
    """Meetings a user has a role in: coordinators of the force (or an invited area), invited
    agencies' operational staff, and the holders of a case on the agenda. A meeting whose every
    case is hidden from the user (exclusion or restriction) is not theirs to see."""
    from openom.mappa.models import AgendaItem, MappMeeting

    if not _is_active(user):
        return MappMeeting.objects.none()
    if _is_mappa_coordinator(user):
        reasons = Q(police_force_id=user.agency_id) | Q(invitations__agency_id=user.agency_id)
    else:
        reasons = _mappa_agency_role(user)
        if reasons is None:
            return MappMeeting.objects.none()
    meetings = MappMeeting.objects.filter(reasons)
    hidden = people_hidden_from(user).values("pk")
    if hidden.exists():
        visible_items = AgendaItem.objects.filter(meeting=OuterRef("pk")).exclude(
            registration__person__in=hidden
        )
        any_items = AgendaItem.objects.filter(meeting=OuterRef("pk"))
        meetings = meetings.filter(Q(Exists(visible_items)) | ~Q(Exists(any_items)))
    return MappMeeting.objects.filter(pk__in=meetings.values("pk"))


def mapp_agenda_visible_to(user, meeting) -> QuerySet:
    """The meeting's agenda without the cases hidden from the user."""
    return without_hidden_people(meeting.agenda.all(), user, person="registration__person")


def mapp_actions_visible_to(user) -> QuerySet:
    """MAPPA actions a user has a role in: all of a coordinator's force's meetings, their
    agency's actions for operational staff (in probation, on cases their team holds), and any
    action given to them by name. Never an action about a case hidden from them."""
    from openom.mappa.models import MeetingAction

    if not has_mappa_role(user):
        return MeetingAction.objects.none()
    reasons = Q(owner=user)
    if _is_mappa_coordinator(user):
        reasons |= Q(agenda_item__meeting__police_force_id=user.agency_id) | Q(
            owner_agency_id=user.agency_id
        )
    elif user.agency.kind == AgencyKind.PROBATION:
        reasons |= Q(owner_agency_id=user.agency_id) & _held_by_team(
            user, "agenda_item__registration__person"
        )
    else:
        reasons |= Q(owner_agency_id=user.agency_id)
    return without_hidden_people(
        MeetingAction.objects.filter(reasons), user, person="agenda_item__registration__person"
    )


def may_read_minutes(user, meeting) -> bool:
    """Minutes are restricted to the agencies that attended, and the force's coordinators
    (always within `mapp_meetings_visible_to`, which the page has already applied)."""
    if not _is_active(user):
        return False
    if _is_mappa_coordinator(user) and meeting.police_force_id == user.agency_id:
        return True
    return meeting.invitations.filter(agency_id=user.agency_id, attended=True).exists()


def may_manage_mappa(user, police_force_id: int) -> bool:
    """Only the force's MAPPA coordinators take referrals, set levels and run meetings."""
    return _is_mappa_coordinator(user) and user.agency_id == police_force_id


# --- IOM: the scheme, its cohort and meetings (issue "IOM and PPO") -----------------------------


def iom_scheme_for(user):
    """The IOM scheme a coordinator runs: their probation area's, or their police force's."""
    from openom.iom.models import Scheme

    if not _is_active(user) or Role.IOM_COORDINATOR not in user.role_codes:
        return None
    return (
        Scheme.objects.filter(Q(area_id=user.agency_id) | Q(police_force_id=user.agency_id))
        .order_by("pk")
        .first()
    )
