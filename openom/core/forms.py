"""GOV.UK Design System form pieces: the three-box date input and a form base that renders it."""

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


class ServiceForm(forms.Form):
    """A form whose service errors (from the domain rules) land on the right fields."""

    def add_service_errors(self, error: ServiceValidationError) -> None:
        if not error.field_errors:
            self.add_error(None, error.message)
            return
        for field, message in error.field_errors.items():
            self.add_error(field if field in self.fields else None, message)
