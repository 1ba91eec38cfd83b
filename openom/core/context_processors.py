from django.conf import settings
from django.http import HttpRequest


def service(request: HttpRequest) -> dict[str, object]:
    from openom.access.policy import may_add_people
    from openom.notifications.selectors import unread_count_for

    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    return {
        "service_name": settings.OPENOM_SERVICE_NAME,
        "may_add_people": may_add_people(user) if signed_in else False,
        "is_manager": signed_in and "SENIOR_PROBATION_OFFICER" in user.role_codes,
        "is_mappa_coordinator": signed_in and "MAPPA_COORDINATOR" in user.role_codes,
        "is_iom_coordinator": signed_in and "IOM_COORDINATOR" in user.role_codes,
        "is_administrator": signed_in and "SYSTEM_ADMINISTRATOR" in user.role_codes,
        "unread_notifications": unread_count_for(user) if signed_in else 0,
    }
