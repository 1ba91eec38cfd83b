"""The IOM/PPO rules as pure functions: matrix scoring, selection, reviews, deselection
proposals and agenda ordering (seed 002 recommendations 1-19; DOMAIN.md §6)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from openom.core.dates import add_months

# Seed 002 action 2.2b: every member is re-scored and reviewed at least every six months.
REVIEW_INTERVAL_MONTHS = 6
# Seed 002 §2.1.7: 51% of PPOs had been on the scheme over 2 years for want of a lighter option;
# a member this long on the scheme is flagged and stepping down is proposed.
LONG_STAY_MONTHS = 24
# A case management meeting discusses the members whose review falls due within four weeks of
# it (and everyone at the most intensive level): seed 002 rec 5 asks for regular meetings; the
# window is OpenOM's default.
AGENDA_LOOKAHEAD_DAYS = 28
# The default matrix's young-adult factor: aged under 25 (seed 002 §2.1: age is a selection
# factor; the line is OpenOM's default, editable as the factor's weight).
YOUNG_ADULT_UNDER = 25
# Minutes each case takes at a case management meeting, unless the area says otherwise.
DEFAULT_MINUTES_PER_CASE = 10


@dataclass(frozen=True)
class Factor:
    """One line of the area's matrix: a count (or 0/1 flag) times its weight.

    `by_offence_type` factors count per offence category, and the area's priority weights
    multiply each category's count (e.g. serious acquisitive crime x2).
    """

    key: str
    label: str
    weight: Decimal
    by_offence_type: bool = False


@dataclass(frozen=True)
class Matrix:
    factors: tuple[Factor, ...]
    # offence category -> multiplier (1 where not named).
    priority_weights: Mapping[str, Decimal] = field(default_factory=dict)


# The matrix a new area starts with (seed 002 §2.1: recent and frequent offending counts most,
# serious acquisitive crime weighted up); each area edits it without code.
DEFAULT_FACTORS = (
    Factor("convictions_12m", "Convictions in the last 12 months", Decimal(3), True),
    Factor("convictions_24m", "Convictions 12 to 24 months ago", Decimal(1), True),
    Factor("arrests_12m", "Arrests in the last 12 months", Decimal(1)),
    Factor("intelligence_12m", "Police intelligence reports in the last 12 months", Decimal("0.5")),
    Factor("community_harm", "Harm to the community (0 none to 3 severe)", Decimal(2)),
    Factor("drug_misuse", "Current drug misuse (0 none, 1 some, 2 significant)", Decimal(2)),
    Factor("under_25", "Aged under 25", Decimal(2)),
)
# Serious acquisitive crime (burglary, robbery, vehicle crime) counts double (seed 002 §2.1.2).
DEFAULT_PRIORITY_WEIGHTS = {"burglary": Decimal(2), "robbery": Decimal(2), "vehicle": Decimal(2)}


@dataclass(frozen=True)
class Score:
    total: Decimal
    working: tuple[str, ...]


def _fmt(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else str(value)


def score(matrix: Matrix, inputs: Mapping[str, object]) -> Score:
    """Score one person: each factor's value times its weight, with the working.

    `inputs[key]` is a number for a plain factor and a mapping of offence category -> count for
    a `by_offence_type` factor; missing inputs count as 0.
    """
    total = Decimal(0)
    working: list[str] = []
    for factor in matrix.factors:
        raw = inputs.get(factor.key)
        if raw is None:
            raw = {} if factor.by_offence_type else 0
        if factor.by_offence_type:
            if not isinstance(raw, Mapping):
                raise ValueError(f"{factor.key}: give a count for each offence category")
            parts = []
            subtotal = Decimal(0)
            for category, count in sorted(raw.items()):
                if not count:
                    continue
                if Decimal(count) < 0:
                    raise ValueError(f"{factor.key}: a count cannot be negative ({category})")
                multiplier = Decimal(matrix.priority_weights.get(category, 1))
                points = Decimal(count) * multiplier * factor.weight
                subtotal += points
                parts.append(
                    f"{count} {category}"
                    + (f" x {_fmt(multiplier)} (priority)" if multiplier != 1 else "")
                )
            if subtotal:
                working.append(
                    f"{factor.label}: ({'; '.join(parts)}) x {_fmt(factor.weight)} = {_fmt(subtotal)}"
                )
            total += subtotal
        else:
            value = Decimal(str(raw))
            if value < 0:
                raise ValueError(f"{factor.key} cannot be negative")
            points = value * factor.weight
            if points:
                working.append(
                    f"{factor.label}: {_fmt(value)} x {_fmt(factor.weight)} = {_fmt(points)}"
                )
            total += points
    total = total.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    working.append(f"Total {_fmt(total)}")
    return Score(total, tuple(working))


@dataclass(frozen=True)
class Candidate:
    key: object
    district: str
    score: Decimal


@dataclass(frozen=True)
class Selection:
    strategy: str
    chosen: tuple[Candidate, ...]
    total_score: Decimal
    districts_served: int
    districts_with_candidates: int


def select_county(candidates: Sequence[Candidate], capacity: int) -> Selection:
    """The most prolific county-wide: the top `capacity` scores, wherever they live."""
    chosen = sorted(candidates, key=lambda c: (-c.score, str(c.key)))[:capacity]
    return _selection("county", candidates, chosen)


def select_every_district(candidates: Sequence[Candidate], capacity: int) -> Selection:
    """Every district served (rec 3.iii): each district's top candidate first, then by score."""
    ranked = sorted(candidates, key=lambda c: (-c.score, str(c.key)))
    firsts: dict[str, Candidate] = {}
    for candidate in ranked:
        firsts.setdefault(candidate.district, candidate)
    guaranteed = sorted(firsts.values(), key=lambda c: (-c.score, str(c.key)))[:capacity]
    rest = [c for c in ranked if c not in guaranteed][: max(0, capacity - len(guaranteed))]
    return _selection("every_district", candidates, [*guaranteed, *rest])


def _selection(
    strategy: str, candidates: Sequence[Candidate], chosen: Sequence[Candidate]
) -> Selection:
    return Selection(
        strategy=strategy,
        chosen=tuple(sorted(chosen, key=lambda c: (-c.score, str(c.key)))),
        total_score=sum((c.score for c in chosen), Decimal(0)),
        districts_served=len({c.district for c in chosen}),
        districts_with_candidates=len({c.district for c in candidates}),
    )


def next_review_due(last_review_or_start: dt.date) -> dt.date:
    return add_months(last_review_or_start, REVIEW_INTERVAL_MONTHS)


@dataclass(frozen=True)
class Proposal:
    action: str  # CONTINUE, STEP_DOWN, DESELECT
    reasons: tuple[str, ...]
    long_stayer: bool


def review_proposal(
    *,
    current_score: Decimal,
    intensity_index: int,
    lowest_intensity_index: int,
    step_down_below: Decimal,
    deselect_below: Decimal,
    joined: dt.date,
    today: dt.date,
) -> Proposal:
    """What the review should consider: step down when the score falls below the step-down
    line or the person is a long stayer; deselect from the lowest intensity when it falls below
    the deselection line (a glide path, never straight out of the most intensive level)."""
    reasons: list[str] = []
    long_stayer = today >= add_months(joined, LONG_STAY_MONTHS)
    if long_stayer:
        reasons.append(
            f"On the scheme since {joined:%-d %b %Y}: over {LONG_STAY_MONTHS // 12} years"
        )
    at_lowest = intensity_index >= lowest_intensity_index
    if current_score < deselect_below and at_lowest:
        reasons.append(
            f"Score {_fmt(current_score)} is below the deselection line {_fmt(deselect_below)}"
        )
        return Proposal("DESELECT", tuple(reasons), long_stayer)
    if not at_lowest and (current_score < step_down_below or long_stayer):
        if current_score < step_down_below:
            reasons.append(
                f"Score {_fmt(current_score)} is below the step-down line {_fmt(step_down_below)}"
            )
        return Proposal("STEP_DOWN", tuple(reasons), long_stayer)
    if current_score < deselect_below:
        reasons.append("Below the deselection line, but step down first (the glide path)")
        return Proposal("STEP_DOWN", tuple(reasons), long_stayer)
    reasons.append("Score and time on the scheme support continuing at this intensity")
    return Proposal("CONTINUE", tuple(reasons), long_stayer)


@dataclass(frozen=True)
class AgendaCase:
    key: object
    agencies: frozenset[str]
    minutes: int = DEFAULT_MINUTES_PER_CASE


@dataclass(frozen=True)
class Window:
    agency: str
    start_minute: int
    end_minute: int

    @property
    def minutes(self) -> int:
        return self.end_minute - self.start_minute


@dataclass(frozen=True)
class Agenda:
    cases: tuple[AgendaCase, ...]
    windows: tuple[Window, ...]
    total_minutes: int
    agency_minutes: int
    # Every agency sits through the whole meeting (the PPO panels' way).
    whole_meeting_agency_minutes: int
    # Each agency attends only its window, but the cases stay in the order given.
    unordered_agency_minutes: int

    @property
    def minutes_saved(self) -> int:
        return self.whole_meeting_agency_minutes - self.agency_minutes


def windows_for(cases: Sequence[AgendaCase]) -> list[Window]:
    """Each agency's window: from the start of its first case to the end of its last."""
    spans: dict[str, list[int]] = {}
    minute = 0
    for case in cases:
        for agency in case.agencies:
            span = spans.setdefault(agency, [minute, minute + case.minutes])
            span[1] = minute + case.minutes
        minute += case.minutes
    return [
        Window(a, s, e) for a, (s, e) in sorted(spans.items(), key=lambda kv: (kv[1][0], kv[0]))
    ]


def order_agenda(cases: Iterable[AgendaCase]) -> Agenda:
    """Group each agency's cases so it attends one window (seed 002 rec 5).

    Cases are sorted by the agencies they need, rarest agency first, so each agency's cases sit
    together. No agency's window is ever longer than the whole meeting (which the PPO panels
    made everyone sit through), and the total is never worse than keeping the given order.
    """
    cases = list(cases)
    frequency: dict[str, int] = {}
    for case in cases:
        for agency in case.agencies:
            frequency[agency] = frequency.get(agency, 0) + 1
    # Rarest agencies first. Reading each case's agencies as a reflected binary Gray code and
    # sorting on it puts "housing only" next to "housing and drugs" next to "drugs only", so
    # each agency's cases are contiguous wherever that is possible.
    ranked_agencies = sorted(frequency, key=lambda a: (frequency[a], a))

    def signature(case: AgendaCase) -> tuple:
        parity, binary = 0, []
        for agency in ranked_agencies:
            parity ^= agency in case.agencies
            binary.append(-parity)
        return (tuple(binary), str(case.key))

    grouped = sorted(cases, key=signature)
    unordered = sum(w.minutes for w in windows_for(cases))
    ordered = grouped if sum(w.minutes for w in windows_for(grouped)) <= unordered else cases
    total = sum(case.minutes for case in ordered)
    windows = windows_for(ordered)
    return Agenda(
        cases=tuple(ordered),
        windows=tuple(windows),
        total_minutes=total,
        agency_minutes=sum(w.minutes for w in windows),
        whole_meeting_agency_minutes=total * len(frequency),
        unordered_agency_minutes=unordered,
    )
