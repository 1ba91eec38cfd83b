"""GOV.UK "Check your answers" before a referral is sent: nothing is saved until it is confirmed,
and "Change your answers" returns to the filled-in form."""

from django.urls import reverse

from openom.mappa.models import MappaReferral

ANSWERS = {
    "level_requested": "2",
    "reason": "Threats to a former partner from custody",
    "risk_of_serious_harm": "on",
    "risk_linked_to_offending": "on",
}


def test_a_mappa_referral_is_checked_then_sent(client, olivia, daniel, colin):
    client.force_login(olivia)
    url = reverse("mappa-case:refer", args=[daniel.crn])
    answers = {**ANSWERS, "police_force": colin.agency.pk}

    check = client.post(url, answers)

    page = check.content.decode()
    assert check.status_code == 200
    assert "Check your answers before you send the referral" in page
    assert "Threats to a former partner from custody" in page
    assert "Level 2: active multi-agency management" in page
    assert not MappaReferral.objects.exists()

    changing = client.post(url, {**answers, "_change": "yes"})
    assert 'value="Threats to a former partner from custody"' in changing.content.decode() or (
        "Threats to a former partner from custody</textarea>" in changing.content.decode()
    )
    assert not MappaReferral.objects.exists()

    sent = client.post(url, {**answers, "_confirmed": "yes"})
    assert sent.status_code == 302
    assert MappaReferral.objects.get().reason == "Threats to a former partner from custody"
