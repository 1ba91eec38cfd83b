"""The case header's MAPPA status, and "Refer to MAPPA" only when the person is not already
managed or referred."""

from django.db.models import OuterRef, Subquery
from django.urls import reverse

from openom.access.constants import Relationship
from openom.access.policy import may_manage_mappa
from openom.mappa.constants import ReferralStatus
from openom.mappa.models import MappaReferral, MappaRegistration
from openom.people.header import HeaderAction, HeaderContributor, HeaderItem

LEVEL_TAGS = {1: "blue", 2: "orange", 3: "red"}


def _annotations(context):
    current = MappaRegistration.objects.filter(person=OuterRef("pk"), end_date__isnull=True)
    pending = MappaReferral.objects.filter(
        person=OuterRef("pk"), status=ReferralStatus.PENDING
    ).order_by("-referred_on", "-pk")
    return {
        "mappa_id": Subquery(current.values("pk")[:1]),
        "mappa_category": Subquery(current.values("category")[:1]),
        "mappa_level": Subquery(current.values("level")[:1]),
        "mappa_force": Subquery(current.values("police_force_id")[:1]),
        "mappa_referral_id": Subquery(pending.values("pk")[:1]),
        "mappa_referral_on": Subquery(pending.values("referred_on")[:1]),
        "mappa_referral_force": Subquery(pending.values("police_force_id")[:1]),
    }


def _items(row, context):
    if row.get("mappa_id"):
        level = row["mappa_level"]
        url = (
            reverse("mappa:registration", args=[row["mappa_id"]])
            if may_manage_mappa(context.user, row["mappa_force"])
            else ""
        )
        return [
            HeaderItem(
                "mappa",
                "MAPPA",
                f"Category {row['mappa_category']}, level {level}",
                LEVEL_TAGS.get(level, "blue"),
                url,
            )
        ]
    if row.get("mappa_referral_id"):
        on = row["mappa_referral_on"]
        url = (
            reverse("mappa:referral-decide", args=[row["mappa_referral_id"]])
            if may_manage_mappa(context.user, row["mappa_referral_force"])
            else ""
        )
        return [
            HeaderItem(
                "mappa",
                "MAPPA",
                f"Referral waiting for a decision (referred {on.day} {on:%B %Y})",
                "yellow",
                url,
            )
        ]
    return [HeaderItem("mappa", "MAPPA", "Not managed under MAPPA")]


def _actions(row, context):
    # Offered only when it makes sense: not for a managed or referred person, not to inspectors.
    if row.get("mappa_id") or row.get("mappa_referral_id"):
        return []
    if context.access.relationship == Relationship.INSPECTION:
        return []
    return [
        HeaderAction(
            "mappa_refer", "Refer to MAPPA", reverse("mappa-case:refer", args=[context.person.crn])
        )
    ]


CONTRIBUTOR = HeaderContributor(
    key="mappa",
    order=30,
    part="SUMMARY",
    annotations=_annotations,
    items=_items,
    actions=_actions,
)
