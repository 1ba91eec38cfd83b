"""The case header's tier: the latest calculation (two-axis, with the A-G tier if there is one)."""

from django.db.models import OuterRef, Subquery

from openom.people.header import HeaderContributor, HeaderItem
from openom.tiering.models import TierCalculation


def _annotations(context):
    latest = TierCalculation.objects.filter(person=OuterRef("pk")).order_by("-calculated_at", "-pk")
    return {
        "tier_two_axis": Subquery(latest.values("two_axis_tier")[:1]),
        "tier_single": Subquery(latest.values("single_tier")[:1]),
    }


def _items(row, context):
    tier = row.get("tier_two_axis")
    if not tier:
        return [HeaderItem("tier", "Tier", "Not calculated")]
    single = row.get("tier_single")
    return [HeaderItem("tier", "Tier", f"{tier}{f' (tier {single})' if single else ''}")]


CONTRIBUTOR = HeaderContributor(
    key="tier", order=10, part="RISK_SUMMARY", annotations=_annotations, items=_items
)
