from django import forms

from openom.core.forms import GovUKDateField, ServiceForm


class SupervisionCeasedForm(ServiceForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    ceased_on = GovUKDateField(
        label="Date active supervision ceased",
        help_text="The licence runs on to its end; the case's tier gets the unsupervised 'S'",
    )
