from django.db import models


class ContactType(models.TextChoices):
    OFFICE = "OFFICE", "Office appointment"
    HOME_VISIT = "HOME_VISIT", "Home visit"
    UNPAID_WORK = "UNPAID_WORK", "Unpaid work session"
    PROGRAMME = "PROGRAMME", "Programme session"
    PHONE = "PHONE", "Phone call"
    VIDEO = "VIDEO", "Video call"
    THIRD_PARTY = "THIRD_PARTY", "Third-party contact"


class ContactOutcome(models.TextChoices):
    ATTENDED_COMPLIED = "ATTENDED_COMPLIED", "Attended and complied"
    ATTENDED_FAILED_TO_COMPLY = "ATTENDED_FAILED_TO_COMPLY", "Attended but failed to comply"
    ACCEPTABLE_ABSENCE = "ACCEPTABLE_ABSENCE", "Acceptable absence"
    UNACCEPTABLE_ABSENCE = "UNACCEPTABLE_ABSENCE", "Unacceptable absence"


# Outcomes that are a failure to comply the officer has judged unacceptable.
FAILURES_TO_COMPLY = frozenset(
    {ContactOutcome.ATTENDED_FAILED_TO_COMPLY, ContactOutcome.UNACCEPTABLE_ABSENCE}
)
# Outcomes in which the person was seen.
ATTENDED = frozenset({ContactOutcome.ATTENDED_COMPLIED, ContactOutcome.ATTENDED_FAILED_TO_COMPLY})
# Contact types that count towards the National Standards contact frequency.
FACE_TO_FACE = frozenset({ContactType.OFFICE, ContactType.HOME_VISIT, ContactType.VIDEO})


class StandardsEdition(models.TextChoices):
    NS_2005 = "NS_2005", "National Standards 2005"
    NS_2018 = "NS_2018", "2018 onwards: monthly face to face"
