"""GOV.UK Design System form pieces: the three-box date input and a form base that renders it."""

import copy
import datetime as dt
import uuid

from django import forms
from django.core.exceptions import ValidationError

from openom.core.exceptions import EditConflict, ServiceValidationError

# The dates a form takes unless its field says otherwise: people born, sentenced, released and
# supervised between these. A typing slip (0001, 9999) is refused here rather than stored, where
# it would break later date arithmetic (issue #14: a remand from 1 January 0001).
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)


def govuk_date(value: dt.date) -> str:
    """A date as the GOV.UK pattern writes it in error messages: 27 3 2007."""
    return f"{value.day} {value.month} {value.year}"


def check_date_window(
    value: dt.date | None,
    *,
    name: str,
    earliest: dt.date = EARLIEST_DATE,
    latest: dt.date = LATEST_DATE,
) -> None:
    """Refuse a date outside the window, with the GOV.UK date input's wording."""
    if value is None:
        return
    if value < earliest:
        raise ValidationError(f"{name} must be the same as or after {govuk_date(earliest)}")
    if value > latest:
        raise ValidationError(f"{name} must be the same as or before {govuk_date(latest)}")


class WindowedDateField(forms.DateField):
    """A single-box (ISO) date input held to the same window as GovUKDateField."""

    def __init__(self, *, earliest: dt.date = EARLIEST_DATE, latest: dt.date = LATEST_DATE, **kw):
        self.earliest, self.latest = earliest, latest
        super().__init__(**kw)

    def clean(self, value):
        date = super().clean(value)
        check_date_window(
            date, name=str(self.label or "The date"), earliest=self.earliest, latest=self.latest
        )
        return date


class QueryForm(forms.Form):
    """Query-string parameters parsed like any other input: a bad value is ignored, never a 500.

    `QueryForm.read(request.GET)` answers every field's cleaned value, or None where the value
    was missing or could not be read (?district=abc, ?level=9).
    """

    @classmethod
    def read(cls, data) -> dict:
        form = cls(data)
        form.is_valid()
        return {name: form.cleaned_data.get(name) for name in form.fields}


class GovUKDateWidget(forms.MultiWidget):
    template_name = "widgets/govuk_date.html"

    def __init__(self, attrs=None):
        widgets = [
            forms.TextInput(
                attrs={
                    "inputmode": "numeric",
                    "class": "govuk-input govuk-date-input__input govuk-input--width-2",
                }
            ),
            forms.TextInput(
                attrs={
                    "inputmode": "numeric",
                    "class": "govuk-input govuk-date-input__input govuk-input--width-2",
                }
            ),
            forms.TextInput(
                attrs={
                    "inputmode": "numeric",
                    "class": "govuk-input govuk-date-input__input govuk-input--width-4",
                }
            ),
        ]
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        if isinstance(value, str) and value:
            try:
                parsed = dt.date.fromisoformat(value)
            except ValueError:
                return [None, None, None]
            return [parsed.day, parsed.month, parsed.year]
        return [None, None, None]


class GovUKDateField(forms.MultiValueField):
    """A date typed as day, month and year, with the GOV.UK pattern's error messages."""

    widget = GovUKDateWidget

    def __init__(
        self,
        *,
        label: str = "",
        earliest: dt.date = EARLIEST_DATE,
        latest: dt.date = LATEST_DATE,
        **kwargs,
    ):
        self.date_label = label
        self.earliest, self.latest = earliest, latest
        fields = (forms.CharField(), forms.CharField(), forms.CharField())
        kwargs.setdefault("require_all_fields", False)
        super().__init__(fields=fields, label=label, **kwargs)

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return None
        day, month, year = (part.strip() if part else "" for part in data_list)
        name = self.date_label or "The date"
        missing = [
            label for label, part in (("day", day), ("month", month), ("year", year)) if not part
        ]
        if missing:
            raise ValidationError(f"{name} must include a {' and '.join(missing)}")
        if not (day.isdigit() and month.isdigit() and year.isdigit()) or len(year) != 4:
            raise ValidationError(f"{name} must be a real date, like 27 3 2007")
        try:
            date = dt.date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(f"{name} must be a real date, like 27 3 2007") from None
        check_date_window(date, name=name, earliest=self.earliest, latest=self.latest)
        return date


def _phrase(label: str) -> str:
    """A label as it reads inside a sentence: "Date of birth" -> "date of birth"."""
    label = str(label or "").strip()
    if len(label) > 1 and label[1:2].isupper():  # an acronym such as "RSR score" or "PNC"
        return label
    return label[:1].lower() + label[1:]


def govuk_messages(field: forms.Field, label: str) -> dict[str, str]:
    """GOV.UK Design System error messages for a field that has none of its own.

    The pattern (design-system.service.gov.uk/components/error-message) says what to do:
    "Enter ...", "Select ...", "... must be ...", never "This field is required".
    """
    what = _phrase(label) or "an answer"
    messages: dict[str, str] = {}
    if isinstance(field, forms.BooleanField):
        messages["required"] = f"Select {what}"
    elif isinstance(field, (forms.ChoiceField, forms.ModelChoiceField)):
        messages["required"] = f"Select {what}"
        messages["invalid_choice"] = f"Select {what} from the list"
        messages["invalid_pk_value"] = f"Select {what} from the list"
    elif isinstance(field, GovUKDateField):
        messages["required"] = (
            f"Enter the {what}" if not what.startswith("the ") else f"Enter {what}"
        )
    else:
        messages["required"] = f"Enter {what}"
    if isinstance(field, forms.IntegerField):
        messages["invalid"] = f"{label} must be a whole number, like 12"
    if isinstance(field, forms.DecimalField):
        messages["invalid"] = f"{label} must be a number, like 7.5"
        messages["max_digits"] = f"{label} must be a smaller number"
        messages["max_decimal_places"] = f"{label} can have at most {{max}} decimal places"
    if isinstance(field, forms.TimeField):
        messages["invalid"] = f"{label} must be a real time on the 24-hour clock, like 14:30"
    if isinstance(field, forms.EmailField):
        messages["invalid"] = "Enter an email address in the correct format, like name@example.com"
    if isinstance(field, (forms.IntegerField, forms.DecimalField, forms.FloatField)):
        messages["min_value"] = f"{label} must be %(limit_value)s or more"
        messages["max_value"] = f"{label} must be %(limit_value)s or less"
    if isinstance(field, forms.CharField):
        messages["max_length"] = f"{label} must be %(limit_value)d characters or fewer"
    return messages


def apply_govuk_messages(form: forms.BaseForm) -> None:
    """Replace Django's stock messages with GOV.UK ones; a field's own messages win."""
    stock_texts = {
        str(text)
        for cls in (
            forms.Field,
            forms.CharField,
            forms.ChoiceField,
            forms.TypedChoiceField,
            forms.MultipleChoiceField,
            forms.ModelChoiceField,
            forms.IntegerField,
            forms.DecimalField,
            forms.FloatField,
            forms.TimeField,
            forms.EmailField,
            forms.DateField,
            forms.BooleanField,
        )
        for text in cls.default_error_messages.values()
    }
    for name, field in form.fields.items():
        label = str(field.label or name.replace("_", " ").capitalize())
        for key, text in govuk_messages(field, label).items():
            current = field.error_messages.get(key)
            if current is None or str(current) in stock_texts:
                field.error_messages[key] = text
        # Validators (min/max value, max length) carry their own message: restate them.
        # (copied: a declared field's validators are shared by every instance of the form).
        restated = []
        for validator in field.validators:
            code = getattr(validator, "code", None)
            if code in ("min_value", "max_value", "max_length") and code in field.error_messages:
                validator = copy.copy(validator)
                validator.message = field.error_messages[code]
            restated.append(validator)
        field.validators = restated


def clean_uk_phone(value: str) -> str:
    """A form-side check of a UK phone number (see openom.core.formats.phone_problem)."""
    from openom.core.formats import phone_problem

    value = (value or "").strip()
    problem = phone_problem(value)
    if problem:
        raise ValidationError(problem)
    return value


class ServiceForm(forms.Form):
    """A form whose service errors (from the domain rules) land on the right fields.

    Its fields' errors are in the GOV.UK style (see `apply_govuk_messages`).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        apply_govuk_messages(self)

    conflict: EditConflict | None = None

    def add_service_errors(self, error: ServiceValidationError) -> None:
        if isinstance(error, EditConflict):
            self.show_conflict(error)
        if not error.field_errors:
            self.add_error(None, error.message)
            return
        for field, message in error.field_errors.items():
            self.add_error(field if field in self.fields else None, message)

    def show_conflict(self, conflict: EditConflict) -> None:
        """Keep the user's text, show theirs beside it, and carry the version now saved.

        The next save is then a deliberate one, made after reading what the other person wrote.
        """
        self.conflict = conflict
        if conflict.version is not None and "version" in self.fields:
            self.data = self.data.copy()
            self.data["version"] = str(conflict.version)

    @property
    def conflict_rows(self) -> list[dict[str, object]]:
        """Each edited field: its label, the saved text (theirs) and the posted text (yours)."""
        if self.conflict is None:
            return []
        rows = []
        for name, theirs in self.conflict.theirs.items():
            field = self.fields.get(name)
            yours = self.cleaned_data.get(name) if hasattr(self, "cleaned_data") else None
            rows.append(
                {
                    "label": field.label if field is not None else name,
                    "theirs": "" if theirs is None else theirs,
                    "yours": "" if yours is None else yours,
                }
            )
        return rows


class CreateOnceForm(ServiceForm):
    """A create form carrying a one-time token: resubmitting it creates nothing new.

    `form_page` consumes the token with the save (openom.core.services.create_once).
    """

    form_token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("form_token", uuid.uuid4())


class VersionedForm(ServiceForm):
    """An edit form for a VersionedModel: it carries the version the record was read at."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31 - 1)


class VersionForm(QueryForm):
    """The `version` a page was read at, posted with a button: unreadable reads as 0 (stale)."""

    version = forms.IntegerField(min_value=0, max_value=2**31 - 1)

    @classmethod
    def posted(cls, data) -> int:
        return cls.read(data)["version"] or 0
