import datetime as dt

import pytest

from openom.notifications.models import Notification
from openom.offences.models import Offence
from openom.release.constants import AdjustmentKind
from openom.release.models import ReleaseCalculation
from openom.release.rules.arrangements import (
    OffenceFlags,
    is_sds_plus,
    release_day_warnings,
    sds40_exclusions,
)
from openom.release.rules.working_days import fixed_bank_holidays
from openom.release.services import custody_adjustment_add, custody_adjustment_remove
from openom.sentencing.constants import SentenceType
from openom.sentencing.services import OffenceEntry, event_create, sentence_create
from tests.factories import CourtFactory

TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def theft(db):
    return Offence.objects.filter(
        active=True, schedule_15_violent=False, schedule_15_sexual=False
    ).first()


@pytest.fixture
def custody(olivia, daniel, theft):
    event = event_create(
        person=daniel,
        court=CourtFactory(),
        conviction_date=dt.date(2026, 3, 2),
        plea="GUILTY",
        offences=[OffenceEntry(code=theft.code, offence_date=dt.date(2026, 1, 5), is_main=True)],
        actor=olivia,
        today=TODAY,
    )
    return sentence_create(
        event=event,
        actor=olivia,
        today=TODAY,
        data={
            "sentence_type": SentenceType.DETERMINATE_CUSTODY,
            "sentence_date": dt.date(2026, 3, 2),
            "length_months": 24,
        },
    )


def latest(person):
    return ReleaseCalculation.objects.filter(person=person).first()


def test_release_dates_are_calculated_as_soon_as_a_custodial_sentence_is_entered(custody, daniel):
    calculation = latest(daniel)
    assert calculation.dates["SLED"] == "2028-03-01"
    # Two years from 2 March 2026 is 731 days; SDS40 (SI 2024/844) releases at 40%, rounded up:
    # day 293, so 2 March + 292 days.
    assert calculation.dates["CRD"] == (dt.date(2026, 3, 2) + dt.timedelta(days=292)).isoformat()
    assert calculation.breakdown["sentences"]


def test_adding_remand_brings_the_release_forward_and_tells_the_offender_manager(
    custody, daniel, sam, olivia, django_capture_on_commit_callbacks
):
    before = latest(daniel).dates["CRD"]

    with django_capture_on_commit_callbacks(execute=True):
        custody_adjustment_add(
            person=daniel,
            actor=sam,
            data={
                "kind": AdjustmentKind.REMAND,
                "from_date": dt.date(2026, 1, 6),
                "to_date": dt.date(2026, 3, 1),
                "days": None,
            },
        )

    after = latest(daniel).dates["CRD"]
    # CJA 2003 s240ZA: every day remanded in custody counts, the first and the last: 6 to 31
    # January is 26 days, February 28, and 1 March 1: fifty-five days off the release date.
    assert dt.date.fromisoformat(after) == dt.date.fromisoformat(before) - dt.timedelta(days=55)
    notice = Notification.objects.get(recipient=olivia, person=daniel)
    assert f"{before} → {after}" in notice.body
    assert notice.link.endswith(f"/cases/{daniel.crn}/release/")


def test_whoever_made_the_change_is_not_notified_of_it(
    custody, daniel, olivia, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        custody_adjustment_add(
            person=daniel, actor=olivia, data={"kind": AdjustmentKind.TAGGED_BAIL, "days": 10}
        )
    assert not Notification.objects.filter(recipient=olivia).exists()


def test_removing_an_adjustment_restores_the_dates(custody, daniel, sam):
    original = latest(daniel).dates
    adjustment = custody_adjustment_add(
        person=daniel, actor=sam, data={"kind": AdjustmentKind.TAGGED_BAIL, "days": 20}
    )
    custody_adjustment_remove(adjustment=adjustment, actor=sam)
    assert latest(daniel).dates == original


def test_a_remand_period_needs_both_ends_in_order(custody, daniel, sam):
    from openom.core.exceptions import ServiceValidationError

    with pytest.raises(ServiceValidationError) as refused:
        custody_adjustment_add(
            person=daniel,
            actor=sam,
            data={
                "kind": AdjustmentKind.REMAND,
                "from_date": dt.date(2026, 3, 1),
                "to_date": dt.date(2026, 2, 1),
            },
        )
    assert "to_date" in refused.value.field_errors


def test_the_mappa_coordinator_of_a_sharing_agency_is_notified_too(
    custody, daniel, sam, pete, django_capture_on_commit_callbacks
):
    from openom.access.constants import CasePart, SharingBasis
    from openom.access.models import CaseShare
    from openom.accounts.constants import Role
    from openom.accounts.models import RoleAssignment

    RoleAssignment.objects.create(user=pete, role=Role.MAPPA_COORDINATOR)
    CaseShare.objects.create(
        person=daniel,
        agency=pete.agency,
        basis=SharingBasis.MAPPA,
        parts=[CasePart.SUMMARY],
        start_date=TODAY - dt.timedelta(days=3),
        legal_basis="CJA 2003 s325",
        approved_by=sam,
    )
    with django_capture_on_commit_callbacks(execute=True):
        custody_adjustment_add(
            person=daniel, actor=sam, data={"kind": AdjustmentKind.TAGGED_BAIL, "days": 5}
        )
    assert Notification.objects.filter(recipient=pete, person=daniel).exists()


def test_sds_plus_applies_to_seven_calendar_years_or_more_for_specified_offences_from_april_2020():
    """SI 2020/158 art.2: a term of 7 years or more imposed on or after 1 April 2020. Seven years
    from 1 April 2020 end on 31 March 2027: 2,556 days, because 29 February 2024 falls within."""
    violent = [OffenceFlags(schedule_15_violent=True, schedule_15_sexual=False)]
    seven_years_from_1_april_2020 = 2556
    assert is_sds_plus(
        sentenced_at=dt.date(2020, 4, 1),
        custodial_days=seven_years_from_1_april_2020,
        age_at_sentence=30,
        offences=violent,
    )
    # 7 x 365 days (2,555) is one day short of 7 years here.
    assert not is_sds_plus(
        sentenced_at=dt.date(2020, 4, 1),
        custodial_days=2555,
        age_at_sentence=30,
        offences=violent,
    )
    assert not is_sds_plus(
        sentenced_at=dt.date(2020, 3, 31),
        custodial_days=seven_years_from_1_april_2020,
        age_at_sentence=30,
        offences=violent,
    )
    # CJA 2003 s.244ZA(1)(b): adults only.
    assert not is_sds_plus(
        sentenced_at=dt.date(2021, 1, 1),
        custodial_days=3000,
        age_at_sentence=17,
        offences=violent,
    )


def test_sds_plus_reaches_four_calendar_years_for_sexual_offences_from_june_2022():
    """PCSC Act 2022 s.130 (CJA 2003 s.244ZA): from 28 June 2022, 4 years or more for a sexual
    offence. 4 years from 28 June 2022 end on 27 June 2026: 1,461 days (29 February 2024)."""
    sexual = [OffenceFlags(schedule_15_violent=False, schedule_15_sexual=True)]
    four_years_from_28_june_2022 = 1461
    assert is_sds_plus(
        sentenced_at=dt.date(2022, 6, 28),
        custodial_days=four_years_from_28_june_2022,
        age_at_sentence=25,
        offences=sexual,
    )
    # 3 years 11 months 27 days (to 23 June 2026) is not 4 years.
    three_years_eleven_months_27_days = (dt.date(2026, 6, 24) - dt.date(2022, 6, 28)).days
    assert three_years_eleven_months_27_days == 1457
    assert not is_sds_plus(
        sentenced_at=dt.date(2022, 6, 28),
        custodial_days=three_years_eleven_months_27_days,
        age_at_sentence=25,
        offences=sexual,
    )
    # Nor is 4 x 365 days (1,460) here.
    assert not is_sds_plus(
        sentenced_at=dt.date(2022, 6, 28),
        custodial_days=1460,
        age_at_sentence=25,
        offences=sexual,
    )
    assert not is_sds_plus(
        sentenced_at=dt.date(2022, 6, 27),
        custodial_days=four_years_from_28_june_2022,
        age_at_sentence=25,
        offences=sexual,
    )


def test_sds40_excludes_sexual_offences_and_violent_offences_of_four_calendar_years_or_more():
    """SI 2024/844 Sch 1: violent offences (Sch 15 Part 1) with a term of 4 years or more. From
    10 September 2024, 4 years end on 9 September 2028: 1,461 days (29 February 2028)."""
    violent = [OffenceFlags(True, False)]
    sentenced = dt.date(2024, 9, 10)
    assert sds40_exclusions(custodial_days=1461, offences=violent, sentenced_at=sentenced) == [
        "VIOLENT"
    ]
    assert sds40_exclusions(custodial_days=1460, offences=violent, sentenced_at=sentenced) == []
    # Every 4 years this century hold a 29 February, so 4 x 365 days is never 4 years.
    assert (
        sds40_exclusions(custodial_days=1460, offences=violent, sentenced_at=dt.date(2029, 3, 1))
        == []
    )
    # Without the sentence date, a term that could be 4 years (1,460 days or more) is excluded:
    # the later release.
    assert sds40_exclusions(custodial_days=1460, offences=violent) == ["VIOLENT"]
    sexual = [OffenceFlags(False, True)]
    assert sds40_exclusions(custodial_days=30, offences=sexual, sentenced_at=sentenced) == [
        "SEXUAL"
    ]


def test_a_friday_release_and_one_before_a_bank_holiday_are_flagged():
    holidays = fixed_bank_holidays([dt.date(2026, 12, 25)])
    assert release_day_warnings(dt.date(2026, 11, 27), holidays)  # a Friday
    assert release_day_warnings(dt.date(2026, 12, 24), holidays)  # Christmas Eve, a Thursday
    assert release_day_warnings(dt.date(2026, 11, 25), holidays) == []
