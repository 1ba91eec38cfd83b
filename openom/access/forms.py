from django import forms

from openom.access.constants import SHAREABLE_PARTS, CasePart, RestrictionKind, SharingBasis
from openom.core.forms import GovUKDateField, ServiceForm
from openom.organisations.models import Agency

SHARE_PART_CHOICES = [(part.value, part.label) for part in CasePart if part in SHAREABLE_PARTS]


class OutOfTeamReasonForm(ServiceForm):
    reason = forms.CharField(
        label="Why do you need to open this case?",
        max_length=500,
        help_text="This case is held by another team. Your reason is recorded and shown to the case's manager.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CaseShareForm(ServiceForm):
    agency = forms.ModelChoiceField(
        label="Agency", queryset=Agency.objects.all(), empty_label="Choose an agency"
    )
    basis = forms.ChoiceField(label="Reason for sharing", choices=SharingBasis.choices)
    parts = forms.MultipleChoiceField(
        label="Parts of the case to share",
        choices=SHARE_PART_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )
    start_date = GovUKDateField(label="Share from")
    end_date = GovUKDateField(label="Share until", required=False)
    legal_basis = forms.CharField(
        label="Legal basis",
        max_length=300,
        help_text="For example, Criminal Justice Act 2003 s325 (MAPPA)",
    )
    reason = forms.CharField(label="Why", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class CaseRestrictionForm(ServiceForm):
    kind = forms.ChoiceField(
        label="Restriction", choices=RestrictionKind.choices, widget=forms.RadioSelect
    )
    username = forms.CharField(label="Username of the member of staff", max_length=150)
    reason = forms.CharField(label="Reason", max_length=300)
