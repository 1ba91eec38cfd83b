from django import forms

from openom.core.forms import GovUKDateField, ServiceForm
from openom.people.constants import AddressType, DisabilityStatus, Ethnicity, Gender

PERSON_ADDRESS_TYPES = [
    (AddressType.MAIN, "Main address"),
    (AddressType.APPROVED_PREMISES, "Approved premises"),
    (AddressType.BAIL_ACCOMMODATION, "Bail accommodation (BASS)"),
    (AddressType.NO_FIXED_ABODE, "No fixed abode"),
]


class PersonSearchForm(forms.Form):
    q = forms.CharField(
        label="CRN, PNC number, prison number or name",
        required=False,
        max_length=100,
        help_text="For example X123456, 2012/0345678U, A1234BC or John Smith",
    )
    date_of_birth = GovUKDateField(label="Date of birth", required=False)

    def clean(self):
        data = super().clean()
        if not (data.get("q") or "").strip() and not data.get("date_of_birth") and not self.errors:
            raise forms.ValidationError(
                "Enter a CRN, PNC number, prison number, name or date of birth"
            )
        return data


class PersonForm(ServiceForm):
    forename = forms.CharField(label="First name", max_length=100)
    middle_names = forms.CharField(label="Middle names", max_length=200, required=False)
    surname = forms.CharField(label="Last name", max_length=100)
    date_of_birth = GovUKDateField(label="Date of birth", help_text="For example, 27 3 1987")
    gender = forms.ChoiceField(label="Gender", choices=Gender.choices, widget=forms.RadioSelect)
    ethnicity = forms.ChoiceField(
        label="Ethnicity (ONS 2021 categories)",
        choices=Ethnicity.choices,
        initial=Ethnicity.NOT_STATED,
    )
    pnc_number = forms.CharField(
        label="PNC number", required=False, max_length=20, help_text="For example, 2012/0345678U"
    )
    prison_number = forms.CharField(
        label="Prison number", required=False, max_length=7, help_text="For example, A1234BC"
    )
    disability_status = forms.ChoiceField(
        label="Disability", choices=DisabilityStatus.choices, initial=DisabilityStatus.NOT_ASKED
    )
    disability_details = forms.CharField(
        label="Disability details", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    learning_needs = forms.CharField(
        label="Learning needs", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    first_language = forms.CharField(label="First language", max_length=60, initial="English")
    interpreter_required = forms.BooleanField(label="Needs an interpreter", required=False)
    address_type = forms.ChoiceField(
        label="Address type", choices=PERSON_ADDRESS_TYPES, initial=AddressType.MAIN
    )
    line_1 = forms.CharField(label="Address line 1", max_length=200, required=False)
    line_2 = forms.CharField(label="Address line 2", max_length=200, required=False)
    town = forms.CharField(label="Town or city", max_length=100, required=False)
    postcode = forms.CharField(label="Postcode", max_length=10, required=False)

    not_a_duplicate = forms.BooleanField(
        label="I have checked: this is a different person from the one already recorded",
        required=False,
    )

    ADDRESS_FIELDS = ("address_type", "line_1", "line_2", "town", "postcode")
    NOT_PERSON_FIELDS = (*ADDRESS_FIELDS, "not_a_duplicate")

    def person_data(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k not in self.NOT_PERSON_FIELDS}

    def address_data(self) -> dict:
        return {k: self.cleaned_data[k] for k in self.ADDRESS_FIELDS}


class PersonEditForm(ServiceForm):
    """Correcting personal details: the identity and needs parts of the person form."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    forename = PersonForm.base_fields["forename"]
    middle_names = PersonForm.base_fields["middle_names"]
    surname = PersonForm.base_fields["surname"]
    preferred_name = forms.CharField(label="Known as", max_length=100, required=False)
    date_of_birth = PersonForm.base_fields["date_of_birth"]
    gender = PersonForm.base_fields["gender"]
    ethnicity = PersonForm.base_fields["ethnicity"]
    pnc_number = PersonForm.base_fields["pnc_number"]
    prison_number = PersonForm.base_fields["prison_number"]
    disability_status = PersonForm.base_fields["disability_status"]
    disability_details = PersonForm.base_fields["disability_details"]
    learning_needs = PersonForm.base_fields["learning_needs"]
    first_language = PersonForm.base_fields["first_language"]
    interpreter_required = PersonForm.base_fields["interpreter_required"]
    reason = forms.CharField(
        label="Why are you changing these details?",
        help_text="For example: date of birth corrected from the passport. Kept in the history.",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Say why you are changing these details"},
    )

    def person_data(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k not in ("version", "reason")}
