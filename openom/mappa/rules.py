"""MAPPA category and sex-offender notification, as pure functions (DOMAIN.md §4, §5.8).

Categories (Criminal Justice Act 2003 ss325-327; MAPPA Guidance), the first that applies wins:
1. subject to the notification requirements of the Sexual Offences Act 2003 Part 2 (s327(2));
2. convicted of murder or a CJA 2003 Schedule 15 offence (violent or sexual) and sentenced to 12
   months or more custody (a suspended sentence counts as imprisonment, CJA 2003 s189(6)), to
   life or an indeterminate sentence, to a detention and training order of 12 months or more (the
   full term), or to a hospital or guardianship order (s327(3)); the offences s327(4A) names
   count as Schedule 15 offences (s327(3)(a)); found not guilty by insanity or unfit to plead for
   such an offence with a hospital or guardianship order (s327(4)). Disqualification from working
   with children (s327(5)) counted only before its repeal by the Deregulation Act 2015 came into
   force. Sexual offenders who do not have to register fall here through their Schedule 15
   sexual offence;
3. referred because an offence they committed shows they may cause serious harm, the risk is
   current and linked to the offending, and it needs active multi-agency management at level 2
   or 3 (s325(2)(b); MAPPA Guidance).

Notification period (SOA 2003 s82), "beginning with" the relevant date (the date of conviction,
finding or caution, s82(6)): the day of conviction is day 1, so a fixed period's `end` is the
last day of it — the day before the same date N years on (convicted 1 March 2024 for 10 years:
the period ends 28 February 2034 and the person is free of it from 1 March 2034). Custodial
lengths are compared with the 6, 12 and 30 month thresholds as calendar lengths from the
conviction date, so "26 weeks" is compared with the six months that follow that date.
Under-18s (on the relevant date) have the 10, 7, 5 and 2 year periods halved (s82(2)); the
period of a conditional discharge is not halved, since s82(2) names only those four. For a
detention and training order the custodial length compared with those thresholds is the period
the person is liable to be detained, half the term (SOA 2003 s131), while category 2 compares the
full term with 12 months.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from openom.core.dates import add_months, term_end

# CJA 2003 s327(3)(b): 12 months or more custody for murder or a Schedule 15 offence: category 2.
CATEGORY_2_CUSTODY_MONTHS = 12
# CJA 2003 s327(5) (disqualified from working with children) was repealed by the Deregulation
# Act 2015, in force 26 May 2015 (two months after Royal Assent on 26 March 2015, s115(7)); it
# makes a person category 2 only on dates before then (DOMAIN.md §5.8).
S327_5_REPEALED_ON = dt.date(2015, 5, 26)
# SOA 2003 s131: a detention and training order counts for notification as the period the person
# is liable to be detained, half the term.
DTO_DETENTION_DIVISOR = 2
# Sentencing Act 2020 s236(1): a detention and training order is for 4, 6, 8, 10, 12, 18 or 24
# months (consecutive orders may add up to other whole months, never more than 24).
DTO_MIN_MONTHS = 4
DTO_MAX_MONTHS = 24
# Sentencing Act 2020 s233: a detention and training order is for someone under 18 at conviction.
DTO_AGE_LIMIT = 18
# SOA 2003 s82(1): imprisonment for 30 months or more (or for life, or IPP): indefinite.
INDEFINITE_CUSTODY_MONTHS = 30
# SOA 2003 s82(1): imprisonment of 6 months or less: 7 years; more than 6 (under 30): 10 years.
SHORT_CUSTODY_MONTHS = 6
# SOA 2003 s82(1): more than 6 months but less than 30 months imprisonment: 10 years.
NOTIFICATION_MONTHS_CUSTODY_OVER_SIX_MONTHS = 120
# SOA 2003 s82(1): imprisonment for 6 months or less: 7 years.
NOTIFICATION_MONTHS_CUSTODY_SIX_MONTHS_OR_LESS = 84
# SOA 2003 s82(1): admitted to hospital without a restriction order: 7 years.
NOTIFICATION_MONTHS_HOSPITAL = 84
# SOA 2003 s82(1): cautioned (s80(1)(d)): 2 years.
NOTIFICATION_MONTHS_CAUTION = 24
# SOA 2003 s82(1): a person of any other description (community order, fine...): 5 years.
NOTIFICATION_MONTHS_OTHER = 60
# SOA 2003 s82(2): under 18 on the relevant date halves the 10, 7, 5 and 2 year periods.
ADULT_AGE = 18
YOUTH_PERIOD_DIVISOR = 2
# SOA 2003 s91B(2)(a): an indefinite period is reviewable 15 years after the first notification
# following release (18 or over on the relevant date).
INDEFINITE_REVIEW_YEARS_ADULT = 15
# SOA 2003 s91B(2)(b): 8 years for those under 18 on the relevant date.
INDEFINITE_REVIEW_YEARS_YOUTH = 8
# SOA 2003 s83(1): initial notification within the period of 3 days beginning with the relevant
# date; s83(6): time in custody is disregarded, so the 3 days begin on release.
INITIAL_NOTIFICATION_DAYS = 3
# SOA 2003 s85(1), (5)(b): re-notify within one year after the last notification.
RENOTIFICATION_MONTHS = 12
# SOA 2003 s85(5)(a), (6) and SI 2012/1876: weekly when the person has no sole or main residence.
RENOTIFICATION_DAYS_NO_FIXED_ABODE = 7
# MAPPA Guidance (configurable, DOMAIN.md §5.8): level 3 cases reviewed at least every 8 weeks.
LEVEL_3_REVIEW_WEEKS = 8
# MAPPA Guidance (configurable, DOMAIN.md §5.8): level 2 cases reviewed at least every 16 weeks.
LEVEL_2_REVIEW_WEEKS = 16
# MAPPA Guidance (DOMAIN.md §5.8; seed 003 found it missed): the level is confirmed to the
# prison at least 48 hours before release.
PRISON_CONFIRMATION_HOURS_BEFORE_RELEASE = 48
# No cited source: OpenOM's default for completing the review of a serious further offence,
# counted from the charge, until the area sets its own policy.
SFO_REVIEW_WORKING_DAYS = 20
# MAPPA Guidance (DOMAIN.md §5.8): category 3 cases are managed at level 2 or 3 only.
CATEGORY_3_LEVELS = frozenset({2, 3})


class Disposal(StrEnum):
    """What the court (or police) did for the offence."""

    # A fixed term of imprisonment, YOI detention or s.250 detention.
    CUSTODY = "CUSTODY"
    # A detention and training order: its term for category 2, half of it for notification.
    DTO = "DTO"
    # A suspended sentence: a sentence of imprisonment for every enactment (CJA 2003 s189(6)).
    SUSPENDED = "SUSPENDED"
    # Life, imprisonment or detention for public protection, detention at His Majesty's pleasure.
    LIFE = "LIFE"
    HOSPITAL_ORDER = "HOSPITAL_ORDER"
    GUARDIANSHIP = "GUARDIANSHIP"
    COMMUNITY = "COMMUNITY"
    FINE = "FINE"
    CONDITIONAL_DISCHARGE = "CONDITIONAL_DISCHARGE"
    CAUTION = "CAUTION"
    OTHER = "OTHER"


# Disposals with a length that must be given.
TERM_DISPOSALS = frozenset(
    {Disposal.CUSTODY, Disposal.DTO, Disposal.SUSPENDED, Disposal.CONDITIONAL_DISCHARGE}
)
# CJA 2003 s327(3)(b)(viii), s327(4)(b): hospital and guardianship orders qualify for category 2.
MENTAL_HEALTH_DISPOSALS = frozenset({Disposal.HOSPITAL_ORDER, Disposal.GUARDIANSHIP})


class Finding(StrEnum):
    CONVICTED = "CONVICTED"
    # SOA 2003 s80(1)(b), CJA 2003 s327(4)(a): not guilty by reason of insanity.
    NOT_GUILTY_INSANITY = "NOT_GUILTY_INSANITY"
    # SOA 2003 s80(1)(c), CJA 2003 s327(4)(a): under a disability and did the act.
    UNFIT_DID_THE_ACT = "UNFIT_DID_THE_ACT"


@dataclass(frozen=True)
class Term:
    """A length as the court states it (18 months, 2 years, 26 weeks, 180 days...)."""

    years: int = 0
    months: int = 0
    weeks: int = 0
    days: int = 0

    def is_zero(self) -> bool:
        return not (self.years or self.months or self.weeks or self.days)

    def after(self, start: dt.date) -> dt.date:
        """The same point `self` after `start` (the day after a term beginning with `start`)."""
        end = add_months(start, self.years * 12 + self.months)
        return end + dt.timedelta(weeks=self.weeks, days=self.days)

    def last_day(self, start: dt.date) -> dt.date:
        """The last day of a period of this length beginning with `start`."""
        return term_end(
            start, years=self.years, months=self.months, weeks=self.weeks, days=self.days
        )

    def __str__(self) -> str:
        parts = [
            f"{n} {unit}{'' if n == 1 else 's'}"
            for n, unit in (
                (self.years, "year"),
                (self.months, "month"),
                (self.weeks, "week"),
                (self.days, "day"),
            )
            if n
        ]
        return " ".join(parts) or "0 days"

    @classmethod
    def of_months(cls, months: int) -> Term:
        return cls(years=months // 12, months=months % 12)

    def halved(self, start: dt.date) -> Term:
        """Half this term beginning with `start`: in months when it is an even number of months,
        else in days (rounded up)."""
        months = self.years * 12 + self.months
        if not (self.weeks or self.days) and months % 2 == 0:
            return Term.of_months(months // 2)
        days = (self.after(start) - start).days
        return Term(days=-(-days // 2))


def reaches(term: Term, start: dt.date, months: int) -> bool:
    """Whether a term beginning with `start` is `months` months or more long."""
    return term.after(start) >= add_months(start, months)


def longer_than(term: Term, start: dt.date, months: int) -> bool:
    """Whether a term beginning with `start` is more than `months` months long."""
    return term.after(start) > add_months(start, months)


@dataclass(frozen=True)
class Conviction:
    """A conviction, finding or caution: `date` is the relevant date (SOA 2003 s82(6))."""

    date: dt.date
    disposal: Disposal
    term: Term | None = None
    age: int | None = None
    murder: bool = False
    schedule_15_violent: bool = False
    schedule_15_sexual: bool = False
    # An offence CJA 2003 s327(4A) names: counts as Schedule 15 for category 2 (s327(3)(a)).
    s327_4a_offence: bool = False
    schedule_3_notifiable: bool = False
    restriction_order: bool = False
    finding: Finding = Finding.CONVICTED
    release_date: dt.date | None = None
    # The end of the sentence, licence or order; category 2 eligibility ends with it.
    supervision_ends: dt.date | None = None


@dataclass(frozen=True)
class Category3Referral:
    """What the referring agency says about the risk (MAPPA Guidance, category 3)."""

    risk_of_serious_harm: bool
    linked_to_offending: bool
    needs_multi_agency_management: bool


@dataclass(frozen=True)
class Notification:
    """The notification period of one notifiable conviction."""

    conviction: int
    start: dt.date
    indefinite: bool
    period: Term | None
    end: dt.date | None
    halved: bool
    basis: str
    under_18: bool

    @property
    def label(self) -> str:
        return "indefinite" if self.indefinite else str(self.period)

    def in_force_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    @property
    def review_after_years(self) -> int | None:
        if not self.indefinite:
            return None
        return INDEFINITE_REVIEW_YEARS_YOUTH if self.under_18 else INDEFINITE_REVIEW_YEARS_ADULT

    def review_qualifying_date(self, relevant_notification: dt.date) -> dt.date | None:
        """s91B(2): the day after the 15 (8) year period beginning with the relevant notification."""
        years = self.review_after_years
        return None if years is None else add_months(relevant_notification, years * 12)


@dataclass(frozen=True)
class MappaCategory:
    category: int | None
    also_meets: tuple[int, ...]
    reasons: tuple[str, ...]
    notification: Notification | None

    @property
    def eligible(self) -> bool:
        return self.category is not None


def _d(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def _offence(conviction: Conviction) -> str:
    kinds = [
        label
        for flag, label in (
            (conviction.murder, "murder"),
            (conviction.schedule_15_violent, "a Schedule 15 violent offence"),
            (conviction.schedule_15_sexual, "a Schedule 15 sexual offence"),
            (conviction.s327_4a_offence, "an offence named in CJA 2003 s327(4A)"),
        )
        if flag
    ]
    return " and ".join(kinds) if kinds else "an offence outside Schedule 15"


def _disposal(conviction: Conviction) -> str:
    names = {
        Disposal.CUSTODY: "custody",
        Disposal.DTO: "a detention and training order",
        Disposal.SUSPENDED: "a suspended sentence",
        Disposal.LIFE: "a life or indeterminate sentence",
        Disposal.HOSPITAL_ORDER: "a hospital order"
        + (" with a restriction order" if conviction.restriction_order else ""),
        Disposal.GUARDIANSHIP: "a guardianship order",
        Disposal.COMMUNITY: "a community sentence",
        Disposal.FINE: "a fine",
        Disposal.CONDITIONAL_DISCHARGE: "a conditional discharge",
        Disposal.CAUTION: "a caution",
        Disposal.OTHER: "another disposal",
    }
    name = names[conviction.disposal]
    return f"{name} of {conviction.term}" if conviction.term is not None else name


def notification_period(conviction: Conviction, index: int = 0) -> Notification | None:
    """The SOA 2003 s82 notification period of a Schedule 3 conviction, None if not notifiable."""
    if not conviction.schedule_3_notifiable:
        return None
    if conviction.age is None:
        raise ValueError("the age on the relevant date is needed for a notification period")
    start = conviction.date
    under_18 = conviction.age < ADULT_AGE
    disposal, term = conviction.disposal, conviction.term
    custodial = disposal in (Disposal.CUSTODY, Disposal.SUSPENDED, Disposal.DTO)
    if custodial and term is None:
        raise ValueError(f"{disposal} needs its length")
    described = _disposal(conviction)
    if disposal == Disposal.DTO and term is not None:
        term = term.halved(start)
        described += f" (liable to be detained for {term}, half the term, s131)"

    months: int | None
    if disposal == Disposal.LIFE:
        months, basis = None, "a life or indeterminate sentence: indefinite (s82(1))"
    elif term is not None and custodial and reaches(term, start, INDEFINITE_CUSTODY_MONTHS):
        months, basis = None, f"{described}, 30 months or more: indefinite (s82(1))"
    elif disposal == Disposal.HOSPITAL_ORDER and conviction.restriction_order:
        months, basis = None, "a hospital order with a restriction order: indefinite (s82(1))"
    elif term is not None and custodial and not longer_than(term, start, SHORT_CUSTODY_MONTHS):
        months = NOTIFICATION_MONTHS_CUSTODY_SIX_MONTHS_OR_LESS
        basis = f"{described}, 6 months or less: 7 years (s82(1))"
    elif custodial:
        months = NOTIFICATION_MONTHS_CUSTODY_OVER_SIX_MONTHS
        basis = f"{described}, more than 6 and less than 30 months: 10 years (s82(1))"
    elif disposal == Disposal.HOSPITAL_ORDER:
        months, basis = NOTIFICATION_MONTHS_HOSPITAL, "a hospital order: 7 years (s82(1))"
    elif disposal == Disposal.CAUTION:
        months, basis = NOTIFICATION_MONTHS_CAUTION, "a caution: 2 years (s82(1))"
    elif disposal == Disposal.CONDITIONAL_DISCHARGE:
        if term is None or term.is_zero():
            raise ValueError("a conditional discharge needs its length")
        return Notification(
            conviction=index,
            start=start,
            indefinite=False,
            period=term,
            end=term.last_day(start),
            halved=False,
            basis=f"a conditional discharge of {term}: the period of the discharge (s82(1)), "
            "not halved for under-18s",
            under_18=under_18,
        )
    else:
        months = NOTIFICATION_MONTHS_OTHER
        basis = f"{_disposal(conviction)}: any other description, 5 years (s82(1))"

    if months is None:
        return Notification(index, start, True, None, None, False, basis, under_18)
    halved = under_18
    if halved:
        months //= YOUTH_PERIOD_DIVISOR
        basis += f", halved to {Term.of_months(months)} as under 18 on the relevant date (s82(2))"
    period = Term.of_months(months)
    return Notification(
        index, start, False, period, period.last_day(start), halved, basis, under_18
    )


def governing_notification(notifications: Iterable[Notification]) -> Notification | None:
    """The period that lasts longest: an indefinite one, else the latest end (then start)."""
    return max(
        notifications,
        key=lambda n: (n.indefinite, n.end or dt.date.max, n.start),
        default=None,
    )


def _category_2(conviction: Conviction, as_of: dt.date) -> tuple[bool, str]:
    """Whether one conviction makes the person category 2 on `as_of`, with the reason."""
    head = f"{_d(conviction.date)}: {_offence(conviction)} with {_disposal(conviction)}"
    if not (
        conviction.murder
        or conviction.schedule_15_violent
        or conviction.schedule_15_sexual
        or conviction.s327_4a_offence
    ):
        return False, (
            f"{head}: not murder, a Schedule 15 offence or an offence in s327(4A), so not "
            "category 2"
        )
    disposal, term = conviction.disposal, conviction.term
    section = "s327(3)"
    if conviction.finding != Finding.CONVICTED:
        section = "s327(4)"
        qualifies = disposal in MENTAL_HEALTH_DISPOSALS
        why = (
            "a hospital or guardianship order after a finding of insanity or disability"
            if qualifies
            else "a finding of insanity or disability without a hospital or guardianship order"
        )
    elif disposal == Disposal.LIFE:
        qualifies, why = True, "a life or indeterminate sentence"
    elif disposal in (Disposal.CUSTODY, Disposal.SUSPENDED, Disposal.DTO) and term is not None:
        qualifies = reaches(term, conviction.date, CATEGORY_2_CUSTODY_MONTHS)
        if disposal == Disposal.DTO:
            why = (
                f"a detention and training order of {CATEGORY_2_CUSTODY_MONTHS} months or more "
                "(its full term)"
                if qualifies
                else f"a detention and training order under {CATEGORY_2_CUSTODY_MONTHS} months"
            )
        else:
            why = (
                f"{CATEGORY_2_CUSTODY_MONTHS} months or more custody"
                if qualifies
                else f"under {CATEGORY_2_CUSTODY_MONTHS} months custody"
            )
    elif disposal in MENTAL_HEALTH_DISPOSALS:
        qualifies, why = True, "a hospital or guardianship order"
    else:
        qualifies, why = False, "not custody, a hospital order or a guardianship order"
    if not qualifies:
        return False, f"{head}: {why}, so not category 2 (CJA 2003 {section})"
    if conviction.supervision_ends is not None and conviction.supervision_ends < as_of:
        return False, (
            f"{head}: {why}, but the sentence, licence or order ended on "
            f"{_d(conviction.supervision_ends)}, so no longer category 2 (MAPPA Guidance)"
        )
    sexual = (
        "; a sexual offender not required to register"
        if conviction.schedule_15_sexual and not conviction.schedule_3_notifiable
        else ""
    )
    return True, f"{head}: {why}: category 2 (CJA 2003 {section}){sexual}"


def mappa_category(
    *,
    convictions: Sequence[Conviction],
    as_of: dt.date,
    subject_to_notification: bool | None = None,
    disqualified_from_working_with_children: bool = False,
    referral: Category3Referral | None = None,
) -> MappaCategory:
    """The MAPPA category on `as_of`, the lower categories also met, and the reasons.

    `subject_to_notification` None works it out from the Schedule 3 convictions and their
    notification periods; True or False is taken as stated (a notification order, or an
    indefinite requirement discharged on review, is not in the convictions).
    """
    reasons: list[str] = []
    notifications = [
        n for n in (notification_period(c, i) for i, c in enumerate(convictions)) if n is not None
    ]
    governing = governing_notification(notifications)
    met: list[int] = []

    # Category 1: subject to notification (CJA 2003 s327(2)).
    for n in notifications:
        until = "indefinitely" if n.end is None else f"to {_d(n.end)}"
        state = "in force" if n.in_force_on(as_of) else "not in force"
        reasons.append(
            f"{_d(n.start)}: a Schedule 3 (SOA 2003) offence with {n.basis}; notification from "
            f"{_d(n.start)} {until}, {state} on {_d(as_of)}"
        )
    in_force = any(n.in_force_on(as_of) for n in notifications)
    if subject_to_notification is None:
        if in_force:
            met.append(1)
            reasons.append(
                "Subject to the notification requirements of SOA 2003 Part 2: category 1 "
                "(CJA 2003 s327(2))"
            )
        else:
            reasons.append("Not subject to sex-offender notification, so not category 1")
    elif subject_to_notification:
        met.append(1)
        reasons.append(
            "Stated to be subject to the notification requirements of SOA 2003 Part 2: "
            "category 1 (CJA 2003 s327(2))"
        )
    else:
        reasons.append(
            "Stated not to be subject to sex-offender notification, so not category 1"
            + (
                " (the convictions alone would still require it: check for a discharge on "
                "review under SOA 2003 s91C)"
                if in_force
                else ""
            )
        )

    # Category 2: violent and other sexual offenders; disqualified from working with children.
    category_2 = False
    for conviction in convictions:
        qualifies, line = _category_2(conviction, as_of)
        category_2 = category_2 or qualifies
        reasons.append(line)
    if disqualified_from_working_with_children and as_of < S327_5_REPEALED_ON:
        category_2 = True
        reasons.append("Disqualified from working with children: category 2 (CJA 2003 s327(5))")
    elif disqualified_from_working_with_children:
        reasons.append(
            "Disqualified from working with children: no longer category 2, as CJA 2003 s327(5) "
            f"was repealed by the Deregulation Act 2015 from {_d(S327_5_REPEALED_ON)}"
        )
    if category_2:
        met.append(2)

    # Category 3: other dangerous offenders, by referral (CJA 2003 s325(2)(b); MAPPA Guidance).
    if met:
        if referral is not None:
            reasons.append(
                f"Category 3 is only for those not in category 1 or 2: already category {met[0]}"
            )
    elif referral is None:
        reasons.append("No category 3 referral")
    else:
        missing = [
            text
            for ok, text in (
                (
                    bool(convictions),
                    "an offence (conviction or caution) showing they may cause "
                    "serious harm (CJA 2003 s325(2)(b))",
                ),
                (referral.risk_of_serious_harm, "a current risk of serious harm"),
                (referral.linked_to_offending, "a link between the risk and the offending"),
                (
                    referral.needs_multi_agency_management,
                    "a need for active multi-agency management at level 2 or 3",
                ),
            )
            if not ok
        ]
        if missing:
            reasons.append("Category 3 referral not met: it needs " + "; ".join(missing))
        else:
            met.append(3)
            reasons.append(
                "Referred with a current risk of serious harm linked to the offending that needs "
                "active multi-agency management at level 2 or 3: category 3 (CJA 2003 "
                "s325(2)(b); MAPPA Guidance)"
            )

    category = met[0] if met else None
    if category is None:
        reasons.append("Not eligible for MAPPA")
    return MappaCategory(
        category=category,
        also_meets=tuple(met[1:]),
        reasons=tuple(reasons),
        notification=governing,
    )


def initial_notification_due(
    relevant_date: dt.date, release_date: dt.date | None = None
) -> dt.date:
    """The last day of the 3 days beginning with the relevant date, or with release (s83(1), (6))."""
    begins = max(relevant_date, release_date) if release_date is not None else relevant_date
    return begins + dt.timedelta(days=INITIAL_NOTIFICATION_DAYS - 1)


def renotification_due(last_notification: dt.date, *, no_fixed_abode: bool = False) -> dt.date:
    """The last day to re-notify: a year after the last notification, or a week (s85)."""
    if no_fixed_abode:
        return last_notification + dt.timedelta(days=RENOTIFICATION_DAYS_NO_FIXED_ABODE)
    return add_months(last_notification, RENOTIFICATION_MONTHS)


def next_review_due(level: int, last_review: dt.date) -> dt.date | None:
    """The next MAPP meeting review: level 3 within 8 weeks, level 2 within 16; level 1 none."""
    weeks = {3: LEVEL_3_REVIEW_WEEKS, 2: LEVEL_2_REVIEW_WEEKS}.get(level)
    return None if weeks is None else last_review + dt.timedelta(weeks=weeks)


def confirmed_in_time(release_starts: dt.datetime, confirmed_at: dt.datetime) -> bool:
    """Whether the level reached the prison at least 48 hours before the release day began."""
    hours = (release_starts - confirmed_at).total_seconds() / 3600
    return hours >= PRISON_CONFIRMATION_HOURS_BEFORE_RELEASE
