from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from openom.access.policy import people_visible_to
from openom.core.pagination import paginate, pagination_context
from openom.notifications.models import Notification
from openom.notifications.services import notifications_mark_read


@login_required
def notification_list(request):
    # A notification about a case the user can no longer see is not shown.
    visible = people_visible_to(request.user).values("pk")
    notifications = (
        Notification.objects.filter(recipient=request.user, person__in=visible)
        .select_related("person")
        .order_by("read_at", "-created_at")
    )
    page = paginate(request, notifications)
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
