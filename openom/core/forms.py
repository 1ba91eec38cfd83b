"""GOV.UK Design System form pieces: the three-box date input and a form base that renders it."""

import copy
import datetime as dt

from django import forms
from django.core.exceptions import ValidationError

from openom.core.exceptions import ServiceValidationError


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

    def __init__(self, *, label: str = "", **kwargs):
        self.date_label = label
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
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(f"{name} must be a real date, like 27 3 2007") from None


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
    stock = forms.Field.default_error_messages | {
        key: value
        for cls in (
            forms.ChoiceField,
            forms.ModelChoiceField,
            forms.IntegerField,
            forms.DecimalField,
            forms.TimeField,
            forms.EmailField,
            forms.DateField,
        )
        for key, value in cls.default_error_messages.items()
    }
    stock_texts = {str(text) for text in stock.values()}
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

    def add_service_errors(self, error: ServiceValidationError) -> None:
        if not error.field_errors:
            self.add_error(None, error.message)
            return
        for field, message in error.field_errors.items():
            self.add_error(field if field in self.fields else None, message)
