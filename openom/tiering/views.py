"""Recording what changes a tier: a licence whose active supervision has ceased."""

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from openom.access.constants import CasePart
from openom.access.decorators import case_view
from openom.core.views import form_page
from openom.sentencing.services import licence_supervision_cease
from openom.tiering.forms import SupervisionCeasedForm
from openom.tiering.services import tier_recalculate


@case_view(CasePart.EVENTS, edit=True)
@require_http_methods(["GET", "POST"])
def supervision_ceased(request, case, sentence_pk: int):
    """Active supervision of a licence ceased (HMPPS Tier service: unsupervised, an 'S' suffix)."""
    sentence = case.person.sentences.filter(pk=sentence_pk, termination_date__isnull=True).first()
    if sentence is None:
        raise Http404("No such current sentence")
    back = reverse("people:case-events", args=[case.person.crn])

    def save(data):
        licence_supervision_cease(
            sentence=sentence,
            ceased_on=data["ceased_on"],
            version=data["version"],
            actor=request.user,
        )
        tier_recalculate(
            person=case.person, actor=request.user, reason="Licence supervision ceased"
        )

    return form_page(
        request,
        form=SupervisionCeasedForm(
            request.POST or None,
            initial={"version": sentence.version, "ceased_on": timezone.localdate()},
        ),
        person=case.person,
        heading="Record that licence supervision ceased",
        intro="The licence continues to its end date, but the person is no longer actively "
        "supervised on it. The HMPPS tier shows this with an 'S' after the tier.",
        save=save,
        success="Supervision ceased: the tier has been recalculated",
        next_url=back,
        back_url=back,
    )
