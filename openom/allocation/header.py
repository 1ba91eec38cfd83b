"""The case header's offender manager and holding team."""

from django.db.models import OuterRef, Subquery

from openom.allocation.models import CaseAllocation
from openom.people.header import HeaderContributor, HeaderItem


def _annotations(context):
    current = CaseAllocation.objects.filter(person=OuterRef("pk"), end_date__isnull=True)
    return {
        "om_first": Subquery(current.values("offender_manager__first_name")[:1]),
        "om_last": Subquery(current.values("offender_manager__last_name")[:1]),
        "om_team": Subquery(current.values("team__name")[:1]),
    }


def _items(row, context):
    if not row.get("om_team"):
        return [HeaderItem("offender_manager", "Offender manager", "Not held by a team")]
    name = " ".join(p for p in (row.get("om_first"), row.get("om_last")) if p) or "Unallocated"
    return [HeaderItem("offender_manager", "Offender manager", f"{name} ({row['om_team']})")]


CONTRIBUTOR = HeaderContributor(
    key="offender_manager", order=90, part="", annotations=_annotations, items=_items
)
