"""Errors services raise for the edge (view, form, API, command) to show to the user."""


class ServiceValidationError(ValueError):
    """Input that breaks a rule; `field_errors` maps a field name to what is wrong with it."""

    def __init__(self, message: str, *, field_errors: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field_errors = field_errors or {}


class AlreadySubmitted(Exception):
    """This form was saved before (a resubmit or a double click): nothing new was created.

    `description` names the record the first submission created, for the page to show.
    """

    def __init__(self, description: str = "") -> None:
        super().__init__(description or "This form was already saved")
        self.description = description


class EditConflict(ServiceValidationError):
    """Someone else saved the record after this user opened it.

    `theirs` holds the saved values of the fields the user was editing, so the page can show
    them beside the user's own text to reconcile; `version` is the one now saved, which the form
    carries next so that a deliberate second save (after reading theirs) goes through.
    """

    def __init__(
        self,
        message: str,
        *,
        field_errors: dict[str, str] | None = None,
        theirs: dict[str, object] | None = None,
        version: int | None = None,
        saved_by: str = "",
        saved_at=None,
    ) -> None:
        super().__init__(message, field_errors=field_errors)
        self.theirs = theirs or {}
        self.version = version
        self.saved_by = saved_by
        self.saved_at = saved_at
