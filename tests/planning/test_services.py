import datetime as dt

import pytest
from django.urls import reverse

from openom.core.exceptions import EditConflict, ServiceValidationError
from openom.planning.constants import (
    Need,
    ObjectiveStatus,
    Progress,
    ReviewReason,
    SentencingPurpose,
)
from openom.planning.rules import initial_plan_due, next_review_due
from openom.planning.services import (
    objective_add,
    plan_review_record,
    sentence_plan_complete,
    sentence_plan_save_draft,
    sentence_plan_start,
)
from openom.working_days.rules import WorkingDayCalendar
from tests.factories import SentenceFactory

TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def plan(olivia, daniel):
    sentence = SentenceFactory(event__person=daniel, sentence_date=dt.date(2026, 12, 18))
    return sentence_plan_start(sentence=sentence, actor=olivia)


def objective(plan, olivia, **overrides):
    return objective_add(
        plan=plan,
        actor=olivia,
        data={
            "need": Need.ACCOMMODATION,
            "purposes": [SentencingPurpose.HELP],
            "description": "Find settled accommodation",
            "interventions": "Housing referral",
            "responsible": "Olivia and the housing link worker",
            "target_date": dt.date(2027, 3, 1),
            **overrides,
        },
    )


def test_the_initial_plan_is_due_15_working_days_after_sentence_skipping_christmas(plan):
    # 18 Dec 2026 (Fri) + 15 working days, skipping 25, 28 Dec and 1 Jan bank holidays.
    assert plan.due_date == dt.date(2027, 1, 13)


def test_an_area_closure_day_pushes_the_plan_deadline(daniel):
    calendar = WorkingDayCalendar.england_and_wales({dt.date(2027, 1, 13)})
    assert initial_plan_due(dt.date(2026, 12, 18), calendar) == dt.date(2027, 1, 14)


def test_reviews_fall_due_every_sixteen_weeks():
    assert next_review_due(dt.date(2026, 1, 5)) == dt.date(2026, 4, 27)


def test_drafts_save_as_the_officer_types_and_never_overwrite_a_colleague(plan, olivia, sam):
    opened = plan.version
    sentence_plan_save_draft(
        plan=plan, data={"person_comments": "I want to get a job"}, version=opened, actor=olivia
    )

    with pytest.raises(EditConflict):
        sentence_plan_save_draft(
            plan=plan, data={"person_comments": "Stale"}, version=opened, actor=sam
        )

    plan.refresh_from_db()
    assert plan.person_comments == "I want to get a job"


def test_an_objective_needs_a_sentencing_purpose(plan, olivia):
    with pytest.raises(ServiceValidationError) as refused:
        objective(plan, olivia, purposes=[])
    assert "purposes" in refused.value.field_errors


def test_a_plan_completes_only_with_objectives_and_the_persons_part_recorded(plan, olivia):
    with pytest.raises(ServiceValidationError) as refused:
        sentence_plan_complete(plan=plan, version=plan.version, actor=olivia, today=TODAY)
    assert set(refused.value.field_errors) == {"objectives", "person_participated"}

    objective(plan, olivia)
    plan = sentence_plan_save_draft(
        plan=plan, data={"person_participated": True}, version=plan.version, actor=olivia
    )
    completed = sentence_plan_complete(plan=plan, version=plan.version, actor=olivia, today=TODAY)

    assert completed.completed_on == TODAY
    assert completed.next_review_due == TODAY + dt.timedelta(weeks=16)


def test_a_review_records_progress_against_every_open_objective(plan, olivia):
    first = objective(plan, olivia)
    second = objective(plan, olivia, need=Need.ETE, description="Start a CSCS course")
    plan = sentence_plan_save_draft(
        plan=plan, data={"person_participated": True}, version=plan.version, actor=olivia
    )
    plan = sentence_plan_complete(plan=plan, version=plan.version, actor=olivia, today=TODAY)

    with pytest.raises(ServiceValidationError) as refused:
        plan_review_record(
            plan=plan,
            reviewed_on=TODAY,
            reason=ReviewReason.SCHEDULED,
            summary="Going well",
            progress={first.pk: (Progress.GOOD, "")},
            actor=olivia,
            today=TODAY,
        )
    assert "1 missing" in refused.value.field_errors["progress"]

    plan_review_record(
        plan=plan,
        reviewed_on=TODAY,
        reason=ReviewReason.SIGNIFICANT_CHANGE,
        summary="Moved into a flat",
        progress={first.pk: (Progress.GOOD, "Tenancy signed"), second.pk: (Progress.SOME, "")},
        statuses={first.pk: ObjectiveStatus.ACHIEVED},
        actor=olivia,
        today=TODAY,
    )
    first.refresh_from_db()
    plan.refresh_from_db()
    assert first.status == ObjectiveStatus.ACHIEVED
    assert plan.next_review_due == TODAY + dt.timedelta(weeks=16)


def test_autosave_answers_a_stale_draft_with_a_warning_not_an_overwrite(client, plan, olivia, sam):
    from django.test import Client

    client.force_login(olivia)
    colleague = Client()
    colleague.force_login(sam)
    url = reverse("planning:draft", args=[plan.person.crn, plan.pk])
    prefix = f"plan{plan.pk}"

    saved = client.post(
        url,
        {f"{prefix}-version": plan.version, f"{prefix}-person_comments": "First"},
        HTTP_HX_REQUEST="true",
    )
    stale = colleague.post(
        url,
        {f"{prefix}-version": plan.version, f"{prefix}-person_comments": "Second"},
        HTTP_HX_REQUEST="true",
    )

    assert saved.status_code == 200 and "Draft saved" in saved.content.decode()
    assert stale.status_code == 409 and "Someone else saved this plan" in stale.content.decode()
    plan.refresh_from_db()
    assert plan.person_comments == "First"


def test_an_objective_edit_read_before_a_colleagues_save_is_refused_and_kept_in_history(
    plan, olivia, sam
):
    from openom.planning.services import objective_update

    goal = objective(plan, olivia)
    read_at = goal.version
    objective_update(
        objective=goal, data={"description": "Sam: supported housing"}, version=read_at, actor=sam
    )
    with pytest.raises(EditConflict) as refused:
        objective_update(
            objective=goal,
            data={"description": "Olivia: council flat"},
            version=read_at,
            actor=olivia,
        )
    assert refused.value.message.startswith("Someone else saved this objective at ")
    assert refused.value.theirs == {"description": "Sam: supported housing"}
    goal.refresh_from_db()
    assert goal.description == "Sam: supported housing"
    assert [h.description for h in goal.history.order_by("history_date", "history_id")] == [
        "Find settled accommodation",
        "Sam: supported housing",
    ]
