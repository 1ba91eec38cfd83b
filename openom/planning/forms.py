from django import forms

from openom.core.forms import GovUKDateField, ServiceForm
from openom.planning.constants import (
    Need,
    ObjectiveStatus,
    Progress,
    ReviewReason,
    SentencingPurpose,
)


class PlanDraftForm(ServiceForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    person_participated = forms.BooleanField(
        label="The person took part in writing the plan", required=False
    )
    person_agreed = forms.BooleanField(label="The person agrees with the plan", required=False)
    person_comments = forms.CharField(
        label="The person's own comments", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    risk_management_plan = forms.CharField(
        label="Risk management plan",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Where it is and what it says about how the risk of harm is managed",
    )


class ObjectiveForm(ServiceForm):
    need = forms.ChoiceField(label="What it addresses", choices=Need.choices)
    purposes = forms.MultipleChoiceField(
        label="Sentencing purposes",
        choices=SentencingPurpose.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    description = forms.CharField(label="Objective", widget=forms.Textarea(attrs={"rows": 2}))
    interventions = forms.CharField(
        label="Interventions", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    responsible = forms.CharField(label="Who is responsible", max_length=200)
    target_date = GovUKDateField(label="Target date")


class ReviewForm(ServiceForm):
    reviewed_on = GovUKDateField(label="Date of the review")
    reason = forms.ChoiceField(
        label="Why it was reviewed", choices=ReviewReason.choices, widget=forms.RadioSelect
    )
    summary = forms.CharField(label="Summary", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, objectives=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.objectives = list(objectives)
        for objective in self.objectives:
            self.fields[f"progress_{objective.pk}"] = forms.ChoiceField(
                label=f"Progress: {objective.description}",
                choices=Progress.choices,
                widget=forms.RadioSelect,
            )
            self.fields[f"note_{objective.pk}"] = forms.CharField(
                label=f"Notes on: {objective.description}",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"status_{objective.pk}"] = forms.ChoiceField(
                label=f"Status now: {objective.description}",
                choices=ObjectiveStatus.choices,
                initial=objective.status,
            )

    def progress(self) -> dict[int, tuple[str, str]]:
        return {
            o.pk: (self.cleaned_data[f"progress_{o.pk}"], self.cleaned_data[f"note_{o.pk}"])
            for o in self.objectives
        }

    def statuses(self) -> dict[int, str]:
        return {o.pk: self.cleaned_data[f"status_{o.pk}"] for o in self.objectives}
