"""Errors services raise for the edge (view, form, API, command) to show to the user."""


class ServiceValidationError(ValueError):
    """Input that breaks a rule; `field_errors` maps a field name to what is wrong with it."""

    def __init__(self, message: str, *, field_errors: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field_errors = field_errors or {}


class EditConflict(ServiceValidationError):
    """Someone else saved the record after this user opened it."""
