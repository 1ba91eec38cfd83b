from django.urls import path

from openom.mappa import views

app_name = "mappa"
urlpatterns = [
    path("", views.register, name="register"),
    path("referrals/", views.referrals, name="referrals"),
    path("referrals/<int:pk>/", views.referral_decide, name="referral-decide"),
    path("registrations/<int:pk>/", views.registration_detail, name="registration"),
    path("registrations/<int:pk>/level/", views.level_change, name="level-change"),
    path(
        "registrations/<int:pk>/confirm-to-prison/",
        views.confirm_to_prison,
        name="confirm-to-prison",
    ),
    path(
        "registrations/<int:pk>/notifications/new/", views.notification_add, name="notification-add"
    ),
    path(
        "registrations/<int:pk>/notification-breaches/new/",
        views.notification_breach_add,
        name="notification-breach-add",
    ),
    path("registrations/<int:pk>/civil-orders/new/", views.civil_order_add, name="civil-order-add"),
    path(
        "registrations/<int:pk>/civil-order-breaches/new/",
        views.civil_order_breach_add,
        name="civil-order-breach-add",
    ),
    path("registrations/<int:pk>/serious-further-offences/new/", views.sfo_add, name="sfo-add"),
    path(
        "registrations/<int:pk>/serious-further-offences/<int:sfo>/review/",
        views.sfo_review,
        name="sfo-review",
    ),
    path("meetings/", views.meeting_list, name="meetings"),
    path("meetings/new/", views.meeting_schedule, name="meeting-schedule"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/attendance/", views.meeting_attendance, name="meeting-attendance"),
    path("meetings/<int:pk>/agenda/<int:item>/minutes/", views.minutes_record, name="minutes"),
    path("meetings/<int:pk>/agenda/<int:item>/actions/new/", views.action_add, name="action-add"),
    path("actions/", views.actions, name="actions"),
    path("actions/<int:pk>/complete/", views.action_complete, name="action-complete"),
    path("report/", views.annual_report, name="report"),
    path("report/commentary/", views.report_commentary, name="report-commentary"),
    path("wanted-or-missing/", views.wanted_or_missing, name="wanted-or-missing"),
    path("registrations/<int:pk>/end/", views.registration_end, name="registration-end"),
    path(
        "registrations/<int:pk>/transfer/",
        views.registration_transfer,
        name="registration-transfer",
    ),
    path("registrations/<int:pk>/whereabouts/new/", views.whereabouts_add, name="whereabouts-add"),
    path(
        "registrations/<int:pk>/whereabouts/found/",
        views.whereabouts_found,
        name="whereabouts-found",
    ),
    path(
        "registrations/<int:pk>/lifetime-reviews/new/",
        views.lifetime_review_apply,
        name="lifetime-review-apply",
    ),
    path(
        "registrations/<int:pk>/lifetime-reviews/<int:review>/decide/",
        views.lifetime_review_decide,
        name="lifetime-review-decide",
    ),
]
