"""Reads for MAPPA: the register, a person's category from their record, meetings and actions.

Who may see what is decided in `openom.access.policy`; these selectors build on it.
"""

import datetime as dt

from django.db.models import F, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from openom.access.policy import (
    mapp_actions_visible_to,
    mapp_agenda_visible_to,
    mapp_meetings_visible_to,
    mappa_referrals_visible_to,
    mappa_registrations_visible_to,
    without_hidden_people,
)
from openom.core.dates import age_on
from openom.mappa import rules
from openom.mappa.constants import ReferralStatus
from openom.mappa.models import (
    AgendaItem,
    LevelDecision,
    MappaReferral,
    MappaRegistration,
    MappMeeting,
    MeetingAction,
)
from openom.people.models import Person
from openom.sentencing.constants import SentenceType
from openom.sentencing.models import Sentence

CUSTODY = frozenset(
    {
        SentenceType.DETERMINATE_CUSTODY,
        SentenceType.EXTENDED_DETERMINATE,
        SentenceType.OFFENDER_OF_PARTICULAR_CONCERN,
    }
)
DISPOSALS = {
    SentenceType.SUSPENDED_SENTENCE_ORDER: rules.Disposal.SUSPENDED,
    SentenceType.LIFE: rules.Disposal.LIFE,
    SentenceType.IPP: rules.Disposal.LIFE,
    SentenceType.HOSPITAL_ORDER: rules.Disposal.HOSPITAL_ORDER,
    # The sentence's length is the order's full term; the rules halve it for notification.
    SentenceType.DETENTION_AND_TRAINING_ORDER: rules.Disposal.DTO,
    **{kind: rules.Disposal.CUSTODY for kind in CUSTODY},
}


def _conviction(person: Person, sentence: Sentence) -> rules.Conviction:
    offences = [item.offence for item in sentence.event.event_offences.all()]
    disposal = DISPOSALS.get(sentence.sentence_type, rules.Disposal.COMMUNITY)
    term = (
        rules.Term(
            years=sentence.length_years,
            months=sentence.length_months,
            days=sentence.length_days,
        )
        if disposal in (rules.Disposal.CUSTODY, rules.Disposal.SUSPENDED, rules.Disposal.DTO)
        else None
    )
    return rules.Conviction(
        date=sentence.event.conviction_date,
        disposal=disposal,
        term=term,
        age=age_on(person.date_of_birth, sentence.event.conviction_date),
        murder=any(o.murder for o in offences),
        schedule_15_violent=any(o.schedule_15_violent for o in offences),
        schedule_15_sexual=any(o.schedule_15_sexual for o in offences),
        schedule_3_notifiable=any(o.schedule_3_notifiable for o in offences),
        release_date=sentence.release_date,
        supervision_ends=sentence.termination_date or sentence.expected_end_date,
    )


def _sentences():
    return (
        Sentence.objects.select_related("event")
        .prefetch_related("event__event_offences__offence")
        .order_by("sentence_date", "pk")
    )


def convictions_of(person: Person) -> list[rules.Conviction]:
    """The person's sentenced convictions as the MAPPA rules read them (asked once, reused)."""
    return [_conviction(person, s) for s in _sentences().filter(person=person)]


def convictions_by_person(people: list[Person]) -> dict[int, list[rules.Conviction]]:
    """`convictions_of` for many people in three queries (bulk jobs and the demo)."""
    by_pk = {person.pk: person for person in people}
    convictions: dict[int, list[rules.Conviction]] = {pk: [] for pk in by_pk}
    for sentence in _sentences().filter(person_id__in=by_pk):
        convictions[sentence.person_id].append(_conviction(by_pk[sentence.person_id], sentence))
    return convictions


def category_of(
    person: Person,
    *,
    as_of: dt.date,
    referral: MappaReferral | None = None,
    convictions: list[rules.Conviction] | None = None,
) -> rules.MappaCategory:
    """The MAPPA category the person's record gives today, with the rules' reasons."""
    category_3 = (
        rules.Category3Referral(
            risk_of_serious_harm=referral.risk_of_serious_harm,
            linked_to_offending=referral.risk_linked_to_offending,
            needs_multi_agency_management=True,
        )
        if referral is not None
        else None
    )
    if convictions is None:
        convictions = convictions_of(person)
    return rules.mappa_category(convictions=convictions, as_of=as_of, referral=category_3)


def register_for(user, *, category: int | None = None, level: int | None = None) -> QuerySet:
    """The coordinator's open registrations, soonest review first."""
    registrations = (
        mappa_registrations_visible_to(user)
        .filter(end_date__isnull=True)
        .select_related("person", "police_unit")
        .order_by(F("next_review_due").asc(nulls_last=True), "person__surname", "pk")
    )
    if category:
        registrations = registrations.filter(category=category)
    if level:
        registrations = registrations.filter(level=level)
    return registrations


def referrals_waiting_for(user) -> QuerySet:
    """Referrals waiting for the user's force's MAPPA coordinators, oldest first."""
    return (
        mappa_referrals_visible_to(user)
        .filter(status=ReferralStatus.PENDING)
        .select_related("person", "referring_agency", "referred_by")
        .order_by("referred_on", "pk")
    )


def registration_for(user, pk: int) -> MappaRegistration:
    """One registration on the user's register, with its level history; 404 if not theirs."""
    return get_object_or_404(
        mappa_registrations_visible_to(user)
        .select_related("person", "police_unit", "police_force", "probation_area")
        .prefetch_related(
            Prefetch(
                "level_decisions",
                queryset=LevelDecision.objects.select_related("decided_by").order_by(
                    "-decided_on", "-pk"
                ),
            )
        ),
        pk=pk,
    )


def meetings_for(user) -> QuerySet:
    return mapp_meetings_visible_to(user).select_related("police_unit").order_by("-starts_at")


def meeting_for(user, pk: int) -> MappMeeting:
    return get_object_or_404(
        meetings_for(user).prefetch_related(
            Prefetch(
                "agenda",
                queryset=without_hidden_people(
                    AgendaItem.objects.all(), user, person="registration__person"
                )
                .select_related("registration__person")
                .prefetch_related(
                    Prefetch(
                        "actions",
                        queryset=MeetingAction.objects.select_related("owner_agency", "owner"),
                    )
                ),
            ),
            "invitations__agency",
        ),
        pk=pk,
    )


def agenda_item_for(user, meeting: MappMeeting, pk: int) -> AgendaItem:
    """One item of a meeting's agenda the user may see; 404 for a case hidden from them."""
    return get_object_or_404(
        mapp_agenda_visible_to(user, meeting).select_related("registration__person", "meeting"),
        pk=pk,
    )


def open_actions_for(user) -> QuerySet:
    """Open actions the user has a role in (see access.policy): overdue first."""
    return (
        mapp_actions_visible_to(user)
        .filter(completed_on__isnull=True)
        .select_related(
            "owner_agency", "owner", "agenda_item__meeting", "agenda_item__registration__person"
        )
        .order_by("due_date", "pk")
    )


def due_for_review(user, *, level: int, police_unit_id: int | None, by: dt.date) -> QuerySet:
    """Registrations at `level` (in the division, for level 2) whose review falls due by `by`."""
    registrations = register_for(user, level=level).filter(next_review_due__lte=by)
    if police_unit_id is not None:
        registrations = registrations.filter(police_unit_id=police_unit_id)
    return registrations


def wanted_or_missing_for(user) -> QuerySet:
    """The coordinator's registered sexual offenders now wanted or missing, longest first."""
    from openom.mappa.models import WhereaboutsEpisode

    return (
        WhereaboutsEpisode.objects.filter(
            registration__in=register_for(user).values("pk"), found_on__isnull=True
        )
        .select_related("registration__person", "registration__police_unit")
        .order_by("since", "pk")
    )


def registration_lifecycle(registration: MappaRegistration) -> dict:
    """What the registration page shows of the register's life: transfers, whereabouts and
    reviews of indefinite notification (across the person's registrations), in three queries."""
    from openom.mappa.models import LifetimeNotificationReview, WhereaboutsEpisode

    episodes = list(WhereaboutsEpisode.objects.filter(registration=registration))
    return {
        "whereabouts": episodes,
        "open_whereabouts": next((e for e in episodes if e.found_on is None), None),
        "lifetime_reviews": list(
            LifetimeNotificationReview.objects.filter(registration__person=registration.person_id)
            .select_related("determined_by")
            .order_by("-applied_on", "-pk")
        ),
        "transferred_to": MappaRegistration.objects.filter(transferred_from=registration)
        .select_related("police_force")
        .first(),
    }
