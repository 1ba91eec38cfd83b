from django import forms

from openom.assessment.constants import AssessmentPurpose, Predictor, RoshLevel
from openom.assessment.questions import ANSWER_CHOICES, Section
from openom.core.forms import GovUKDateField, ServiceForm

ROSH_CHOICES = [("", "Not assessed"), *RoshLevel.choices]


class StartAssessmentForm(ServiceForm):
    purpose = forms.ChoiceField(
        label="Why assess now", choices=AssessmentPurpose.choices, widget=forms.RadioSelect
    )


class RiskForm(ServiceForm):
    """Risk of serious harm: the screening, then the levels and the analysis."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    full_analysis_needed = forms.TypedChoiceField(
        label="Does the screening show a full analysis is needed?",
        widget=forms.RadioSelect,
        choices=[("True", "Yes"), ("False", "No")],
        coerce=lambda v: v == "True",
        required=False,
    )
    no_full_analysis_reason = forms.CharField(
        label="If not, why not", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    rosh_children = forms.ChoiceField(
        label="Risk to children (community)", choices=ROSH_CHOICES, required=False
    )
    rosh_public = forms.ChoiceField(
        label="Risk to the public (community)", choices=ROSH_CHOICES, required=False
    )
    rosh_known_adult = forms.ChoiceField(
        label="Risk to a known adult (community)", choices=ROSH_CHOICES, required=False
    )
    rosh_staff = forms.ChoiceField(
        label="Risk to staff (community)", choices=ROSH_CHOICES, required=False
    )
    custody_rosh_children = forms.ChoiceField(
        label="Risk to children (custody)", choices=ROSH_CHOICES, required=False
    )
    custody_rosh_public = forms.ChoiceField(
        label="Risk to the public (custody)", choices=ROSH_CHOICES, required=False
    )
    custody_rosh_known_adult = forms.ChoiceField(
        label="Risk to a known adult (custody)", choices=ROSH_CHOICES, required=False
    )
    custody_rosh_staff = forms.ChoiceField(
        label="Risk to staff (custody)", choices=ROSH_CHOICES, required=False
    )
    custody_rosh_prisoners = forms.ChoiceField(
        label="Risk to prisoners (custody)", choices=ROSH_CHOICES, required=False
    )
    who_is_at_risk = forms.CharField(
        label="Who is at risk", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    nature_of_risk = forms.CharField(
        label="The nature of the risk", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    imminence = forms.CharField(
        label="How soon could it happen", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    risk_increases = forms.CharField(
        label="What makes it more likely", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    risk_reduces = forms.CharField(
        label="What makes it less likely", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    risk_to_self = forms.CharField(
        label="Risk to themselves (self-harm, suicide, vulnerability)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    protective_factors = forms.CharField(
        label="Protective factors", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    diversity_needs = forms.CharField(
        label="Diversity needs", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    learning_and_basic_skills = forms.CharField(
        label="Learning and basic skills needs",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class NeedSectionForm(ServiceForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, section: Section, **kwargs):
        super().__init__(*args, **kwargs)
        self.section = section
        for question in section.questions:
            self.fields[question.key] = forms.TypedChoiceField(
                label=question.text,
                choices=ANSWER_CHOICES[question.scale],
                coerce=int,
                widget=forms.RadioSelect,
                required=False,
            )
        self.fields["linked_to_harm"] = forms.BooleanField(
            label="Linked to the risk of serious harm", required=False
        )
        self.fields["linked_to_reoffending"] = forms.BooleanField(
            label="Linked to offending behaviour", required=False
        )

    def answers(self) -> dict[str, dict[str, int]]:
        given = {
            q.key: self.cleaned_data[q.key]
            for q in self.section.questions
            if self.cleaned_data.get(q.key) not in (None, "")
        }
        return {self.section.key: given}

    def links(self) -> dict[str, dict[str, bool]]:
        return {
            self.section.key: {
                "harm": self.cleaned_data["linked_to_harm"],
                "reoffending": self.cleaned_data["linked_to_reoffending"],
            }
        }


class PredictorScoreForm(ServiceForm):
    predictor = forms.ChoiceField(label="Predictor", choices=Predictor.choices)
    score = forms.DecimalField(
        label="Score",
        max_digits=6,
        decimal_places=2,
        help_text="The percentage the tool gave, from 0 to 100, for example 4.25",
    )
    band = forms.ChoiceField(
        label="Band",
        choices=[
            ("LOW", "Low"),
            ("MEDIUM", "Medium"),
            ("HIGH", "High"),
            ("VERY_HIGH", "Very high"),
        ],
        widget=forms.RadioSelect,
        help_text="As the tool gave it",
    )
    is_static = forms.BooleanField(
        label="Static score (no dynamic factors assessed)", required=False
    )
    assessed_on = GovUKDateField(label="Date of the score")
