"""The case header's IOM membership: the scheme and the intensity the person is managed at."""

from django.db.models import OuterRef, Subquery

from openom.iom.models import Membership
from openom.people.header import HeaderContributor, HeaderItem


def _annotations(context):
    current = Membership.objects.filter(person=OuterRef("pk"), end_date__isnull=True).order_by(
        "-start_date"
    )
    return {
        "iom_scheme": Subquery(current.values("scheme__name")[:1]),
        "iom_intensity": Subquery(current.values("intensity")[:1]),
    }


def _items(row, context):
    scheme = row.get("iom_scheme")
    if not scheme:
        return [HeaderItem("iom", "IOM", "Not in an IOM cohort")]
    intensity = (row.get("iom_intensity") or "").replace("_", " ").lower()
    return [HeaderItem("iom", "IOM", f"{scheme}, {intensity} intensity", "purple")]


CONTRIBUTOR = HeaderContributor(
    key="iom", order=40, part="SUMMARY", annotations=_annotations, items=_items
)
