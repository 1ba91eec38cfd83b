"""A record's history (django-simple-history) as people read it: who changed what, when and why."""

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone

HISTORY_TYPES = {"+": "Created", "~": "Changed", "-": "Deleted"}
# Bookkeeping that is not part of what a person recorded.
HIDDEN_FIELDS = frozenset(
    {"id", "version", "created_at", "updated_at", "surname_key", "forename_key"}
)


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class Change:
    when: Any
    who: str
    kind: str
    reason: str
    fields: list[FieldChange] = field(default_factory=list)


def _shown(model: type[models.Model], name: str, value: Any) -> str:
    try:
        model_field = model._meta.get_field(name)
    except FieldDoesNotExist:  # a field removed since the change was made
        return "" if value is None else str(value)
    if value in (None, ""):
        return "(blank)"
    if getattr(model_field, "choices", None):
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.BooleanField):
        return "Yes" if value else "No"
    if isinstance(model_field, models.DateTimeField):
        return f"{timezone.localtime(value):%d %b %Y %H:%M}"
    if isinstance(model_field, models.DateField):
        return f"{value:%d %b %Y}"
    if isinstance(model_field, models.ForeignKey):
        related = model_field.related_model.objects.filter(pk=value).first()
        return str(related.get_full_name() if hasattr(related, "get_full_name") else related)
    return str(value)


def changes_of(instance: models.Model, *, limit: int = 50) -> list[Change]:
    """The record's history, newest first, each entry with the fields it changed."""
    model = type(instance)
    records = list(
        instance.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : limit + 1
        ]
    )
    changes: list[Change] = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        fields: list[FieldChange] = []
        if previous is not None:
            delta = record.diff_against(previous)
            for item in delta.changes:
                if item.field in HIDDEN_FIELDS:
                    continue
                try:
                    label = model._meta.get_field(item.field).verbose_name
                except FieldDoesNotExist:
                    label = item.field.replace("_", " ")
                fields.append(
                    FieldChange(
                        str(label)[:1].upper() + str(label)[1:],
                        _shown(model, item.field, item.old),
                        _shown(model, item.field, item.new),
                    )
                )
            if not fields and record.history_type == "~":
                continue
        user = record.history_user
        changes.append(
            Change(
                when=record.history_date,
                who=user.get_full_name() if user else "The system",
                kind=HISTORY_TYPES.get(record.history_type, record.history_type),
                reason=record.history_change_reason or "",
                fields=fields,
            )
        )
    return changes
