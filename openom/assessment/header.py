"""The case header's risk of serious harm: from the latest completed (countersigned) assessment."""

from django.db.models import OuterRef, Subquery

from openom.assessment.constants import AssessmentStatus, RoshLevel
from openom.assessment.models import Assessment
from openom.people.header import HeaderContributor, HeaderItem

ROSH_TAGS = {"LOW": "green", "MEDIUM": "yellow", "HIGH": "orange", "VERY_HIGH": "red"}


def _annotations(context):
    latest = Assessment.objects.filter(
        person=OuterRef("pk"), status=AssessmentStatus.COMPLETE
    ).order_by("-completed_on", "-pk")
    return {"rosh_overall": Subquery(latest.values("overall_rosh")[:1])}


def _items(row, context):
    level = row.get("rosh_overall")
    if not level:
        return [HeaderItem("rosh", "RoSH", "Not assessed")]
    return [
        HeaderItem(
            "rosh", "RoSH", f"{RoshLevel(level).label} risk of serious harm", ROSH_TAGS.get(level)
        )
    ]


CONTRIBUTOR = HeaderContributor(
    key="rosh", order=20, part="RISK_SUMMARY", annotations=_annotations, items=_items
)
