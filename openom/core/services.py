from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.dateformat import format as format_date

from openom.core.exceptions import EditConflict
from openom.core.models import Sequence, VersionedModel


def sequence_next(*, name: str, start_after: int = 0) -> int:
    """The next value of a named counter; safe under concurrency (the row is locked)."""
    with transaction.atomic():
        Sequence.objects.get_or_create(name=name, defaults={"last_value": start_after})
        counter = Sequence.objects.select_for_update().get(name=name)
        counter.last_value += 1
        counter.save(update_fields=["last_value"])
        return counter.last_value


def _last_save(record: VersionedModel) -> tuple[str, object]:
    """Who saved `record` last and when: from its history where it keeps one."""
    history = getattr(record, "history", None)
    if history is not None:
        latest = (
            history.order_by("-history_date", "-history_id").select_related("history_user").first()
        )
        if latest is not None:
            user = latest.history_user
            return (
                user.get_full_name() or user.get_username()
            ) if user else "", latest.history_date
    return "", getattr(record, "updated_at", None)


def edit_check(
    locked: VersionedModel, *, version: int, actor, noun: str, fields: Iterable[str] = ()
) -> None:
    """Refuse a save read at an older `version` than the locked row's (optimistic locking).

    Call inside the transaction, on the row fetched with select_for_update(); then
    `locked.mark_saved(actor)` before saving. The EditConflict carries the saved values of
    `fields` (theirs), who saved them and when, for the page to show beside the user's own.
    """
    if locked.is_current_for(version, actor):
        return
    saved_by, saved_at = _last_save(locked)
    when = (
        format_date(timezone.localtime(saved_at), "j F Y \\a\\t H:i")
        if saved_at is not None
        else "a moment ago"
    )
    who = f" ({saved_by})" if saved_by else ""
    raise EditConflict(
        f"Someone else saved this {noun} at {when}{who} after you opened it. Your changes have "
        "not been saved: their text and yours are shown below. Combine them and save again.",
        theirs={field: getattr(locked, field) for field in fields},
        version=locked.version,
        saved_by=saved_by,
        saved_at=saved_at,
    )
