import datetime as dt

from django import forms
from django.utils import timezone

from openom.contacts.constants import ContactOutcome, ContactType
from openom.core.forms import CreateOnceForm, GovUKDateField, ServiceForm
from openom.core.timezones import NonexistentLocalTime, london_datetime


class ContactArrangeForm(CreateOnceForm):
    contact_type = forms.ChoiceField(label="Type", choices=ContactType.choices)
    date = GovUKDateField(label="Date")
    time = forms.TimeField(
        label="Time",
        help_text="For example, 14:30",
        widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-5"}),
    )
    location = forms.CharField(label="Where", max_length=200, required=False)
    sentence = forms.ModelChoiceField(
        label="For which sentence", queryset=None, required=False, empty_label="Not for a sentence"
    )
    requirement = forms.ModelChoiceField(
        label="Delivers which requirement", queryset=None, required=False, empty_label="None"
    )
    enforceable = forms.BooleanField(
        label="Enforceable: missing it without good reason is a failure to comply",
        required=False,
        initial=True,
    )
    is_induction = forms.BooleanField(label="Induction", required=False)
    counts_as_rar_day = forms.BooleanField(
        label="Counts as a rehabilitation activity day", required=False
    )
    notes = forms.CharField(label="Notes", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    confirm_date = forms.BooleanField(
        label="The date is right: this appointment has already happened, or is at a weekend on purpose",
        required=False,
    )

    def __init__(self, *args, person, now: dt.datetime | None = None, **kwargs):
        self.now = now or timezone.now()
        super().__init__(*args, **kwargs)
        sentences = person.sentences.filter(termination_date__isnull=True).select_related("event")
        self.fields["sentence"].queryset = sentences
        self.fields["sentence"].label_from_instance = lambda s: (
            f"Event {s.event.number}: {s.get_sentence_type_display()}"
        )
        from openom.sentencing.models import Requirement

        self.fields["requirement"].queryset = Requirement.objects.filter(sentence__in=sentences)

    def clean(self):
        data = super().clean()
        day, time = data.get("date"), data.get("time")
        if day is None or time is None:
            return data
        try:
            data["starts_at"] = london_datetime(day, time)
        except NonexistentLocalTime as gap:
            self.add_error("time", str(gap))
            return data
        if data["confirm_date"]:
            return data
        weekend_ok = data.get("contact_type") == ContactType.UNPAID_WORK
        if day.weekday() >= 5 and not weekend_ok:
            self.add_error(
                "date",
                "The appointment date must be a weekday, or tick the box to confirm a weekend "
                "appointment",
            )
        elif data["starts_at"] < self.now:
            self.add_error(
                "date",
                "The appointment is in the past: tick the box to confirm you are recording one "
                "that has already happened",
            )
        return data

    def contact_data(self, officer) -> dict:
        data = self.cleaned_data
        starts_at = data["starts_at"]
        return {
            "contact_type": data["contact_type"],
            "starts_at": starts_at,
            "location": data["location"],
            "sentence": data["sentence"],
            "requirement": data["requirement"],
            "enforceable": data["enforceable"],
            "is_induction": data["is_induction"],
            "counts_as_rar_day": data["counts_as_rar_day"],
            "notes": data["notes"],
            "officer": officer,
        }


class ContactOutcomeForm(ServiceForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(
        label="What happened", choices=ContactOutcome.choices, widget=forms.RadioSelect
    )
    evidence = forms.CharField(
        label="Evidence for an acceptable absence",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For example: sick note from the GP, dated 3 March",
    )
    hours_credited = forms.DecimalField(
        label="Unpaid work hours credited",
        required=False,
        min_value=0,
        max_digits=4,
        decimal_places=1,
    )
    notes = forms.CharField(label="Notes", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    reason = forms.CharField(
        label="Why are you changing the outcome?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Needed only when correcting an outcome already recorded; it is kept in the history",
    )

    def __init__(self, *args, correcting: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not correcting:
            del self.fields["reason"]
