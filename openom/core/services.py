import uuid
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateformat import format as format_date

from openom.core.exceptions import AlreadySubmitted, EditConflict
from openom.core.models import FormSubmission, Sequence, VersionedModel

T = TypeVar("T")


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


def create_once(*, token: uuid.UUID | None, actor, create: Callable[[], T]) -> T:
    """Run `create` once per form token: a second submission raises AlreadySubmitted.

    The token row and the record are written in one transaction: if `create` fails (bad input)
    neither is kept and the user can correct the form and save it again. Two submissions at once
    meet at the token's unique index: the second waits for the first and then finds it taken.
    Without a token (an API client, an old page) the create runs as before.
    """
    if token is None:
        return create()
    with transaction.atomic():
        try:
            with transaction.atomic():
                submission = FormSubmission.objects.create(token=token, user=actor)
        except IntegrityError:
            submission = None
        if submission is not None:
            record = create()
            submission.object_id = getattr(record, "pk", None)
            submission.description = str(record)[:300] if record is not None else ""
            submission.save(update_fields=["object_id", "description"])
            return record
    earlier = FormSubmission.objects.filter(token=token, user=actor).first()
    raise AlreadySubmitted(earlier.description if earlier is not None else "")
