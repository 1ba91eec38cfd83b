from django import forms

from openom.core.forms import CreateOnceForm, GovUKDateField, ServiceForm, clean_uk_phone
from openom.victims.models import ContactPreference


class VictimForm(CreateOnceForm):
    forename = forms.CharField(label="First name", max_length=100)
    surname = forms.CharField(label="Last name", max_length=100)
    relationship_to_offender = forms.CharField(
        label="Relationship to the offender", max_length=100, required=False
    )
    address = forms.CharField(label="Address", max_length=300, required=False)
    phone = forms.CharField(
        label="Phone",
        max_length=30,
        required=False,
        help_text="A UK number, for example 01632 960 001 or 07700 900 982",
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )
    email = forms.EmailField(label="Email", required=False)
    contact_preference = forms.ChoiceField(
        label="How they prefer to be contacted", choices=ContactPreference.choices
    )
    contact_offered_on = GovUKDateField(label="Date contact was offered", required=False)
    views = forms.CharField(
        label="Their views", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean_phone(self):
        return clean_uk_phone(self.cleaned_data.get("phone", ""))


class VictimEditForm(VictimForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    opted_in = forms.TypedChoiceField(
        label="Have they opted in to victim contact?",
        choices=[("", "No answer yet"), ("True", "Yes, opted in"), ("False", "No, declined")],
        coerce=lambda v: v == "True",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label="Why are you changing these details?",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Say why you are changing the victim's details"},
    )

    def victim_data(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k not in ("opened_at", "reason")}


class VictimSummaryForm(ServiceForm):
    username = forms.CharField(label="Username of the colleague", max_length=150)
    summary = forms.CharField(
        label="Summary to share",
        help_text="Do not include the victim's name, address or contact details",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
