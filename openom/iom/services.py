"""Writes for IOM: the matrix, referrals and screening, scoring, selection, reviews, step-down
and deselection, action plans and case meetings. Atomic, locked, audited."""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from openom.access.constants import CasePart, SharingBasis
from openom.access.policy import iom_scheme_for
from openom.access.services import audit_record, cohort_share_ensure, cohort_shares_end
from openom.core.exceptions import EditConflict, ServiceValidationError
from openom.core.services import edit_check
from openom.iom import rules
from openom.iom.constants import ReferralStatus, ReviewDecision, Strategy
from openom.iom.models import (
    ActionPlanItem,
    CandidateScore,
    CaseMeeting,
    CaseMeetingItem,
    IntensityChange,
    IomReferral,
    MatrixFactor,
    MemberReview,
    Membership,
    PriorityWeight,
    Scheme,
)
from openom.iom.selectors import (
    candidates,
    districts_of,
    proposal_for,
    score_now,
    selection_options,
)
from openom.organisations.models import Agency

IOM_SHARED_PARTS = [CasePart.SUMMARY, CasePart.EVENTS, CasePart.RISK_SUMMARY]
IOM_LEGAL_BASIS = "Crime and Disorder Act 1998 s115 (IOM information sharing agreement)"


def _require_coordinator(actor, scheme: Scheme) -> None:
    managed = iom_scheme_for(actor)
    if managed is None or managed.pk != scheme.pk:
        raise ServiceValidationError("Only the scheme's IOM coordinators can do this")


def scheme_matrix_save(
    *,
    scheme: Scheme,
    weights: dict[str, Decimal],
    priority_weights: dict[str, Decimal],
    capacity: int,
    version: int,
    actor,
    district=None,
) -> Scheme:
    """Change the matrix weights, the local priority crime multipliers and the capacity.

    With a `district`, the multipliers are that district's own; one equal to the scheme's
    multiplier is no override and is removed.
    """
    _require_coordinator(actor, scheme)
    errors = {f"weight_{k}": "A weight cannot be negative" for k, v in weights.items() if v < 0}
    errors |= {
        f"priority_{k}": "A multiplier must be more than 0"
        for k, v in priority_weights.items()
        if v <= 0
    }
    if capacity < 1:
        errors["capacity"] = "The cohort needs room for at least one person"
    if errors:
        raise ServiceValidationError("The matrix needs correcting", field_errors=errors)
    with transaction.atomic():
        locked = Scheme.objects.select_for_update().get(pk=scheme.pk)
        if locked.version != version:
            raise EditConflict("Someone else changed the matrix: reload it and check")
        for factor in MatrixFactor.objects.filter(scheme=locked, key__in=weights):
            factor.weight = weights[factor.key]
            factor.save(update_fields=["weight"])
        scheme_wide = locked.matrix().priority_weights
        for category, multiplier in priority_weights.items():
            baseline = Decimal(1) if district is None else Decimal(scheme_wide.get(category, 1))
            if multiplier == baseline:
                PriorityWeight.objects.filter(
                    scheme=locked, district=district, offence_category=category
                ).delete()
            else:
                PriorityWeight.objects.update_or_create(
                    scheme=locked,
                    district=district,
                    offence_category=category,
                    defaults={"multiplier": multiplier},
                )
        locked.capacity = capacity
        locked.version += 1
        locked.save()
    return locked


def scheme_create_default(*, area: Agency, police_force: Agency, name: str) -> Scheme:
    """A scheme with the default matrix (rules.DEFAULT_FACTORS), for the area to edit."""
    with transaction.atomic():
        scheme = Scheme.objects.create(area=area, police_force=police_force, name=name)
        MatrixFactor.objects.bulk_create(
            MatrixFactor(
                scheme=scheme,
                key=f.key,
                label=f.label,
                weight=f.weight,
                by_offence_type=f.by_offence_type,
                position=i,
            )
            for i, f in enumerate(rules.DEFAULT_FACTORS)
        )
        PriorityWeight.objects.bulk_create(
            PriorityWeight(scheme=scheme, offence_category=c, multiplier=m)
            for c, m in rules.DEFAULT_PRIORITY_WEIGHTS.items()
        )
    return scheme


def iom_referral_create(
    *,
    scheme: Scheme,
    person,
    reason: str,
    evidence: str,
    statutory_status: str,
    arrests_12m: int,
    community_harm: int,
    actor,
    today: dt.date,
) -> IomReferral:
    errors = {}
    if not reason.strip():
        errors["reason"] = "Say why the person should be considered for IOM"
    if community_harm > 3:
        errors["community_harm"] = "Harm to the community is scored 0 (none) to 3 (severe)"
    if errors:
        raise ServiceValidationError("The referral needs correcting", field_errors=errors)
    with transaction.atomic():
        referral = IomReferral.objects.create(
            scheme=scheme,
            person=person,
            referred_by=actor,
            referring_agency=actor.agency,
            referred_on=today,
            reason=reason.strip(),
            evidence=evidence.strip(),
            statutory_status=statutory_status,
            arrests_12m=arrests_12m,
            community_harm=community_harm,
        )
        audit_record(actor=actor, person=person, action="iom_referral_create", detail=str(referral))
    return referral


def iom_referral_screen(
    *, referral: IomReferral, accept: bool, notes: str, actor, today: dt.date
) -> IomReferral:
    _require_coordinator(actor, referral.scheme)
    if not notes.strip():
        raise ServiceValidationError(
            "Record why", field_errors={"notes": "Record the screening decision's reason"}
        )
    with transaction.atomic():
        locked = IomReferral.objects.select_for_update().get(pk=referral.pk)
        if locked.status != ReferralStatus.PENDING:
            raise ServiceValidationError("This referral has already been screened")
        locked.status = ReferralStatus.ACCEPTED if accept else ReferralStatus.DECLINED
        locked.screened_by, locked.screened_on, locked.screening_notes = actor, today, notes.strip()
        locked.save()
        audit_record(
            actor=actor, person=locked.person, action="iom_referral_screen", detail=locked.status
        )
        if accept:
            _score(locked.scheme, locked.person, today)
    return locked


def _score(scheme: Scheme, person, today: dt.date) -> CandidateScore:
    """Score with the matrix of the person's district (its own priorities, if it has any)."""
    inputs, result = score_now(scheme, person, today)
    return CandidateScore.objects.create(
        scheme=scheme,
        person=person,
        scored_on=today,
        score=result.total,
        inputs=inputs,
        working=list(result.working),
    )


def candidates_rescore(*, scheme: Scheme, actor, today: dt.date) -> int:
    """Score every candidate and member again with today's record and matrix."""
    _require_coordinator(actor, scheme)
    people = [p for p, _ in candidates(scheme)] + [
        m.person for m in scheme.members.filter(end_date__isnull=True)
    ]
    with transaction.atomic():
        for person in people:
            _score(scheme, person, today)
    return len(people)


def cohort_select(
    *, scheme: Scheme, strategy: str, cohort_label: str, actor, today: dt.date
) -> list[Membership]:
    """Fill the free places by the chosen option, at the most intensive level."""
    _require_coordinator(actor, scheme)
    if strategy not in Strategy.values:
        raise ServiceValidationError(
            "Choose an option", field_errors={"strategy": "Choose how to fill the places"}
        )
    with transaction.atomic():
        locked = Scheme.objects.select_for_update().get(pk=scheme.pk)
        chosen = selection_options(locked)[strategy].chosen
        districts = districts_of([c.key for c in chosen])
        if not chosen:
            raise ServiceValidationError("There are no scored candidates or no free places")
        scores = {
            s.person_id: s
            for s in CandidateScore.objects.filter(
                scheme=locked, person_id__in=[c.key for c in chosen]
            ).order_by("scored_on", "pk")
        }
        top = locked.intensities[0]["key"]
        made = []
        for candidate in chosen:
            score = scores[candidate.key]
            membership = Membership.objects.create(
                scheme=locked,
                person=score.person,
                district=districts.get(score.person_id),
                cohort_label=cohort_label,
                intensity=top,
                start_date=today,
                next_review_due=rules.next_review_due(today),
                joining_score=score.score,
            )
            IntensityChange.objects.create(
                membership=membership,
                intensity=top,
                changed_on=today,
                reason=f"Selected ({Strategy(strategy).label.lower()}), score {score.score}",
                changed_by=actor,
            )
            cohort_share_ensure(
                person=score.person,
                agency=locked.police_force,
                basis=SharingBasis.IOM,
                parts=IOM_SHARED_PARTS,
                legal_basis=IOM_LEGAL_BASIS,
                reason="IOM cohort member",
                actor=actor,
                today=today,
            )
            audit_record(
                actor=actor, person=score.person, action="iom_select", detail=str(membership)
            )
            made.append(membership)
    return made


def member_review(
    *,
    membership: Membership,
    decision: str,
    notes: str,
    onward_support: str,
    version: int,
    actor,
    today: dt.date,
) -> MemberReview:
    """Re-score, record the proposal and the decision, and apply it (six-monthly, rec 2.2b)."""
    _require_coordinator(actor, membership.scheme)
    errors = {}
    if decision not in ReviewDecision.values:
        errors["decision"] = "Choose the review's decision"
    if not notes.strip():
        errors["notes"] = "Record the reasons for the decision"
    if decision == ReviewDecision.DESELECT and not onward_support.strip():
        errors["onward_support"] = "Say what support continues after deselection (the glide path)"
    if errors:
        raise ServiceValidationError("The review needs correcting", field_errors=errors)
    with transaction.atomic():
        locked = (
            Membership.objects.select_for_update()
            .select_related("scheme", "person")
            .get(pk=membership.pk)
        )
        if locked.version != version:
            raise EditConflict("Someone else reviewed this member: reload and check")
        if locked.end_date is not None:
            raise ServiceValidationError("This person has left the cohort")
        score = _score(locked.scheme, locked.person, today)
        proposal = proposal_for(locked, score.score, today)
        keys = [i["key"] for i in locked.scheme.intensities]
        index = keys.index(locked.intensity) if locked.intensity in keys else 0
        if decision == ReviewDecision.STEP_DOWN:
            if index == len(keys) - 1:
                raise ServiceValidationError("Already at the lowest intensity: deselect instead")
            locked.intensity = keys[index + 1]
        elif decision == ReviewDecision.STEP_UP:
            if index == 0:
                raise ServiceValidationError("Already at the highest intensity")
            locked.intensity = keys[index - 1]
        if decision in (ReviewDecision.STEP_DOWN, ReviewDecision.STEP_UP):
            IntensityChange.objects.create(
                membership=locked,
                intensity=locked.intensity,
                changed_on=today,
                reason=notes.strip(),
                changed_by=actor,
            )
        if decision == ReviewDecision.DESELECT:
            locked.end_date, locked.onward_support = today, onward_support.strip()
            cohort_shares_end(person=locked.person, basis=SharingBasis.IOM, today=today)
        locked.next_review_due = rules.next_review_due(today)
        locked.version += 1
        locked.save()
        review = MemberReview.objects.create(
            membership=locked,
            reviewed_on=today,
            score=score,
            proposal=proposal.action,
            proposal_reasons=list(proposal.reasons),
            decision=decision,
            notes=notes.strip(),
            reviewed_by=actor,
        )
        audit_record(actor=actor, person=locked.person, action="iom_review", detail=str(review))
    return review


def action_plan_add(
    *,
    membership: Membership,
    pathway: str,
    action: str,
    owner_agency: Agency,
    due_date: dt.date,
    actor,
) -> ActionPlanItem:
    _require_coordinator(actor, membership.scheme)
    if not action.strip():
        raise ServiceValidationError(
            "Say what will be done", field_errors={"action": "Describe the action"}
        )
    with transaction.atomic():
        item = ActionPlanItem.objects.create(
            membership=membership,
            pathway=pathway,
            action=action.strip(),
            owner_agency=owner_agency,
            due_date=due_date,
        )
        audit_record(
            actor=actor, person=membership.person, action="iom_action_add", detail=str(item)
        )
    return item


def agencies_for(membership: Membership) -> frozenset[str]:
    """Who needs to be in the room for this member: police and probation, the agencies that own
    open actions on the plan, and the link worker's agency for each pathway with an action."""
    scheme = membership.scheme
    names = {scheme.police_force.name, scheme.area.name}
    link = {w.pathway: w.agency.name for w in scheme.link_workers.select_related("agency")}
    for item in membership.actions.filter(done_on__isnull=True).select_related("owner_agency"):
        names.add(item.owner_agency.name)
        if item.pathway in link:
            names.add(link[item.pathway])
    return frozenset(names)


def case_meeting_build(
    *, scheme: Scheme, date: dt.date, actor, today: dt.date | None = None
) -> CaseMeeting:
    """An agenda of the members due for review by the meeting (and everyone at the top
    intensity), ordered so each agency attends one window (rec 5)."""
    _require_coordinator(actor, scheme)
    today = today or timezone.localdate()
    if date < today:
        raise ServiceValidationError(
            "Check the meeting date",
            field_errors={"date": "The meeting date must be today or in the future"},
        )
    top = scheme.intensities[0]["key"]
    due = [
        m
        for m in scheme.members.filter(end_date__isnull=True).select_related(
            "person", "scheme__police_force", "scheme__area"
        )
        if m.next_review_due <= date + dt.timedelta(days=rules.AGENDA_LOOKAHEAD_DAYS)
        or m.intensity == top
    ]
    if not due:
        raise ServiceValidationError("No members are due for discussion by that date")
    by_pk = {m.pk: m for m in due}
    agenda = rules.order_agenda(
        rules.AgendaCase(m.pk, agencies_for(m), scheme.minutes_per_case) for m in due
    )
    with transaction.atomic():
        meeting = CaseMeeting.objects.create(
            scheme=scheme,
            date=date,
            minutes_per_case=scheme.minutes_per_case,
            agency_minutes=agenda.agency_minutes,
            whole_meeting_agency_minutes=agenda.whole_meeting_agency_minutes,
            unordered_agency_minutes=agenda.unordered_agency_minutes,
            created_by=actor,
        )
        minute = 0
        for position, case in enumerate(agenda.cases, start=1):
            CaseMeetingItem.objects.create(
                meeting=meeting,
                membership=by_pk[case.key],
                position=position,
                starts_minute=minute,
                agencies=sorted(case.agencies),
            )
            minute += case.minutes
    return meeting


def case_meeting_minute(
    *,
    item: CaseMeetingItem,
    minutes: str,
    action: dict | None,
    actor,
    today: dt.date,
    version: int | None = None,
) -> CaseMeetingItem:
    """Minutes for one member's discussion, and any action it agreed (added to their plan).

    `version` is the item's version when the form was read: a save over someone else's minutes
    is refused (EditConflict, with their text) rather than overwriting them.
    """
    _require_coordinator(actor, item.meeting.scheme)
    if not minutes.strip():
        raise ServiceValidationError(
            "Record the minutes", field_errors={"minutes": "Say what was discussed and agreed"}
        )
    with transaction.atomic():
        locked = CaseMeetingItem.objects.select_for_update().get(pk=item.pk)
        edit_check(
            locked,
            version=locked.version if version is None else version,
            actor=actor,
            noun="member's minutes",
            fields=("minutes",),
        )
        locked.minutes = minutes.strip()
        locked.mark_saved(actor)
        locked.save(update_fields=["minutes", "version", "updated_at"])
        if action:
            action_plan_add(membership=locked.membership, actor=actor, **action)
        audit_record(
            actor=actor, person=locked.membership.person, action="iom_minutes", detail=str(locked)
        )
    return locked
