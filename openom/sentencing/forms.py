import re

from django import forms

from openom.core.forms import GovUKDateField, ServiceForm
from openom.sentencing.constants import (
    Plea,
    RequirementType,
    Sds40Exclusion,
    SentenceType,
    TerminationReason,
)
from openom.sentencing.models import Court

OTHER_REQUIREMENTS = [
    (value, label)
    for value, label in RequirementType.choices
    if value not in {RequirementType.UNPAID_WORK, RequirementType.REHABILITATION_ACTIVITY}
]


class EventForm(ServiceForm):
    court = forms.ModelChoiceField(
        label="Court", queryset=Court.objects.all(), empty_label="Choose the court"
    )
    conviction_date = GovUKDateField(label="Date of conviction")
    plea = forms.ChoiceField(label="Plea", choices=Plea.choices, widget=forms.RadioSelect)
    main_offence = forms.CharField(
        label="Main offence code",
        max_length=10,
        help_text="The Home Office offence code, for example 10400 for assault occasioning actual bodily harm",
        widget=forms.TextInput(
            attrs={"list": "offence-codes", "class": "govuk-input govuk-input--width-10"}
        ),
    )
    offence_date = GovUKDateField(label="Date of the main offence")
    other_offences = forms.CharField(
        label="Other offence codes",
        required=False,
        help_text="Separate codes with commas; they take the main offence's date",
    )

    def other_offence_codes(self) -> list[str]:
        raw = self.cleaned_data.get("other_offences") or ""
        return [code for code in re.split(r"[\s,;]+", raw) if code]


class SentenceForm(ServiceForm):
    sentence_type = forms.ChoiceField(label="Sentence", choices=SentenceType.choices)
    sentence_date = GovUKDateField(label="Date of sentence")
    length_years = forms.IntegerField(
        label="Length: years", min_value=0, max_value=99, required=False
    )
    length_months = forms.IntegerField(
        label="Length: months", min_value=0, max_value=999, required=False
    )
    length_weeks = forms.IntegerField(
        label="Length: weeks", min_value=0, max_value=999, required=False
    )
    length_days = forms.IntegerField(
        label="Length: days", min_value=0, max_value=999, required=False
    )
    operational_period_months = forms.IntegerField(
        label="Operational period (months)",
        min_value=0,
        max_value=99,
        required=False,
        help_text="Suspended sentence orders only",
    )
    extension_period_months = forms.IntegerField(
        label="Extended licence period (months)",
        min_value=0,
        max_value=999,
        required=False,
        help_text="Extended sentences and offenders of particular concern only",
    )
    unpaid_work_hours = forms.IntegerField(
        label="Unpaid work hours", min_value=0, max_value=999, required=False
    )
    rar_days = forms.IntegerField(
        label="Rehabilitation activity requirement days", min_value=0, max_value=999, required=False
    )
    other_requirements = forms.MultipleChoiceField(
        label="Other requirements",
        choices=OTHER_REQUIREMENTS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    consecutive_to_event = forms.IntegerField(
        label="Consecutive to the custodial sentence on event number",
        min_value=1,
        required=False,
        help_text="Custody only; leave blank if it runs concurrently",
    )
    sds_plus = forms.TypedChoiceField(
        label="Is it an SDS+ sentence (released at two-thirds)?",
        choices=[
            ("", "Work it out from the offences and the length"),
            ("yes", "Yes, SDS+"),
            ("no", "No"),
        ],
        coerce=lambda value: {"yes": True, "no": False}.get(value),
        empty_value=None,
        required=False,
        help_text="Custody only: answer only if the sentencing record says so",
    )
    sds40_exclusion = forms.ChoiceField(
        label="Excluded from release at 40%?",
        choices=[("", "Work it out from the offences"), *Sds40Exclusion.choices],
        required=False,
        help_text="Custody only (SI 2024/844)",
    )
    section_250 = forms.BooleanField(
        label="Detention under section 250 of the Sentencing Act 2020 (aged under 18)",
        required=False,
    )
    release_date = GovUKDateField(
        label="Date released on licence", required=False, help_text="Custody only, once released"
    )
    termination_date = GovUKDateField(
        label="Date the sentence ended", required=False, help_text="Only if it has already ended"
    )
    termination_reason = forms.ChoiceField(
        label="Why it ended",
        choices=[("", "Not ended"), *TerminationReason.choices],
        required=False,
    )

    def sentence_data(self) -> dict:
        data = self.cleaned_data
        return {
            "sentence_type": data["sentence_type"],
            "sentence_date": data["sentence_date"],
            "length_years": data.get("length_years") or 0,
            "length_months": data.get("length_months") or 0,
            "length_weeks": data.get("length_weeks") or 0,
            "length_days": data.get("length_days") or 0,
            "operational_period_months": data.get("operational_period_months"),
            "extension_period_months": data.get("extension_period_months"),
            "sds_plus": data.get("sds_plus"),
            "sds40_exclusion": data.get("sds40_exclusion") or "",
            "section_250": bool(data.get("section_250")),
            "release_date": data.get("release_date"),
            "consecutive_to_event": data.get("consecutive_to_event"),
            "termination_date": data.get("termination_date"),
            "termination_reason": data.get("termination_reason") or "",
        }

    def requirements(self) -> list[dict]:
        data = self.cleaned_data
        requirements = []
        if data.get("unpaid_work_hours"):
            requirements.append(
                {
                    "requirement_type": RequirementType.UNPAID_WORK,
                    "length": data["unpaid_work_hours"],
                }
            )
        if data.get("rar_days"):
            requirements.append(
                {
                    "requirement_type": RequirementType.REHABILITATION_ACTIVITY,
                    "length": data["rar_days"],
                }
            )
        requirements.extend(
            {"requirement_type": kind, "length": None}
            for kind in data.get("other_requirements", [])
        )
        return requirements


class SentenceTerminateForm(ServiceForm):
    termination_date = GovUKDateField(label="Date it ended")
    termination_reason = forms.ChoiceField(
        label="How it ended", choices=TerminationReason.choices, widget=forms.RadioSelect
    )
