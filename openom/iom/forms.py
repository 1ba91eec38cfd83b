from django import forms

from openom.core.forms import GovUKDateField, QueryForm, ServiceForm, VersionedForm
from openom.iom.constants import Pathway, ReviewDecision, StatutoryStatus, Strategy
from openom.offences.constants import OffenceCategory
from openom.organisations.models import Agency


class MatrixForm(ServiceForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    capacity = forms.IntegerField(label="Cohort capacity", min_value=1)

    def __init__(self, *args, scheme, district=None, **kwargs):
        super().__init__(*args, **kwargs)
        for factor in scheme.factors.all():
            self.fields[f"weight_{factor.key}"] = forms.DecimalField(
                label=f"{factor.label}"
                + (
                    " (per offence, times the priority multiplier)"
                    if factor.by_offence_type
                    else ""
                ),
                initial=factor.weight,
                min_value=0,
                max_digits=5,
                decimal_places=2,
            )
        multipliers = scheme.matrix(district.pk if district else None).priority_weights
        for value, label in OffenceCategory.choices:
            self.fields[f"priority_{value}"] = forms.DecimalField(
                label=f"Priority multiplier: {label}",
                initial=multipliers.get(value, 1),
                max_digits=4,
                decimal_places=2,
            )

    def weights(self):
        return {
            k.removeprefix("weight_"): v
            for k, v in self.cleaned_data.items()
            if k.startswith("weight_")
        }

    def priority_weights(self):
        return {
            k.removeprefix("priority_"): v
            for k, v in self.cleaned_data.items()
            if k.startswith("priority_")
        }


class ReferralForm(ServiceForm):
    reason = forms.CharField(label="Why should IOM consider this person?", widget=forms.Textarea)
    evidence = forms.CharField(
        label="Evidence",
        widget=forms.Textarea,
        required=False,
        help_text="Recent offending, intelligence, what has been tried",
    )
    statutory_status = forms.ChoiceField(
        label="Current statutory status", choices=StatutoryStatus.choices, widget=forms.RadioSelect
    )
    arrests_12m = forms.IntegerField(label="Arrests in the last 12 months", min_value=0, initial=0)
    community_harm = forms.TypedChoiceField(
        label="Harm to the community",
        coerce=int,
        initial=0,
        widget=forms.RadioSelect,
        choices=[(0, "None"), (1, "Some"), (2, "Considerable"), (3, "Severe")],
    )


class ScreeningForm(ServiceForm):
    accept = forms.TypedChoiceField(
        label="Decision",
        choices=[("yes", "Accept as a candidate"), ("no", "Decline")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    notes = forms.CharField(label="Why", widget=forms.Textarea)


class SelectionForm(ServiceForm):
    strategy = forms.ChoiceField(
        label="Fill the free places with", choices=Strategy.choices, widget=forms.RadioSelect
    )
    cohort_label = forms.ChoiceField(label="Cohort", choices=[])

    def __init__(self, *args, scheme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort_label"].choices = [(c, c) for c in scheme.cohort_labels]


class ReviewForm(ServiceForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label="Decision", choices=ReviewDecision.choices, widget=forms.RadioSelect
    )
    notes = forms.CharField(label="Reasons", widget=forms.Textarea)
    onward_support = forms.CharField(
        label="Onward support after deselection",
        widget=forms.Textarea,
        required=False,
        help_text="Needed when deselecting: who keeps supporting the person, and how",
    )


class ActionForm(ServiceForm):
    pathway = forms.ChoiceField(label="Pathway", choices=Pathway.choices)
    action = forms.CharField(label="Action", widget=forms.Textarea)
    owner_agency = forms.ModelChoiceField(
        label="Owner agency", queryset=Agency.objects.order_by("name")
    )
    due_date = GovUKDateField(label="Due date")


class MeetingForm(ServiceForm):
    date = GovUKDateField(label="Meeting date")


class MinutesForm(VersionedForm):
    minutes = forms.CharField(label="Minutes", widget=forms.Textarea)
    pathway = forms.ChoiceField(
        label="Action agreed: pathway",
        choices=[("", "No action"), *Pathway.choices],
        required=False,
    )
    action = forms.CharField(label="Action", widget=forms.Textarea, required=False)
    owner_agency = forms.ModelChoiceField(
        label="Owner agency", queryset=Agency.objects.order_by("name"), required=False
    )
    due_date = GovUKDateField(label="Due date", required=False)

    def clean(self):
        data = super().clean()
        if data.get("pathway"):
            for field, message in (
                ("action", "Describe the action"),
                ("owner_agency", "Choose the agency that owns the action"),
                ("due_date", "Enter when the action is due"),
            ):
                if not data.get(field):
                    self.add_error(field, message)
        return data

    def agreed_action(self) -> dict | None:
        data = self.cleaned_data
        if not data.get("pathway"):
            return None
        return {k: data[k] for k in ("pathway", "action", "owner_agency", "due_date")}


class MatrixQuery(QueryForm):
    """?district= on the matrix page: a delivery unit's id (anything else shows the scheme's)."""

    district = forms.IntegerField(min_value=1, max_value=2**63 - 1)
