from django.urls import path

from openom.access import views as access_views
from openom.people import views
from openom.sentencing import views as sentencing_views

app_name = "people"
urlpatterns = [
    path("caseload/", views.my_cases, name="my-cases"),
    path("caseload/my-cases.csv", views.my_cases_export, name="my-cases-export"),
    path("search/", views.search, name="search"),
    path("people/add/", views.person_add, name="person-create"),
    path("cases/<str:crn>/", views.case_summary, name="case-summary"),
    path("cases/<str:crn>/reason/", access_views.case_reason, name="case-reason"),
    path(
        "cases/<str:crn>/personal-details/",
        views.case_personal_details,
        name="case-personal-details",
    ),
    path("cases/<str:crn>/personal-details/change/", views.person_edit, name="person-edit"),
    path(
        "cases/<str:crn>/contact-details/", views.case_contact_details, name="case-contact-details"
    ),
    path("cases/<str:crn>/events/", views.case_events, name="case-events"),
    path("cases/<str:crn>/events/add/", sentencing_views.event_add, name="event-create"),
    path(
        "cases/<str:crn>/events/<int:number>/sentence/add/",
        sentencing_views.sentence_add,
        name="sentence-create",
    ),
    path(
        "cases/<str:crn>/sentences/<int:pk>/end/",
        sentencing_views.sentence_end,
        name="sentence-end",
    ),
    path("cases/<str:crn>/access/", access_views.case_access_log, name="case-access"),
    path("cases/<str:crn>/access/share/", access_views.case_share_add, name="case-share-add"),
    path(
        "cases/<str:crn>/access/restrict/",
        access_views.case_restriction_create,
        name="case-restriction-add",
    ),
]
