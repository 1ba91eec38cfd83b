"""Writes for MAPPA: referrals, registrations and levels, meetings, minutes and actions.

Each service is atomic, locks the rows it moves, and writes its audit row in the same
transaction; notifications go out on commit.
"""

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from openom.access.constants import CasePart, RestrictionKind, SharingBasis
from openom.access.models import CaseRestriction
from openom.access.policy import is_restricted, may_manage_mappa, users_who_may_see
from openom.access.services import (
    audit_record,
    case_restriction_add,
    cohort_share_ensure,
    cohort_shares_end,
)
from openom.accounts.constants import Role
from openom.accounts.models import User
from openom.core.exceptions import EditConflict, ServiceValidationError
from openom.core.services import edit_check
from openom.mappa import lifecycle_rules, rules
from openom.mappa.constants import (
    Category,
    Level,
    LifetimeReviewOutcome,
    MeetingStatus,
    ReferralStatus,
    RegistrationEndReason,
    Whereabouts,
)
from openom.mappa.models import (
    AgendaItem,
    CivilOrder,
    CivilOrderBreach,
    LevelDecision,
    LifetimeNotificationReview,
    MappaReferral,
    MappaRegistration,
    MappMeeting,
    MeetingAction,
    MeetingAgency,
    NotificationBreach,
    ReportCommentary,
    SeriousFurtherOffence,
    SexOffenderNotification,
    WhereaboutsEpisode,
)
from openom.mappa.selectors import category_of
from openom.notifications.services import notifications_send
from openom.organisations.constants import AgencyKind
from openom.organisations.models import Agency
from openom.people.models import Person

# What the responsible authorities and attending agencies see of a level 2/3 case (CJA 2003
# s325, s327A): enough to manage the risk together, never the victim compartment.
MAPPA_SHARED_PARTS = [CasePart.SUMMARY, CasePart.EVENTS, CasePart.RISK_SUMMARY]
MAPPA_LEGAL_BASIS = "Criminal Justice Act 2003 s325 and s327 (MAPPA)"
RESPONSIBLE_AUTHORITY_KINDS = frozenset(
    {AgencyKind.POLICE, AgencyKind.PROBATION, AgencyKind.PRISON}
)


def _require_coordinator(actor, police_force_id: int) -> None:
    if not may_manage_mappa(actor, police_force_id):
        raise ServiceValidationError("Only the area's MAPPA coordinators can do this")


def mappa_referral_create(
    *,
    person,
    police_force: Agency,
    level_requested: int,
    reason: str,
    risk_of_serious_harm: bool,
    risk_linked_to_offending: bool,
    expected_release_date: dt.date | None,
    actor,
    today: dt.date,
    coordinator: User | None = None,
) -> MappaReferral:
    """Refer a person to the area's MAPPA coordinator, from any agency.

    A case restricted to named staff goes to one named coordinator of the force, who is added
    to the restriction (so the case is never left with nobody who can see it), and the holding
    team's senior probation officers are told (issue #11).
    """
    errors: dict[str, str] = {}
    restricted = is_restricted(person)
    if police_force.kind != AgencyKind.POLICE:
        errors["police_force"] = "Choose the police force of the MAPPA area"
    elif restricted:
        if coordinator is None:
            errors["coordinator"] = (
                "This case is restricted to named staff: choose the MAPPA coordinator who will "
                "take the referral"
            )
        elif not may_manage_mappa(coordinator, police_force.pk):
            errors["coordinator"] = f"Choose a MAPPA coordinator of {police_force}"
        elif _is_excluded(coordinator, person):
            errors["coordinator"] = "That coordinator is excluded from this case: choose another"
    if not reason.strip():
        errors["reason"] = "Say why the person needs multi-agency management"
    if expected_release_date is not None and expected_release_date < today:
        errors["expected_release_date"] = "The release date must be today or later"
    if errors:
        raise ServiceValidationError("The referral needs correcting", field_errors=errors)
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).first()
        open_referral = MappaReferral.objects.filter(
            person=person, status=ReferralStatus.PENDING
        ).first()
        if open_referral is not None:
            on = open_referral.referred_on
            raise ServiceValidationError(
                f"{person.full_name} was already referred to MAPPA on {on.day} {on:%B %Y} and "
                "the referral is waiting for the coordinator's decision: add to that referral "
                "by contacting the MAPPA coordinator"
            )
        if MappaRegistration.objects.filter(person=person, end_date__isnull=True).exists():
            raise ServiceValidationError(
                f"{person.full_name} is already managed under MAPPA: ask the MAPPA coordinator "
                "to review the level instead of referring again"
            )
        try:
            # The partial unique index (one open referral per person) decides any race the
            # person lock above does not cover.
            with transaction.atomic():
                referral = MappaReferral.objects.create(
                    person=person,
                    police_force=police_force,
                    referred_by=actor,
                    referring_agency=actor.agency,
                    referred_on=today,
                    level_requested=level_requested,
                    reason=reason.strip(),
                    risk_of_serious_harm=risk_of_serious_harm,
                    risk_linked_to_offending=risk_linked_to_offending,
                    expected_release_date=expected_release_date,
                )
        except IntegrityError:
            raise ServiceValidationError(
                f"{person.full_name} was already referred to MAPPA and the referral is waiting "
                "for the coordinator's decision: add to that referral by contacting the MAPPA "
                "coordinator"
            ) from None
        audit_record(
            actor=actor, person=person, action="mappa_referral_create", detail=str(referral)
        )
        if restricted:
            case_restriction_add(
                person=person,
                kind=RestrictionKind.RESTRICT_TO,
                user=coordinator,
                reason=f"MAPPA coordinator for the referral of {today:%-d %B %Y}",
                actor=actor,
            )
            coordinators = [coordinator]
            notifications_send(
                recipients=_holding_spos(person),
                person=person,
                subject=f"Restricted case referred to MAPPA: {person.crn}",
                body=(
                    f"{actor.get_full_name()} referred this restricted case to MAPPA. "
                    f"{coordinator.get_full_name()} ({coordinator.agency}), the MAPPA "
                    "coordinator taking it, has been added to the restriction."
                ),
                link=reverse("people:case-access", args=[person.crn]),
            )
        else:
            coordinators = users_who_may_see(
                User.objects.filter(
                    agency=police_force, is_active=True, roles__role=Role.MAPPA_COORDINATOR
                ).distinct(),
                person,
            )
        notifications_send(
            recipients=coordinators,
            person=None,  # coordinators work from the register, not the case record
            subject=f"New MAPPA referral: {person.full_name} ({person.crn})",
            body=f"{actor.get_full_name()} ({actor.agency}) asks for level {level_requested}.",
            link=reverse("mappa:referrals"),
        )
    return referral


def _is_excluded(user, person) -> bool:
    return CaseRestriction.objects.filter(
        person=person, user=user, kind=RestrictionKind.EXCLUDE
    ).exists()


def _holding_spos(person) -> list:
    """The senior probation officers of the team holding the case."""
    return list(
        User.objects.filter(
            is_active=True,
            roles__role=Role.SENIOR_PROBATION_OFFICER,
            team__allocations__person=person,
            team__allocations__end_date__isnull=True,
        ).distinct()
    )


def _share_with(registration: MappaRegistration, agency: Agency, *, actor, today: dt.date) -> None:
    cohort_share_ensure(
        person=registration.person,
        agency=agency,
        basis=SharingBasis.MAPPA,
        parts=MAPPA_SHARED_PARTS,
        legal_basis=MAPPA_LEGAL_BASIS,
        reason=f"MAPPA level {registration.level} management",
        actor=actor,
        today=today,
    )


def _end_shares(registration: MappaRegistration, *, today: dt.date) -> None:
    cohort_shares_end(person=registration.person, basis=SharingBasis.MAPPA, today=today)


def _check_level(category: int, level: int, rationale: str) -> None:
    if category == 3 and level not in rules.CATEGORY_3_LEVELS:
        raise ServiceValidationError(
            "Category 3 is managed at level 2 or 3 only",
            field_errors={"level": "Choose level 2 or 3: category 3 cases are never level 1"},
        )
    if not rationale.strip():
        raise ServiceValidationError(
            "Record why", field_errors={"rationale": "Say why this level is right for the case"}
        )


def _apply_level(
    registration: MappaRegistration,
    level: int,
    *,
    rationale: str,
    actor,
    today: dt.date,
    meeting=None,
) -> None:
    """Set the level on a saved registration, record the decision and share or unshare."""
    _check_level(registration.category, level, rationale)
    registration.level = level
    registration.next_review_due = rules.next_review_due(level, today)
    LevelDecision.objects.create(
        registration=registration,
        level=level,
        decided_on=today,
        rationale=rationale.strip(),
        decided_by=actor,
        meeting=meeting,
    )
    if level in (Level.MULTI_AGENCY, Level.SENIOR):
        for agency in (registration.police_force, registration.probation_area):
            if agency is not None:
                _share_with(registration, agency, actor=actor, today=today)
    else:
        _end_shares(registration, today=today)


def mappa_register(
    *,
    person,
    police_force: Agency,
    police_unit=None,
    level: int,
    rationale: str,
    actor,
    today: dt.date,
    referral: MappaReferral | None = None,
    release_date: dt.date | None = None,
) -> MappaRegistration:
    """Put a person on the MAPPA register in the category their record gives, at `level`.

    The category is never typed in: it comes from the convictions and sentences already
    recorded (and, for category 3, the referral), so it cannot disagree with them.
    """
    _require_coordinator(actor, police_force.pk)
    if not users_who_may_see([actor], person):
        # An excluded coordinator, or one not named on a restricted case, cannot take it on: a
        # registration nobody on the list can open would be a case nobody reviews (issue #11).
        raise ServiceValidationError(
            "You cannot register this case: it is restricted or you are excluded from it"
        )
    category = category_of(person, as_of=today, referral=referral)
    if not category.eligible:
        raise ServiceValidationError(
            "This person is not eligible for MAPPA on their record: " + category.reasons[-1],
            field_errors={"level": "; ".join(category.reasons)},
        )
    with transaction.atomic():
        if (
            MappaRegistration.objects.select_for_update()
            .filter(person=person, end_date__isnull=True)
            .exists()
        ):
            raise ServiceValidationError(
                "This person is already on the MAPPA register: change their level instead"
            )
        registration = MappaRegistration(
            person=person,
            category=category.category,
            category_reasons=list(category.reasons),
            level=level,
            police_force=police_force,
            police_unit=police_unit,
            probation_area=person.probation_area,
            referral=referral,
            start_date=today,
            release_date=release_date,
        )
        _check_level(registration.category, level, rationale)
        registration.save()
        _apply_level(registration, level, rationale=rationale, actor=actor, today=today)
        registration.save()
        audit_record(actor=actor, person=person, action="mappa_register", detail=str(registration))
    return registration


def mappa_referral_decide(
    *,
    referral: MappaReferral,
    accept: bool,
    level: int | None,
    rationale: str,
    police_unit=None,
    actor,
    today: dt.date,
) -> MappaRegistration | None:
    """Accept a referral (registering the person or changing their level), or decline it."""
    _require_coordinator(actor, referral.police_force_id)
    if not rationale.strip():
        raise ServiceValidationError(
            "Record why", field_errors={"rationale": "Say why you accept or decline the referral"}
        )
    with transaction.atomic():
        locked = MappaReferral.objects.select_for_update().get(pk=referral.pk)
        if locked.status != ReferralStatus.PENDING:
            raise ServiceValidationError("This referral has already been decided")
        registration = None
        if accept:
            if level is None:
                raise ServiceValidationError(
                    "Choose a level", field_errors={"level": "Choose the management level"}
                )
            current = (
                MappaRegistration.objects.select_for_update()
                .filter(person=locked.person, end_date__isnull=True)
                .first()
            )
            if current is None:
                registration = mappa_register(
                    person=locked.person,
                    police_force=locked.police_force,
                    police_unit=police_unit,
                    level=level,
                    rationale=rationale,
                    actor=actor,
                    today=today,
                    referral=locked,
                    release_date=locked.expected_release_date,
                )
            else:
                registration = mappa_level_set(
                    registration=current,
                    level=level,
                    rationale=rationale,
                    version=current.version,
                    actor=actor,
                    today=today,
                )
        locked.status = ReferralStatus.ACCEPTED if accept else ReferralStatus.DECLINED
        locked.decided_by, locked.decided_on, locked.decision_notes = (
            actor,
            today,
            rationale.strip(),
        )
        locked.save()
        audit_record(
            actor=actor, person=locked.person, action="mappa_referral_decide", detail=locked.status
        )
        notifications_send(
            recipients=[locked.referred_by],
            person=locked.person,
            subject=f"MAPPA referral {locked.get_status_display().lower()}: {locked.person.full_name}",
            body=rationale.strip(),
        )
    return registration


def mappa_level_set(
    *,
    registration: MappaRegistration,
    level: int,
    rationale: str,
    version: int,
    actor,
    today: dt.date,
    meeting: MappMeeting | None = None,
) -> MappaRegistration:
    """Move a case to another level, with the rationale; the history keeps every decision."""
    _require_coordinator(actor, registration.police_force_id)
    with transaction.atomic():
        locked = (
            MappaRegistration.objects.select_for_update(of=("self",))
            .select_related("person", "police_force", "probation_area")
            .get(pk=registration.pk)
        )
        edit_check(locked, version=version, actor=actor, noun="registration", fields=("level",))
        if locked.end_date is not None:
            raise ServiceValidationError("This registration has ended")
        _apply_level(locked, level, rationale=rationale, actor=actor, today=today, meeting=meeting)
        locked.mark_saved(actor)
        locked.save()
        audit_record(
            actor=actor, person=locked.person, action="mappa_level_set", detail=str(locked)
        )
    return locked


def _locked_open(registration: MappaRegistration, version: int | None) -> MappaRegistration:
    """Lock an open registration, refusing a stale edit or a registration that has ended."""
    locked = (
        MappaRegistration.objects.select_for_update(of=("self",))
        .select_related("person", "police_force", "probation_area", "police_unit")
        .get(pk=registration.pk)
    )
    if version is not None and locked.version != version:
        raise EditConflict("Someone else changed this registration: reload it and check")
    if locked.end_date is not None:
        raise ServiceValidationError("This registration has already ended")
    return locked


def _check_end_date(registration: MappaRegistration, ended_on: dt.date, today: dt.date) -> None:
    if ended_on > today:
        raise ServiceValidationError(
            "Check the date", field_errors={"ended_on": "The date cannot be in the future"}
        )
    if ended_on < registration.start_date:
        raise ServiceValidationError(
            "Check the date",
            field_errors={
                "ended_on": f"The registration started on {registration.start_date:%-d %B %Y}: "
                "the date cannot be before that"
            },
        )


def mappa_registration_end(
    *,
    registration: MappaRegistration,
    reason: str,
    actor,
    today: dt.date,
    ended_on: dt.date | None = None,
    notes: str = "",
    version: int | None = None,
) -> MappaRegistration:
    """Take a person off the register: MAPPA sharing ends with it. A transfer to another area
    is `mappa_registration_transfer`, which opens the receiving area's registration."""
    _require_coordinator(actor, registration.police_force_id)
    ended_on = ended_on or today
    if reason not in RegistrationEndReason.values or reason == RegistrationEndReason.TRANSFERRED:
        raise ServiceValidationError("Choose why", field_errors={"reason": "Choose why it ends"})
    if reason == RegistrationEndReason.OTHER and not notes.strip():
        raise ServiceValidationError(
            "Say why", field_errors={"notes": "Say why the registration ends"}
        )
    with transaction.atomic():
        locked = _locked_open(registration, version)
        _check_end_date(locked, ended_on, today)
        locked.end_date, locked.end_reason = ended_on, reason
        locked.next_review_due = None
        locked.version += 1
        locked.save()
        WhereaboutsEpisode.objects.filter(registration=locked, found_on__isnull=True).update(
            found_on=ended_on, found_note="Registration ended"
        )
        _end_shares(locked, today=today)
        audit_record(
            actor=actor,
            person=locked.person,
            action="mappa_end",
            detail=f"{RegistrationEndReason(reason).label} on {ended_on}"
            + (f": {notes.strip()}" if notes.strip() else ""),
        )
    return locked


def mappa_registration_transfer(
    *,
    registration: MappaRegistration,
    to_police_force: Agency,
    reason: str,
    actor,
    today: dt.date,
    version: int | None = None,
) -> MappaRegistration:
    """Move a case to another MAPPA area: the sending area's registration ends as transferred
    and the receiving area's opens the same day, in the same category and at the same level
    until its coordinators review it. Their coordinators are told."""
    _require_coordinator(actor, registration.police_force_id)
    errors: dict[str, str] = {}
    if to_police_force.kind != AgencyKind.POLICE:
        errors["to_police_force"] = "Choose the police force of the receiving MAPPA area"
    elif to_police_force.pk == registration.police_force_id:
        errors["to_police_force"] = "Choose another area: the case is already managed here"
    if not reason.strip():
        errors["reason"] = "Say why the case moves (for example, the new home address)"
    if errors:
        raise ServiceValidationError("The transfer needs correcting", field_errors=errors)
    with transaction.atomic():
        locked = _locked_open(registration, version)
        locked.end_date, locked.end_reason = today, RegistrationEndReason.TRANSFERRED
        locked.next_review_due = None
        locked.version += 1
        locked.save()
        _end_shares(locked, today=today)
        received = MappaRegistration.objects.create(
            person=locked.person,
            category=locked.category,
            category_reasons=locked.category_reasons,
            level=locked.level,
            police_force=to_police_force,
            police_unit=None,
            probation_area=locked.probation_area,
            referral=locked.referral,
            start_date=today,
            release_date=locked.release_date,
            transferred_from=locked,
        )
        _apply_level(
            received,
            locked.level,
            rationale=f"Transferred from {locked.police_force}: {reason.strip()}",
            actor=actor,
            today=today,
        )
        received.save()
        open_episode = WhereaboutsEpisode.objects.filter(
            registration=locked, found_on__isnull=True
        ).first()
        if open_episode is not None:
            WhereaboutsEpisode.objects.create(
                registration=received,
                status=open_episode.status,
                since=open_episode.since,
                circumstances=open_episode.circumstances,
                recorded_by=open_episode.recorded_by,
            )
            open_episode.found_on, open_episode.found_note = today, "Transferred"
            open_episode.save(update_fields=["found_on", "found_note"])
        audit_record(
            actor=actor,
            person=locked.person,
            action="mappa_transfer",
            detail=f"From {locked.police_force} to {to_police_force}: {reason.strip()}",
        )
        notifications_send(
            recipients=User.objects.filter(
                agency=to_police_force, is_active=True, roles__role=Role.MAPPA_COORDINATOR
            ),
            person=None,
            subject=f"MAPPA case transferred to you: {locked.person.full_name} ({locked.person.crn})",
            body=f"From {locked.police_force}, category {locked.category}, level "
            f"{locked.level}. {reason.strip()}",
            link=reverse("mappa:register"),
        )
    return received


def whereabouts_record(
    *,
    registration: MappaRegistration,
    status: str,
    since: dt.date,
    circumstances: str,
    actor,
    today: dt.date,
) -> WhereaboutsEpisode:
    """Record a registered sexual offender as wanted or missing."""
    _require_coordinator(actor, registration.police_force_id)
    errors: dict[str, str] = {}
    if status not in Whereabouts.values:
        errors["status"] = "Choose wanted or missing"
    if since > today:
        errors["since"] = "The date cannot be in the future"
    elif since < registration.start_date:
        errors["since"] = "The date cannot be before the registration started"
    if not circumstances.strip():
        errors["circumstances"] = "Say what is known (last seen, warrant, circulated on PNC)"
    if errors:
        raise ServiceValidationError("The record needs correcting", field_errors=errors)
    with transaction.atomic():
        locked = _locked_open(registration, None)
        if locked.category != Category.REGISTERED_SEXUAL_OFFENDER:
            raise ServiceValidationError(
                "Only registered sexual offenders (category 1) are recorded as wanted or missing"
            )
        if WhereaboutsEpisode.objects.filter(registration=locked, found_on__isnull=True).exists():
            raise ServiceValidationError(
                "This person is already recorded as wanted or missing: record them found first"
            )
        episode = WhereaboutsEpisode.objects.create(
            registration=locked,
            status=status,
            since=since,
            circumstances=circumstances.strip(),
            recorded_by=actor,
        )
        audit_record(
            actor=actor, person=locked.person, action="rso_whereabouts", detail=str(episode)
        )
    return episode


def whereabouts_found(
    *, registration: MappaRegistration, found_on: dt.date, note: str, actor, today: dt.date
) -> WhereaboutsEpisode:
    """Record a wanted or missing person found (arrested, located, or returned)."""
    _require_coordinator(actor, registration.police_force_id)
    with transaction.atomic():
        episode = (
            WhereaboutsEpisode.objects.select_for_update()
            .filter(registration=registration, found_on__isnull=True)
            .first()
        )
        if episode is None:
            raise ServiceValidationError("This person is not recorded as wanted or missing")
        if found_on > today or found_on < episode.since:
            raise ServiceValidationError(
                "Check the date",
                field_errors={"found_on": f"Enter a date from {episode.since:%-d %B %Y} to today"},
            )
        episode.found_on, episode.found_note = found_on, note.strip()
        episode.save(update_fields=["found_on", "found_note"])
        audit_record(
            actor=actor,
            person=registration.person,
            action="rso_found",
            detail=f"{episode.get_status_display()} since {episode.since}, found {found_on}",
        )
    return episode


def lifetime_review_apply(
    *,
    registration: MappaRegistration,
    relevant_notification_on: dt.date,
    under_18_on_relevant_date: bool,
    applied_on: dt.date,
    actor,
    today: dt.date,
) -> LifetimeNotificationReview:
    """Record an application to review indefinite notification requirements (SOA 2003 s91B).

    The application may be made on or after the qualifying date (or the further qualifying
    date set by an earlier determination to continue); an earlier one is refused.
    """
    _require_coordinator(actor, registration.police_force_id)
    if registration.category != Category.REGISTERED_SEXUAL_OFFENDER:
        raise ServiceValidationError("Only registered sexual offenders have notification reviews")
    errors: dict[str, str] = {}
    if applied_on > today:
        errors["applied_on"] = "The date cannot be in the future"
    if relevant_notification_on > applied_on:
        errors["relevant_notification_on"] = "The notification must come before the application"
    if errors:
        raise ServiceValidationError("The application needs correcting", field_errors=errors)
    qualifying = lifecycle_rules.qualifying_date(
        relevant_notification_on, under_18_on_relevant_date=under_18_on_relevant_date
    )
    with transaction.atomic():
        locked = _locked_open(registration, None)
        earlier = list(
            LifetimeNotificationReview.objects.filter(registration__person=locked.person)
            .select_for_update()
            .order_by("-applied_on", "-pk")
        )
        if any(review.determined_on is None for review in earlier):
            raise ServiceValidationError("An application is already waiting for a decision")
        continued = next((r for r in earlier if r.outcome == LifetimeReviewOutcome.CONTINUED), None)
        if continued is not None and continued.further_qualifying_date:
            qualifying = max(qualifying, continued.further_qualifying_date)
        if applied_on < qualifying:
            raise ServiceValidationError(
                "Too early to apply",
                field_errors={
                    "applied_on": "An application can be made on or after "
                    f"{qualifying:%-d %B %Y} (Sexual Offences Act 2003 s91B)"
                },
            )
        review = LifetimeNotificationReview.objects.create(
            registration=locked,
            relevant_notification_on=relevant_notification_on,
            under_18_on_relevant_date=under_18_on_relevant_date,
            qualifying_date=qualifying,
            applied_on=applied_on,
            recorded_by=actor,
        )
        audit_record(
            actor=actor, person=locked.person, action="lifetime_review_apply", detail=str(review)
        )
    return review


def lifetime_review_determine(
    *,
    review: LifetimeNotificationReview,
    outcome: str,
    reasons: str,
    further_review_years: int | None,
    actor,
    today: dt.date,
) -> LifetimeNotificationReview:
    """The chief officer's determination (SOA 2003 s91C): discharged, the registration ends;
    continued, the further qualifying date is set (s91B(3): 8 years, or up to 15)."""
    registration = review.registration
    _require_coordinator(actor, registration.police_force_id)
    errors: dict[str, str] = {}
    if outcome not in LifetimeReviewOutcome.values:
        errors["outcome"] = "Choose the determination"
    if not reasons.strip():
        errors["reasons"] = "Give the reasons (s91C requires them to be given to the offender)"
    years = further_review_years or lifecycle_rules.FURTHER_REVIEW_YEARS
    if outcome == LifetimeReviewOutcome.CONTINUED and not (
        1 <= years <= lifecycle_rules.LONGEST_FURTHER_REVIEW_YEARS
    ):
        errors["further_review_years"] = (
            f"Enter 1 to {lifecycle_rules.LONGEST_FURTHER_REVIEW_YEARS} years"
        )
    if errors:
        raise ServiceValidationError("The determination needs correcting", field_errors=errors)
    with transaction.atomic():
        locked = LifetimeNotificationReview.objects.select_for_update().get(pk=review.pk)
        if locked.determined_on is not None:
            raise ServiceValidationError("This application has already been determined")
        if today < locked.applied_on:
            raise ServiceValidationError("The determination cannot come before the application")
        locked.determined_on, locked.outcome = today, outcome
        locked.reasons, locked.determined_by = reasons.strip(), actor
        if outcome == LifetimeReviewOutcome.CONTINUED:
            locked.further_qualifying_date = lifecycle_rules.further_qualifying_date(
                today, years=years
            )
        locked.save()
        audit_record(
            actor=actor,
            person=registration.person,
            action="lifetime_review_determine",
            detail=f"{LifetimeReviewOutcome(outcome).label}: {reasons.strip()}",
        )
        if outcome == LifetimeReviewOutcome.DISCHARGED:
            current = MappaRegistration.objects.filter(pk=registration.pk, end_date__isnull=True)
            if current.exists():
                mappa_registration_end(
                    registration=registration,
                    reason=RegistrationEndReason.NOTIFICATION_ENDED,
                    notes="Indefinite notification requirements discharged on review (s91C)",
                    actor=actor,
                    today=today,
                )
    return locked


def report_commentary_save(
    *, police_force: Agency, year_end: dt.date, text: str, version: int | None, actor
) -> ReportCommentary:
    """Save the SMB's commentary on one year's report; a stale edit is refused."""
    _require_coordinator(actor, police_force.pk)
    if not text.strip():
        raise ServiceValidationError(
            "Write the commentary", field_errors={"text": "Enter the board's commentary"}
        )
    with transaction.atomic():
        commentary = (
            ReportCommentary.objects.select_for_update()
            .filter(police_force=police_force, year_end=year_end)
            .first()
        )
        if commentary is None:
            if version:
                raise EditConflict("Someone else changed the commentary: reload it and check")
            commentary = ReportCommentary(
                police_force=police_force, year_end=year_end, text=text.strip(), updated_by=actor
            )
        else:
            if version != commentary.version:
                raise EditConflict("Someone else changed the commentary: reload it and check")
            commentary.text, commentary.updated_by = text.strip(), actor
            commentary.version += 1
        commentary.save()
        audit_record(
            actor=actor,
            person=None,
            action="mappa_report_commentary",
            detail=f"{police_force}, year ending {year_end}",
        )
    return commentary


def mappa_level_confirm_to_prison(
    *, registration: MappaRegistration, actor, now: dt.datetime | None = None
) -> bool:
    """Record the level confirmed to the prison; True if at least 48 hours before release."""
    _require_coordinator(actor, registration.police_force_id)
    now = now or timezone.now()
    with transaction.atomic():
        locked = MappaRegistration.objects.select_for_update().get(pk=registration.pk)
        if locked.release_date is None:
            raise ServiceValidationError(
                "Record the expected release date first",
                field_errors={"release_date": "Enter the expected release date"},
            )
        locked.level_confirmed_to_prison_at, locked.level_confirmed_by = now, actor
        locked.version += 1
        locked.save()
        audit_record(actor=actor, person=locked.person, action="mappa_confirm_to_prison")
    return confirmed_in_time(locked)


def confirmed_in_time(registration: MappaRegistration) -> bool | None:
    """Whether the level reached the prison 48 hours before release (None: not yet confirmed)."""
    if registration.release_date is None or registration.level_confirmed_to_prison_at is None:
        return None
    release = timezone.make_aware(dt.datetime.combine(registration.release_date, dt.time.min))
    return rules.confirmed_in_time(release, registration.level_confirmed_to_prison_at)


def mapp_meeting_schedule(
    *,
    police_force: Agency,
    level: int,
    police_unit,
    starts_at: dt.datetime,
    location: str,
    chair: str,
    agencies: list[Agency],
    registrations: list[MappaRegistration],
    actor,
) -> MappMeeting:
    """Schedule a level 2 (divisional) or level 3 (county-wide) meeting with its agenda."""
    _require_coordinator(actor, police_force.pk)
    errors: dict[str, str] = {}
    if level == Level.MULTI_AGENCY and police_unit is None:
        errors["police_unit"] = "Choose the police division: level 2 meetings are local"
    if starts_at < timezone.now():
        errors["starts_at"] = "The meeting must be in the future"
    if not registrations:
        errors["registrations"] = "Choose at least one case for the agenda"
    wrong_level = [r.person.crn for r in registrations if r.level != level]
    if wrong_level:
        errors["registrations"] = (
            f"These cases are not managed at level {level}: {', '.join(wrong_level)}"
        )
    if errors:
        raise ServiceValidationError("The meeting needs correcting", field_errors=errors)
    with transaction.atomic():
        meeting = MappMeeting.objects.create(
            police_force=police_force,
            level=level,
            police_unit=police_unit,
            starts_at=starts_at,
            location=location,
            chair=chair,
            created_by=actor,
        )
        invited = {police_force.pk: police_force} | {a.pk: a for a in agencies}
        for registration in registrations:
            if registration.probation_area is not None:
                invited.setdefault(registration.probation_area_id, registration.probation_area)
        MeetingAgency.objects.bulk_create(
            MeetingAgency(
                meeting=meeting,
                agency=agency,
                responsible_authority=agency.kind in RESPONSIBLE_AUTHORITY_KINDS,
            )
            for agency in invited.values()
        )
        AgendaItem.objects.bulk_create(
            AgendaItem(meeting=meeting, registration=registration, position=index)
            for index, registration in enumerate(registrations, start=1)
        )
        for registration in registrations:
            audit_record(
                actor=actor,
                person=registration.person,
                action="mapp_meeting_schedule",
                detail=str(meeting),
            )
    return meeting


def mapp_meeting_attendance_record(
    *, meeting: MappMeeting, attended: dict[int, str], actor, today: dt.date
) -> MappMeeting:
    """Record who came (agency id -> names); attending agencies now share the agenda cases."""
    _require_coordinator(actor, meeting.police_force_id)
    with transaction.atomic():
        locked = MappMeeting.objects.select_for_update().get(pk=meeting.pk)
        if locked.status == MeetingStatus.CANCELLED:
            raise ServiceValidationError("This meeting was cancelled")
        invitations = list(locked.invitations.select_related("agency"))
        for invitation in invitations:
            invitation.attended = invitation.agency_id in attended
            invitation.attendee_names = attended.get(invitation.agency_id, "")
        MeetingAgency.objects.bulk_update(invitations, ["attended", "attendee_names"])
        locked.status = MeetingStatus.HELD
        locked.save(update_fields=["status", "updated_at"])
        for item in locked.agenda.select_related("registration__person"):
            for invitation in invitations:
                if invitation.attended:
                    _share_with(item.registration, invitation.agency, actor=actor, today=today)
    return locked


# What a coordinator minutes for each case on a MAPP meeting's agenda.
MINUTED_FIELDS = ("minutes", "risk_management_plan", "disclosure_decision")


def agenda_item_minute(
    *,
    item: AgendaItem,
    data: dict[str, Any],
    actor,
    today: dt.date,
    version: int | None = None,
    registration_version: int | None = None,
) -> AgendaItem:
    """Minutes, risk management plan, disclosure decision and any change of level for one case.

    `version` and `registration_version` are the agenda item's and the registration's versions
    when the form was read: a save over someone else's is refused (EditConflict) with their text.
    """
    meeting = item.meeting
    _require_coordinator(actor, meeting.police_force_id)
    with transaction.atomic():
        locked = (
            AgendaItem.objects.select_for_update(of=("self",))
            .select_related("registration")
            .get(pk=item.pk)
        )
        edit_check(
            locked,
            version=locked.version if version is None else version,
            actor=actor,
            noun="case's minutes",
            fields=MINUTED_FIELDS,
        )
        for field in MINUTED_FIELDS:
            if field in data:
                setattr(locked, field, data[field] or "")
        level = data.get("level_decided")
        if level:
            locked.level_decided = int(level)
            if int(level) != locked.registration.level:
                mappa_level_set(
                    registration=locked.registration,
                    level=int(level),
                    rationale=f"Decided at the {meeting}",
                    # The version the coordinator read, never the current one: otherwise the
                    # registration's lock could not fire (issue #14).
                    version=(
                        locked.registration.version
                        if registration_version is None
                        else registration_version
                    ),
                    actor=actor,
                    today=today,
                    meeting=meeting,
                )
            else:
                MappaRegistration.objects.filter(pk=locked.registration_id).update(
                    next_review_due=rules.next_review_due(
                        int(level), timezone.localdate(meeting.starts_at)
                    )
                )
        locked.mark_saved(actor)
        locked.save()
        audit_record(
            actor=actor,
            person=locked.registration.person,
            action="mapp_minutes",
            detail=str(meeting),
        )
    return locked


def meeting_action_add(
    *,
    item: AgendaItem,
    description: str,
    owner_agency: Agency,
    owner,
    due_date: dt.date,
    actor,
    today: dt.date | None = None,
) -> MeetingAction:
    _require_coordinator(actor, item.meeting.police_force_id)
    errors: dict[str, str] = {}
    if not description.strip():
        errors["description"] = "Say what must be done"
    if owner is not None and owner.agency_id != owner_agency.pk:
        errors["owner"] = f"{owner.get_full_name()} does not work for {owner_agency}"
    if due_date < (today or timezone.localdate()):
        errors["due_date"] = "The due date must be today or in the future"
    if errors:
        raise ServiceValidationError("The action needs correcting", field_errors=errors)
    with transaction.atomic():
        action = MeetingAction.objects.create(
            agenda_item=item,
            description=description.strip(),
            owner_agency=owner_agency,
            owner=owner,
            due_date=due_date,
        )
        audit_record(
            actor=actor,
            person=item.registration.person,
            action="mapp_action_add",
            detail=str(action),
        )
    return action


def meeting_action_complete(
    *, action: MeetingAction, note: str, actor, today: dt.date
) -> MeetingAction:
    """Mark an action done: its owner agency or the coordinator."""
    if actor.agency_id != action.owner_agency_id and not may_manage_mappa(
        actor, action.agenda_item.meeting.police_force_id
    ):
        raise ServiceValidationError("Only the owning agency or the coordinator can close this")
    with transaction.atomic():
        locked = MeetingAction.objects.select_for_update().get(pk=action.pk)
        if locked.completed_on is not None:
            raise ServiceValidationError("This action is already done")
        locked.completed_on, locked.completion_note = today, note.strip()
        locked.mark_saved(actor)
        locked.save()
        audit_record(
            actor=actor,
            person=action.agenda_item.registration.person,
            action="mapp_action_complete",
            detail=str(locked),
        )
    return locked


def meeting_actions_chase(*, today: dt.date) -> int:
    """Chase every open action due today or earlier, once a day: its owner (or the owning
    agency's coordinators) and the force's coordinators are told. Returns how many were chased."""
    due = list(
        MeetingAction.objects.filter(completed_on__isnull=True, due_date__lte=today)
        .exclude(last_chased_on=today)
        .select_related(
            "owner", "owner_agency", "agenda_item__meeting", "agenda_item__registration__person"
        )
    )
    if not due:
        return 0
    agencies = {a.owner_agency_id for a in due} | {
        a.agenda_item.meeting.police_force_id for a in due
    }
    coordinators: dict[int, list] = {}
    for user in User.objects.filter(
        agency_id__in=agencies, is_active=True, roles__role=Role.MAPPA_COORDINATOR
    ).distinct():
        coordinators.setdefault(user.agency_id, []).append(user)
    with transaction.atomic():
        for action in due:
            meeting = action.agenda_item.meeting
            owners = (
                [action.owner] if action.owner else coordinators.get(action.owner_agency_id, [])
            )
            overdue = (today - action.due_date).days
            person = action.agenda_item.registration.person
            notifications_send(
                # Nobody is chased about a case they are excluded or restricted from.
                recipients=users_who_may_see(
                    [*owners, *coordinators.get(meeting.police_force_id, [])], person
                ),
                person=None,  # owners may not see the case record; the action says what to do
                subject=(
                    "MAPPA action due today"
                    if overdue == 0
                    else f"MAPPA action {overdue} days overdue"
                ),
                body=(
                    f"{action.description} ({action.owner_agency}; case "
                    f"{action.agenda_item.registration.person.crn}, from the {meeting})"
                ),
                link=reverse("mappa:actions"),
            )
            action.last_chased_on = today
            action.times_chased += 1
        MeetingAction.objects.bulk_update(due, ["last_chased_on", "times_chased"])
    return len(due)


def sex_offender_notification_record(
    *, registration: MappaRegistration, notified_on: dt.date, kind: str, no_fixed_abode: bool, actor
) -> SexOffenderNotification:
    """A notification made to the police (SOA 2003 ss83-85); the next is due a year on, or a
    week with no fixed abode."""
    _require_coordinator(actor, registration.police_force_id)
    if registration.category != 1:
        raise ServiceValidationError("Only registered sexual offenders (category 1) notify")
    with transaction.atomic():
        made = SexOffenderNotification.objects.create(
            person=registration.person,
            notified_on=notified_on,
            kind=kind,
            no_fixed_abode=no_fixed_abode,
            recorded_by=actor,
        )
        audit_record(
            actor=actor, person=registration.person, action="rso_notification", detail=str(made)
        )
    return made


def notification_breach_record(
    *, registration: MappaRegistration, breach_date: dt.date, outcome: str, outcome_date, actor
):
    _require_coordinator(actor, registration.police_force_id)
    if outcome and outcome_date is None:
        raise ServiceValidationError(
            "Give the date",
            field_errors={"outcome_date": "Enter the date of the caution or conviction"},
        )
    if outcome_date is not None and outcome_date < breach_date:
        raise ServiceValidationError(
            "Check the dates",
            field_errors={"outcome_date": "The outcome cannot come before the breach"},
        )
    with transaction.atomic():
        made = NotificationBreach.objects.create(
            person=registration.person,
            breach_date=breach_date,
            outcome=outcome or "",
            outcome_date=outcome_date,
            recorded_by=actor,
        )
        audit_record(
            actor=actor,
            person=registration.person,
            action="rso_notification_breach",
            detail=str(made),
        )
    return made


def civil_order_record(*, registration: MappaRegistration, data: dict, actor, order=None):
    """Record or update a SOPO/SHPO, Notification Order or Foreign Travel Order."""
    _require_coordinator(actor, registration.police_force_id)
    applied = data["applied_on"]
    errors = {
        field: "This cannot be before the application"
        for field in ("interim_on", "full_on", "refused_on")
        if data.get(field) and data[field] < applied
    }
    if data.get("full_on") and data.get("refused_on"):
        errors["refused_on"] = "An order cannot be both made and refused"
    if data.get("kind"):
        for field, message in lifecycle_rules.order_date_errors(
            data["kind"],
            applied_on=applied,
            interim_on=data.get("interim_on"),
            full_on=data.get("full_on"),
        ).items():
            errors.setdefault(field, message)
    if errors:
        raise ServiceValidationError("The order's dates need correcting", field_errors=errors)
    with transaction.atomic():
        if order is None:
            order = CivilOrder(person=registration.person, recorded_by=actor)
        for field in (
            "kind",
            "applied_on",
            "interim_on",
            "full_on",
            "refused_on",
            "expires_on",
            "conditions",
        ):
            setattr(order, field, data.get(field) or ("" if field == "conditions" else None))
        order.save()
        audit_record(
            actor=actor, person=registration.person, action="civil_order_record", detail=str(order)
        )
    return order


def civil_order_breach_record(
    *, registration: MappaRegistration, order, breach_date, sent_to_custody_on, actor
):
    _require_coordinator(actor, registration.police_force_id)
    if order.person_id != registration.person_id:
        raise ServiceValidationError("That order belongs to someone else")
    if sent_to_custody_on is not None and sent_to_custody_on < breach_date:
        raise ServiceValidationError(
            "Check the dates",
            field_errors={"sent_to_custody_on": "Custody cannot come before the breach"},
        )
    with transaction.atomic():
        made = CivilOrderBreach.objects.create(
            order=order,
            breach_date=breach_date,
            sent_to_custody_on=sent_to_custody_on,
            recorded_by=actor,
        )
        audit_record(
            actor=actor, person=registration.person, action="civil_order_breach", detail=str(made)
        )
    return made


def serious_further_offence_record(
    *, registration: MappaRegistration, offence_date, charged_on, description: str, actor
):
    """Record an SFO with the level the person was managed at, and set its review due date."""
    from openom.core.calendar import calendar_for

    _require_coordinator(actor, registration.police_force_id)
    if charged_on < offence_date:
        raise ServiceValidationError(
            "Check the dates",
            field_errors={"charged_on": "The charge cannot come before the offence"},
        )
    if not description.strip():
        raise ServiceValidationError(
            "Describe it", field_errors={"description": "Say what the offence was"}
        )
    level = (
        LevelDecision.objects.filter(registration=registration, decided_on__lte=offence_date)
        .order_by("-decided_on", "-pk")
        .values_list("level", flat=True)
        .first()
        or registration.level
    )
    with transaction.atomic():
        made = SeriousFurtherOffence.objects.create(
            registration=registration,
            offence_date=offence_date,
            charged_on=charged_on,
            description=description.strip(),
            level_at_the_time=level,
            review_due=calendar_for(registration.probation_area_id).add_working_days(
                charged_on, rules.SFO_REVIEW_WORKING_DAYS
            ),
            recorded_by=actor,
        )
        audit_record(actor=actor, person=registration.person, action="sfo_record", detail=str(made))
    return made


def serious_further_offence_review(
    *, sfo: SeriousFurtherOffence, findings: str, actor, today: dt.date
) -> SeriousFurtherOffence:
    """Record the review of an SFO: what was learned about how the case was managed."""
    _require_coordinator(actor, sfo.registration.police_force_id)
    if not findings.strip():
        raise ServiceValidationError(
            "Record the findings", field_errors={"findings": "Say what the review found"}
        )
    with transaction.atomic():
        locked = SeriousFurtherOffence.objects.select_for_update().get(pk=sfo.pk)
        if locked.reviewed_on is not None:
            raise ServiceValidationError("This offence has already been reviewed")
        locked.reviewed_on, locked.review_findings = today, findings.strip()
        locked.save(update_fields=["reviewed_on", "review_findings", "updated_at"])
        audit_record(
            actor=actor, person=sfo.registration.person, action="sfo_review", detail=str(locked)
        )
    return locked
