from django.urls import path

from openom.release import views

app_name = "release"
urlpatterns = [
    path("", views.release_dates, name="dates"),
    path("adjustments/add/", views.adjustment_create, name="adjustment-add"),
    path("adjustments/<int:pk>/delete/", views.adjustment_delete, name="adjustment-delete"),
]
