from django import forms

from openom.core.forms import GovUKDateField, ServiceForm
from openom.enforcement.constants import BreachOutcome, RecallType


class BreachStartForm(ServiceForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    started_on = GovUKDateField(label="Date the breach was laid at court")
    reasons = forms.CharField(
        label="Breach report summary", widget=forms.Textarea(attrs={"rows": 3})
    )


class RecallRequestForm(ServiceForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    recall_type = forms.ChoiceField(
        label="Type of recall", choices=RecallType.choices, widget=forms.RadioSelect
    )
    requested_on = GovUKDateField(label="Date requested")
    reasons = forms.CharField(label="Reasons for recall", widget=forms.Textarea(attrs={"rows": 4}))


class RecallAuthoriseForm(ServiceForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    authorised_on = GovUKDateField(label="Date authorised")


class ResolveForm(ServiceForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    resolved_on = GovUKDateField(label="Date resolved")
    outcome = forms.ChoiceField(
        label="Outcome", choices=BreachOutcome.choices, widget=forms.RadioSelect
    )


class WarningCloseForm(ServiceForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    closed_on = GovUKDateField(label="Date the person responded")


class WarningGiveForm(ServiceForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    warned_on = GovUKDateField(
        label="Date the warning was given",
        help_text="The 7 days to respond, and the 12 months in which a further failure goes to "
        "breach, run from this date",
    )
