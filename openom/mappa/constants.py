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
    OTHER = "OTHER", "Other"


class CivilOrderKind(models.TextChoices):
    # Sexual Offences Prevention Orders (SOA 2003 s104) and their successor, the Sexual Harm
    # Prevention Order (Anti-social Behaviour, Crime and Policing Act 2014; now SA 2020 s343).
    SOPO = "SOPO", "Sexual Offences Prevention Order (or Sexual Harm Prevention Order)"
    NOTIFICATION_ORDER = "NOTIFICATION_ORDER", "Notification Order"
    FOREIGN_TRAVEL_ORDER = "FOREIGN_TRAVEL_ORDER", "Foreign Travel Order"


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
