import datetime as dt

from django import forms

from openom.accounts.constants import Role
from openom.accounts.models import User
from openom.core.forms import (
    CreateOnceForm,
    GovUKDateField,
    QueryForm,
    ServiceForm,
    VersionedForm,
    WindowedDateField,
)
from openom.mappa.constants import (
    BreachOutcome,
    CivilOrderKind,
    Level,
    LifetimeReviewOutcome,
    NotificationKind,
    RegistrationEndReason,
    Whereabouts,
)
from openom.organisations.constants import AgencyKind
from openom.organisations.models import Agency, LocalDeliveryUnit

LEVEL_CHOICES = [(level.value, level.label) for level in Level]
MEETING_LEVELS = [
    (Level.MULTI_AGENCY.value, "Level 2 (divisional)"),
    (Level.SENIOR.value, "Level 3 (county-wide)"),
]


class ReferralForm(CreateOnceForm):
    police_force = forms.ModelChoiceField(
        label="MAPPA area (police force)",
        queryset=Agency.objects.filter(kind=AgencyKind.POLICE).order_by("name"),
    )
    level_requested = forms.TypedChoiceField(
        label="Level asked for", choices=LEVEL_CHOICES[1:], coerce=int, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label="Why does the person need multi-agency management?", widget=forms.Textarea
    )
    risk_of_serious_harm = forms.BooleanField(
        label="They pose a current risk of serious harm", required=False
    )
    risk_linked_to_offending = forms.BooleanField(
        label="The risk is linked to their offending", required=False
    )
    expected_release_date = GovUKDateField(
        label="Expected release date", required=False, help_text="For a referral from custody"
    )
    coordinator = forms.ModelChoiceField(
        label="MAPPA coordinator to take the referral (restricted cases only)",
        queryset=User.objects.filter(is_active=True, roles__role=Role.MAPPA_COORDINATOR)
        .select_related("agency")
        .order_by("last_name", "first_name")
        .distinct(),
        required=False,
        empty_label="Choose a coordinator",
        help_text="Only for a case restricted to named staff: the coordinator is added to the "
        "restriction and the case's senior probation officer is told.",
    )


class ReferralDecisionForm(ServiceForm):
    accept = forms.TypedChoiceField(
        label="Decision",
        choices=[("yes", "Accept"), ("no", "Decline")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    level = forms.TypedChoiceField(
        label="Management level",
        choices=LEVEL_CHOICES,
        coerce=int,
        required=False,
        widget=forms.RadioSelect,
    )
    police_unit = forms.ModelChoiceField(
        label="Police division (basic command unit)",
        queryset=LocalDeliveryUnit.objects.none(),
        required=False,
    )
    rationale = forms.CharField(label="Why", widget=forms.Textarea)

    def __init__(self, *args, police_force, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["police_unit"].queryset = police_force.delivery_units.order_by("name")


class LevelForm(ServiceForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    level = forms.TypedChoiceField(
        label="New level", choices=LEVEL_CHOICES, coerce=int, widget=forms.RadioSelect
    )
    rationale = forms.CharField(label="Why", widget=forms.Textarea)


class EndForm(ServiceForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.ChoiceField(
        label="Why does MAPPA management end?",
        choices=[
            c for c in RegistrationEndReason.choices if c[0] != RegistrationEndReason.TRANSFERRED
        ],
        widget=forms.RadioSelect,
        help_text="To move the case to another MAPPA area, transfer it instead",
    )
    ended_on = GovUKDateField(label="Date management ended")
    notes = forms.CharField(
        label="Notes", widget=forms.Textarea, required=False, help_text="Needed for 'Other'"
    )


class TransferForm(ServiceForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    to_police_force = forms.ModelChoiceField(
        label="Receiving MAPPA area (police force)", queryset=Agency.objects.none()
    )
    reason = forms.CharField(
        label="Why is the case moving?",
        widget=forms.Textarea,
        help_text="For example, the new home address and the date they moved",
    )

    def __init__(self, *args, police_force, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_police_force"].queryset = (
            Agency.objects.filter(kind=AgencyKind.POLICE)
            .exclude(pk=police_force.pk)
            .order_by("name")
        )


class WhereaboutsForm(ServiceForm):
    status = forms.ChoiceField(
        label="Is the person wanted or missing?",
        choices=Whereabouts.choices,
        widget=forms.RadioSelect,
    )
    since = GovUKDateField(label="Wanted or missing since")
    circumstances = forms.CharField(
        label="What is known",
        widget=forms.Textarea,
        help_text="Last seen, any warrant, whether circulated on the Police National Computer",
    )


class FoundForm(ServiceForm):
    found_on = GovUKDateField(label="Found on")
    note = forms.CharField(label="How they were found", widget=forms.Textarea, required=False)


class LifetimeReviewApplicationForm(ServiceForm):
    relevant_notification_on = GovUKDateField(
        label="Date of the relevant notification",
        help_text="The first notification after release from custody (or the initial "
        "notification if not in custody)",
    )
    under_18_on_relevant_date = forms.TypedChoiceField(
        label="Age on the date of conviction (the relevant date)",
        choices=[("no", "18 or over"), ("yes", "Under 18")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    applied_on = GovUKDateField(label="Application received on")


class LifetimeReviewDecisionForm(ServiceForm):
    outcome = forms.ChoiceField(
        label="Determination", choices=LifetimeReviewOutcome.choices, widget=forms.RadioSelect
    )
    reasons = forms.CharField(label="Reasons", widget=forms.Textarea)
    further_review_years = forms.IntegerField(
        label="Further review period (years)",
        required=False,
        min_value=1,
        max_value=15,
        help_text="If the requirements continue: 8 years unless a longer period, up to 15, "
        "is justified",
        widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-3"}),
    )


class CommentaryForm(ServiceForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    text = forms.CharField(
        label="Strategic Management Board commentary",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Published with the year's tables",
    )


class MeetingForm(ServiceForm):
    level = forms.TypedChoiceField(
        label="Level", choices=MEETING_LEVELS, coerce=int, widget=forms.RadioSelect
    )
    police_unit = forms.ModelChoiceField(
        label="Police division",
        queryset=LocalDeliveryUnit.objects.none(),
        required=False,
        help_text="Level 2 meetings are held for one division",
    )
    date = GovUKDateField(label="Date")
    time = forms.TimeField(
        label="Start time", help_text="For example, 10:00", input_formats=["%H:%M", "%H.%M"]
    )
    location = forms.CharField(label="Where")
    chair = forms.CharField(label="Chair")
    agencies = forms.ModelMultipleChoiceField(
        label="Agencies invited",
        queryset=Agency.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The police and the probation area of each case are always invited",
    )
    registrations = forms.ModelMultipleChoiceField(
        label="Cases for the agenda", queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, police_force, registrations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["police_unit"].queryset = police_force.delivery_units.order_by("name")
        self.fields["agencies"].queryset = Agency.objects.exclude(pk=police_force.pk).order_by(
            "name"
        )
        self.fields["registrations"].queryset = registrations
        self.fields["registrations"].label_from_instance = lambda r: (
            f"{r.person.full_name} ({r.person.crn}), category {r.category}, level {r.level}"
            + (f", review due {r.next_review_due:%-d %b %Y}" if r.next_review_due else "")
        )

    def starts_at(self) -> dt.datetime:
        from django.utils import timezone

        naive = dt.datetime.combine(self.cleaned_data["date"], self.cleaned_data["time"])
        return timezone.make_aware(naive)


class AttendanceForm(forms.Form):
    def __init__(self, *args, invitations, **kwargs):
        super().__init__(*args, **kwargs)
        for invitation in invitations:
            self.fields[f"agency_{invitation.agency_id}"] = forms.CharField(
                label=f"{invitation.agency.name}: who attended",
                required=False,
                initial=invitation.attendee_names,
                help_text="Leave blank if the agency did not attend",
            )

    def attended(self) -> dict[int, str]:
        return {
            int(name.removeprefix("agency_")): value.strip()
            for name, value in self.cleaned_data.items()
            if value and value.strip()
        }


class MinutesForm(VersionedForm):
    """Carries the agenda item's version and the registration's, as read when the page opened."""

    registration_version = forms.IntegerField(
        widget=forms.HiddenInput, min_value=0, max_value=2**31 - 1
    )
    minutes = forms.CharField(label="Minutes", widget=forms.Textarea, required=False)
    risk_management_plan = forms.CharField(
        label="Risk management plan", widget=forms.Textarea, required=False
    )
    disclosure_decision = forms.CharField(
        label="Disclosure decision",
        widget=forms.Textarea,
        required=False,
        help_text="Whether to disclose, to whom and why (or why not)",
    )
    level_decided = forms.TypedChoiceField(
        label="Level decided",
        choices=[("", "No change"), *LEVEL_CHOICES],
        coerce=int,
        required=False,
        empty_value=None,
    )


class ActionForm(ServiceForm):
    description = forms.CharField(label="Action", widget=forms.Textarea)
    owner_agency = forms.ModelChoiceField(label="Owner agency", queryset=Agency.objects.none())
    owner = forms.ModelChoiceField(
        label="Owner",
        queryset=None,
        required=False,
        help_text="The person responsible; without one, the agency's MAPPA contacts are chased",
    )
    due_date = GovUKDateField(label="Due date")

    def __init__(self, *args, agencies, **kwargs):
        from openom.accounts.models import User

        super().__init__(*args, **kwargs)
        self.fields["owner_agency"].queryset = agencies
        self.fields["owner"].queryset = (
            User.objects.filter(agency__in=agencies, is_active=True)
            .select_related("agency")
            .order_by("last_name", "first_name")
        )
        self.fields["owner"].label_from_instance = lambda u: f"{u.get_full_name()} ({u.agency})"


class ReportForm(forms.Form):
    year_end = WindowedDateField(
        label="Year ending (31 March)",
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(
            attrs={"type": "date", "class": "govuk-input govuk-input--width-10"}, format="%Y-%m-%d"
        ),
    )


class NotificationForm(ServiceForm):
    notified_on = GovUKDateField(label="Date notified")
    kind = forms.ChoiceField(
        label="Kind of notification", choices=NotificationKind.choices, widget=forms.RadioSelect
    )
    no_fixed_abode = forms.BooleanField(
        label="No sole or main residence (re-notify weekly)", required=False
    )


class NotificationBreachForm(ServiceForm):
    breach_date = GovUKDateField(label="Date of the breach")
    outcome = forms.ChoiceField(
        label="Outcome", choices=[("", "Not yet known"), *BreachOutcome.choices], required=False
    )
    outcome_date = GovUKDateField(label="Date of the caution or conviction", required=False)


class CivilOrderForm(ServiceForm):
    kind = forms.ChoiceField(
        label="Order", choices=CivilOrderKind.choices, widget=forms.RadioSelect
    )
    applied_on = GovUKDateField(label="Applied for on")
    interim_on = GovUKDateField(label="Interim order made on", required=False)
    full_on = GovUKDateField(label="Full order made on", required=False)
    refused_on = GovUKDateField(label="Refused on", required=False)
    expires_on = GovUKDateField(label="Expires on", required=False)
    conditions = forms.CharField(
        label="Prohibitions and conditions", widget=forms.Textarea, required=False
    )


class CivilOrderBreachForm(ServiceForm):
    order = forms.ModelChoiceField(label="Order breached", queryset=None)
    breach_date = GovUKDateField(label="Date of the breach")
    sent_to_custody_on = GovUKDateField(label="Sent to custody on", required=False)

    def __init__(self, *args, orders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].queryset = orders


class SeriousFurtherOffenceForm(ServiceForm):
    offence_date = GovUKDateField(label="Date of the offence")
    charged_on = GovUKDateField(label="Charged on")
    description = forms.CharField(label="The offence", widget=forms.Textarea)


class SeriousFurtherOffenceReviewForm(ServiceForm):
    findings = forms.CharField(label="What the review found", widget=forms.Textarea)


class MeetingQuery(QueryForm):
    """?level= on the schedule-a-meeting page: level 2 or 3 (other values are ignored)."""

    level = forms.TypedChoiceField(
        choices=[(Level.MULTI_AGENCY, ""), (Level.SENIOR, "")], coerce=int
    )
