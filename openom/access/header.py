"""The case header's restriction flag: a restricted case is one only listed staff may open."""

from django.db.models import Exists, OuterRef

from openom.access.constants import RestrictionKind
from openom.access.models import CaseRestriction
from openom.people.header import HeaderContributor, HeaderItem


def _annotations(context):
    return {
        "restricted": Exists(
            CaseRestriction.objects.filter(person=OuterRef("pk"), kind=RestrictionKind.RESTRICT_TO)
        )
    }


def _items(row, context):
    if not row.get("restricted"):
        return []
    return [
        HeaderItem(
            "restricted", "Flag", "Restricted case: only listed staff may open it", "red", flag=True
        )
    ]


CONTRIBUTOR = HeaderContributor(
    key="restricted", order=60, part="", annotations=_annotations, items=_items
)
