from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from config.api import api

admin.site.site_header = "OpenOM administration"
admin.site.site_title = "OpenOM administration"

urlpatterns = [
    path(
        "favicon.ico",
        RedirectView.as_view(url=static("govuk-frontend/assets/images/favicon.ico")),
        name="favicon",
    ),
    path("accounts/", include("openom.accounts.urls")),
    path("admin/", admin.site.urls),
    path("administration/", include("openom.access.urls")),
    path("api/v1/", api.urls),
    path("cases/<str:crn>/victims/", include("openom.victims.urls")),
    path("cases/<str:crn>/intelligence/", include("openom.intelligence.urls")),
    path("cases/<str:crn>/health/", include("openom.health.urls")),
    path("cases/<str:crn>/release/", include("openom.release.urls")),
    path("cases/<str:crn>/plans/", include("openom.planning.urls")),
    path("cases/<str:crn>/contacts/", include("openom.contacts.urls")),
    path("cases/<str:crn>/enforcement/", include("openom.enforcement.urls")),
    path("cases/<str:crn>/assessment/", include("openom.assessment.urls")),
    path("cases/<str:crn>/tier/", include("openom.tiering.urls")),
    path("assessments/", include("openom.assessment.manager_urls")),
    path("cases/<str:crn>/mappa/", include("openom.mappa.case_urls")),
    path("mappa/", include("openom.mappa.urls")),
    path("cases/<str:crn>/iom/", include("openom.iom.case_urls")),
    path("iom/", include("openom.iom.urls")),
    path("worklist/", include("openom.worklist.urls")),
    path("allocation/", include("openom.allocation.urls")),
    path("notifications/", include("openom.notifications.urls")),
    path("", include("openom.home.urls")),
    path("", include("openom.people.urls")),
]
