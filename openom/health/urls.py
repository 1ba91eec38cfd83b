from django.urls import path

from openom.health import views

app_name = "health"
urlpatterns = [
    path("", views.health_list, name="list"),
    path("add/", views.health_create, name="add"),
]
