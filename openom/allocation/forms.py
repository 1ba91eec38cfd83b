from django import forms

from openom.core.forms import ServiceForm


class AllocateForm(ServiceForm):
    officer = forms.ChoiceField(label="Offender manager", widget=forms.RadioSelect)
    justification = forms.CharField(
        label="Why this practitioner", widget=forms.Textarea(attrs={"rows": 2})
    )
    override_rationale = forms.CharField(
        label="Why not the recommended practitioner",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Needed only when you choose someone else, for example a Tier 2 case given to a Tier 3 specialist",
    )

    def __init__(self, *args, practitioners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].choices = [
            (
                str(p.user.pk),
                f"{p.user.get_full_name()} ({p.user.get_grade_display()}): {p.capacity.percent}% now, "
                f"{p.with_new_case.percent}% with this case",
            )
            for p in practitioners
            if p.eligible
        ]
