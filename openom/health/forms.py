from django import forms

from openom.core.forms import GovUKDateField, ServiceForm
from openom.health.models import HealthCategory


class HealthRecordForm(ServiceForm):
    recorded_on = GovUKDateField(label="Date")
    category = forms.ChoiceField(
        label="Kind of information", choices=HealthCategory.choices, widget=forms.RadioSelect
    )
    summary = forms.CharField(label="Information", widget=forms.Textarea(attrs={"rows": 4}))
