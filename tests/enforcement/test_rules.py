"""The pure enforcement rules: warning, breach, recall and their working-day clocks (§5.4, §3)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from openom.enforcement.rules import (
    ACTION_START_WORKING_DAYS,
    Action,
    Failure,
    OrderType,
    deadline_status,
    next_action,
    within_window,
)
from openom.working_days.rules import WorkingDayCalendar

D = dt.date
ENGLAND_AND_WALES = WorkingDayCalendar.england_and_wales()
SENTENCED = D(2026, 1, 5)


def absent(day: dt.date, **kwargs: object) -> Failure:
    return Failure(date=day, acceptable=False, **kwargs)  # type: ignore[arg-type]


def decide(
    *failures: Failure,
    order_type: OrderType = OrderType.COMMUNITY_ORDER,
    sentenced: dt.date = SENTENCED,
    last_breach: dt.date | None = None,
    calendar: WorkingDayCalendar = ENGLAND_AND_WALES,
    **kwargs: int,
):
    return next_action(
        order_type=order_type,
        sentence_date=sentenced,
        last_breach_date=last_breach,
        failures=failures,
        calendar=calendar,
        **kwargs,
    )


# --- what the failures call for ----------------------------------------------------------------


def test_no_failure_needs_no_action():
    decision = decide()
    assert decision.next_action == Action.NONE
    assert decision.deadline is None


def test_absences_judged_acceptable_need_no_action():
    decision = decide(Failure(D(2026, 3, 2), acceptable=True), Failure(D(2026, 3, 9), True))
    assert decision.next_action == Action.NONE
    assert "judged acceptable" in decision.working[1]


def test_first_unacceptable_absence_earns_a_warning_with_seven_days_to_respond():
    decision = decide(absent(D(2026, 3, 2)))
    assert decision.next_action == Action.WARNING
    assert decision.triggering_failure == D(2026, 3, 2)
    assert decision.warning_response_due == D(2026, 3, 9)
    assert decision.deadline == D(2026, 3, 9)
    assert decision.resolution_due is None


def test_the_seven_days_run_from_the_warning_when_it_was_given_after_the_failure():
    decision = decide(absent(D(2026, 3, 2), warned_on=D(2026, 3, 4)))
    assert decision.warning_response_due == D(2026, 3, 11)


def test_second_unacceptable_absence_starts_breach_clock():
    decision = decide(absent(D(2026, 3, 2)), absent(D(2026, 4, 1)))
    assert decision.next_action == Action.BREACH
    assert decision.triggering_failure == D(2026, 4, 1)
    assert decision.counted_failures == (D(2026, 3, 2), D(2026, 4, 1))
    # Ten working days after 1 April 2026, stepping over Good Friday 3 and Easter Monday 6 April.
    assert decision.deadline == D(2026, 4, 17)
    assert any(
        "Good Friday (3 Apr 2026), Easter Monday (6 Apr 2026)" in w for w in decision.working
    )


def test_a_breach_is_to_be_resolved_in_25_and_on_average_35_working_days_of_the_failure():
    decision = decide(absent(D(2026, 3, 2)), absent(D(2026, 4, 1)))
    # Early May (4 May) and Spring (25 May) bank holidays fall inside.
    assert decision.resolution_due == D(2026, 5, 11)
    assert decision.average_resolution_due == D(2026, 5, 26)
    # DOMAIN.md §5.4: "resolved within 25 working days ... on average within 35".
    assert ENGLAND_AND_WALES.working_days_between(D(2026, 4, 1), decision.resolution_due) == 25
    assert (
        ENGLAND_AND_WALES.working_days_between(D(2026, 4, 1), decision.average_resolution_due) == 35
    )


def test_a_third_failure_does_not_restart_the_breach_clock_of_the_second():
    decision = decide(absent(D(2026, 3, 2)), absent(D(2026, 4, 1)), absent(D(2026, 4, 15)))
    assert decision.triggering_failure == D(2026, 4, 1)
    assert decision.deadline == D(2026, 4, 17)
    assert any("do not restart the clock" in w for w in decision.working)


def test_two_failures_on_the_same_day_count_once():
    decision = decide(absent(D(2026, 3, 2)), absent(D(2026, 3, 2)))
    assert decision.next_action == Action.WARNING
    assert any("same date" in w for w in decision.working)


def test_an_unenforceable_failure_does_not_count():
    decision = decide(absent(D(2026, 3, 2)), absent(D(2026, 3, 9), enforceable=False))
    assert decision.next_action == Action.WARNING
    assert decision.triggering_failure == D(2026, 3, 2)


# --- the 12-month window -----------------------------------------------------------------------


def test_failures_exactly_twelve_months_apart_are_not_within_the_window():
    decision = decide(absent(D(2026, 1, 10)), absent(D(2027, 1, 10)))
    assert decision.next_action == Action.WARNING
    assert decision.triggering_failure == D(2027, 1, 10)


def test_failures_a_day_less_than_twelve_months_apart_start_breach():
    decision = decide(absent(D(2026, 1, 10)), absent(D(2027, 1, 9)))
    assert decision.next_action == Action.BREACH
    assert decision.triggering_failure == D(2027, 1, 9)


def test_the_window_from_29_february_ends_on_28_february_next_year():
    assert within_window(D(2024, 2, 29), D(2025, 2, 28))
    assert not within_window(D(2024, 2, 29), D(2025, 3, 1))


def test_the_window_from_the_31st_of_a_month_ends_on_the_30th_a_year_later():
    assert within_window(D(2025, 3, 31), D(2026, 3, 30))
    assert not within_window(D(2025, 3, 31), D(2026, 3, 31))


def test_after_the_window_passes_a_failure_earns_a_fresh_warning_and_the_next_one_a_breach():
    first, second, third = D(2026, 1, 12), D(2027, 3, 1), D(2027, 5, 4)
    assert decide(absent(first), absent(second)).next_action == Action.WARNING
    decision = decide(absent(first), absent(second), absent(third))
    assert decision.next_action == Action.BREACH
    assert decision.counted_failures == (second, third)


# --- what counts from when ---------------------------------------------------------------------


def test_a_warning_given_before_a_breach_still_stands_after_it():
    # DOMAIN.md §5.4: "a breach in between does not cancel a warning that is still within its 12
    # months"; Sentencing Act 2020 Sch 10 para 6(1). Warned 2 Mar 2026, breach for 1 Apr 2026:
    # a failure on 1 Jun 2026 is inside the warning's 12 months, so breach, not a warning.
    decision = decide(
        absent(D(2026, 3, 2)),
        absent(D(2026, 4, 1)),
        absent(D(2026, 6, 1)),
        last_breach=D(2026, 4, 1),
    )
    assert decision.next_action == Action.BREACH
    assert decision.triggering_failure == D(2026, 6, 1)
    assert decision.counted_failures == (D(2026, 3, 2), D(2026, 6, 1))
    assert "the day after the last breach" in decision.working[0]


def test_the_warning_before_a_breach_lapses_twelve_months_after_it_was_given():
    # Warned 2 Mar 2026: the 12 months beginning with it end on 1 Mar 2027.
    failures = (absent(D(2026, 3, 2)), absent(D(2026, 4, 1)))
    inside = decide(*failures, absent(D(2027, 3, 1)), last_breach=D(2026, 4, 1))
    outside = decide(*failures, absent(D(2027, 3, 2)), last_breach=D(2026, 4, 1))
    assert inside.next_action == Action.BREACH
    assert outside.next_action == Action.WARNING
    assert outside.counted_failures == (D(2027, 3, 2),)


def test_the_failure_a_breach_was_for_is_not_a_warning():
    # Breach for 1 Apr 2026 with no warning before it (the officer judged a warning
    # inappropriate): a failure on 1 Jun 2026 earns a warning.
    decision = decide(absent(D(2026, 4, 1)), absent(D(2026, 6, 1)), last_breach=D(2026, 4, 1))
    assert decision.next_action == Action.WARNING
    assert decision.triggering_failure == D(2026, 6, 1)


def test_a_failure_recorded_as_never_warned_leaves_no_warning_standing():
    decision = decide(
        absent(D(2026, 3, 2), warning_given=False),
        absent(D(2026, 4, 1)),
        absent(D(2026, 6, 1)),
        last_breach=D(2026, 4, 1),
    )
    assert decision.next_action == Action.WARNING


def test_the_twelve_months_run_from_the_date_the_warning_was_given_not_the_failure():
    # Sentencing Act 2020 Sch 10 para 6(1): "within the period of 12 months beginning with the
    # date on which the warning was given". Failure 10 Jan 2026, warned 20 Jan 2026: a failure
    # on 15 Jan 2027 is 12 months and 5 days after the failure but inside the warning's 12
    # months (to 19 Jan 2027): breach. On 20 Jan 2027 it is outside: a fresh warning.
    warned = absent(D(2026, 1, 10), warned_on=D(2026, 1, 20))
    assert decide(warned, absent(D(2027, 1, 15))).next_action == Action.BREACH
    assert decide(warned, absent(D(2027, 1, 19))).next_action == Action.BREACH
    assert decide(warned, absent(D(2027, 1, 20))).next_action == Action.WARNING


def test_the_day_after_the_last_breach_counts_towards_the_next():
    decision = decide(absent(D(2026, 4, 2)), absent(D(2026, 4, 9)), last_breach=D(2026, 4, 1))
    assert decision.next_action == Action.BREACH


def test_failures_before_the_sentence_date_do_not_count_but_one_on_it_does():
    decision = decide(absent(D(2026, 1, 2)), absent(D(2026, 1, 5)))
    assert decision.next_action == Action.WARNING
    assert decision.triggering_failure == D(2026, 1, 5)


def test_a_last_breach_on_an_earlier_order_does_not_move_the_count_before_the_sentence():
    decision = decide(absent(D(2026, 1, 2)), absent(D(2026, 2, 2)), last_breach=D(2025, 6, 1))
    assert decision.next_action == Action.WARNING


# --- order types -------------------------------------------------------------------------------


def test_a_licence_goes_to_recall_instead_of_breach():
    decision = decide(absent(D(2026, 3, 2)), absent(D(2026, 3, 9)), order_type=OrderType.LICENCE)
    assert decision.next_action == Action.RECALL
    assert decision.deadline == D(2026, 3, 23)
    assert decision.resolution_due is None
    assert any("standard or fixed-term" in w for w in decision.working)


def test_a_suspended_sentence_order_and_post_sentence_supervision_go_to_breach():
    for order_type in (OrderType.SUSPENDED_SENTENCE_ORDER, OrderType.PSS):
        decision = decide(absent(D(2026, 3, 2)), absent(D(2026, 3, 9)), order_type=order_type)
        assert decision.next_action == Action.BREACH


def test_a_first_failure_on_licence_earns_a_warning_too():
    decision = decide(absent(D(2026, 3, 2)), order_type=OrderType.LICENCE)
    assert decision.next_action == Action.WARNING


# --- deadlines across bank holidays ------------------------------------------------------------


def test_a_breach_deadline_over_christmas_2021_skips_the_substitute_days():
    decision = decide(absent(D(2021, 12, 1)), absent(D(2021, 12, 21)), sentenced=D(2021, 6, 1))
    # 22, 23, 24, 29, 30, 31 Dec, 4, 5, 6, 7 Jan: 27, 28 Dec and 3 Jan are substitute days.
    assert decision.deadline == D(2022, 1, 7)


def test_a_breach_deadline_over_the_state_funeral_skips_19_september_2022():
    decision = decide(absent(D(2022, 9, 1)), absent(D(2022, 9, 12)), sentenced=D(2022, 6, 1))
    assert decision.deadline == D(2022, 9, 27)


def test_a_recall_deadline_over_the_coronation_skips_both_may_bank_holidays_of_2023():
    decision = decide(
        absent(D(2023, 4, 3)),
        absent(D(2023, 4, 28)),
        sentenced=D(2023, 1, 9),
        order_type=OrderType.LICENCE,
    )
    # 2, 3, 4, 5, 9, 10, 11, 12, 15, 16 May: 1 May (Early May) and 8 May (coronation) are holidays.
    assert decision.deadline == D(2023, 5, 16)


def test_an_area_closure_day_pushes_the_deadline_one_working_day():
    closed = WorkingDayCalendar.england_and_wales([D(2026, 4, 14)])
    decision = decide(absent(D(2026, 3, 2)), absent(D(2026, 4, 1)), calendar=closed)
    assert decision.deadline == D(2026, 4, 20)


def test_the_start_by_timescale_can_be_set_by_the_area():
    decision = decide(absent(D(2026, 3, 2)), absent(D(2026, 4, 1)), start_within_working_days=5)
    assert decision.deadline == D(2026, 4, 10)
    assert ACTION_START_WORKING_DAYS == 10


# --- how long is left --------------------------------------------------------------------------


def test_on_the_deadline_day_no_working_days_are_left_and_it_is_not_overdue():
    status = deadline_status(D(2026, 4, 17), D(2026, 4, 17), ENGLAND_AND_WALES)
    assert (status.working_days_left, status.overdue) == (0, False)


def test_the_working_day_after_the_deadline_is_one_working_day_overdue():
    status = deadline_status(D(2026, 4, 17), D(2026, 4, 20), ENGLAND_AND_WALES)
    assert (status.working_days_left, status.overdue) == (-1, True)


def test_a_week_before_a_deadline_after_easter_leaves_three_working_days():
    status = deadline_status(D(2026, 4, 8), D(2026, 4, 1), ENGLAND_AND_WALES)
    assert (status.working_days_left, status.overdue) == (3, False)


# --- properties --------------------------------------------------------------------------------

FAILURE_DATES = st.dates(min_value=SENTENCED, max_value=D(2029, 12, 31))
FAILURE_LISTS = st.lists(FAILURE_DATES, min_size=1, max_size=8)


def first_completed_pair(dates: list[dt.date]) -> dt.date | None:
    """Brute force: the earliest date that is the later of two distinct dates within 12 months."""
    ends = [b for a in set(dates) for b in set(dates) if a < b and within_window(a, b)]
    return min(ends) if ends else None


@given(FAILURE_LISTS, st.sampled_from(list(OrderType)))
def test_breach_or_recall_follows_exactly_when_two_failures_fall_within_twelve_months(
    dates, order_type
):
    decision = decide(*(absent(d) for d in dates), order_type=order_type)
    trigger = first_completed_pair(dates)
    if trigger is None:
        assert decision.next_action == Action.WARNING
        assert decision.triggering_failure == max(dates)
    else:
        expected = Action.RECALL if order_type == OrderType.LICENCE else Action.BREACH
        assert decision.next_action == expected
        assert decision.triggering_failure == trigger


@given(FAILURE_LISTS)
def test_a_breach_deadline_is_always_ten_working_days_after_its_failure(dates):
    decision = decide(*(absent(d) for d in dates))
    if decision.next_action == Action.BREACH:
        assert decision.deadline is not None and decision.triggering_failure is not None
        assert ENGLAND_AND_WALES.is_working_day(decision.deadline)
        # DOMAIN.md §5.4: "breach action starts within 10 working days".
        assert (
            ENGLAND_AND_WALES.working_days_between(decision.triggering_failure, decision.deadline)
            == 10
        )
        assert decision.deadline < decision.resolution_due < decision.average_resolution_due


@given(FAILURE_LISTS, st.lists(FAILURE_DATES, max_size=5), st.lists(FAILURE_DATES, max_size=5))
def test_acceptable_and_unenforceable_failures_never_change_the_decision(dates, fine, exempt):
    base = decide(*(absent(d) for d in dates))
    noisy = decide(
        *(absent(d) for d in dates),
        *(Failure(d, acceptable=True) for d in fine),
        *(absent(d, enforceable=False) for d in exempt),
    )
    assert (noisy.next_action, noisy.triggering_failure, noisy.deadline) == (
        base.next_action,
        base.triggering_failure,
        base.deadline,
    )


@given(FAILURE_LISTS, st.lists(FAILURE_DATES, max_size=4))
def test_later_failures_never_move_a_breach_clock_once_it_has_started(dates, more):
    before = decide(*(absent(d) for d in dates))
    if before.next_action != Action.BREACH:
        return
    assert before.triggering_failure is not None
    later = [d for d in more if d > before.triggering_failure]
    after = decide(*(absent(d) for d in [*dates, *later]))
    assert (after.triggering_failure, after.deadline) == (
        before.triggering_failure,
        before.deadline,
    )


def test_a_failure_before_the_warning_for_an_earlier_one_was_given_is_not_yet_a_breach():
    # Sentencing Act 2020 Sch 10 para 6(1) counts failures "within the period of 12 months
    # beginning with the date on which the warning was given": failure 2 Mar, warned 20 Mar;
    # a failure on 10 Mar came before the warning.
    decision = decide(absent(D(2026, 3, 2), warned_on=D(2026, 3, 20)), absent(D(2026, 3, 10)))
    assert decision.next_action == Action.WARNING
    assert any("was given on 20 Mar 2026, after 10 Mar 2026" in w for w in decision.working)
