"""Adjustments to a sentence: deductions (remand, tagged bail), additions (unlawfully at large,
additional days awarded) and restorations, as shared out over a period of custody.

Remand and tagged bail count towards the sentence (CJA 2003 s.240ZA and s.240A); days unlawfully at
large do not count as time served (CJA 2003 s.49(2) of the Prison Act 1952); additional days awarded
are added to the custodial period (Prison Rules 1999 r.55, CJA 2003 s.257) and may be restored
(Prison Rules r.61).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

DEDUCTION_KINDS = ("REMAND", "TAGGED_BAIL", "RECALL_REMAND", "RECALL_TAGGED_BAIL")


@dataclass(frozen=True)
class SentenceAdjustments:
    tagged_bail: int = 0
    remand: int = 0
    recall_tagged_bail: int = 0
    recall_remand: int = 0
    awarded_during_custody: int = 0
    ual_during_custody: int = 0
    awarded_after_release: int = 0
    ual_after_release: int = 0
    ual_after_ftr: int = 0
    served_ada: int = 0
    unused_ada: int = 0
    unused_licence_ada: int = 0

    @property
    def deductions(self) -> int:
        return self.tagged_bail + self.remand + self.recall_tagged_bail + self.recall_remand

    def for_initial_release_without_awarded(self) -> int:
        return self.ual_during_custody - self.deductions

    def for_initial_release(self) -> int:
        return (
            self.for_initial_release_without_awarded()
            + self.awarded_during_custody
            - self.served_ada
        )

    def for_licence_expiry(self) -> int:
        return self.ual_during_custody + self.ual_after_release - self.deductions

    def for_fixed_term_recall(self) -> int:
        return self.ual_after_ftr + self.awarded_after_release

    def plus(self, other: SentenceAdjustments) -> SentenceAdjustments:
        return SentenceAdjustments(
            **{
                f.name: getattr(self, f.name) + getattr(other, f.name)
                for f in dataclasses.fields(self)
            }
        )

    def describe(self) -> dict[str, int]:
        return {
            f.name: getattr(self, f.name) for f in dataclasses.fields(self) if getattr(self, f.name)
        }


def filtered_for(
    adjustments: SentenceAdjustments,
    *,
    is_recall: bool,
    is_botus: bool,
    is_dto_before_pcsc: bool,
    is_civil_fine: bool = False,
    only_terms: bool = False,
) -> SentenceAdjustments:
    """Which shared adjustments a sentence can use.

    Remand and tagged bail never reduce a BOTUS term or a committal for a civil debt; remand does not count for a DTO imposed
    before 28 June 2022 (Sentencing Act 2020 s.240(3) as then in force, where the court reduced the
    order instead); recall remand counts only for recalled sentences and ordinary remand only for
    sentences not on recall.
    """
    values = dataclasses.asdict(adjustments)
    if only_terms:
        # TimelineCalculator.setAdjustments: additional days are not added to single terms
        # (DTO, BOTUS, fine in default) served alone.
        values.update(awarded_during_custody=0)
    if is_botus or is_civil_fine:
        values.update(remand=0, tagged_bail=0)
    elif is_dto_before_pcsc:
        values.update(remand=0)
    if is_recall:
        values.update(remand=0, tagged_bail=0)
    else:
        values.update(recall_remand=0, recall_tagged_bail=0)
    return SentenceAdjustments(**values)


def latest(dates: list[dt.date | None]) -> dt.date | None:
    present = [d for d in dates if d is not None]
    return max(present) if present else None
