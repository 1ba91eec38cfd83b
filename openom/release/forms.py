from django import forms

from openom.core.forms import GovUKDateField, ServiceForm
from openom.release.constants import AdjustmentKind
from openom.sentencing.models import Sentence


class SentenceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Sentence) -> str:
        return (
            f"Event {obj.event.number}: {obj.get_sentence_type_display()} of "
            f"{obj.length_description}, imposed {obj.sentence_date.day} "
            f"{obj.sentence_date:%B %Y}"
        )


class CustodyAdjustmentForm(ServiceForm):
    kind = forms.ChoiceField(
        label="Adjustment", choices=AdjustmentKind.choices, widget=forms.RadioSelect
    )
    sentence = SentenceChoiceField(
        label="Sentence it counts towards",
        queryset=Sentence.objects.none(),
        required=False,
        empty_label="Choose the sentence",
        help_text="Remand, tagged bail, special remission and custody abroad only",
    )
    from_date = GovUKDateField(
        label="From",
        required=False,
        help_text=(
            "Remand, recall remand and unlawfully at large: the first day. Additional days "
            "awarded: the date of the adjudication; restoration: the date the days were restored"
        ),
    )
    to_date = GovUKDateField(
        label="To",
        required=False,
        help_text="Remand, recall remand and unlawfully at large: the last day",
    )
    days = forms.IntegerField(
        label="Number of days",
        min_value=1,
        max_value=20000,
        required=False,
        help_text=(
            "Leave blank for a period to count every day from the first to the last; enter the "
            "certified number if it is fewer"
        ),
    )

    def __init__(self, *args, sentences=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["sentence"]
        field.queryset = (
            Sentence.objects.filter(pk__in=[s.pk for s in sentences or []])
            .select_related("event")
            .order_by("sentence_date", "pk")
        )
        if sentences and len(sentences) == 1:
            field.initial = sentences[0].pk
