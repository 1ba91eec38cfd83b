from django import forms

from openom.core.forms import GovUKDateField, ServiceForm
from openom.release.constants import AdjustmentKind


class CustodyAdjustmentForm(ServiceForm):
    kind = forms.ChoiceField(
        label="Adjustment", choices=AdjustmentKind.choices, widget=forms.RadioSelect
    )
    from_date = GovUKDateField(
        label="From", required=False, help_text="Remand and unlawfully at large: the period"
    )
    to_date = GovUKDateField(label="To", required=False)
    days = forms.IntegerField(
        label="Number of days",
        min_value=1,
        max_value=20000,
        required=False,
        help_text="Tagged bail and additional days: the number of days",
    )
