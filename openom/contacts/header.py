"""The case header's next appointment (read in Europe/London)."""

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from openom.contacts.models import Contact
from openom.people.header import HeaderContributor, HeaderItem


def _annotations(context):
    upcoming = Contact.objects.filter(person=OuterRef("pk"), starts_at__gte=context.now).order_by(
        "starts_at"
    )
    return {
        "next_contact_at": Subquery(upcoming.values("starts_at")[:1]),
        "next_contact_type": Subquery(upcoming.values("contact_type")[:1]),
    }


def _items(row, context):
    from openom.contacts.constants import ContactType

    when = row.get("next_contact_at")
    if when is None:
        return [HeaderItem("next_appointment", "Next appointment", "None arranged")]
    local = timezone.localtime(when)
    kind = ContactType(row["next_contact_type"]).label
    return [
        HeaderItem(
            "next_appointment",
            "Next appointment",
            f"{kind}, {local:%a} {local.day} {local:%b %Y %H:%M}",
        )
    ]


CONTRIBUTOR = HeaderContributor(
    key="next_appointment", order=50, part="CONTACTS", annotations=_annotations, items=_items
)
