"""From the case record to the release date calculation's booking, and back to the case page.

Daniel (held by Olivia in Peterborough) is sentenced; Sam, Olivia's senior, records his custody
adjustments. Each adjustment reaches the calculation with its own date or sentence, nothing the
record lacks is guessed, and the page explains each date in words.
"""

import datetime as dt

import pytest
from django.urls import reverse

from openom.core.exceptions import ServiceValidationError
from openom.offences.models import Offence
from openom.release.constants import AdjustmentKind
from openom.release.models import CustodyAdjustment, ReleaseCalculation
from openom.release.services import booking_for, custody_adjustment_add
from openom.sentencing.constants import Sds40Exclusion, SentenceType
from openom.sentencing.models import Sentence
from openom.sentencing.services import OffenceEntry, event_create, sentence_create
from tests.factories import CourtFactory

TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def theft(db):
    return Offence.objects.filter(
        active=True, schedule_15_violent=False, schedule_15_sexual=False
    ).first()


def sentence(person, actor, offence, *, on, **data):
    event = event_create(
        person=person,
        court=CourtFactory(),
        conviction_date=on,
        plea="GUILTY",
        offences=[
            OffenceEntry(code=offence.code, offence_date=on - dt.timedelta(days=60), is_main=True)
        ],
        actor=actor,
        today=TODAY,
    )
    return sentence_create(
        event=event,
        actor=actor,
        today=TODAY,
        data={"sentence_type": SentenceType.DETERMINATE_CUSTODY, "sentence_date": on, **data},
    )


@pytest.fixture
def two_sentences(daniel, olivia, theft):
    first = sentence(daniel, olivia, theft, on=dt.date(2026, 3, 2), length_months=24)
    second = sentence(daniel, olivia, theft, on=dt.date(2026, 6, 1), length_months=12)
    return first, second


def latest(person):
    return ReleaseCalculation.objects.filter(person=person).first()


def adjustments_in(booking, kind):
    return booking["booking"]["adjustments"][kind]


# --- Each adjustment reaches the booking with its own date or sentence -------------------------


def test_remand_counts_towards_the_sentence_it_was_recorded_against_not_the_first(
    daniel, sam, two_sentences
):
    _first, second = two_sentences
    custody_adjustment_add(
        person=daniel,
        actor=sam,
        today=TODAY,
        data={
            "kind": AdjustmentKind.REMAND,
            "sentence": second,
            "from_date": dt.date(2026, 5, 1),
            "to_date": dt.date(2026, 5, 31),
        },
    )
    (remand,) = adjustments_in(booking_for(daniel), "REMAND")
    assert remand["appliesToSentencesFrom"] == "2026-06-01"
    # 1 to 31 May, both days counted (CJA 2003 s240ZA): thirty-one days.
    assert remand["numberOfDays"] == 31
    assert (remand["fromDate"], remand["toDate"]) == ("2026-05-01", "2026-05-31")


def test_unlawfully_at_large_takes_effect_from_its_own_first_day(daniel, sam, two_sentences):
    custody_adjustment_add(
        person=daniel,
        actor=sam,
        today=TODAY,
        data={
            "kind": AdjustmentKind.UNLAWFULLY_AT_LARGE,
            "from_date": dt.date(2026, 8, 10),
            "to_date": dt.date(2026, 8, 19),
        },
    )
    (ual,) = adjustments_in(booking_for(daniel), "UNLAWFULLY_AT_LARGE")
    assert ual["appliesToSentencesFrom"] == "2026-08-10"
    # 10 to 19 August inclusive: ten days at large.
    assert ual["numberOfDays"] == 10


def test_additional_days_take_effect_from_the_adjudication_that_awarded_them(
    daniel, sam, two_sentences
):
    custody_adjustment_add(
        person=daniel,
        actor=sam,
        today=TODAY,
        data={
            "kind": AdjustmentKind.ADDITIONAL_DAYS_AWARDED,
            "from_date": dt.date(2026, 9, 14),
            "days": 14,
        },
    )
    (ada,) = adjustments_in(booking_for(daniel), "ADDITIONAL_DAYS_AWARDED")
    assert ada == {
        "appliesToSentencesFrom": "2026-09-14",
        "numberOfDays": 14,
        "fromDate": "2026-09-14",
    }


def test_a_sentence_carries_its_length_in_weeks_offence_date_and_recorded_release_arrangements(
    daniel, olivia, theft
):
    sentence(
        daniel,
        olivia,
        theft,
        on=dt.date(2026, 3, 2),
        length_weeks=20,
        sds_plus=False,
        sds40_exclusion=Sds40Exclusion.DOMESTIC_ABUSE,
    )
    (entry,) = booking_for(daniel)["booking"]["sentences"]
    assert entry["duration"] == {"durationElements": {"WEEKS": 20}}
    assert entry["offence"]["committedAt"] == "2026-01-01"  # 60 days before 2 March 2026
    assert entry["releaseArrangements"]["sdsEarlyReleaseExclusions"] == ["DOMESTIC_ABUSE"]
    assert entry["releaseArrangements"]["isSDSPlus"] is False


def test_a_consecutive_sentence_names_the_sentence_it_follows(daniel, olivia, theft):
    first = sentence(daniel, olivia, theft, on=dt.date(2026, 3, 2), length_months=12)
    second = sentence(
        daniel, olivia, theft, on=dt.date(2026, 3, 2), length_months=6, consecutive_to_event=1
    )
    entries = {e["identifier"]: e for e in booking_for(daniel)["booking"]["sentences"]}
    assert entries[str(second.pk)]["consecutiveSentenceUUIDs"] == [str(first.pk)]


# --- Nothing the record lacks is guessed ------------------------------------------------------


def test_an_extended_sentence_without_its_extension_period_is_refused_by_name(
    daniel, olivia, theft
):
    eds = sentence(
        daniel,
        olivia,
        theft,
        on=dt.date(2024, 3, 3),
        sentence_type=SentenceType.EXTENDED_DETERMINATE,
        length_years=6,
        extension_period_months=48,
    )
    # An older record, entered before the extension period was required.
    Sentence.objects.filter(pk=eds.pk).update(extension_period_months=None)
    custody_adjustment_add(
        person=daniel,
        actor=olivia,
        today=TODAY,
        data={"kind": AdjustmentKind.TAGGED_BAIL, "days": 5},
    )
    calculation = latest(daniel)
    assert calculation.dates == {}
    assert calculation.error == (
        "Enter the extension period for the extended sentence imposed on 3 March 2024"
    )


def test_time_credited_needs_the_sentence_it_counts_towards_when_there_are_several(
    daniel, sam, two_sentences
):
    with pytest.raises(ServiceValidationError) as refused:
        custody_adjustment_add(
            person=daniel,
            actor=sam,
            today=TODAY,
            data={"kind": AdjustmentKind.TAGGED_BAIL, "days": 12},
        )
    assert refused.value.field_errors["sentence"] == (
        "Choose the sentence the adjustment counts towards"
    )
    # An older record without a sentence is refused at calculation, not given the first's date.
    CustodyAdjustment.objects.create(
        person=daniel, kind=AdjustmentKind.TAGGED_BAIL, days=12, recorded_by=sam
    )
    custody_adjustment_add(
        person=daniel,
        actor=sam,
        today=TODAY,
        data={
            "kind": AdjustmentKind.ADDITIONAL_DAYS_AWARDED,
            "from_date": dt.date(2026, 9, 1),
            "days": 3,
        },
    )
    assert latest(daniel).error == ("Choose the sentence the tagged bail of 12 days counts towards")


def test_an_adjustment_the_calculation_cannot_take_yet_is_refused_not_ignored(
    daniel, sam, olivia, theft
):
    sentence(daniel, olivia, theft, on=dt.date(2026, 3, 2), length_months=24)
    custody_adjustment_add(
        person=daniel,
        actor=sam,
        today=TODAY,
        data={"kind": AdjustmentKind.SPECIAL_REMISSION, "days": 30},
    )
    calculation = latest(daniel)
    assert calculation.dates == {}
    assert calculation.error == (
        "The special remission of 30 days cannot be calculated automatically yet: ask the "
        "prison's calculation team for a manual calculation"
    )


# --- Bad input: a clear message, and nothing saved --------------------------------------------


def remand(**overrides):
    return {
        "kind": AdjustmentKind.REMAND,
        "from_date": dt.date(2026, 1, 6),
        "to_date": dt.date(2026, 3, 1),
        **overrides,
    }


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            remand(from_date=dt.date(1, 1, 1)),
            "from_date",
            "The date must be on or after 17 May 1990 (the date of birth)",
        ),
        (remand(to_date=dt.date(2027, 1, 1)), "to_date", "The date must be today or in the past"),
        (
            remand(to_date=dt.date(2026, 1, 5)),
            "to_date",
            "The end of the period must be on or after its start",
        ),
        (remand(days=0), "days", "The number of days must be 1 or more"),
        (
            remand(days=56),
            "days",
            "The number of days cannot be more than the 55 days from 6 January 2026 to 1 March 2026",
        ),
        (
            remand(to_date=dt.date(2026, 3, 2)),
            "to_date",
            "Time on remand counts only before the sentence: the period must end before "
            "2 March 2026, the date of the determinate sentence imposed on 2 March 2026",
        ),
        (
            {"kind": AdjustmentKind.ADDITIONAL_DAYS_AWARDED, "days": 7},
            "from_date",
            "Enter the date the days were awarded",
        ),
        (
            {
                "kind": AdjustmentKind.RESTORATION_OF_ADDITIONAL_DAYS_AWARDED,
                "from_date": dt.date(2026, 9, 1),
                "days": 3,
            },
            "days",
            "Only 0 additional days awarded are left to restore",
        ),
        ({"kind": AdjustmentKind.TAGGED_BAIL}, "days", "Enter the number of days"),
    ],
    ids=[
        "remand-from-year-one",
        "remand-ending-in-the-future",
        "remand-ending-before-it-starts",
        "zero-days",
        "more-days-than-the-period",
        "remand-running-into-the-sentence",
        "ada-without-its-date",
        "restoring-more-than-awarded",
        "tagged-bail-without-days",
    ],
)
def test_a_bad_adjustment_is_refused_with_a_clear_message_and_nothing_saved(
    daniel, sam, olivia, theft, data, field, message
):
    sentence(daniel, olivia, theft, on=dt.date(2026, 3, 2), length_months=24)
    calculations = ReleaseCalculation.objects.filter(person=daniel).count()
    with pytest.raises(ServiceValidationError) as refused:
        custody_adjustment_add(person=daniel, actor=sam, today=TODAY, data=data)
    assert refused.value.field_errors[field] == message
    assert not CustodyAdjustment.objects.filter(person=daniel).exists()
    assert ReleaseCalculation.objects.filter(person=daniel).count() == calculations


@pytest.mark.parametrize(
    ("year", "message"),
    [
        # The form's date window (openom.core.forms, 1 January 1900 onwards) catches year 1.
        ("0001", "From must be the same as or after 1 1 1900"),
        # A real date before Daniel was born (17 May 1990) is the service's to refuse.
        ("1980", "The date must be on or after 17 May 1990 (the date of birth)"),
    ],
)
def test_the_adjustment_form_shows_the_error_against_the_field_and_saves_nothing(
    client, daniel, sam, olivia, theft, year, message
):
    sentence(daniel, olivia, theft, on=dt.date(2026, 3, 2), length_months=24)
    client.force_login(sam)
    response = client.post(
        reverse("release:adjustment-add", args=[daniel.crn]),
        {
            "kind": AdjustmentKind.REMAND,
            "from_date_0": "1",
            "from_date_1": "1",
            "from_date_2": year,
            "to_date_0": "1",
            "to_date_1": "3",
            "to_date_2": "2026",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert message in page
    assert not CustodyAdjustment.objects.filter(person=daniel).exists()


# --- The case page explains each date --------------------------------------------------------


def test_the_case_page_explains_each_date_with_its_sentence_release_point_and_adjustments(
    client, daniel, sam, olivia, theft
):
    sentence(daniel, olivia, theft, on=dt.date(2026, 3, 2), length_months=24)
    custody_adjustment_add(person=daniel, actor=sam, today=TODAY, data=remand())
    client.force_login(olivia)
    page = client.get(reverse("release:dates", args=[daniel.crn])).content.decode()
    # Two years from 2 March 2026 is 731 days; SDS40 (SI 2024/844) releases at 40%, rounded
    # up: 293 days. Remand 6 January to 1 March 2026 is 55 days (CJA 2003 s240ZA).
    assert "Standard determinate sentence of 24 months imposed 2 March 2026" in page
    assert "The sentence runs 731 days from 2 March 2026" in page
    assert "Release point: after 293 days, 40% of the custodial term (SDS40, SI 2024/844)" in page
    assert "55 days taken off: time on remand (CJA 2003 s240ZA)." in page
    assert (
        "From the standard determinate sentence of 24 months imposed 2 March 2026, after 55 "
        "days taken off and 0 days added" in page
    )


def test_a_refused_calculation_is_shown_on_the_case_page_with_the_missing_fact(
    client, daniel, olivia, theft
):
    eds = sentence(
        daniel,
        olivia,
        theft,
        on=dt.date(2024, 3, 3),
        sentence_type=SentenceType.EXTENDED_DETERMINATE,
        length_years=6,
        extension_period_months=48,
    )
    Sentence.objects.filter(pk=eds.pk).update(extension_period_months=None)
    custody_adjustment_add(
        person=daniel,
        actor=olivia,
        today=TODAY,
        data={"kind": AdjustmentKind.TAGGED_BAIL, "days": 5},
    )
    client.force_login(olivia)
    page = client.get(reverse("release:dates", args=[daniel.crn])).content.decode()
    assert (
        "The release dates cannot be calculated until this is put right: Enter the extension "
        "period for the extended sentence imposed on 3 March 2024" in page
    )
