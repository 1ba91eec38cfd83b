from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from openom.access.constants import CasePart
from openom.access.services import access_log_page
from openom.core.pagination import paginate, pagination_context
from openom.notifications.models import Notification
from openom.notifications.selectors import notifications_for
from openom.notifications.services import notifications_mark_read


@login_required
def notification_list(request):
    notifications = (
        notifications_for(request.user).select_related("person").order_by("read_at", "-created_at")
    )
    page = paginate(request, notifications)
    access_log_page(
        request, [n.person_id for n in page.object_list if n.person_id], part=CasePart.WORK_LIST
    )
    return render(request, "notifications/list.html", pagination_context(request, page))


@login_required
@require_POST
def notification_read_all(request):
    ids = list(
        Notification.objects.filter(recipient=request.user, read_at__isnull=True).values_list(
            "pk", flat=True
        )
    )
    notifications_mark_read(user=request.user, ids=ids)
    return redirect("notifications:list")
