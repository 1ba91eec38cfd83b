from django.urls import path

from openom.intelligence import views

app_name = "intelligence"
urlpatterns = [
    path("", views.intelligence_list, name="list"),
    path("add/", views.intelligence_create, name="add"),
]
