import datetime as dt

import pytest

from openom.assessment.constants import AssessmentPurpose, AssessmentStatus, RoshLevel
from openom.assessment.questions import SECTIONS
from openom.assessment.selectors import need_changes
from openom.assessment.services import (
    assessment_complete,
    assessment_countersign,
    assessment_save,
    assessment_start,
)
from openom.core.exceptions import EditConflict, ServiceValidationError
from openom.offences.models import Offence
from openom.tiering.models import TierCalculation
from tests.factories import EventFactory, EventOffenceFactory, SentenceFactory

TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def convicted(daniel):
    offence = (
        Offence.objects.get(code="04600")
        if Offence.objects.filter(code="04600").exists()
        else Offence.objects.first()
    )
    for number, year in ((1, 2015), (2, 2019), (3, 2026)):
        event = EventFactory(person=daniel, number=number, conviction_date=dt.date(year, 3, 1))
        EventOffenceFactory(event=event, offence=offence, is_main=True)
    SentenceFactory(event=event, sentence_date=dt.date(2026, 3, 1))
    return daniel


def answer_everything(assessment, olivia, value=1, rosh=RoshLevel.MEDIUM):
    answers = {s.key: {q.key: value for q in s.questions} for s in SECTIONS}
    return assessment_save(
        assessment=assessment,
        version=assessment.version,
        actor=olivia,
        answers=answers,
        links={"accommodation": {"harm": False, "reoffending": True}},
        data={
            "full_analysis_needed": True,
            "rosh_public": rosh,
            "rosh_children": RoshLevel.LOW,
            "who_is_at_risk": "Ex-partner",
        },
    )


def test_an_assessment_completes_with_need_severities_ogrs3_and_a_tier(convicted, olivia):
    assessment = assessment_start(
        person=convicted, purpose=AssessmentPurpose.START, actor=olivia, today=TODAY
    )
    assessment = answer_everything(assessment, olivia)
    assessment = assessment_complete(
        assessment=assessment, version=assessment.version, actor=olivia, today=TODAY
    )

    assert assessment.status == AssessmentStatus.COMPLETE
    assert assessment.overall_rosh == RoshLevel.MEDIUM
    scores = {n.section: (n.score, n.severity) for n in assessment.need_scores.all()}
    assert scores["accommodation"] == (4, "STANDARD")
    assert scores["thinking_and_behaviour"] == (8, "SEVERE")
    assert scores["finance"] == (3, "")
    assert assessment.ogrs3_two_year is not None
    assert assessment.ogrs3_working["total_sanctions"] == 3
    assert set(assessment.dynamic_predictors) == {"OGP", "OVP"}
    assert assessment.dynamic_predictors["OVP"]["sanctions"]["total"] == 3
    tier = TierCalculation.objects.get(person=convicted)
    assert tier.protect == "C" and tier.protect_points == 10


def test_the_overall_rosh_is_the_highest_of_all_levels(convicted, olivia):
    assessment = assessment_start(
        person=convicted, purpose=AssessmentPurpose.START, actor=olivia, today=TODAY
    )
    assessment = assessment_save(
        assessment=assessment,
        version=assessment.version,
        actor=olivia,
        answers=None,
        links=None,
        data={"rosh_public": RoshLevel.MEDIUM, "custody_rosh_prisoners": RoshLevel.HIGH},
    )
    assert assessment.overall_rosh == RoshLevel.HIGH


def test_an_unfinished_assessment_says_what_is_missing(convicted, olivia):
    assessment = assessment_start(
        person=convicted, purpose=AssessmentPurpose.START, actor=olivia, today=TODAY
    )
    with pytest.raises(ServiceValidationError) as refused:
        assessment_complete(
            assessment=assessment, version=assessment.version, actor=olivia, today=TODAY
        )
    assert {"full_analysis_needed", "rosh_public", "answers"} <= set(refused.value.field_errors)


def test_no_full_analysis_needs_a_reason(convicted, olivia):
    assessment = assessment_start(
        person=convicted, purpose=AssessmentPurpose.START, actor=olivia, today=TODAY
    )
    assessment = answer_everything(assessment, olivia)
    assessment = assessment_save(
        assessment=assessment,
        version=assessment.version,
        actor=olivia,
        answers=None,
        links=None,
        data={"full_analysis_needed": False},
    )
    with pytest.raises(ServiceValidationError) as refused:
        assessment_complete(
            assessment=assessment, version=assessment.version, actor=olivia, today=TODAY
        )
    assert "no_full_analysis_reason" in refused.value.field_errors


def test_high_risk_waits_for_a_managers_countersignature_before_the_tier_changes(
    convicted, olivia, sam
):
    assessment = assessment_start(
        person=convicted, purpose=AssessmentPurpose.START, actor=olivia, today=TODAY
    )
    assessment = answer_everything(assessment, olivia, rosh=RoshLevel.HIGH)
    assessment = assessment_complete(
        assessment=assessment, version=assessment.version, actor=olivia, today=TODAY
    )
    assert assessment.status == AssessmentStatus.AWAITING_COUNTERSIGNATURE
    assert not TierCalculation.objects.filter(person=convicted).exists()

    with pytest.raises(ServiceValidationError):
        assessment_countersign(assessment=assessment, actor=olivia, today=TODAY)
    assessment_countersign(assessment=assessment, actor=sam, today=TODAY)

    assert TierCalculation.objects.get(person=convicted).protect == "B"


def test_a_stale_draft_save_is_refused(convicted, olivia, sam):
    assessment = assessment_start(
        person=convicted, purpose=AssessmentPurpose.START, actor=olivia, today=TODAY
    )
    opened = assessment.version
    assessment_save(
        assessment=assessment,
        version=opened,
        actor=olivia,
        answers=None,
        links=None,
        data={"imminence": "Not imminent"},
    )
    with pytest.raises(EditConflict):
        assessment_save(
            assessment=assessment,
            version=opened,
            actor=sam,
            answers=None,
            links=None,
            data={"imminence": "Imminent"},
        )


def test_a_new_assessment_starts_from_the_last_one_and_change_is_measured(convicted, olivia):
    first = assessment_start(
        person=convicted, purpose=AssessmentPurpose.START, actor=olivia, today=TODAY
    )
    first = answer_everything(first, olivia, value=2)
    assessment_complete(assessment=first, version=first.version, actor=olivia, today=TODAY)

    second = assessment_start(
        person=convicted,
        purpose=AssessmentPurpose.REVIEW,
        actor=olivia,
        today=TODAY + dt.timedelta(days=112),
    )
    assert second.answers == first.answers
    second = answer_everything(second, olivia, value=1)
    assessment_complete(
        assessment=second,
        version=second.version,
        actor=olivia,
        today=TODAY + dt.timedelta(days=112),
    )

    changes = {c.section: c.direction for c in need_changes(convicted)}
    assert changes["accommodation"] == "Improved"


def test_the_authors_own_autosaves_never_conflict_with_their_save_button(convicted, olivia, sam):
    assessment = assessment_start(
        person=convicted, purpose=AssessmentPurpose.START, actor=olivia, today=TODAY
    )
    drawn = assessment.version
    for text in ("Not imminent", "Not imminent at present"):
        assessment_save(
            assessment=assessment,
            version=drawn,
            actor=olivia,
            answers=None,
            links=None,
            data={"imminence": text},
        )
    saved = assessment_save(
        assessment=assessment,
        version=drawn,
        actor=olivia,
        answers=None,
        links=None,
        data={"imminence": "Not imminent while in approved premises"},
    )
    assert saved.imminence == "Not imminent while in approved premises"

    assessment_save(
        assessment=saved, version=saved.version, actor=sam, answers=None, links=None, data={}
    )
    with pytest.raises(EditConflict):
        assessment_save(
            assessment=saved,
            version=saved.version - 1,
            actor=olivia,
            answers=None,
            links=None,
            data={"imminence": "Imminent"},
        )


def test_the_case_page_marks_the_tier_rule_set_the_area_has_in_force(
    client, convicted, olivia, settings
):
    from django.urls import reverse

    assessment = assessment_start(
        person=convicted, purpose=AssessmentPurpose.START, actor=olivia, today=TODAY
    )
    assessment = answer_everything(assessment, olivia)
    assessment_complete(
        assessment=assessment, version=assessment.version, actor=olivia, today=TODAY
    )
    client.force_login(olivia)
    url = reverse("assessment:overview", args=[convicted.crn])
    assert "(in force)" in client.get(url).content.decode()
    settings.OPENOM_TIER_IN_FORCE = "SINGLE"
    assert "tier is in force but its predictors are missing" in client.get(url).content.decode()
