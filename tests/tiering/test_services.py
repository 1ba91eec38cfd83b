"""The tier from the record: unsupervised licences, life-sentence release and section scores."""

import datetime as dt

import pytest

from openom.assessment.constants import AssessmentStatus
from openom.assessment.models import Assessment, NeedScore
from openom.core.exceptions import ServiceValidationError
from openom.sentencing.constants import SentenceType
from openom.sentencing.services import licence_supervision_cease
from openom.tiering.models import TierCalculation
from openom.tiering.services import tier_inputs, tier_recalculate
from tests.factories import EventFactory, SentenceFactory

TODAY = dt.date(2026, 11, 24)


def licence(person, *, released, sentence_type=SentenceType.DETERMINATE_CUSTODY):
    event = EventFactory(person=person, conviction_date=dt.date(2024, 1, 8))
    return SentenceFactory(
        event=event,
        sentence_type=sentence_type,
        length_months=36,
        release_date=released,
        expected_end_date=dt.date(2027, 1, 7),
    )


def test_a_licence_whose_supervision_ceased_gives_the_s_suffix(daniel, olivia):
    sentence = licence(daniel, released=dt.date(2025, 7, 8))
    first = tier_recalculate(person=daniel, actor=olivia, reason="Start", today=TODAY)
    assert not first.two_axis_tier.endswith("S")

    licence_supervision_cease(
        sentence=sentence, ceased_on=dt.date(2026, 6, 1), version=sentence.version, actor=olivia
    )
    second = tier_recalculate(person=daniel, actor=olivia, reason="Supervision ceased", today=TODAY)
    # DOMAIN.md §5.1 '"S" suffix for unsupervised cases'; no assessment: change 2 (hmpps-tier
    # RegistrationEdgeCasesTest "B2S" has the same shape, here protect D).
    assert second.two_axis_tier == "D2S"
    assert second.inputs["unsupervised"] is True
    assert TierCalculation.objects.filter(person=daniel).count() == 2


def test_a_second_current_sentence_under_supervision_keeps_the_case_supervised(daniel, olivia):
    sentence = licence(daniel, released=dt.date(2025, 7, 8))
    licence_supervision_cease(
        sentence=sentence, ceased_on=dt.date(2026, 6, 1), version=sentence.version, actor=olivia
    )
    SentenceFactory(event=EventFactory(person=daniel), sentence_date=dt.date(2026, 9, 1))
    two, _ = tier_inputs(daniel, TODAY)
    assert two.unsupervised is False


def test_supervision_cannot_cease_before_release_or_on_a_community_order(daniel, olivia):
    sentence = licence(daniel, released=dt.date(2025, 7, 8))
    with pytest.raises(ServiceValidationError) as error:
        licence_supervision_cease(
            sentence=sentence, ceased_on=dt.date(2025, 7, 7), version=sentence.version, actor=olivia
        )
    assert "ceased_on" in error.value.field_errors
    order = SentenceFactory(event=EventFactory(person=daniel))
    with pytest.raises(ServiceValidationError):
        licence_supervision_cease(
            sentence=order, ceased_on=TODAY, version=order.version, actor=olivia
        )


def test_a_stale_version_is_refused(daniel, olivia):
    sentence = licence(daniel, released=dt.date(2025, 7, 8))
    with pytest.raises(ServiceValidationError):
        licence_supervision_cease(
            sentence=sentence, ceased_on=TODAY, version=sentence.version + 1, actor=olivia
        )


def test_the_life_sentence_release_date_drives_the_single_tier_life_step(daniel):
    licence(daniel, released=dt.date(2025, 11, 24), sentence_type=SentenceType.LIFE)
    _, single = tier_inputs(daniel, TODAY)
    assert single.lifer_released_on == dt.date(2025, 11, 24)


def test_need_severity_comes_from_the_section_score_by_the_thresholds(daniel, olivia):
    # DOMAIN.md §5.1 thresholds (standard, severe): drugs (2, 8); the stored severity is not
    # trusted, the score is re-read.
    SentenceFactory(event=EventFactory(person=daniel), sentence_date=dt.date(2026, 3, 1))
    assessment = Assessment.objects.create(
        person=daniel,
        purpose="START",
        status=AssessmentStatus.COMPLETE,
        started_on=TODAY,
        completed_on=TODAY,
        assessor=olivia,
    )
    NeedScore.objects.create(assessment=assessment, section="drugs", score=8, severity="NO_NEED")
    NeedScore.objects.create(assessment=assessment, section="attitudes", score=1, severity="SEVERE")
    two, _ = tier_inputs(daniel, TODAY)
    assert two.needs == {"drugs": "SEVERE", "attitudes": "NO_NEED"}
