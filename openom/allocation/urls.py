from django.urls import path

from openom.allocation import views

app_name = "allocation"
urlpatterns = [
    path("", views.unallocated, name="unallocated"),
    path("workload/", views.workload, name="workload"),
    path("<str:crn>/", views.allocate, name="allocate"),
]
