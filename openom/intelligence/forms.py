from django import forms

from openom.core.forms import CreateOnceForm, GovUKDateField
from openom.intelligence.models import SourceEvaluation


class IntelligenceForm(CreateOnceForm):
    recorded_on = GovUKDateField(label="Date of the intelligence")
    source_evaluation = forms.ChoiceField(
        label="Source evaluation", choices=SourceEvaluation.choices, widget=forms.RadioSelect
    )
    summary = forms.CharField(label="Intelligence", widget=forms.Textarea(attrs={"rows": 4}))
