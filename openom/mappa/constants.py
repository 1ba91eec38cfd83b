from django.db import models


class Category(models.IntegerChoices):
    REGISTERED_SEXUAL_OFFENDER = 1, "Category 1: registered sexual offender"
    VIOLENT_OFFENDER = 2, "Category 2: violent offender"
    OTHER_DANGEROUS_OFFENDER = 3, "Category 3: other dangerous offender"


class Level(models.IntegerChoices):
    ORDINARY = 1, "Level 1: ordinary agency management"
    MULTI_AGENCY = 2, "Level 2: active multi-agency management"
    SENIOR = 3, "Level 3: senior multi-agency management"


class ReferralStatus(models.TextChoices):
    PENDING = "PENDING", "Waiting for a decision"
    ACCEPTED = "ACCEPTED", "Accepted"
    DECLINED = "DECLINED", "Declined"


class MeetingStatus(models.TextChoices):
    SCHEDULED = "SCHEDULED", "Scheduled"
    HELD = "HELD", "Held"
    CANCELLED = "CANCELLED", "Cancelled"


class RegistrationEndReason(models.TextChoices):
    NOTIFICATION_ENDED = "NOTIFICATION_ENDED", "Notification requirement ended"
    SUPERVISION_ENDED = "SUPERVISION_ENDED", "Licence or order ended"
    NO_LONGER_MEETS_CATEGORY_3 = "NO_LONGER_MEETS_CATEGORY_3", "No longer meets category 3"
    DIED = "DIED", "Died"
    TRANSFERRED = "TRANSFERRED", "Transferred to another MAPPA area"
    OTHER = "OTHER", "Other"


class CivilOrderKind(models.TextChoices):
    """Civil orders by the law that made them; `openom.mappa.order_rules` says when each applies.

    Until 8 March 2015: SOPO (SOA 2003 s104), Foreign Travel Order (s114) and Risk of Sexual
    Harm Order (s123). From then: the Sexual Harm Prevention Order (SOA 2003 s103A, inserted by
    the Anti-social Behaviour, Crime and Policing Act 2014 s113 and Sch 5; now SA 2020 s343) and
    the Sexual Risk Order (SOA 2003 s122A). Notification Orders (s97) span both.
    """

    SOPO = "SOPO", "Sexual Offences Prevention Order"
    FOREIGN_TRAVEL_ORDER = "FOREIGN_TRAVEL_ORDER", "Foreign Travel Order"
    RSHO = "RSHO", "Risk of Sexual Harm Order"
    SHPO = "SHPO", "Sexual Harm Prevention Order"
    SRO = "SRO", "Sexual Risk Order"
    NOTIFICATION_ORDER = "NOTIFICATION_ORDER", "Notification Order"


class CivilOrderStatus(models.TextChoices):
    APPLIED = "APPLIED", "Applied for"
    INTERIM = "INTERIM", "Interim order issued"
    FULL = "FULL", "Full order issued"
    REFUSED = "REFUSED", "Refused"


class NotificationKind(models.TextChoices):
    INITIAL = "INITIAL", "Initial notification"
    PERIODIC = "PERIODIC", "Periodic (yearly or weekly) re-notification"
    CHANGE = "CHANGE", "Notification of a change"


class BreachOutcome(models.TextChoices):
    CAUTIONED = "CAUTIONED", "Cautioned"
    CONVICTED = "CONVICTED", "Convicted"


class Whereabouts(models.TextChoices):
    WANTED = "WANTED", "Wanted"
    MISSING = "MISSING", "Missing"


class LifetimeReviewOutcome(models.TextChoices):
    # SOA 2003 s91C(2): the chief officer determines whether the requirements continue.
    DISCHARGED = "DISCHARGED", "Notification requirements discharged"
    CONTINUED = "CONTINUED", "Notification requirements continue"
