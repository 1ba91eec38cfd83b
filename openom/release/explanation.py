"""The working of a release date calculation in words an offender manager understands.

Built from the breakdown stored with each calculation (openom.release.rules.engine): for every
date, which sentence it comes from, the release point (the statutory fraction of the custodial
term), each adjustment added or taken off, and any rule or working-day move that applied.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from openom.release.constants import DATE_LABELS

SENTENCE_WORDS = {
    "SDS": "standard determinate sentence",
    "EDS": "extended determinate sentence",
    "SOPC": "sentence for an offender of particular concern",
    "DTO": "detention and training order",
    "BOTUS": "breach of top-up supervision",
}
# The release points of a determinate custodial term, each with its source, named only when the
# calculation's own day counts match them exactly.
RELEASE_POINTS: tuple[tuple[Fraction, str], ...] = (
    # CJA 2003 s244(3)(a): automatic release at the requisite custodial period, one-half.
    (Fraction(1, 2), "half of the custodial term (CJA 2003 s244)"),
    # SI 2024/844 art.2: release at 40% for standard sentences not excluded (SDS40).
    (Fraction(2, 5), "40% of the custodial term (SDS40, SI 2024/844)"),
    # CJA 2003 s244ZA (SI 2020/158, PCSC Act 2022 s130): SDS+ release at two-thirds.
    (
        Fraction(2, 3),
        "two-thirds of the custodial term (SDS+ or extended sentence, CJA 2003 s244ZA/s246A)",
    ),
)
TAKEN_OFF = {
    "remand": "time on remand (CJA 2003 s240ZA)",
    "tagged_bail": "time on tagged bail (CJA 2003 s240A)",
    "recall_remand": "time on remand before the recall sentence",
    "recall_tagged_bail": "time on tagged bail before the recall sentence",
    "served_ada": "additional days already served",
    "unused_ada": "additional days that would run past the sentence end",
    "unused_licence_ada": "additional days that would run past the licence end",
}
ADDED = {
    "ual_during_custody": "days unlawfully at large (not time served)",
    "ual_after_release": "days unlawfully at large after release",
    "ual_after_ftr": "days unlawfully at large after a fixed-term recall",
    "awarded_during_custody": "additional days awarded at adjudications (Prison Rules 1999 r.55)",
    "awarded_after_release": "additional days awarded after release",
}
RULE_WORDS = {
    "HDCED_PRE_HDC365": (
        "home detention curfew eligibility under the rules before HDC-365: a quarter of the "
        "custodial period (at least 28 days), and no later than 14 days before release"
    ),
    "HDCED_HDC365": (
        "home detention curfew eligibility under HDC-365 (from 3 June 2025): a quarter of the "
        "custodial period, up to 365 days before release"
    ),
    "LED_CONSEC_ORA_AND_NON_ORA": (
        "licence expiry for consecutive sentences mixing offences before and after the "
        "Offender Rehabilitation Act 2014"
    ),
}
LABEL_PART = re.compile(r"^(?P<kind>[A-Z]+) (?P<length>.+?) from (?P<date>\d{4}-\d{2}-\d{2})$")


def long_date(value: str | dt.date | None) -> str:
    if value is None:
        return ""
    day = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return f"{day.day} {day:%B %Y}"


def describe_sentences(label: str) -> str:
    """'EDS 9 years from 2017-09-29 + SDS 2 years from 2018-07-19' in words."""
    words = []
    for part in label.split(" + "):
        match = LABEL_PART.match(part.strip())
        if match is None:
            words.append(part)
            continue
        kind = SENTENCE_WORDS.get(match["kind"], match["kind"])
        words.append(f"{kind} of {match['length'].lower()} imposed {long_date(match['date'])}")
    if len(words) == 1:
        return words[0][0].upper() + words[0][1:]
    return "Consecutive sentences: " + ", then ".join(words)


def release_point(days_to_release: int, custodial_days: int) -> str | None:
    """The statutory release point these day counts show, if exactly one fits."""
    fits = [
        words
        for fraction, words in RELEASE_POINTS
        if math.ceil(custodial_days * fraction) == days_to_release
    ]
    return fits[0] if len(fits) == 1 else None


def _days(n: int) -> str:
    return f"{n:,} day{'' if n == 1 else 's'}"


@dataclass
class SentenceExplanation:
    heading: str
    lines: list[str] = field(default_factory=list)


@dataclass
class DateExplanation:
    code: str
    label: str
    text: str


@dataclass
class Explanation:
    dates: list[DateExplanation]
    sentences: list[SentenceExplanation]
    notes: list[str]


def _sentence_lines(part: dict[str, Any]) -> list[str]:
    lines = []
    sentenced = long_date(part.get("sentencedAt"))
    expiry_days = part.get("daysToExpiry")
    if expiry_days:
        lines.append(
            f"The sentence runs {_days(expiry_days)} from {sentenced}, to "
            f"{long_date(part.get('unadjustedExpiry'))} before any adjustment."
        )
    release_days = part.get("daysToRelease")
    if release_days:
        extended = any(k in part.get("sentences", "") for k in ("EDS", "SOPC"))
        point = None if extended else release_point(release_days, expiry_days or 0)
        how = f", {point}" if point else ""
        lines.append(
            f"Release point: after {_days(release_days)}{how}, which is "
            f"{long_date(part.get('unadjustedRelease'))} before any adjustment."
        )
    ped_days = part.get("daysToParoleEligibility")
    if ped_days:
        lines.append(
            f"Parole eligibility: after {_days(ped_days)} (two-thirds of the custodial term "
            "for an extended sentence, CJA 2003 s246A)."
        )
    adjustments = part.get("adjustments") or {}
    for name, days in adjustments.items():
        if name in TAKEN_OFF:
            lines.append(f"{_days(days)} taken off: {TAKEN_OFF[name]}.")
        elif name in ADDED:
            lines.append(f"{_days(days)} added: {ADDED[name]}.")
        else:
            lines.append(f"{_days(days)}: {name.replace('_', ' ')}.")
    if not adjustments:
        lines.append("No adjustments to this sentence.")
    for code, rule in (part.get("rules") or {}).items():
        lines.append(f"{DATE_LABELS.get(code, code)}: {RULE_WORDS.get(rule, rule)}.")
    return lines


def explain(dates: dict[str, str], breakdown: dict[str, Any]) -> Explanation:
    parts = breakdown.get("sentences") or []
    moved = breakdown.get("nonWorkingDayAdjusted") or {}
    tranche, tranche_date = breakdown.get("sds40Tranche"), breakdown.get("sds40TrancheDate")
    date_rows = []
    for code, value in dates.items():
        label = DATE_LABELS.get(code, code)
        source = next((p for p in parts if (p.get("dates") or {}).get(code) == value), None)
        if source is not None:
            adjustments = source.get("adjustments") or {}
            taken = sum(v for k, v in adjustments.items() if k in TAKEN_OFF)
            added = sum(v for k, v in adjustments.items() if k in ADDED)
            described = describe_sentences(source.get("sentences", ""))
            text = f"From the {described[0].lower()}{described[1:]}"
            if code in {"CRD", "ARD", "PRRD", "HDCED", "PED"} and (taken or added):
                text += (
                    f", after {_days(taken)} taken off and {_days(added)} added for "
                    "time in custody, at large or awarded"
                )
            text += "."
        elif tranche_date and value == tranche_date:
            text = (
                f"The SDS40 commencement date of {tranche.replace('_', ' ').lower()}: a date "
                "that would fall before it moves to it (SI 2024/844)."
            )
        else:
            text = "Worked out across all the sentences together."
        if code in moved:
            text += (
                f" It falls on a weekend or bank holiday, so release happens on the previous "
                f"working day, {long_date(moved[code])}."
            )
        date_rows.append(DateExplanation(code, label, text))
    notes = []
    if tranche and tranche != "TRANCHE_0":
        notes.append(
            f"Early release at 40% (SDS40, SI 2024/844) applies from {long_date(tranche_date)} "
            f"({tranche.replace('_', ' ').lower()})."
        )
    sentences = [
        SentenceExplanation(describe_sentences(p.get("sentences", "")), _sentence_lines(p))
        for p in parts
    ]
    return Explanation(date_rows, sentences, notes)
